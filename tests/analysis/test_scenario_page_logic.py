"""The page logic of 'Onzichtbare slachtoffers': controls, funnel, answer, text figure, CoMensHa, prompts.

Published figures (hard-coded from the dashboard 2022, its text and CBS):
the text's national estimate is "meer dan 5500" (2021) and its regional figure "ongeveer
1150"; CBS counts 3.282.382 inhabitants in the unit of 17.590.672 in the Netherlands
(1 January 2022), which gives 5.500 × 18,66% ≈ 1.026,3. The police registered 188
signals, CoMensHa 71 victims (12 + 59 by age, 9 + 62 by gender, 19 + 25 + 27 by
nationality), and there were 13 B8 declarations. Published MSE ranges: 4.000–7.000
(2018–2019) and 5.000–7.500 (2014–2015).

Comparison (A and B): 8.000 × 18,66% ≈ 1.492,8 and 4.000 × 18,66% ≈ 746,4; 188 signals are
12,6% and 25,2% of those, 71 CoMensHa victims 4,8% and 9,5%, 13 B8 declarations 0,9% and
1,7%. The exact (Garwood) 95% interval of 188 is about 162,1–216,9, so 21,7%–29,1% of 746,4.
"""

import re

import polars as pl
import pytest

from analysis import Tables
from analysis.headlines import word_count
from analysis.scenario import (
    BASELINE_NAME,
    DEFAULT_NAMES,
    KIND_ESTIMATE,
    KIND_EXPECTED,
    KIND_SEEN,
    KIND_TEXT,
    SCENARIO_CAVEATS,
    SHARE_OPTIONS,
    ScenarioControls,
    clean_name,
    comensha_breakdown,
    comensha_sum_lines,
    default_share_percent,
    estimate_slider_range,
    funnel_caption,
    funnel_display_table,
    funnel_subtitle,
    funnel_table,
    inert_markdown,
    outcome_figures,
    published_estimates,
    run_scenario,
    scenario_answer,
    scenario_assumptions,
    scenario_caveats,
    scenario_defaults,
    scenario_from_controls,
    scenario_names,
    scenario_page,
    scenario_prompts,
    scenario_view,
    share_percent_text,
    text_figure_lines,
    unknown_assignment_text,
    view_answer,
    view_assumptions,
    view_funnel,
    view_outcome,
    view_prompts,
)

SHARE = 3282382 / 17590672
EXPECTED = 5500 * SHARE  # 1026,29
TWENTE_SHARE = 633917 / 3282382


@pytest.fixture(scope="module")
def baseline(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame):
    return run_scenario(tidy, population, context)


@pytest.fixture(scope="module")
def high(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame):
    return scenario_from_controls(
        tidy, population, context, national_estimate=8000, own_share=False, share_percent=25.0
    )


@pytest.fixture(scope="module")
def breakdown(tidy: pl.DataFrame) -> pl.DataFrame:
    return comensha_breakdown(tidy)


def test_published_figures_behind_the_defaults(baseline) -> None:
    assert baseline.national_estimate == 5500
    assert baseline.expected_unit == pytest.approx(1026.3, abs=0.05)
    assert baseline.text_regional_figure == 1150


def test_slider_range_covers_every_published_estimate(context: pl.DataFrame) -> None:
    low, high, step = estimate_slider_range(context)
    assert (low, high, step) == (1000, 10000, 250)
    for value in (4000, 5000, 5500, 6250, 7000, 7500):
        assert low <= value <= high
        assert (value - low) % step == 0


def test_share_control_defaults(population: pl.DataFrame) -> None:
    assert default_share_percent(population, 2022) == 18.7
    assert 18.7 in SHARE_OPTIONS and 20.9 in SHARE_OPTIONS and 20.0 in SHARE_OPTIONS
    assert share_percent_text(18.7) == "18,7%"
    assert share_percent_text(20.0) == "20,0%"


