"""Every loaded year per indicator (analysis.trends: year_series, year_steps and friends).

A synthetic 2023 is made here from the published 2022 tables with one known change: ten
more signals in Zwolle, in the IJsselland total and in the unit total (25 -> 35 and
188 -> 198). Every comparison must show exactly that change and nothing else. Expected
figures are typed over from the published tables (data/dashboard/2022.txt) and the CBS
file (data/gemeenten.csv: IJsselland 537.993 inhabitants on 1 January 2022, the unit
3.282.382).
"""

import json
from functools import cache

import altair as alt
import polars as pl
import pytest

from analysis import default_gazetteer, load_context, load_dashboard, load_population
from analysis.intake import compare_years
from analysis.parser import parse_layout
from analysis.paths import dashboard_file
from analysis.questions import question
from analysis.stats import rate_ratio_interval
from analysis.trends import (
    QUESTIONS,
    SOURCE_CHANGES,
    SourceChange,
    area_change_notes,
    area_value,
    comparison_display,
    ratio_rows,
    source_change_table,
    step_prompt,
    step_sentence,
    steps_display,
    trend_table,
    year_series,
    year_steps,
    years_answer,
)
from analysis.trends.wording import (
    no_previous_year_caption,
    ratio_caption,
    ratio_legend_title,
    ratio_title,
    since_heading,
    step_ratio_caption,
)
from components.trend_charts import ratio_chart, years_chart, years_chart_data

IJSSELLAND_2022 = 537_993
UNIT_2022 = 3_282_382

ZWOLLE = "Signalen mensenhandel\t1\t1\t3\t13\t5\t2\t25"
ZWOLLE_PLUS_TEN = "Signalen mensenhandel\t1\t1\t3\t23\t5\t2\t35"
UNIT = "Signalen mensenhandel\t188"
UNIT_PLUS_TEN = "Signalen mensenhandel\t198"


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


@cache
def text_2022() -> str:
    return dashboard_file(2022).read_text(encoding="utf-8")


@cache
def tidy_2022() -> pl.DataFrame:
    return load_dashboard(2022)


@cache
def text_2023() -> str:
    return replace_once(replace_once(text_2022(), ZWOLLE, ZWOLLE_PLUS_TEN), UNIT, UNIT_PLUS_TEN)


@cache
def tidy_2023() -> pl.DataFrame:
    return parse_layout(text_2023(), 2023, default_gazetteer())


@pytest.fixture(scope="module")
def population() -> pl.DataFrame:
    return load_population()


@pytest.fixture(scope="module")
def context() -> pl.DataFrame:
    return load_context()


def row(frame: pl.DataFrame, **where: object) -> dict:
    found = frame.filter(*[pl.col(k) == v for k, v in where.items()])
    assert found.height == 1, f"{where}: {found.height} rows"
    return found.row(0, named=True)


# -- the series ------------------------------------------------------------------------------


def test_series_for_the_unit_has_2019_text_figures_and_every_table_year(context: pl.DataFrame) -> None:
    series = year_series([tidy_2023(), tidy_2022()], "Oost-Nederland", QUESTIONS["Kerncijfers"], context)
    signals = series.filter(pl.col("indicator") == "signalen")
    assert signals.select("jaar", "bron", "waarde").rows() == [
        (2019, "toelichting", 203),
        (2022, "tabel", 188),
        (2023, "tabel", 198),
    ]
    investigations = series.filter(pl.col("indicator") == "strafrechtelijke_onderzoeken")
    assert investigations.select("jaar", "bron", "waarde").rows() == [
        (2019, "toelichting", 54),
        (2022, "tabel", 22),
        (2022, "toelichting", 32),  # the text of 2022 names another figure than its table
        (2023, "tabel", 22),
    ]
    b8 = series.filter(pl.col("indicator") == "b8_aangiftes")
    assert b8.select("jaar", "bron", "waarde").rows() == [
        (2019, "toelichting", 126),
        (2022, "tabel", 13),
        (2022, "toelichting", 14),
        (2023, "tabel", 13),
    ]
    # Ads: no count for 2019, another crawler from 2022 on.
    ads = series.filter(pl.col("indicator") == "seksadvertenties")
    assert ads.select("jaar", "waarde", "bron_gewijzigd").rows() == [
        (2022, 29764, True),
        (2023, 29764, False),
    ]
    assert "Web-IQ" in ads["opmerking"][0]


