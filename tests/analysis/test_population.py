"""Population per dashboard area, checked against hand arithmetic on the CBS figures.

The municipality figures are the CBS population on 1 January 2022 from
``data/gemeenten.csv``, written out here as literals; every expectation is plain
arithmetic on those literals, never a call into the code under test.
"""

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from analysis import UNIT, area_population, region_share, unit_population

# District totals on 1 January 2022: the sum of all their municipalities.
IJSSELLAND = (
    29162  # Dalfsen
    + 101446  # Deventer
    + 61798  # Hardenberg
    + 54791  # Kampen
    + 18496  # Olst-Wijhe
    + 18457  # Ommen
    + 38140  # Raalte
    + 17282  # Staphorst
    + 44741  # Steenwijkerland
    + 23012  # Zwartewaterland
    + 130668  # Zwolle
)
GELDERLAND_ZUID = (
    34951  # Berg en Dal
    + 26235  # Beuningen
    + 27155  # Buren
    + 29397  # Culemborg
    + 19178  # Druten
    + 17175  # Heumen
    + 25504  # Maasdriel
    + 25032  # Neder-Betuwe
    + 179100  # Nijmegen
    + 42277  # Tiel
    + 51971  # West Betuwe
    + 19675  # West Maas en Waal
    + 41344  # Wijchen
    + 29957  # Zaltbommel
)
TWENTE = (
    73155  # Almelo
    + 24007  # Borne
    + 26594  # Dinkelland
    + 160640  # Enschede
    + 24268  # Haaksbergen
    + 35940  # Hellendoorn
    + 81476  # Hengelo
    + 35056  # Hof van Twente
    + 23084  # Losser
    + 31741  # Oldenzaal
    + 38231  # Rijssen-Holten
    + 21364  # Tubbergen
    + 33718  # Twenterand
    + 24643  # Wierden
)
NOORD_OOST_GELDERLAND = (
    27100  # Aalten
    + 165611  # Apeldoorn
    + 43850  # Berkelland
    + 36077  # Bronckhorst
    + 20890  # Brummen
    + 58546  # Doetinchem
    + 23740  # Elburg
    + 33257  # Epe
    + 27258  # Ermelo
    + 48857  # Harderwijk
    + 12307  # Hattem
    + 18976  # Heerde
    + 34069  # Lochem
    + 36359  # Montferland
    + 28223  # Nunspeet
    + 23930  # Oldebroek
    + 29603  # Oost Gelre
    + 39387  # Oude IJsselstreek
    + 24598  # Putten
    + 24994  # Voorst
    + 29185  # Winterswijk
    + 48330  # Zutphen
)
GELDERLAND_MIDDEN = (
    163888  # Arnhem
    + 60584  # Barneveld
    + 11036  # Doesburg
    + 24946  # Duiven
    + 119986  # Ede
    + 46963  # Lingewaard
    + 44311  # Nijkerk
    + 48266  # Overbetuwe
    + 31358  # Renkum
    + 43435  # Rheden
    + 1756  # Rozendaal
    + 10317  # Scherpenzeel
    + 39939  # Wageningen
    + 14944  # Westervoort
    + 44645  # Zevenaar
)
NETHERLANDS_2022 = 17_590_672  # CBS, 1 January 2022
NETHERLANDS_2021 = 17_475_415  # CBS, 1 January 2021


@pytest.fixture(scope="module")
def areas(tidy: pl.DataFrame, population: pl.DataFrame) -> pl.DataFrame:
    return area_population(tidy, population, 2022)


def inhabitants(areas: pl.DataFrame, area: str) -> int:
    found = areas.filter(pl.col("gebied") == area)
    assert found.height == 1, area
    return found["inwoners"][0]


def test_district_totals_as_hand_sums() -> None:
    # Guards the literals above against typos: these are the totals of data/gemeenten.csv.
    assert IJSSELLAND == 537993
    assert GELDERLAND_ZUID == 568951
    assert TWENTE == 633917
    assert NOORD_OOST_GELDERLAND == 835147
    assert GELDERLAND_MIDDEN == 706374
    assert IJSSELLAND + GELDERLAND_ZUID + TWENTE + NOORD_OOST_GELDERLAND + GELDERLAND_MIDDEN == 3282382


def test_columns(areas: pl.DataFrame) -> None:
    assert dict(areas.schema) == {
        "district": pl.String,
        "gebied": pl.String,
        "gebiedstype": pl.String,
        "inwoners": pl.Int64,
    }


def test_one_row_per_dashboard_area(areas: pl.DataFrame) -> None:
    # 20 named municipalities + 5 Overig + 5 districts + the unit.
    assert areas.height == 20 + 5 + 5 + 1
    assert areas.filter(pl.col("gebiedstype") == "gemeente").height == 20
    assert areas.filter(pl.col("gebiedstype") == "overig").height == 5
    assert areas["gebied"].n_unique() == areas.height
    assert areas["inwoners"].null_count() == 0


