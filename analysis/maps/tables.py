"""The table behind each map: every municipality with the figure of the area it is reported in.

The dashboard names some municipalities in its district blocks and counts the rest together
as the district's "Overig". On a map each of the 76 municipalities gets the figure of its
area, so the municipalities of one "Overig" share one figure and are marked as such. A cell
that is empty, ``?`` or ``-`` keeps its status and is never coloured as zero; a count below
:data:`~analysis.maps.wording.MIN_COUNT` is shown but not compared.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

from analysis.geography import UNIT, population_year
from analysis.interventions import area_table
from analysis.maps import wording
from analysis.parser import AREA_MUNICIPALITY, NOT_REPORTED, OTHER_PREFIX, REPORTED
from analysis.supply import area_rates

MAP_SCHEMA = {
    "jaar": pl.Int64,
    "gemeentecode": pl.String,
    "gemeente": pl.String,
    "district": pl.String,
    "kaartgebied": pl.String,
    "overig": pl.Boolean,
    "gekozen": pl.Boolean,
    "waarde": pl.Int64,
    "status": pl.String,
    "inwoners": pl.Int64,
    "per_100k": pl.Float64,
    "klasse": pl.String,
    "gebied_tekst": pl.String,
    "waarde_tekst": pl.String,
    "maat_tekst": pl.String,
}


def municipality_areas(tidy: pl.DataFrame, population: pl.DataFrame) -> pl.DataFrame:
    """Every municipality with the area the year's tables report it in: its own name or its district's Overig.

    Columns: ``gemeentecode, gemeente, district, kaartgebied, overig, inwoners_gemeente``.
    """
    year = int(tidy["jaar"][0])
    named = set(
        tidy.filter(pl.col("gebiedstype") == AREA_MUNICIPALITY).select("district", "gebied").iter_rows()
    )
    column = f"inwoners_{population_year(population, year)}"
    rows = []
    for row in population.iter_rows(named=True):
        own = (row["district"], row["gemeente"]) in named
        rows.append(
            {
                "gemeentecode": row["gemeentecode"],
                "gemeente": row["gemeente"],
                "district": row["district"],
                "kaartgebied": row["gemeente"] if own else f"{OTHER_PREFIX} {row['district']}",
                "overig": not own,
                "inwoners_gemeente": row[column],
                "jaar": year,
            }
        )
    return pl.DataFrame(rows)


def _identity(row: dict[str, object]) -> dict[str, object]:
    """The columns that say which municipality a map row is, and which area it is counted in."""
    return {k: row[k] for k in ("jaar", "gemeentecode", "gemeente", "district", "kaartgebied", "overig")}


def _chosen(areas: pl.DataFrame, district: str) -> pl.Expr:
    return pl.lit(True) if district == UNIT else pl.col("district") == district


def _class(value: int | None, status: str, rate: float | None, unit_rate: float | None, measure: str) -> str:
    if status != REPORTED or value is None:
        return wording.MISSING_CLASSES.get(status, status)
    if value < wording.MIN_COUNT:
        return wording.FEW_COUNTS
    if measure == "aantal":
        bounds = (10, 25, 50)
        return wording.COUNT_CLASSES[sum(value >= b for b in bounds)]
    if rate is None or not unit_rate:
        return wording.FEW_COUNTS
    ratio = rate / unit_rate
    return wording.RATE_CLASSES[sum(ratio >= b for b in (2 / 3, 1.5, 3.0))]


def measure_map_table(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    indicator: str,
    label: str,
    measure: Literal["aantal", "per_100k"] = "per_100k",
    district: str = UNIT,
) -> pl.DataFrame:
    """One indicator per municipality for a map: the area's count, status, inhabitants, rate and class.

    ``label`` is the plural noun of the count in tooltips (``signalen``); ``district`` marks
    the chosen district (``gekozen``), the unit marks all.
    """
    areas = municipality_areas(tidy, population)
    rates = area_rates(tidy, population, indicator, by="gebied").select(
        "district", pl.col("gebied").alias("kaartgebied"), "waarde", "status", "inwoners", "per_100k"
    )
    unit = area_rates(tidy, population, indicator, by="district")
    reported = unit.filter(pl.col("status") == REPORTED)
    total = int(reported["waarde"].sum())
    inhabitants = int(reported["inwoners"].sum())
    unit_rate = total / inhabitants * 100_000 if inhabitants else None
    joined = areas.join(rates, on=["district", "kaartgebied"], how="left")
    rows = []
    for row in joined.iter_rows(named=True):
        status = row["status"] or NOT_REPORTED
        rows.append(
            {
                **_identity(row),
                "waarde": row["waarde"],
                "status": status,
                "inwoners": row["inwoners"],
                "per_100k": row["per_100k"],
                "klasse": _class(row["waarde"], status, row["per_100k"], unit_rate, measure),
                "gebied_tekst": wording.area_name(row["kaartgebied"], row["gemeente"], row["overig"]),
                "waarde_tekst": wording.value_text(row["waarde"], status, label),
                "maat_tekst": wording.rate_text(row["per_100k"]),
            }
        )
    return pl.DataFrame(rows).with_columns(_chosen(areas, district).alias("gekozen")).select(list(MAP_SCHEMA))


def intervention_map_table(
    tidy: pl.DataFrame, population: pl.DataFrame, include_care: bool = False, district: str = UNIT
) -> pl.DataFrame:
    """Reports against interventions per municipality: the area's outcome (``klasse``) with its counts.

    A municipality whose area gave no figures (``?``) has the class ``geen opgave (?)``, never
    a zero. Columns as :data:`MAP_SCHEMA`; ``waarde`` holds the interventions, ``maat_tekst``
    the reports.
    """
    areas = municipality_areas(tidy, population)
    outcomes = area_table(tidy, include_care=include_care).select(
        "district",
        pl.col("gebied").alias("kaartgebied"),
        "rapportages",
        "interventies",
        "status",
        "uitkomst",
    )
    joined = areas.join(outcomes, on=["district", "kaartgebied"], how="left")
    rows = []
    for row in joined.iter_rows(named=True):
        status = row["status"] or NOT_REPORTED
        rows.append(
            {
                **_identity(row),
                "waarde": row["interventies"],
                "status": status,
                "inwoners": row["inwoners_gemeente"],
                "per_100k": None,
                "klasse": row["uitkomst"] or wording.MISSING_CLASSES.get(status, status),
                "gebied_tekst": wording.area_name(row["kaartgebied"], row["gemeente"], row["overig"]),
                "waarde_tekst": wording.value_text(row["interventies"], status, "interventies"),
                "maat_tekst": wording.value_text(row["rapportages"], REPORTED, "rapportages"),
            }
        )
    return pl.DataFrame(rows).with_columns(_chosen(areas, district).alias("gekozen")).select(list(MAP_SCHEMA))


def district_map_table(
    population: pl.DataFrame, districts: pl.DataFrame, year: int, district: str = UNIT
) -> pl.DataFrame:
    """Every municipality with the row of its district from ``districts`` (a frame with a ``district`` column).

    For maps of district figures (casustafels, expected victims, orientation): the
    municipalities carry their district's columns and ``gekozen`` marks the chosen district.
    """
    base = population.select(pl.lit(year).alias("jaar"), "gemeentecode", "gemeente", "district")
    joined = base.join(districts, on="district", how="left")
    return joined.with_columns(
        (pl.lit(True) if district == UNIT else pl.col("district") == district).alias("gekozen")
    )