def test_district_series_has_no_2019_and_shows_unit_only_figures_as_such(context: pl.DataFrame) -> None:
    series = year_series(
        [tidy_2022(), tidy_2023()], "IJsselland", QUESTIONS["Onzichtbare slachtoffers"], context
    )
    signals = series.filter(pl.col("indicator") == "signalen")
    assert signals.select("jaar", "gebied", "waarde").rows() == [
        (2022, "IJsselland", 25),
        (2023, "IJsselland", 35),
    ]
    b8 = series.filter(pl.col("indicator") == "b8_aangiftes", pl.col("bron") == "tabel")
    assert b8.select("jaar", "gebied", "waarde").rows() == [
        (2022, "Oost-Nederland", 13),
        (2023, "Oost-Nederland", 13),
    ]
    assert b8["opmerking"][0] == "alleen voor heel Oost-Nederland bekend, niet per district"


def test_area_values_keep_missing_apart_from_zero() -> None:
    tidy = tidy_2022()
    casus = area_value(tidy, "Oost-Nederland", "casustafel_vergaderingen")
    assert (casus.value, casus.lower_bound, casus.note) == (21, False, "som van de districten")  # 11+4+0+6+0
    care = area_value(tidy, "Oost-Nederland", "zorgtrajecten")
    assert (care.value, care.lower_bound, care.text(2022)) == (60, True, "minstens 60")
    twente = area_value(tidy, "Twente", "waarschuwingen")
    assert twente.lower_bound and twente.text(2022).startswith("minstens ")
    twente_total = (pl.col("gebied") == "Twente") & (pl.col("indicator") == "signalen")
    unknown = tidy.with_columns(
        status=pl.when(twente_total).then(pl.lit("niet_gerapporteerd")).otherwise(pl.col("status")),
        waarde=pl.when(twente_total).then(None).otherwise(pl.col("waarde")),
    )
    assert area_value(unknown, "Twente", "signalen").text(2022) == "? (geen opgave)"
    gone = area_value(tidy.filter(~twente_total), "Twente", "signalen")
    assert (gone.area, gone.text(2022)) == ("Twente", "niet in 2022")  # not the unit's figure instead
    absent = area_value(tidy.filter(pl.col("indicator") != "b8_aangiftes"), "Oost-Nederland", "b8_aangiftes")
    assert (absent.value, absent.status, absent.text(2024)) == (None, "ontbreekt", "niet in 2024")


# -- steps between years ------------------------------------------------------------------------


def test_steps_show_exactly_the_known_change_for_the_unit(
    population: pl.DataFrame, context: pl.DataFrame
) -> None:
    series = year_series([tidy_2022(), tidy_2023()], "Oost-Nederland", QUESTIONS["Kerncijfers"], context)
    steps = year_steps(series, population)
    assert steps["jaar_van"].unique().to_list() == [2022]  # 2019 is compared on its own
    changed = steps.filter(pl.col("verschil") != 0)
    assert changed.select("indicator", "waarde_van", "waarde_naar", "verschil").rows() == [
        ("signalen", 188, 198, 10)
    ]
    signals = changed.row(0, named=True)
    assert signals["verandering"] == pytest.approx(10 / 188)
    assert (signals["ratio"], signals["ratio_onder"], signals["ratio_boven"]) == pytest.approx(
        rate_ratio_interval(198, UNIT_2022, 188, UNIT_2022)
    )
    assert signals["per_100k_van"] == pytest.approx(188 / UNIT_2022 * 100_000)
    assert signals["oordeel"] == "past binnen toeval"
    assert steps.filter(pl.col("verschil") == 0).height == 6


def test_steps_for_ijsselland(population: pl.DataFrame) -> None:
    series = year_series([tidy_2022(), tidy_2023()], "IJsselland", QUESTIONS["Opvolging"])
    steps = year_steps(series, population)
    assert steps.select("indicator", "tekst_van", "tekst_naar", "verschil").rows() == [
        ("signalen", "25", "35", 10),
        ("strafrechtelijke_onderzoeken", "5", "5", 0),
        ("instroom_om", "8", "8", 0),
    ]
    signals = row(steps, indicator="signalen")
    assert signals["ratio"] == pytest.approx(1.4)
    assert signals["per_100k_van"] == pytest.approx(25 / IJSSELLAND_2022 * 100_000)
    assert signals["ratio_onder"] < 1 < signals["ratio_boven"]  # ten more of 25 may well be chance
    display = steps_display(steps, rates=True, compact=True)
    assert display.columns == [
        "Indicator",
        "2022",
        "2023",
        "Verschil",
        "Per 100.000 inwoners",
        "Verhouding (marge)",
        "Oordeel",
        "Toelichting",
    ]
    assert display.row(0)[:5] == ("Signalen mensenhandel", "25", "35", "+10", "4,6 → 6,5")
    assert display["Verschil"].to_list() == ["+10", "±0", "±0"]


