"""Consistency checks: the findings that the published 2022 dashboard actually contains.

* the unit total of ads is printed as 29.764, the five districts add up to 29.765;
* the text says 32 investigations, the table 22;
* the text says 14 B8 declarations, the table 13;
* the text says the controls hover "rond de 150", the table has 154;
* totals in Twente and Noord- en Oost-Gelderland (and so the unit) include a "?" for the
  administrative indicators, so they are lower bounds.
Everything else holds.
"""

import polars as pl
import pytest

from analysis import consistency_checks, context_value, findings

IJS = "IJsselland"
TW = "Twente"
NOG = "Noord- en Oost-Gelderland"
ON = "Oost-Nederland"
DISTRICTS = (IJS, "Gelderland-Zuid", TW, NOG, "Gelderland-Midden")
ADMIN = (
    "waarschuwingen",
    "bestuurlijke_boetes",
    "dwangsommen",
    "sluitingen",
    "interventies_overig",
    "zorgtrajecten",
)
MAIN = (
    "seksadvertenties",
    "prostitutiecontroles",
    "bestuurlijke_rapportages",
    "signalen",
    "strafrechtelijke_onderzoeken",
    "instroom_om",
    *ADMIN,
)


def only(frame: pl.DataFrame) -> dict:
    assert frame.height == 1, frame
    return frame.row(0, named=True)


def test_columns(checks: pl.DataFrame) -> None:
    assert checks.columns == [
        "soort",
        "jaar",
        "onderwerp",
        "indicator",
        "gebied",
        "omschrijving_a",
        "waarde_a",
        "omschrijving_b",
        "waarde_b",
        "verschil",
        "uitkomst",
        "toelichting",
    ]
    assert checks["jaar"].unique().to_list() == [2022]


def test_counts_per_kind_and_outcome(checks: pl.DataFrame) -> None:
    counts = {(k, o): n for k, o, n in checks.group_by("soort", "uitkomst").len().iter_rows()}
    assert counts == {
        # 5 districts x 12 indicators, all hold.
        ("som gemeenten = districtstotaal", "klopt"): 60,
        # 12 unit totals: only the ads differ.
        ("som districten = eenheidstotaal", "klopt"): 11,
        ("som districten = eenheidstotaal", "wijkt af"): 1,
        # CoMensHa by age, sex, nationality, and B8 over the AZC's.
        ("uitsplitsing = totaal", "klopt"): 4,
        # 6 admin indicators x (Twente, NOG, unit).
        ("totaal met '?'", "ondergrens"): 18,
        # text vs table: signals 188 and CoMensHa 71 hold; 32 vs 22 and 14 vs 13 differ; 150 vs 154.
        ("tekst = tabel", "klopt"): 2,
        ("tekst = tabel", "wijkt af"): 2,
        ("tekst = tabel", "klopt bij benadering"): 1,
    }


def test_all_sixty_district_sums_hold(checks: pl.DataFrame) -> None:
    sums = checks.filter(pl.col("soort") == "som gemeenten = districtstotaal")
    assert sums.height == 60
    assert set(zip(sums["gebied"], sums["indicator"], strict=True)) == {
        (d, i) for d in DISTRICTS for i in MAIN
    }
    assert sums["uitkomst"].unique().to_list() == ["klopt"]
    assert sums["verschil"].unique().to_list() == [0]


@pytest.mark.parametrize(
    ("district", "indicator", "published"),
    [
        (IJS, "seksadvertenties", 6683),  # 391 + 440 + 480 + 3013 + 1579 + 780
        ("Gelderland-Zuid", "signalen", 18),  # 8 + 2 + (empty) + 8
        (TW, "signalen", 41),  # 19 + 7 + 10 + (empty) + 1 + 4
        (TW, "dwangsommen", 15),  # 14 + 0 + ? + 0 + ? + 1
        (TW, "interventies_overig", 1),  # 1 + 0 + ? + 0 + ? + "-"
        ("Gelderland-Midden", "zorgtrajecten", 27),  # 0 + 9 + 0 + 18
    ],
)
def test_district_sum_values(checks: pl.DataFrame, district: str, indicator: str, published: int) -> None:
    row = only(
        checks.filter(
            pl.col("soort") == "som gemeenten = districtstotaal",
            pl.col("gebied") == district,
            pl.col("indicator") == indicator,
        )
    )
    assert (row["waarde_a"], row["waarde_b"], row["verschil"], row["uitkomst"]) == (
        published,
        published,
        0,
        "klopt",
    )


