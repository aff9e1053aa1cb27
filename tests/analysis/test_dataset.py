"""The bundled 2022 dashboard and population, checked against the published figures.

Every expected number below is copied by hand from the published "Dashboard
mensenhandel Oost-Nederland 2022" (tables and text) or from the CBS population file;
none is computed with the code under test.
"""

import polars as pl
import pytest
from polars.testing import assert_frame_equal, assert_series_equal

from analysis import UNIT, available_years, load_dashboard

ON = UNIT  # "Oost-Nederland"
IJS = "IJsselland"
GZ = "Gelderland-Zuid"
TW = "Twente"
NOG = "Noord- en Oost-Gelderland"
GM = "Gelderland-Midden"
DISTRICTS = (IJS, GZ, TW, NOG, GM)

MAIN = (
    "seksadvertenties",
    "prostitutiecontroles",
    "bestuurlijke_rapportages",
    "signalen",
    "strafrechtelijke_onderzoeken",
    "instroom_om",
    "waarschuwingen",
    "bestuurlijke_boetes",
    "dwangsommen",
    "sluitingen",
    "interventies_overig",
    "zorgtrajecten",
)

# -- the published district blocks, typed over from the source -------------------------
# One list per printed row, in the printed order of MAIN; columns as printed: the named
# municipalities, then "Overig", then "Totaal". "" is an empty cell, "?" and "-" as printed.

PUBLISHED_BLOCKS: dict[str, tuple[tuple[str, ...], tuple[tuple[int | str, ...], ...]]] = {
    IJS: (
        ("Kampen", "Steenwijkerland", "Hardenberg", "Zwolle", "Deventer"),
        (
            (391, 440, 480, 3013, 1579, 780, 6683),
            (2, 0, 0, 20, 7, 0, 29),
            (1, 0, 0, 7, 5, 0, 13),
            (1, 1, 3, 13, 5, 2, 25),
            (0, 0, 0, 2, 2, 1, 5),
            (6, 1, 0, 1, 0, 0, 8),
            (0, 0, 0, 1, 4, 0, 5),
            (0, 0, 0, 0, 0, 0, 0),
            (1, 0, 0, 3, 3, 0, 7),
            (0, 0, 0, 0, 0, 0, 0),
            (0, 0, 0, 0, 0, 1, 1),
            (0, 1, 0, 12, 3, 1, 17),
        ),
    ),
    GZ: (
        ("Nijmegen", "Tiel", "West Betuwe"),
        (
            (2766, 564, 202, 1627, 5159),
            (16, 0, 0, 5, 21),
            (7, 0, 0, 2, 9),
            (8, 2, "", 8, 18),
            (3, 0, 0, 0, 3),
            (4, 0, 0, 0, 4),
            (0, 0, 0, 1, 1),
            (0, 0, 0, 0, 0),
            (8, 0, 0, 0, 8),
            (0, 0, 0, 0, 0),
            (1, 0, 0, 2, 3),
            (0, 0, 0, 2, 2),
        ),
    ),
    TW: (
        ("Enschede", "Almelo", "Hengelo", "Hof van Twente", "Tubbergen"),
        (
            (2035, 1078, 663, 83, 143, 1169, 5171),
            (21, 2, 1, 0, 0, 1, 25),
            (15, 1, 0, 0, 0, 0, 16),
            (19, 7, 10, "", 1, 4, 41),
            (2, 1, 2, 0, 0, 0, 5),
            (1, 6, 5, 0, 0, 3, 15),
            (4, 0, "?", 0, "?", 0, 4),
            (0, 0, "?", 0, "?", 0, 0),
            (14, 0, "?", 0, "?", 1, 15),
            (0, 1, "?", 0, "?", 0, 1),
            (1, 0, "?", 0, "?", "-", 1),
            (0, 0, "?", 0, "?", 1, 1),
        ),
    ),
    NOG: (
        ("Apeldoorn", "Doetinchem", "Harderwijk", "Zutphen"),
        (
            (1946, 609, 594, 388, 2256, 5793),
            (23, 1, 4, 0, 11, 39),
            (7, 1, 3, 0, 2, 13),
            (16, 2, 2, 2, 18, 40),
            (3, 1, 0, 1, 0, 5),
            (5, 0, 0, 3, 0, 8),
            (3, 0, "?", "?", 0, 3),
            (0, 0, "?", "?", 0, 0),
            (10, 0, "?", "?", 2, 12),
            (0, 0, "?", "?", 0, 0),
            (0, 0, "?", "?", 0, 0),
            (13, 0, "?", "?", 0, 13),
        ),
    ),
    GM: (
        ("Arnhem", "Ede", "Barneveld"),
        (
            (3894, 826, 376, 1863, 6959),
            (24, 3, 1, 12, 40),
            (7, 0, 1, 4, 12),
            (46, 8, "", 10, 64),
            (0, 0, 0, 4, 4),
            (9, 0, 0, 0, 9),
            (6, 0, 0, 1, 7),
            (0, 0, 0, 0, 0),
            (6, 1, 0, 1, 8),
            (0, 0, 0, 1, 1),
            (0, 1, 0, 0, 1),
            (0, 9, 0, 18, 27),
        ),
    ),
}