def test_sentence_and_prompt_name_the_change(population: pl.DataFrame, context: pl.DataFrame) -> None:
    series = year_series([tidy_2022(), tidy_2023()], "IJsselland", QUESTIONS["Opvolging"])
    steps = year_steps(series, population)
    low, high = (f"{v:.2f}".replace(".", ",") for v in rate_ratio_interval(35, 1, 25, 1)[1:])
    assert step_sentence(steps, 2023, "IJsselland") == (
        f"Van 2022 naar 2023 (IJsselland): signalen mensenhandel 25 → 35 (+10; verhouding 1,40, marge {low}–{high}: "
        "past binnen toeval); de andere 2 cijfers bleven gelijk."
    )
    assert step_prompt(steps, 2023, "IJsselland").startswith(
        "De signalen mensenhandel in IJsselland stegen van 25 (2022) naar 35 (2023); verhouding 1,40"
    )
    assert step_sentence(steps, 2022, "IJsselland") is None
    unit = year_steps(
        year_series([tidy_2022(), tidy_2023()], "Oost-Nederland", QUESTIONS["Kerncijfers"], context)
    )
    answer = years_answer(trend_table(tidy_2022(), context), unit, 2023, "Oost-Nederland")
    # With a later year loaded the answer is the step into it, without margins, within 30 words.
    assert answer == (
        "Van 2022 naar 2023 (heel Oost-Nederland): signalen mensenhandel 188 → 198 (+10; past binnen toeval); "
        "de andere 6 cijfers bleven gelijk."
    )


def test_missing_figures_and_skipped_years_are_explained(population: pl.DataFrame) -> None:
    unknown = tidy_2023().with_columns(
        status=pl.when((pl.col("gebied") == "IJsselland") & (pl.col("indicator") == "signalen"))
        .then(pl.lit("niet_gerapporteerd"))
        .otherwise(pl.col("status")),
        waarde=pl.when((pl.col("gebied") == "IJsselland") & (pl.col("indicator") == "signalen"))
        .then(None)
        .otherwise(pl.col("waarde")),
    )
    later = tidy_2022().with_columns(jaar=pl.lit(2025, dtype=pl.Int64))
    series = year_series([tidy_2022(), unknown, later], "IJsselland", ("signalen",))
    steps = year_steps(series, population)
    assert steps.select("jaar_van", "jaar_naar", "verschil", "toelichting").rows() == [
        (2022, 2023, None, "Geen vergelijking: 2023: ? (geen opgave)."),
        (2023, 2025, None, "Geen vergelijking: 2023: ? (geen opgave). Geen tabellen van 2024."),
    ]
    assert steps["oordeel"].to_list() == ["niet te beoordelen", "niet te beoordelen"]


# -- source changes as data --------------------------------------------------------------------


def test_source_changes_are_a_table() -> None:
    table = source_change_table()
    assert table.select("indicator", "jaar", "voorheen", "nu").rows() == [
        ("seksadvertenties", 2022, "de webcrawler van de politie", "de webcrawler van Web-IQ")
    ]


