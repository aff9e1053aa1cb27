"""Boundaries and the tables behind the maps: 76 municipalities, statuses kept, missing never zero."""

import json

import polars as pl
import pytest

from analysis import load_dashboard, load_population
from analysis.maps import (
    boundary_file,
    district_map_table,
    intervention_map_table,
    load_boundaries,
    measure_map_table,
    municipality_areas,
    with_properties,
)
from analysis.maps.wording import FEW_COUNTS, MISSING_CLASSES
from analysis.parser import EMPTY, NOT_REPORTED, REPORTED


@pytest.fixture(scope="module")
def tidy() -> pl.DataFrame:
    return load_dashboard(2022)


@pytest.fixture(scope="module")
def population() -> pl.DataFrame:
    return load_population()


def _row(table: pl.DataFrame, municipality: str) -> dict:
    return table.filter(pl.col("gemeente") == municipality).row(0, named=True)


def test_geometry_has_exactly_the_76_codes_of_the_population_file(population: pl.DataFrame) -> None:
    collection = json.loads(boundary_file(2022).read_text(encoding="utf-8"))
    codes = [f["properties"]["statcode"] for f in collection["features"]]
    assert len(codes) == 76 == len(set(codes))
    assert set(codes) == set(population["gemeentecode"])
    names = {f["properties"]["statcode"]: f["properties"]["statnaam"] for f in collection["features"]}
    assert names["GM0153"] == "Enschede" and names["GM0200"] == "Apeldoorn"


def test_every_district_is_the_union_of_its_municipalities(population: pl.DataFrame) -> None:
    boundaries = load_boundaries(
        2022, dict(zip(population["gemeentecode"], population["gemeente"], strict=True))
    )
    assert boundaries.complete and len(boundaries.features) == 76
    drawn = {f["properties"]["statcode"] for f in boundaries.features}
    for district, group in population.group_by("district"):
        assert set(group["gemeentecode"]) <= drawn, district
    sizes = population.group_by("district").len().sort("district")
    assert sizes["len"].sum() == 76 and sizes.height == 5


def test_rings_keep_the_order_vega_needs(population: pl.DataFrame) -> None:
    """Exterior rings are clockwise (negative shoelace area in lon/lat): reversed rings fill the globe."""
    collection = json.loads(boundary_file(2022).read_text(encoding="utf-8"))
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        for polygon in polygons:
            ring = polygon[0]
            area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))
            assert area < 0, feature["properties"]["statnaam"]


def test_a_later_year_with_a_merger_names_what_it_cannot_draw(population: pl.DataFrame) -> None:
    municipalities = dict(zip(population["gemeentecode"], population["gemeente"], strict=True))
    merged = {code: name for code, name in municipalities.items() if name not in ("Hengelo", "Borne")}
    merged["GM9999"] = "Hengelo-Borne"
    boundaries = load_boundaries(2024, merged)
    assert boundaries.file_year == 2022
    assert boundaries.missing == ("Hengelo-Borne",)
    assert boundaries.unused == ("Borne", "Hengelo")
    assert not boundaries.complete


def test_municipalities_carry_the_area_they_are_reported_in(
    tidy: pl.DataFrame, population: pl.DataFrame
) -> None:
    areas = municipality_areas(tidy, population)
    assert areas.height == 76
    assert _row(areas, "Enschede")["kaartgebied"] == "Enschede" and not _row(areas, "Enschede")["overig"]
    other = _row(areas, "Losser")
    assert other["overig"] and other["kaartgebied"] == "Overig Twente"


def test_signal_map_keeps_statuses_and_counts(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    table = measure_map_table(tidy, population, "signalen", "signalen", "per_100k", "Twente")
    assert table.height == 76
    enschede = _row(table, "Enschede")
    assert enschede["waarde"] == 19 and enschede["status"] == REPORTED
    assert enschede["waarde_tekst"] == "19 signalen"
    for empty in ("West Betuwe", "Hof van Twente", "Barneveld"):
        row = _row(table, empty)
        assert row["status"] == EMPTY and row["waarde"] is None
        assert row["klasse"] == MISSING_CLASSES[EMPTY]
    # Every municipality of an Overig area shares its figure.
    overig = table.filter(pl.col("kaartgebied") == "Overig Twente")
    assert overig["waarde"].n_unique() == 1 and overig["overig"].all()
    # A count below 5 is shown but not compared.
    assert table.filter((pl.col("waarde") < 5) & (pl.col("status") == REPORTED))[
        "klasse"
    ].unique().to_list() == [FEW_COUNTS]
    assert table.filter(pl.col("gekozen"))["district"].unique().to_list() == ["Twente"]


def test_intervention_map_keeps_question_marks_apart_from_zero(
    tidy: pl.DataFrame, population: pl.DataFrame
) -> None:
    table = intervention_map_table(tidy, population)
    for unknown in ("Hengelo", "Tubbergen"):
        row = _row(table, unknown)
        assert row["status"] == NOT_REPORTED and row["waarde"] is None
        assert row["klasse"] == "geen opgave (?)"
    for silent in ("Barneveld", "Doetinchem"):
        row = _row(table, silent)
        assert row["waarde"] == 0 and row["klasse"] == "rapportage, geen interventie"


def test_district_table_and_features(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    districts = pl.DataFrame({"district": ["Twente"], "casustafel": ["met casustafel"]})
    table = district_map_table(population, districts, 2022, "Twente")
    assert table.height == 76 and table["gekozen"].sum() == 14
    assert table.filter(pl.col("district") == "Twente")["casustafel"].unique().to_list() == ["met casustafel"]
    boundaries = load_boundaries(2022, dict(zip(table["gemeentecode"], table["gemeente"], strict=True)))
    features = with_properties(boundaries.features, table.to_dicts())
    assert len(features) == 76 and features[0]["properties"]["jaar"] == 2022