#: "TOTAAL EENHEID ONL" as printed (29.764 with a thousands dot).
PUBLISHED_UNIT = {
    "seksadvertenties": 29764,
    "prostitutiecontroles": 154,
    "bestuurlijke_rapportages": 63,
    "signalen": 188,
    "strafrechtelijke_onderzoeken": 22,
    "instroom_om": 44,
    "waarschuwingen": 20,
    "bestuurlijke_boetes": 0,
    "dwangsommen": 50,
    "sluitingen": 2,
    "interventies_overig": 6,
    "zorgtrajecten": 60,
}

TIDY_COLUMNS = {
    "jaar": pl.Int64,
    "district": pl.String,
    "gebied": pl.String,
    "gebiedstype": pl.String,
    "indicator": pl.String,
    "waarde": pl.Int64,
    "status": pl.String,
}
KEY = ["district", "gebied", "indicator"]

STATUS_OF_SYMBOL = {"": "leeg", "?": "niet_gerapporteerd", "-": "niet_van_toepassing"}


def expected_district_rows() -> pl.DataFrame:
    rows = []
    for district, (municipalities, table) in PUBLISHED_BLOCKS.items():
        areas = [(m, "gemeente") for m in municipalities]
        areas += [(f"Overig {district}", "overig"), (district, "totaal")]
        for indicator, printed in zip(MAIN, table, strict=True):
            for (area, kind), value in zip(areas, printed, strict=True):
                if isinstance(value, int):
                    rows.append((2022, district, area, kind, indicator, value, "gerapporteerd"))
                else:
                    rows.append((2022, district, area, kind, indicator, None, STATUS_OF_SYMBOL[value]))
    return pl.DataFrame(rows, schema=TIDY_COLUMNS, orient="row")


def cell(tidy: pl.DataFrame, area: str, indicator: str) -> tuple[int | None, str]:
    """The (waarde, status) of exactly one cell."""
    found = tidy.filter(pl.col("gebied") == area, pl.col("indicator") == indicator)
    assert found.height == 1, f"{area}/{indicator}: {found.height} rows"
    return found["waarde"][0], found["status"][0]


def value(tidy: pl.DataFrame, area: str, indicator: str) -> int | None:
    return cell(tidy, area, indicator)[0]


# -- schema ---------------------------------------------------------------------------


def test_schema_is_exactly_the_tidy_columns(tidy: pl.DataFrame) -> None:
    assert tidy.columns == ["jaar", "district", "gebied", "gebiedstype", "indicator", "waarde", "status"]
    assert dict(tidy.schema) == TIDY_COLUMNS