def test_a_change_of_source_in_a_new_year_is_marked(
    population: pl.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    import analysis.trends.sources as sources

    extra = SourceChange("signalen", 2023, "BVH", "een nieuw systeem", "Andere registratie vanaf 2023.")
    monkeypatch.setattr(sources, "SOURCE_CHANGES", (*SOURCE_CHANGES, extra))
    steps = year_steps(year_series([tidy_2022(), tidy_2023()], "IJsselland", ("signalen",)), population)
    assert steps["bron_gewijzigd"].to_list() == [True]
    assert steps["toelichting"][0] == "Andere registratie vanaf 2023."


# -- mergers -----------------------------------------------------------------------------------


def test_a_merger_is_named_and_district_totals_still_compare(population: pl.DataFrame) -> None:
    merged = parse_layout(replace_once(text_2023(), "Deven-ter", "Olst-Wijhe"), 2023, default_gazetteer())
    notes = area_change_notes([tidy_2022(), merged], "IJsselland")
    assert notes == [
        "District IJsselland: in 2022 stond Deventer apart, in 2023 niet meer; nieuw apart in 2023: Olst-Wijhe. "
        "Is dit een samenvoeging of naamswijziging, of noemt het dashboard andere gemeenten? De cijfers van deze "
        "gemeenten en van 'Overig IJsselland' zijn daardoor niet zonder meer te vergelijken met 2022; het "
        "districtstotaal wel."
    ]
    assert area_change_notes([tidy_2022(), merged], "Twente") == []
    assert (
        area_change_notes([merged, tidy_2022()], "Oost-Nederland") == notes
    )  # order of loading does not matter
    steps = year_steps(year_series([tidy_2022(), merged], "IJsselland", ("signalen",)), population)
    assert steps.select("waarde_van", "waarde_naar").rows() == [(25, 35)]


# -- the intake preview's comparison table ---------------------------------------------------------


def test_comparison_display_names_both_years() -> None:
    display = comparison_display(compare_years(tidy_2023(), tidy_2022()))
    assert display.columns == [
        "Gebied",
        "Indicator",
        "2022",
        "2023",
        "Verschil",
        "Verhouding (marge)",
        "Toelichting",
    ]
    ijsselland = display.filter(
        pl.col("Gebied") == "IJsselland", pl.col("Indicator") == "Signalen mensenhandel"
    )
    assert ijsselland.row(0)[2:5] == ("25", "35", "+10")
    assert ijsselland["Verhouding (marge)"][0].startswith("1,40 (marge ")
    hengelo_free = display.filter(
        pl.col("Gebied") == "IJsselland", pl.col("Indicator") == "Bestuurlijke boetes"
    )
    assert hengelo_free.row(0)[2:6] == (
        "0",
        "0",
        "±0",
        "niet te berekenen (vorig jaar 0; marge 0,00–onbegrensd)",
    )


# -- the chart ------------------------------------------------------------------------------------


def test_years_chart_has_counts_in_tooltips_and_marks_the_crawler(context: pl.DataFrame) -> None:
    series = year_series([tidy_2022(), tidy_2023()], "Oost-Nederland", QUESTIONS["Kerncijfers"], context)
    frame = years_chart_data(series)
    lines = frame.filter(pl.col("laag") == "lijn", pl.col("label") == "Signalen mensenhandel")
    assert lines.select("jaar", "jaar2", "waarde", "waarde2", "lijn").rows() == [
        (2019, 2022, 203.0, 188.0, "jaren ertussen of andere bron"),
        (2022, 2023, 188.0, 198.0, "opeenvolgende jaren"),
    ]
    marks = frame.filter(pl.col("laag") == "bron")
    assert marks.select("label", "jaar").rows() == [("Actieve seksadvertenties", 2022)]
    chart = years_chart(
        series, "Oost-Nederland", "Kerncijfers: hoe ontwikkelde elk cijfer zich door de jaren?"
    )
    assert isinstance(chart, alt.FacetChart)
    spec = chart.to_dict()
    assert spec["title"]["text"] == "Kerncijfers: hoe ontwikkelde elk cijfer zich door de jaren?"
    tooltips = json.dumps(spec["spec"]["layer"][2]["encoding"]["tooltip"])
    assert "waarde_tekst" in tooltips and "Aantal" in tooltips


# -- titles and captions follow the years of the data ----------------------------------------------


def test_titles_and_captions_take_their_years_from_the_data(context: pl.DataFrame) -> None:
    assert since_heading(2022) == "2019 tegenover 2022, volgens de toelichting"
    assert ratio_caption(2023).startswith("Verhouding = aantal 2023 / aantal 2019,")
    assert ratio_title(2023) == "Groter dan toeval? Aantal 2023 gedeeld door aantal 2019"
    assert ratio_legend_title(2023) == "Getal 2023 uit"
    assert step_ratio_caption(2024, 2023).startswith("Verhouding = aantal per inwoner in 2024 / in 2023,")
    page = question("ontwikkeling").label
    assert no_previous_year_caption(2023, page) == (
        "Er is geen eerder jaar met tabellen geladen om 2023 mee te vergelijken. Van 2019 zijn alleen enkele "
        f"cijfers uit de toelichting bekend: zie de pagina '{page}'."
    )
    spec = ratio_chart(ratio_rows(trend_table(tidy_2022(), context)), 2022).to_dict()
    assert spec["title"]["text"] == "Groter dan toeval? Aantal 2022 gedeeld door aantal 2019"