@pytest.mark.parametrize(
    ("district", "total"),
    [
        ("IJsselland", IJSSELLAND),
        ("Gelderland-Zuid", GELDERLAND_ZUID),
        ("Twente", TWENTE),
        ("Noord- en Oost-Gelderland", NOORD_OOST_GELDERLAND),
        ("Gelderland-Midden", GELDERLAND_MIDDEN),
    ],
)
def test_district_population(areas: pl.DataFrame, district: str, total: int) -> None:
    assert inhabitants(areas, district) == total


def test_unit_population(areas: pl.DataFrame, population: pl.DataFrame) -> None:
    assert inhabitants(areas, UNIT) == 3_282_382
    assert unit_population(population, 2022) == 3_282_382
    assert unit_population(population, 2021) == 3_263_136


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        ("Overig IJsselland", 537993 - (54791 + 44741 + 61798 + 130668 + 101446)),
        ("Overig Gelderland-Zuid", 568951 - (179100 + 42277 + 51971)),
        ("Overig Twente", 633917 - (160640 + 73155 + 81476 + 35056 + 21364)),
        ("Overig Noord- en Oost-Gelderland", 835147 - (165611 + 58546 + 48857 + 48330)),
        ("Overig Gelderland-Midden", 706374 - (163888 + 60584 + 119986)),
    ],
)
def test_overig_is_district_minus_named_municipalities(areas: pl.DataFrame, area: str, expected: int) -> None:
    assert inhabitants(areas, area) == expected


def test_overig_values_spelled_out(areas: pl.DataFrame) -> None:
    # The same as above, as the plain results of the subtraction.
    got = dict(areas.filter(pl.col("gebiedstype") == "overig").select("gebied", "inwoners").iter_rows())
    assert got == {
        "Overig IJsselland": 144549,
        "Overig Gelderland-Zuid": 295603,
        "Overig Twente": 262226,
        "Overig Noord- en Oost-Gelderland": 513803,
        "Overig Gelderland-Midden": 361916,
    }


def test_named_municipalities(areas: pl.DataFrame) -> None:
    named = areas.filter(pl.col("gebiedstype") == "gemeente").select("district", "gebied", "inwoners")
    expected = pl.DataFrame(
        {
            "district": ["Gelderland-Midden"] * 3
            + ["Gelderland-Zuid"] * 3
            + ["IJsselland"] * 5
            + ["Noord- en Oost-Gelderland"] * 4
            + ["Twente"] * 5,
            "gebied": [
                "Arnhem",
                "Barneveld",
                "Ede",
                "Nijmegen",
                "Tiel",
                "West Betuwe",
                "Deventer",
                "Hardenberg",
                "Kampen",
                "Steenwijkerland",
                "Zwolle",
                "Apeldoorn",
                "Doetinchem",
                "Harderwijk",
                "Zutphen",
                "Almelo",
                "Enschede",
                "Hengelo",
                "Hof van Twente",
                "Tubbergen",
            ],
            "inwoners": [
                163888,
                60584,
                119986,
                179100,
                42277,
                51971,
                101446,
                61798,
                54791,
                44741,
                130668,
                165611,
                58546,
                48857,
                48330,
                73155,
                160640,
                81476,
                35056,
                21364,
            ],
        }
    )
    assert_frame_equal(named.sort("district", "gebied"), expected.sort("district", "gebied"))


def test_parts_add_up_to_each_district(areas: pl.DataFrame) -> None:
    for district in (
        "IJsselland",
        "Gelderland-Zuid",
        "Twente",
        "Noord- en Oost-Gelderland",
        "Gelderland-Midden",
    ):
        rows = areas.filter(pl.col("district") == district)
        parts = rows.filter(pl.col("gebiedstype") != "totaal")["inwoners"].sum()
        assert parts == inhabitants(areas, district)


def test_region_share_2022(population: pl.DataFrame) -> None:
    assert region_share(population, 2022) == pytest.approx(3282382 / 17590672, rel=1e-12)
    assert region_share(population, 2022) == pytest.approx(3282382 / NETHERLANDS_2022, rel=1e-12)
    assert region_share(population, 2022) == pytest.approx(0.186598, abs=1e-6)


def test_region_share_2021(population: pl.DataFrame) -> None:
    assert region_share(population, 2021) == pytest.approx(3263136 / NETHERLANDS_2021, rel=1e-12)


def test_a_year_without_population_uses_the_nearest(population: pl.DataFrame) -> None:
    # 2023 is not in the file: the nearest year (2022) is used.
    assert unit_population(population, 2023) == 3_282_382
    assert region_share(population, 2023) == pytest.approx(3282382 / NETHERLANDS_2022, rel=1e-12)