def test_every_row_is_for_2022(tidy: pl.DataFrame) -> None:
    assert tidy["jaar"].unique().to_list() == [2022]


def test_row_count(tidy: pl.DataFrame) -> None:
    # District blocks: 12 rows x (areas incl. Overig and Totaal):
    #   IJsselland 7, Gelderland-Zuid 5, Twente 7, NOG 6, Gelderland-Midden 5 -> 30 x 12 = 360.
    # Unit block: 12 main indicators + 2 awareness rows = 14.
    # Casustafels: 5 meetings + 5 cases + 2 for the split "17+3" = 12.
    # CoMensHa 8, B8 1, AZC 6.
    assert tidy.height == 360 + 14 + 12 + 8 + 1 + 6


def test_area_types(tidy: pl.DataFrame) -> None:
    assert set(tidy["gebiedstype"].unique()) == {"gemeente", "overig", "totaal"}
    others = tidy.filter(pl.col("gebiedstype") == "overig")["gebied"].unique().sort().to_list()
    assert others == sorted(f"Overig {d}" for d in DISTRICTS)


def test_districts(tidy: pl.DataFrame) -> None:
    assert set(tidy["district"].unique()) == {*DISTRICTS, ON}


# -- the whole published table ----------------------------------------------------------


def test_district_blocks_match_the_publication_cell_by_cell(tidy: pl.DataFrame) -> None:
    actual = tidy.filter(pl.col("district") != ON, pl.col("indicator").is_in(MAIN))
    assert_frame_equal(actual.sort(KEY), expected_district_rows().sort(KEY))


def test_unit_level_blocks_match_the_publication(tidy: pl.DataFrame) -> None:
    expected_rows = [(ON, ON, "totaal", code, n) for code, n in PUBLISHED_UNIT.items()]
    expected_rows += [
        (ON, ON, "totaal", "bewustwording_om", 10),
        (ON, ON, "totaal", "bewustwording_politie", 38),
        (IJS, IJS, "totaal", "casustafel_vergaderingen", 11),
        (IJS, IJS, "totaal", "casustafel_casus", 20),
        (IJS, IJS, "totaal", "casustafel_casus_mh", 17),
        (IJS, IJS, "totaal", "casustafel_casus_riec", 3),
        (TW, TW, "totaal", "casustafel_vergaderingen", 4),
        (TW, TW, "totaal", "casustafel_casus", 6),
        (GZ, GZ, "totaal", "casustafel_vergaderingen", 0),
        (GZ, GZ, "totaal", "casustafel_casus", 0),
        (GM, GM, "totaal", "casustafel_vergaderingen", 6),
        (GM, GM, "totaal", "casustafel_casus", 8),
        (NOG, NOG, "totaal", "casustafel_vergaderingen", 0),
        (NOG, NOG, "totaal", "casustafel_casus", 3),
        (ON, ON, "totaal", "comensha_slachtoffers", 71),
        (ON, ON, "totaal", "comensha_minderjarig", 12),
        (ON, ON, "totaal", "comensha_meerderjarig", 59),
        (ON, ON, "totaal", "comensha_nationaliteit_onbekend", 27),
        (ON, ON, "totaal", "comensha_man", 9),
        (ON, ON, "totaal", "comensha_vrouw", 62),
        (ON, ON, "totaal", "comensha_nederlands", 19),
        (ON, ON, "totaal", "comensha_niet_nederlands", 25),
        (ON, ON, "totaal", "b8_aangiftes", 13),
        (TW, "Almelo", "gemeente", "b8_azc", 2),
        (IJS, "Hardenberg", "gemeente", "b8_azc", 5),
        (NOG, "Harderwijk", "gemeente", "b8_azc", 3),
        (NOG, "Doetinchem", "gemeente", "b8_azc", 1),
        (NOG, "Winterswijk", "gemeente", "b8_azc", 1),
        (GM, "Wageningen", "gemeente", "b8_azc", 1),
    ]
    expected = pl.DataFrame(
        [(2022, *r, "gerapporteerd") for r in expected_rows], schema=TIDY_COLUMNS, orient="row"
    )
    actual = tidy.filter((pl.col("district") == ON) | ~pl.col("indicator").is_in(MAIN))
    assert_frame_equal(actual.sort(KEY), expected.sort(KEY))