def test_unit_ads_total_differs_by_one(checks: pl.DataFrame) -> None:
    # Published 29.764; districts 6683 + 5159 + 5171 + 5793 + 6959 = 29765.
    row = only(
        checks.filter(pl.col("soort") == "som districten = eenheidstotaal", pl.col("uitkomst") == "wijkt af")
    )
    assert row["indicator"] == "seksadvertenties"
    assert row["gebied"] == ON
    assert (row["waarde_a"], row["waarde_b"], row["verschil"]) == (
        29764,
        6683 + 5159 + 5171 + 5793 + 6959,
        -1,
    )
    assert row["waarde_b"] == 29765
    assert "29.764" in row["toelichting"] and "29.765" in row["toelichting"]


def test_other_unit_sums_hold(checks: pl.DataFrame) -> None:
    held = checks.filter(pl.col("soort") == "som districten = eenheidstotaal", pl.col("uitkomst") == "klopt")
    got = dict(zip(held["indicator"], held["waarde_a"], strict=True))
    assert got == {
        "prostitutiecontroles": 154,  # 29 + 21 + 25 + 39 + 40
        "bestuurlijke_rapportages": 63,  # 13 + 9 + 16 + 13 + 12
        "signalen": 188,  # 25 + 18 + 41 + 40 + 64
        "strafrechtelijke_onderzoeken": 22,  # 5 + 3 + 5 + 5 + 4
        "instroom_om": 44,  # 8 + 4 + 15 + 8 + 9
        "waarschuwingen": 20,  # 5 + 1 + 4 + 3 + 7
        "bestuurlijke_boetes": 0,
        "dwangsommen": 50,  # 7 + 8 + 15 + 12 + 8
        "sluitingen": 2,  # 0 + 0 + 1 + 0 + 1
        "interventies_overig": 6,  # 1 + 3 + 1 + 0 + 1
        "zorgtrajecten": 60,  # 17 + 2 + 1 + 13 + 27
    }
    assert (held["waarde_a"] == held["waarde_b"]).all()


def text_row(checks: pl.DataFrame, indicator: str) -> dict:
    return only(checks.filter(pl.col("soort") == "tekst = tabel", pl.col("indicator") == indicator))


def test_text_32_investigations_vs_table_22(checks: pl.DataFrame) -> None:
    # "Het aantal strafrechtelijke onderzoeken door de politie is in 2022 (32) ..."
    row = text_row(checks, "strafrechtelijke_onderzoeken")
    assert (row["waarde_a"], row["waarde_b"], row["verschil"], row["uitkomst"]) == (32, 22, 10, "wijkt af")
    assert row["toelichting"] == "De tekst noemt 32, de tabel 22; de app toont beide."


def test_text_14_b8_vs_table_13(checks: pl.DataFrame) -> None:
    # "... een daling van 126 (dashboard 2019) naar 14 aangiftes (dashboard 2022)"
    row = text_row(checks, "b8_aangiftes")
    assert (row["waarde_a"], row["waarde_b"], row["verschil"], row["uitkomst"]) == (14, 13, 1, "wijkt af")


def test_text_about_150_controls_vs_154(checks: pl.DataFrame) -> None:
    # "Het aantal controles ... schommelt rond de 150"
    row = text_row(checks, "prostitutiecontroles")
    assert (row["waarde_a"], row["waarde_b"], row["verschil"]) == (150, 154, -4)
    assert row["uitkomst"] == "klopt bij benadering"


def test_text_figures_that_hold(checks: pl.DataFrame) -> None:
    assert (text_row(checks, "signalen")["waarde_a"], text_row(checks, "signalen")["uitkomst"]) == (
        188,
        "klopt",
    )
    comensha = text_row(checks, "comensha_slachtoffers")
    assert (comensha["waarde_a"], comensha["waarde_b"], comensha["uitkomst"]) == (71, 71, "klopt")


def test_lower_bound_rows(checks: pl.DataFrame) -> None:
    bounds = checks.filter(pl.col("soort") == "totaal met '?'")
    assert bounds["uitkomst"].unique().to_list() == ["ondergrens"]
    assert set(zip(bounds["gebied"], bounds["indicator"], strict=True)) == {
        (area, code) for area in (TW, NOG, ON) for code in ADMIN
    }
    twente = bounds.filter(pl.col("gebied") == TW, pl.col("indicator") == "dwangsommen").row(0, named=True)
    assert (twente["waarde_a"], twente["waarde_b"]) == (15, 15)
    assert (
        twente["toelichting"]
        == "Hengelo en Tubbergen gaven geen opgave (?); het totaal is daarom een ondergrens."
    )
    nog = bounds.filter(pl.col("gebied") == NOG, pl.col("indicator") == "zorgtrajecten").row(0, named=True)
    assert "Harderwijk en Zutphen" in nog["toelichting"]
    unit = bounds.filter(pl.col("gebied") == ON, pl.col("indicator") == "waarschuwingen").row(0, named=True)
    assert (unit["waarde_a"], unit["waarde_b"]) == (20, 20)
    assert f"{TW} en {NOG}" in unit["toelichting"]