def test_share_override_only_applies_when_switched_on(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    off = scenario_from_controls(
        tidy, population, context, national_estimate=5500, own_share=False, share_percent=20.0
    )
    on = scenario_from_controls(
        tidy, population, context, national_estimate=5500, own_share=True, share_percent=20.0
    )
    assert off.expected_unit == pytest.approx(EXPECTED)
    assert off.share_is_override is False
    assert on.expected_unit == pytest.approx(1100)
    assert on.share_is_override is True


def test_higher_estimate(high) -> None:
    assert high.expected_unit == pytest.approx(8000 * SHARE)
    assert high.expected_unit == pytest.approx(1492.8, abs=0.05)


def test_published_estimates_converted_by_share(context: pl.DataFrame, baseline) -> None:
    est = published_estimates(context, baseline)
    assert est["periode"].to_list() == ["2014–2015", "2018–2019"]
    assert est["landelijk_onder"].to_list() == [5000, 4000]
    assert est["landelijk_boven"].to_list() == [7500, 7000]
    assert est["regio_onder"].to_list() == pytest.approx([5000 * SHARE, 4000 * SHARE])
    assert est["regio_boven"].to_list() == pytest.approx([7500 * SHARE, 7000 * SHARE])
    twente = published_estimates(context, baseline, "Twente")
    assert twente["regio_onder"][1] == pytest.approx(4000 * SHARE * TWENTE_SHARE)


def test_funnel_for_the_unit(context: pl.DataFrame, baseline, high) -> None:
    funnel = funnel_table(high, baseline, context)
    assert funnel["stap"].to_list() == [
        "Schatting 2014–2015",
        "Schatting 2018–2019",
        "Verwacht: basis",
        "Verwacht: jouw scenario",
        "Genoemd in de toelichting",
        "Signalen (politie)",
        "Gemeld bij CoMensHa",
        "B8-aangiftes",
    ]
    assert (
        funnel["soort"].to_list() == [KIND_ESTIMATE] * 2 + [KIND_EXPECTED] * 2 + [KIND_TEXT] + [KIND_SEEN] * 3
    )
    assert funnel["aantal"].to_list()[2:] == pytest.approx([EXPECTED, 8000 * SHARE, 1150, 188, 71, 13])
    assert funnel["aandeel"].to_list()[5:] == pytest.approx(
        [188 / (8000 * SHARE), 71 / (8000 * SHARE), 13 / (8000 * SHARE)]
    )
    # Bands converted with the share in use.
    assert funnel["onder"].to_list()[:2] == pytest.approx([5000 * SHARE, 4000 * SHARE])
    assert funnel["aantal_tekst"].to_list()[:5] == [
        "933–1.399",
        "746–1.306",
        "ongeveer 1.026",
        "ongeveer 1.493",
        "ongeveer 1.150",
    ]
    # Every registered count shows its counts and exact margin.
    assert funnel["toelichting"][5] == "188 op ongeveer 1.493 verwacht = 12,6% (marge 10,9%–14,5%)"
    assert funnel["toelichting"][7].startswith("13 op ongeveer 1.493 verwacht = 0,9%")


def test_funnel_for_a_district_has_only_police_signals(context: pl.DataFrame, baseline) -> None:
    funnel = funnel_table(baseline, baseline, context, "Twente")
    assert funnel["stap"].to_list()[-1] == "Signalen (politie)"
    assert KIND_TEXT not in funnel["soort"].to_list()
    assert funnel.filter(pl.col("soort") == KIND_SEEN)["aantal"].to_list() == [41]
    assert funnel["aantal"][3] == pytest.approx(EXPECTED * TWENTE_SHARE)  # about 198


def test_outcome_figures(baseline, high) -> None:
    base = outcome_figures(baseline, which=BASELINE_NAME)
    assert [f.label for f in base] == [
        "Verwacht in Oost-Nederland (basis)",
        "Signalen als deel van verwacht (basis)",
    ]
    assert [f.value_text for f in base] == ["1.026", "18,3%"]
    assert base[0].detail == "5.500 × 18,7% van de inwoners (CBS, 2022)"
    assert (
        base[1].detail
        == "188 signalen op ongeveer 1.026 verwachte slachtoffers in Oost-Nederland; marge 15,8%–21,1%"
    )
    mine = outcome_figures(high, "Twente", which="jouw scenario", baseline=baseline)
    assert [f.label for f in mine] == [
        "Verwacht in Oost-Nederland (jouw scenario)",
        "Verwacht in Twente (jouw scenario)",
        "Signalen als deel van verwacht (jouw scenario)",
    ]
    assert [f.value_text for f in mine] == ["1.493", "288", "14,2%"]
    assert mine[0].delta == "+467 t.o.v. basis"
    assert mine[1].delta == "+90 t.o.v. basis"


def test_answer_default(baseline) -> None:
    assert scenario_answer(baseline) == (
        "Minstens 81% van de ongeveer 1.026 verwachte slachtoffers in Oost-Nederland blijft buiten beeld, "
        "ook als elk van de 188 signalen een ander slachtoffer is (landelijke schatting 5.500)."
    )
    assert word_count(scenario_answer(baseline)) == 27


def test_answer_for_a_district_and_an_own_share(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame, baseline
) -> None:
    assert scenario_answer(baseline, "Twente") == (
        "Minstens 79% van de ongeveer 198 verwachte slachtoffers in Twente blijft buiten beeld, ook als elk "
        "van de 41 signalen een ander slachtoffer is (landelijke schatting 5.500)."
    )
    own = scenario_from_controls(
        tidy, population, context, national_estimate=5500, own_share=True, share_percent=20.0
    )
    # With the own share named the sentence would pass 30 words; the assumptions box names it.
    assert scenario_answer(own) == (
        "Minstens 82% van de ongeveer 1.100 verwachte slachtoffers in Oost-Nederland blijft buiten beeld, "
        "ook als elk van de 188 signalen een ander slachtoffer is."
    )
    assert scenario_assumptions(own) == "5.500 slachtoffers per jaar landelijk × een eigen aandeel van 20,0%"


def test_answer_when_signals_exceed_the_expectation(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    low = scenario_from_controls(
        tidy, population, context, national_estimate=1000, own_share=True, share_percent=5.0
    )
    assert low.expected_unit == pytest.approx(50)
    assert scenario_answer(low) == (
        "188 signalen in Oost-Nederland is meer dan de ongeveer 50 verwachte slachtoffers: de schatting is hier "
        "te laag, of een signaal staat niet voor één slachtoffer."
    )


def test_text_figure_worked_out(population: pl.DataFrame, context: pl.DataFrame, baseline, high) -> None:
    lines = text_figure_lines(baseline, population, context)
    assert "3.282.382 / 17.590.672 = 18,66%" in lines[1]
    assert lines[2] == "Naar inwoners verdeeld: 5.500 × 18,66% ≈ **1.026**."
    assert "1.150 / 5.500 ≈ 20,9%" in lines[3]
    assert lines[4].startswith(
        "Het getal in de toelichting is dus ongeveer 124 hoger dan een verdeling naar inwonertal"
    )
    # The comparison stays with the text's own estimate whatever the slider says.
    assert text_figure_lines(high, population, context) == lines


def test_comensha_breakdown_adds_up(breakdown: pl.DataFrame) -> None:
    counts = {(r["kenmerk"], r["categorie"]): r["aantal"] for r in breakdown.iter_rows(named=True)}
    assert counts == {
        ("Leeftijd", "minderjarig"): 12,
        ("Leeftijd", "meerderjarig"): 59,
        ("Geslacht", "man"): 9,
        ("Geslacht", "vrouw"): 62,
        ("Nationaliteit", "Nederlands"): 19,
        ("Nationaliteit", "niet-Nederlands"): 25,
        ("Nationaliteit", "onbekend"): 27,
    }
    assert set(breakdown["totaal"]) == {71}
    assert set(breakdown["som_kenmerk"]) == {71}
    assert breakdown.filter(pl.col("categorie") == "vrouw")["aandeel_tekst"][0].startswith(
        "62 van 71 (87,3%; marge "
    )


def test_comensha_sums_are_written_out(breakdown: pl.DataFrame) -> None:
    assert comensha_sum_lines(breakdown) == [
        "Leeftijd: 12 minderjarig + 59 meerderjarig = 71",
        "Geslacht: 9 man + 62 vrouw = 71",
        "Nationaliteit: 19 Nederlands + 25 niet-Nederlands + 27 onbekend = 71",
    ]


def test_unknown_is_explained_by_the_sums(tidy: pl.DataFrame) -> None:
    text = unknown_assignment_text(tidy)
    assert "19 + 25 + 27 = 71" in text
    assert "12 + 59 + 27 = 98" in text
    assert "9 + 62 + 27 = 98" in text
    assert "tot nationaliteit" in text


def test_prompts_follow_the_sliders(baseline, high, breakdown: pl.DataFrame) -> None:
    default = scenario_prompts(baseline, baseline, breakdown)
    assert 2 <= len(default) <= 4
    assert (
        "ziet de politie 18,3% van de verwachte slachtoffers in Oost-Nederland: 188 signalen op ongeveer 1.026"
        in default[0]
    )
    # Lowest visible share: Gelderland-Zuid, 18 signals; highest: Gelderland-Midden, 64.
    assert default[1].startswith("In Gelderland-Zuid staan 18 signalen tegenover ongeveer 178")
    assert "Gelderland-Midden 64" in default[1]
    assert "ongeveer 1.150" in default[2] and "20,9%" in default[2] and "ongeveer 1.026" in default[2]
    assert "12 van hen zijn minderjarig" in default[3] and "bij 27 is de nationaliteit onbekend" in default[3]
    changed = scenario_prompts(high, baseline, breakdown)
    assert "ziet de politie 12,6%" in changed[0]
    assert "in jouw scenario 4,8% van de verwachte" in changed[3]


def test_prompts_for_a_district(baseline, breakdown: pl.DataFrame) -> None:
    prompts = scenario_prompts(baseline, baseline, breakdown, "Twente")
    assert "in Twente: 41 signalen op ongeveer 198" in prompts[0]
    assert prompts[1].startswith("In Twente komt met 20,7% naar verhouding meer")
    assert "(18,3%)" in prompts[1]


def test_caveats_name_the_four_points() -> None:
    text = " ".join(SCENARIO_CAVEATS)
    assert "geen vastgesteld slachtoffer" in text
    assert "deels dezelfde mensen" in text
    assert "net zo verspreid is als de bevolking" in text
    assert "2021" in text and "2022" in text
    assert "(2014–2015, 2018–2019)" in text


def test_years_on_the_page_come_from_the_data(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    """The year of the loaded table and of the text's estimate, never a year written into the page."""
    bundled = Tables(tidy=tidy, population=population, context=context)
    page = scenario_page(bundled, (ScenarioControls(5500, False, None),))
    assert (
        page.district_subtitle
        == "Lichte balk: verwacht naar inwoners (jouw scenario); donkere balk: signalen 2022"
    )
    assert page.caveats == list(SCENARIO_CAVEATS) == scenario_caveats(2022, 2021)
    assert page.source.endswith(
        "Dashboard mensenhandel Oost-Nederland 2022 (signalen, CoMensHa, B8-aangiftes)"
    )
    assert "schatting 2021" in page.source
    assert page.comensha_source == "CoMensHa, via het Dashboard mensenhandel Oost-Nederland 2022"
    assert scenario_defaults(bundled, 2022).estimate_help == (
        "Basis: de schatting die de toelichting noemt (Nationaal Rapporteur, 2021)."
    )
    assert page.text_lines[0].startswith("Landelijke schatting van de Nationaal Rapporteur (2021)")

    later = Tables(
        tidy=tidy.with_columns(pl.lit(2023).alias("jaar")),
        population=population,
        context=context.with_columns(
            pl.when(pl.col("code") == "slachtoffers_nl_2021")
            .then(2023)
            .otherwise(pl.col("jaar"))
            .alias("jaar")
        ),
    )
    page = scenario_page(later, (ScenarioControls(5500, False, None),))
    assert page.district_subtitle.endswith("donkere balk: signalen 2023")
    assert "over 2023, de geregistreerde aantallen over 2023" in page.caveats[3]
    assert "schatting 2023" in page.source and "Oost-Nederland 2023 (signalen" in page.source
    assert page.comensha_source.endswith("Oost-Nederland 2023")
    assert page.text_lines[0].startswith("Landelijke schatting van de Nationaal Rapporteur (2023)")
    assert scenario_defaults(later, 2023).estimate_help.endswith("(Nationaal Rapporteur, 2023).")


# ---------------------------------------------------------------------------
# Comparison: two named scenarios, A and B, against the baseline.
# ---------------------------------------------------------------------------

HOSTILE_LINK = "[klik](https://evil.example) :red[rood]"


def controls(estimate: float, name: str | None = None, share: float | None = None) -> ScenarioControls:
    return ScenarioControls(
        national_estimate=estimate, own_share=share is not None, share_percent=share, name=name
    )


@pytest.fixture(scope="module")
def compared(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame):
    return scenario_view(tidy, population, context, [controls(8000), controls(4000, "Laag")])


def test_names_are_cleaned() -> None:
    assert clean_name("  Hoog\n  scenario ", "Scenario A") == "Hoog scenario"
    assert clean_name("", "Scenario B") == "Scenario B"
    assert clean_name(None, "Scenario B") == "Scenario B"
    assert clean_name("\u200b\u202e \t", "Scenario B") == "Scenario B"
    assert clean_name("a\u202eb\u200bc", "x") == "abc"
    assert clean_name("x" * 10_000, "x") == "x" * 40
    assert clean_name("<script>alert(1)</script>", "x") == "<script>alert(1)</script>"


def test_names_are_made_distinct() -> None:
    assert scenario_names(None, None) == DEFAULT_NAMES == ("Scenario A", "Scenario B")
    assert scenario_names("Hoog", "Laag") == ("Hoog", "Laag")
    assert scenario_names("Hoog", "hoog ") == ("Hoog (A)", "hoog (B)")
    assert scenario_names("Basis", "Laag") == ("Basis (A)", "Laag")
    assert scenario_names("", "BASIS") == ("Scenario A", "BASIS (B)")


def test_inert_markdown_escapes_markup_and_addresses() -> None:
    text = inert_markdown(HOSTILE_LINK)
    # The word with an address becomes a code span (literal, never a link); the rest is escaped.
    assert text == "`[klik](https://evil.example)` \\:red\\[rood\\]"
    for plain in ("https://", "www.", "a@b."):
        assert inert_markdown(f"zie {plain}evil.nl") == f"zie `{plain}evil.nl`"
    assert inert_markdown("<script>") == "\\<script\\>"
    assert inert_markdown("Laag") == "Laag"
    # Nothing invisible is added: numbers and words copy exactly as shown.
    assert inert_markdown("29.764 advertenties") == "29\\.764 advertenties"
    assert "\u2060" not in inert_markdown("zie www.evil.nl of 29.764")
    assert inert_markdown("a`b https://x") == "a\\`b `https://x`"
    assert inert_markdown("`https://x`") == "`` `https://x` ``"


def test_comparison_runs_both_scenarios(compared) -> None:
    assert compared.comparing
    assert [s.letter for s in compared.scenarios] == ["A", "B"]
    assert [s.name for s in compared.scenarios] == ["Scenario A", "Laag"]
    assert compared.baseline.expected_unit == pytest.approx(1026.3, abs=0.05)
    assert compared.scenarios[0].result.expected_unit == pytest.approx(1492.8, abs=0.05)
    assert compared.scenarios[1].result.expected_unit == pytest.approx(746.4, abs=0.05)


def test_single_scenario_view_is_the_page_as_before(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame, baseline, high, breakdown
) -> None:
    view = scenario_view(tidy, population, context, [controls(8000)])
    assert not view.comparing
    assert view.scenarios[0].name == "jouw scenario"
    assert view_answer(view) == scenario_answer(high)
    assert view_prompts(view, breakdown) == scenario_prompts(high, baseline, breakdown)
    assert view_funnel(view, context).equals(funnel_table(high, baseline, context))
    assert [heading for heading, _ in view_outcome(view)] == ["Basis", "Jouw scenario"]
    assert view_assumptions(view)[0].startswith("Jouw scenario: 8.000 slachtoffers per jaar landelijk")
    assert funnel_display_table(view, view_funnel(view, context)).columns[5] == "aandeel"


def test_comparison_outcome(compared) -> None:
    columns = view_outcome(compared)
    assert [heading for heading, _ in columns] == ["Basis", "A · Scenario A", "B · Laag"]
    values = {f.label: f.value_text for _, figures in columns for f in figures}
    assert values == {
        "Verwacht in Oost-Nederland (basis)": "1.026",
        "Signalen als deel van verwacht (basis)": "18,3%",
        "Verwacht in Oost-Nederland (Scenario A)": "1.493",
        "Signalen als deel van verwacht (Scenario A)": "12,6%",
        "Verwacht in Oost-Nederland (Laag)": "746",
        "Signalen als deel van verwacht (Laag)": "25,2%",
    }
    assert columns[1][1][0].delta == "+467 t.o.v. basis"
    assert columns[2][1][0].delta == "−280 t.o.v. basis"
    assert columns[2][1][1].detail.endswith("; marge 21,7%–29,1%")


def test_comparison_assumptions_are_listed_apart(compared) -> None:
    assert view_assumptions(compared) == [
        "Basis: 5.500 slachtoffers per jaar landelijk × 18,7% van de inwoners (CBS, 2022)",
        "A · Scenario A: 8.000 slachtoffers per jaar landelijk × 18,7% van de inwoners (CBS, 2022)",
        "B · Laag: 4.000 slachtoffers per jaar landelijk × 18,7% van de inwoners (CBS, 2022)",
    ]


def test_comparison_answer(compared) -> None:
    assert view_answer(compared) == (
        "Ook bij de laagste schatting (B) blijft in Oost-Nederland minstens 74% van de verwachte slachtoffers "
        "buiten beeld. Verwacht: basis ongeveer 1.026, A 1.493, B 746."
    )


def test_comparison_answer_for_a_district_and_an_own_share(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    view = scenario_view(tidy, population, context, [controls(5500), controls(5500, share=25.0)])
    assert view_answer(view, "Twente") == (
        "Ook bij de laagste schatting (de basis) blijft in Twente minstens 79% van de verwachte slachtoffers "
        "buiten beeld. Verwacht: basis ongeveer 198, A 198, B 266."
    )


def test_comparison_answer_when_signals_exceed_an_expectation(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    view = scenario_view(tidy, population, context, [controls(8000, "Hoog"), controls(1000, "Klein", 5.0)])
    answer = view_answer(view)
    assert answer == (
        "Bij B registreerde de politie in Oost-Nederland meer signalen (188) dan verwachte slachtoffers: "
        "die schatting is hier te laag. Verwacht: basis ongeveer 1.026, A 1.493, B 50."
    )


def test_comparison_funnel(compared, context: pl.DataFrame) -> None:
    funnel = view_funnel(compared, context)
    assert funnel["stap"].to_list() == [
        "Schatting 2014–2015",
        "Schatting 2018–2019",
        "Verwacht: basis",
        "Verwacht: Scenario A",
        "Verwacht: Laag",
        "Genoemd in de toelichting",
        "Signalen (politie)",
        "Gemeld bij CoMensHa",
        "B8-aangiftes",
    ]
    assert funnel["aantal"].to_list()[2:] == pytest.approx(
        [EXPECTED, 8000 * SHARE, 4000 * SHARE, 1150, 188, 71, 13]
    )
    assert funnel["aandeel"].to_list()[6:] == pytest.approx([0.1259, 0.0476, 0.0087], abs=5e-5)
    assert funnel["aandeel_b"].to_list()[6:] == pytest.approx([0.2519, 0.0951, 0.0174], abs=5e-5)
    assert funnel["etiket"].to_list()[6:] == [
        "188 = 12,6% van Scenario A · 25,2% van Laag",
        "71 = 4,8% van Scenario A · 9,5% van Laag",
        "13 = 0,9% van Scenario A · 1,7% van Laag",
    ]
    assert funnel["toelichting"][6] == (
        "188 op ongeveer 1.493 verwacht in Scenario A = 12,6% (marge 10,9%–14,5%); op ongeveer 746 "
        "in Laag = 25,2% (marge 21,7%–29,1%)"
    )
    table = funnel_display_table(compared, funnel)
    assert {"aandeel_a", "aandeel_b", "marge_onder_b"} <= set(table.columns)
    assert "scenario A en B" in funnel_caption(compared)
    assert (
        funnel_subtitle(compared)[1]
        == "Percentages: deel van het verwachte aantal in A (Scenario A) en in B (Laag)."
    )


def test_comparison_bands_use_the_cbs_share(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    single = scenario_view(tidy, population, context, [controls(5500, share=25.0)])
    both = scenario_view(tidy, population, context, [controls(5500, share=25.0), controls(4000)])
    assert view_funnel(single, context)["onder"][1] == pytest.approx(4000 * 0.25)
    assert view_funnel(both, context)["onder"][1] == pytest.approx(4000 * SHARE)
    assert view_funnel(both, context)["aantal_tekst"][:2].to_list() == ["933–1.399", "746–1.306"]


def test_comparison_prompts(compared, breakdown: pl.DataFrame) -> None:
    prompts = view_prompts(compared, breakdown)
    assert len(prompts) == 4
    assert prompts[0].startswith(
        "Scenario A (8.000 landelijk) en Laag (4.000 landelijk) verwachten in Oost-Nederland ongeveer 1.493 "
        "en 746 slachtoffers, 747 uit elkaar; de 188 signalen van de politie zijn daarvan 12,6% of 25,2%."
    )
    assert "tussen A en B" in prompts[0]
    assert prompts[1].startswith(
        "In Gelderland-Zuid staan 18 signalen tegenover ongeveer 259 verwachte slachtoffers in Scenario A"
    )
    assert "in Scenario A 4,8% en in Laag 9,5% van de verwachte" in prompts[3]
    twente = view_prompts(compared, breakdown, "Twente")
    assert "verwachten in Twente ongeveer 288 en 144 slachtoffers" in twente[0]
    assert twente[1].startswith("In Twente komt in Scenario A met 14,2% naar verhouding meer")


def test_hostile_names_stay_inert_in_every_sentence(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame, breakdown: pl.DataFrame
) -> None:
    view = scenario_view(
        tidy, population, context, [controls(5500, "<script>alert(1)</script>"), controls(4000, HOSTILE_LINK)]
    )
    assert view.scenarios[1].name == HOSTILE_LINK  # plain text for charts and tables
    texts = [view_answer(view), *view_prompts(view, breakdown), *view_assumptions(view)]
    texts += [heading for heading, _ in view_outcome(view)]
    texts += [f.label for _, figures in view_outcome(view) for f in figures]
    for text in texts:
        outside_code = re.sub(r"(`+).*?\1", "", text)  # a code span shows its content literally
        assert "<script>" not in text and "](" not in outside_code and ":red[" not in outside_code
    assert "script" not in view_answer(view), "the answer names A and B by their letter"
    assert "A · \\<script\\>alert\\(1\\)\\<\\/script\\>" in [heading for heading, _ in view_outcome(view)]
    funnel = view_funnel(view, context)
    assert "Verwacht: " + HOSTILE_LINK in funnel["stap"].to_list()