# -- unit totals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "published"),
    [
        ("seksadvertenties", 29764),
        ("prostitutiecontroles", 154),
        ("bestuurlijke_rapportages", 63),
        ("signalen", 188),
        ("strafrechtelijke_onderzoeken", 22),
        ("instroom_om", 44),
        ("waarschuwingen", 20),
        ("bestuurlijke_boetes", 0),
        ("dwangsommen", 50),
        ("sluitingen", 2),
        ("interventies_overig", 6),
        ("zorgtrajecten", 60),
    ],
)
def test_unit_total(tidy: pl.DataFrame, indicator: str, published: int) -> None:
    assert cell(tidy, ON, indicator) == (published, "gerapporteerd")


def test_unit_rows_are_labelled_as_the_unit(tidy: pl.DataFrame) -> None:
    unit = tidy.filter(pl.col("district") == ON)
    assert unit["gebied"].unique().to_list() == [ON]
    assert unit["gebiedstype"].unique().to_list() == ["totaal"]


def test_zero_fines_is_a_reported_zero_not_missing(tidy: pl.DataFrame) -> None:
    assert cell(tidy, ON, "bestuurlijke_boetes") == (0, "gerapporteerd")


# -- district totals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("district", "signals"),
    [(IJS, 25), (GZ, 18), (TW, 41), (NOG, 40), (GM, 64)],
)
def test_district_signals(tidy: pl.DataFrame, district: str, signals: int) -> None:
    assert cell(tidy, district, "signalen") == (signals, "gerapporteerd")


@pytest.mark.parametrize(
    ("indicator", "per_district"),
    [
        ("seksadvertenties", {IJS: 6683, GZ: 5159, TW: 5171, NOG: 5793, GM: 6959}),
        ("prostitutiecontroles", {IJS: 29, GZ: 21, TW: 25, NOG: 39, GM: 40}),
        ("bestuurlijke_rapportages", {IJS: 13, GZ: 9, TW: 16, NOG: 13, GM: 12}),
        ("strafrechtelijke_onderzoeken", {IJS: 5, GZ: 3, TW: 5, NOG: 5, GM: 4}),
        ("instroom_om", {IJS: 8, GZ: 4, TW: 15, NOG: 8, GM: 9}),
        ("dwangsommen", {IJS: 7, GZ: 8, TW: 15, NOG: 12, GM: 8}),
        ("zorgtrajecten", {IJS: 17, GZ: 2, TW: 1, NOG: 13, GM: 27}),
    ],
)
def test_district_totals_of_other_indicators(
    tidy: pl.DataFrame, indicator: str, per_district: dict[str, int]
) -> None:
    totals = tidy.filter(pl.col("indicator") == indicator, pl.col("gebiedstype") == "totaal")
    got = dict(zip(totals["district"], totals["waarde"], strict=True))
    assert got.pop(ON) is not None
    assert got == per_district


def test_district_totals_are_named_after_their_district(tidy: pl.DataFrame) -> None:
    totals = tidy.filter(pl.col("indicator") == "signalen", pl.col("gebiedstype") == "totaal")
    assert set(zip(totals["district"], totals["gebied"], strict=True)) == {
        *((d, d) for d in DISTRICTS),
        (ON, ON),
    }