def test_no_lower_bound_for_police_figures(checks: pl.DataFrame) -> None:
    bounds = checks.filter(pl.col("soort") == "totaal met '?'")
    assert bounds.filter(
        pl.col("indicator").is_in(["signalen", "seksadvertenties", "instroom_om"])
    ).is_empty()
    assert bounds.filter(pl.col("gebied").is_in([IJS, "Gelderland-Zuid", "Gelderland-Midden"])).is_empty()


def test_breakdowns_hold(checks: pl.DataFrame) -> None:
    rows = checks.filter(pl.col("soort") == "uitsplitsing = totaal")
    got = {r["onderwerp"]: (r["waarde_a"], r["waarde_b"], r["uitkomst"]) for r in rows.iter_rows(named=True)}
    assert got == {
        "CoMensHa naar leeftijd": (71, 12 + 59, "klopt"),
        "CoMensHa naar geslacht": (71, 9 + 62, "klopt"),
        "CoMensHa naar nationaliteit": (71, 19 + 25 + 27, "klopt"),
        "B8-aangiftes naar AZC-locatie": (13, 2 + 5 + 3 + 1 + 1 + 1, "klopt"),
    }


def test_findings_and_order(checks: pl.DataFrame) -> None:
    found = findings(checks)
    assert found.height == 1 + 2 + 18 + 1
    assert "klopt" not in set(found["uitkomst"])
    # Differences first, then lower bounds, then approximations, then what holds.
    order = {"wijkt af": 0, "ondergrens": 1, "klopt bij benadering": 2, "klopt": 3}
    ranks = [order[o] for o in checks["uitkomst"]]
    assert ranks == sorted(ranks)
    assert found["uitkomst"].head(3).to_list() == ["wijkt af"] * 3


def test_context_values(context: pl.DataFrame) -> None:
    assert context_value(context, "slachtoffers_nl_2021") == 5500
    assert context_value(context, "slachtoffers_on_2021_tekst") == 1150
    assert context_value(context, "onderzoeken_2022_tekst") == 32
    assert context_value(context, "b8_2019") == 126
    with pytest.raises(KeyError):
        context_value(context, "bestaat_niet")


# -- tampered tables ------------------------------------------------------------------------


def set_value(tidy: pl.DataFrame, area: str, indicator: str, new: int) -> pl.DataFrame:
    target = (pl.col("gebied") == area) & (pl.col("indicator") == indicator)
    assert tidy.filter(target).height == 1
    return tidy.with_columns(pl.when(target).then(pl.lit(new)).otherwise(pl.col("waarde")).alias("waarde"))


def test_tampered_municipality_gives_a_district_difference(tidy: pl.DataFrame, context: pl.DataFrame) -> None:
    # Kampen's signals 1 -> 2: IJsselland's parts add up to 26, the printed total stays 25.
    tampered = set_value(tidy, "Kampen", "signalen", 2)
    checks = consistency_checks(tampered, context)
    differing = checks.filter(
        pl.col("soort") == "som gemeenten = districtstotaal", pl.col("uitkomst") == "wijkt af"
    )
    row = only(differing)
    assert (row["gebied"], row["indicator"]) == (IJS, "signalen")
    assert (row["waarde_a"], row["waarde_b"], row["verschil"]) == (25, 26, -1)
    # The printed district totals are unchanged, so the unit sum still holds.
    unit = only(
        checks.filter(pl.col("soort") == "som districten = eenheidstotaal", pl.col("indicator") == "signalen")
    )
    assert unit["uitkomst"] == "klopt"


def test_tampered_district_total_differs_twice(tidy: pl.DataFrame, context: pl.DataFrame) -> None:
    # Twente's printed signals 41 -> 45: differs from its parts (41) and from the unit (188 vs 192).
    tampered = set_value(tidy, TW, "signalen", 45)
    checks = findings(consistency_checks(tampered, context))
    signals = checks.filter(pl.col("indicator") == "signalen", pl.col("uitkomst") == "wijkt af")
    got = {(r["soort"], r["waarde_a"], r["waarde_b"]) for r in signals.iter_rows(named=True)}
    assert got == {
        ("som gemeenten = districtstotaal", 45, 41),
        ("som districten = eenheidstotaal", 188, 192),
    }


def test_tampered_comensha_breakdown(tidy: pl.DataFrame, context: pl.DataFrame) -> None:
    tampered = set_value(tidy, ON, "comensha_man", 10)
    checks = consistency_checks(tampered, context)
    row = only(checks.filter(pl.col("onderwerp") == "CoMensHa naar geslacht"))
    assert (row["waarde_a"], row["waarde_b"], row["uitkomst"]) == (71, 72, "wijkt af")