@pytest.mark.parametrize(
    ("area", "indicator", "published"),
    [
        ("Zwolle", "seksadvertenties", 3013),
        ("Arnhem", "signalen", 46),
        ("Enschede", "dwangsommen", 14),
        ("Apeldoorn", "zorgtrajecten", 13),
        ("Nijmegen", "strafrechtelijke_onderzoeken", 3),
        ("Kampen", "instroom_om", 6),
        ("Overig Noord- en Oost-Gelderland", "signalen", 18),
        ("Overig Gelderland-Midden", "zorgtrajecten", 18),
        ("Hof van Twente", "seksadvertenties", 83),
        ("Barneveld", "prostitutiecontroles", 1),
    ],
)
def test_municipal_cells(tidy: pl.DataFrame, area: str, indicator: str, published: int) -> None:
    assert cell(tidy, area, indicator) == (published, "gerapporteerd")


# -- statuses ---------------------------------------------------------------------------


@pytest.mark.parametrize("area", ["West Betuwe", "Hof van Twente", "Barneveld"])
def test_empty_signal_cells_are_leeg_with_null_not_zero(tidy: pl.DataFrame, area: str) -> None:
    # "Wanneer er geen signaal aan een gemeente gekoppeld kan worden, is het vak leeg
    # gelaten (en niet op 0 gezet)."
    assert cell(tidy, area, "signalen") == (None, "leeg")


@pytest.mark.parametrize("area", ["Hengelo", "Tubbergen", "Harderwijk", "Zutphen"])
@pytest.mark.parametrize(
    "indicator",
    [
        "waarschuwingen",
        "bestuurlijke_boetes",
        "dwangsommen",
        "sluitingen",
        "interventies_overig",
        "zorgtrajecten",
    ],
)
def test_question_marks_are_niet_gerapporteerd(tidy: pl.DataFrame, area: str, indicator: str) -> None:
    assert cell(tidy, area, indicator) == (None, "niet_gerapporteerd")


def test_hengelo_and_tubbergen_did_report_their_police_figures(tidy: pl.DataFrame) -> None:
    # Only the administrative rows carry "?"; the police/OM rows are filled in.
    assert cell(tidy, "Hengelo", "signalen") == (10, "gerapporteerd")
    assert cell(tidy, "Hengelo", "instroom_om") == (5, "gerapporteerd")
    assert cell(tidy, "Tubbergen", "signalen") == (1, "gerapporteerd")


def test_dash_in_overig_twente_is_niet_van_toepassing(tidy: pl.DataFrame) -> None:
    assert cell(tidy, "Overig Twente", "interventies_overig") == (None, "niet_van_toepassing")


def test_counts_per_status(tidy: pl.DataFrame) -> None:
    counts = dict(tidy.group_by("status").len().iter_rows())
    # 3 empty signal cells; "?" in 6 admin rows for Hengelo, Tubbergen, Harderwijk and
    # Zutphen (4 x 6 = 24); one "-" (Overig Twente). 401 rows - 28 = 373 reported.
    assert counts == {"leeg": 3, "niet_gerapporteerd": 24, "niet_van_toepassing": 1, "gerapporteerd": 373}


def test_value_present_exactly_when_reported(tidy: pl.DataFrame) -> None:
    reported = tidy["status"] == "gerapporteerd"
    assert_series_equal(tidy["waarde"].is_not_null(), reported, check_names=False)
    assert tidy.filter(pl.col("status") != "gerapporteerd")["waarde"].null_count() == 28


def test_no_negative_values(tidy: pl.DataFrame) -> None:
    assert tidy.filter(pl.col("waarde") < 0).is_empty()


# -- names ------------------------------------------------------------------------------


def test_municipality_names_are_canonical(tidy: pl.DataFrame) -> None:
    named = tidy.filter(pl.col("gebiedstype") == "gemeente", pl.col("indicator") == "signalen")
    assert sorted(named["gebied"]) == sorted(
        [
            "Kampen",
            "Steenwijkerland",
            "Hardenberg",
            "Zwolle",
            "Deventer",
            "Nijmegen",
            "Tiel",
            "West Betuwe",
            "Enschede",
            "Almelo",
            "Hengelo",
            "Hof van Twente",
            "Tubbergen",
            "Apeldoorn",
            "Doetinchem",
            "Harderwijk",
            "Zutphen",
            "Arnhem",
            "Ede",
            "Barneveld",
        ]
    )


@pytest.mark.parametrize(
    "printed",
    ["Zwol-le", "Barne-velde", "West-Betuwe", "Steen-wijkerland", "Apel-doorn", "Nijme-gen", "Zut-phen"],
)
def test_printed_spellings_do_not_survive(tidy: pl.DataFrame, printed: str) -> None:
    assert printed not in set(tidy["gebied"])


def test_every_municipality_is_in_the_population_file_and_its_district(
    tidy: pl.DataFrame, population: pl.DataFrame
) -> None:
    home = dict(zip(population["gemeente"], population["district"], strict=True))
    municipal = tidy.filter(pl.col("gebiedstype") == "gemeente").select("district", "gebied").unique()
    for district, area in municipal.iter_rows():
        assert home[area] == district, area


# -- casustafels, CoMensHa, B8, awareness -----------------------------------------------


@pytest.mark.parametrize(
    ("district", "meetings", "cases"),
    [(IJS, 11, 20), (TW, 4, 6), (GZ, 0, 0), (GM, 6, 8), (NOG, 0, 3)],
)
def test_casustafel_counts(tidy: pl.DataFrame, district: str, meetings: int, cases: int) -> None:
    assert cell(tidy, district, "casustafel_vergaderingen") == (meetings, "gerapporteerd")
    assert cell(tidy, district, "casustafel_casus") == (cases, "gerapporteerd")


def test_ijsselland_cases_17_plus_3_are_split(tidy: pl.DataFrame) -> None:
    assert value(tidy, IJS, "casustafel_casus_mh") == 17
    assert value(tidy, IJS, "casustafel_casus_riec") == 3
    assert value(tidy, IJS, "casustafel_casus") == 17 + 3


def test_only_ijsselland_has_a_split_case_count(tidy: pl.DataFrame) -> None:
    split = tidy.filter(pl.col("indicator").is_in(["casustafel_casus_mh", "casustafel_casus_riec"]))
    assert split["district"].unique().to_list() == [IJS]


def test_noord_oost_gelderland_casustafel_row_is_the_nog_district(tidy: pl.DataFrame) -> None:
    # The block prints "Noord-Oost-Gelderland"; it is the district "Noord- en Oost-Gelderland".
    rows = tidy.filter(pl.col("indicator") == "casustafel_casus", pl.col("district") == NOG)
    assert rows["gebied"].to_list() == [NOG]


@pytest.mark.parametrize(
    ("indicator", "published"),
    [
        ("comensha_slachtoffers", 71),
        ("comensha_minderjarig", 12),
        ("comensha_meerderjarig", 59),
        ("comensha_man", 9),
        ("comensha_vrouw", 62),
        ("comensha_nederlands", 19),
        ("comensha_niet_nederlands", 25),
        ("comensha_nationaliteit_onbekend", 27),
    ],
)
def test_comensha(tidy: pl.DataFrame, indicator: str, published: int) -> None:
    assert cell(tidy, ON, indicator) == (published, "gerapporteerd")


def test_comensha_onbekend_belongs_to_nationality(tidy: pl.DataFrame) -> None:
    # 12 + 59 = 71 and 9 + 62 = 71 already; only nationality needs "Onbekend": 19 + 25 + 27 = 71.
    assert value(tidy, ON, "comensha_minderjarig") + value(tidy, ON, "comensha_meerderjarig") == 71
    assert value(tidy, ON, "comensha_man") + value(tidy, ON, "comensha_vrouw") == 71
    nationality = ("comensha_nederlands", "comensha_niet_nederlands", "comensha_nationaliteit_onbekend")
    assert sum(value(tidy, ON, code) for code in nationality) == 71
    assert "comensha_onbekend" not in set(tidy["indicator"])


def test_b8_total(tidy: pl.DataFrame) -> None:
    assert cell(tidy, ON, "b8_aangiftes") == (13, "gerapporteerd")


def test_azc_rows_with_their_districts(tidy: pl.DataFrame) -> None:
    azc = tidy.filter(pl.col("indicator") == "b8_azc").select("district", "gebied", "gebiedstype", "waarde")
    expected = pl.DataFrame(
        {
            "district": [TW, IJS, NOG, NOG, NOG, GM],
            "gebied": ["Almelo", "Hardenberg", "Harderwijk", "Doetinchem", "Winterswijk", "Wageningen"],
            "gebiedstype": ["gemeente"] * 6,
            "waarde": [2, 5, 3, 1, 1, 1],
        }
    )
    assert_frame_equal(azc, expected)


def test_awareness_presentations(tidy: pl.DataFrame) -> None:
    assert cell(tidy, ON, "bewustwording_om") == (10, "gerapporteerd")
    assert cell(tidy, ON, "bewustwording_politie") == (38, "gerapporteerd")


# -- available years ---------------------------------------------------------------------


def test_available_years_contains_2022() -> None:
    years = available_years()
    assert 2022 in years
    assert years == sorted(years)


def test_unknown_year_raises_file_not_found() -> None:
    with pytest.raises(FileNotFoundError, match="1999"):
        load_dashboard(1999)


# -- population -------------------------------------------------------------------------


def test_population_shape_and_columns(population: pl.DataFrame) -> None:
    assert population.height == 76
    assert dict(population.schema) == {
        "gemeentecode": pl.String,
        "gemeente": pl.String,
        "provincie": pl.String,
        "district": pl.String,
        "inwoners_2021": pl.Int64,
        "inwoners_2022": pl.Int64,
    }
    assert population["gemeente"].n_unique() == 76
    assert population["gemeentecode"].n_unique() == 76
    assert population["gemeentecode"].str.contains(r"^GM\d{4}$").all()
    assert population.null_count().sum_horizontal().item() == 0


def test_population_unit_totals(population: pl.DataFrame) -> None:
    assert population["inwoners_2022"].sum() == 3_282_382
    assert population["inwoners_2021"].sum() == 3_263_136


def test_municipalities_per_district(population: pl.DataFrame) -> None:
    counts = dict(population.group_by("district").len().iter_rows())
    assert counts == {GM: 15, GZ: 14, IJS: 11, NOG: 22, TW: 14}


def test_provinces(population: pl.DataFrame) -> None:
    provinces = dict(population.group_by("district").agg(pl.col("provincie").unique()).iter_rows())
    assert {d: sorted(p) for d, p in provinces.items()} == {
        GM: ["Gelderland"],
        GZ: ["Gelderland"],
        IJS: ["Overijssel"],
        NOG: ["Gelderland"],
        TW: ["Overijssel"],
    }


def test_mook_en_middelaar_is_not_in_the_unit(population: pl.DataFrame) -> None:
    assert "Mook en Middelaar" not in set(population["gemeente"])


@pytest.mark.parametrize(
    ("municipality", "inhabitants_2021", "inhabitants_2022"),
    [
        ("Zwolle", 129840, 130668),
        ("Arnhem", 162424, 163888),
        ("Enschede", 159732, 160640),
        ("Rozendaal", 1726, 1756),
    ],
)
def test_population_of_some_municipalities(
    population: pl.DataFrame, municipality: str, inhabitants_2021: int, inhabitants_2022: int
) -> None:
    row = population.filter(pl.col("gemeente") == municipality)
    assert row.select("inwoners_2021", "inwoners_2022").row(0) == (inhabitants_2021, inhabitants_2022)
