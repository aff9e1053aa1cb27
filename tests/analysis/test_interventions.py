"""Reports against interventions, on the published 2022 figures.

Every expected number below is read from the published tables (the district blocks of
the Dashboard mensenhandel Oost-Nederland 2022), not computed with the code under test.
"""

import polars as pl
import pytest
from scipy.stats import chi2

from analysis.headlines import word_count
from analysis.interventions import (
    OUTCOME_BOTH,
    OUTCOME_NO_INTERVENTION,
    OUTCOME_NOT_REPORTED,
    OUTCOME_WITHOUT_REPORT,
    area_display_table,
    area_table,
    composition_text,
    district_mix,
    district_ratios,
    intervention_answer,
    intervention_caveats,
    intervention_prompts,
    intervention_summary,
    mix_display_table,
    no_intervention_lines,
    not_applicable_lines,
    not_reported_lines,
    summary_metrics,
)

NOT_REPORTED_AREAS = ("Hengelo", "Tubbergen", "Harderwijk", "Zutphen")


def area(table: pl.DataFrame, name: str) -> dict:
    return table.filter(pl.col("gebied") == name).row(0, named=True)


def test_zwolle_seven_reports_four_interventions(tidy: pl.DataFrame) -> None:
    zwolle = area(area_table(tidy), "Zwolle")
    # IJsselland block, column Zwol-le: rapportages 7; waarschuwingen 1, boetes 0, dwangsommen 3,
    # sluitingen 0, anderszins 0; zorgtrajecten 12.
    assert zwolle["rapportages"] == 7
    assert (zwolle["waarschuwingen"], zwolle["dwangsommen"]) == (1, 3)
    assert zwolle["interventies"] == 1 + 3
    assert zwolle["zorgtrajecten"] == 12
    assert zwolle["samenstelling"] == "1 waarschuwing, 3 lasten onder dwangsom"
    assert zwolle["uitkomst"] == OUTCOME_BOTH


def test_arnhem_seven_reports_twelve_interventions(tidy: pl.DataFrame) -> None:
    arnhem = area(area_table(tidy), "Arnhem")
    # Gelderland-Midden block: rapportages 7; waarschuwingen 6, dwangsommen 6, the rest 0.
    assert arnhem["rapportages"] == 7
    assert (arnhem["waarschuwingen"], arnhem["dwangsommen"]) == (6, 6)
    assert arnhem["interventies"] == 12
    assert arnhem["samenstelling"] == "6 waarschuwingen, 6 lasten onder dwangsom"


def test_enschede_and_care_toggle(tidy: pl.DataFrame) -> None:
    # Enschede: 15 reports; 4 warnings + 14 dwangsommen + 1 other = 19; no care trajectories.
    assert area(area_table(tidy), "Enschede")["interventies"] == 19
    assert area(area_table(tidy, include_care=True), "Enschede")["interventies"] == 19
    # Zwolle with its 12 care trajectories counted in: 4 + 12 = 16.
    assert area(area_table(tidy, include_care=True), "Zwolle")["interventies"] == 16


def test_question_marks_stay_unknown(tidy: pl.DataFrame) -> None:
    table = area_table(tidy)
    unknown = table.filter(pl.col("status") == "niet_gerapporteerd")
    assert tuple(unknown["gebied"].to_list()) == NOT_REPORTED_AREAS
    assert unknown["interventies"].null_count() == 4
    assert set(unknown["uitkomst"].to_list()) == {OUTCOME_NOT_REPORTED}
    # Harderwijk received 3 reports, and its interventions are '?'.
    assert area(table, "Harderwijk")["rapportages"] == 3


def test_reports_without_intervention_are_a_real_zero(tidy: pl.DataFrame) -> None:
    table = area_table(tidy)
    silent = table.filter(pl.col("uitkomst") == OUTCOME_NO_INTERVENTION)
    # Doetinchem (NOG) and Barneveld (Gelderland-Midden): 1 report each, all interventions 0.
    assert sorted(silent["gebied"].to_list()) == ["Barneveld", "Doetinchem"]
    assert silent["rapportages"].to_list() == [1, 1]
    assert silent["interventies"].to_list() == [0, 0]


def test_interventions_without_report(tidy: pl.DataFrame) -> None:
    table = area_table(tidy)
    without = table.filter(pl.col("uitkomst") == OUTCOME_WITHOUT_REPORT)
    # Overig IJsselland (1 other), Overig Twente (1 dwangsom), Ede (1 dwangsom + 1 other).
    assert dict(zip(without["gebied"], without["interventies"], strict=True)) == {
        "Overig IJsselland": 1,
        "Overig Twente": 1,
        "Ede": 2,
    }


def test_not_applicable_at_overig_twente(tidy: pl.DataFrame) -> None:
    overig = area(area_table(tidy), "Overig Twente")
    assert overig["interventies_overig"] is None
    assert overig["niet_van_toepassing"] == "overige interventies"
    assert overig["interventies"] == 1
    display = area_display_table(area_table(tidy, district="Twente"))
    row = display.filter(pl.col("Gebied") == "Overig Twente").row(0, named=True)
    assert row["Overige interventies"] == "-"
    hengelo = display.filter(pl.col("Gebied") == "Hengelo").row(0, named=True)
    assert hengelo["Interventies"] == "?"
    assert hengelo["Waarschuwingen"] == "?"


def test_unit_summary(tidy: pl.DataFrame) -> None:
    summary = intervention_summary(tidy)
    # Unit totals: 20 + 0 + 50 + 2 + 6 = 78 interventions; 63 reports, of which Harderwijk's 3 are left out.
    assert (summary.ratio.numerator, summary.ratio.denominator) == (78, 60)
    assert summary.ratio.left_out == NOT_REPORTED_AREAS
    assert summary.ratio.value_text() == "1,30"
    assert summary.interventions_known == 78
    assert summary.lower_bound
    assert summary.total_text() == "minstens 78"
    assert summary.reports_total == 63
    lower = chi2.ppf(0.025, 2 * 78) / 2 / 60
    upper = chi2.ppf(0.975, 2 * 78 + 2) / 2 / 60
    assert summary.ratio.lower == pytest.approx(lower)
    assert summary.ratio.upper == pytest.approx(upper)
    assert summary.ratio.interval_text() == "1,03–1,62"


def test_unit_summary_with_care(tidy: pl.DataFrame) -> None:
    summary = intervention_summary(tidy, include_care=True)
    # Care trajectories: 17 + 2 + 1 + 13 + 27 = 60 -> 78 + 60 = 138.
    assert (summary.ratio.numerator, summary.ratio.denominator) == (138, 60)
    assert summary.ratio.value_text() == "2,30"
    assert summary.total_text() == "minstens 138"


def test_district_summaries(tidy: pl.DataFrame) -> None:
    twente = intervention_summary(tidy, "Twente")
    # Twente: 4 + 0 + 15 + 1 + 1 = 21 interventions on 16 reports (Hengelo, Tubbergen: 0 reports, '?').
    assert (twente.ratio.numerator, twente.ratio.denominator) == (21, 16)
    assert twente.left_out == ("Hengelo", "Tubbergen")
    assert twente.total_text() == "minstens 21"
    assert intervention_summary(tidy, "Twente", include_care=True).ratio.numerator == 22
    ijsselland = intervention_summary(tidy, "IJsselland")
    # IJsselland: 5 + 0 + 7 + 0 + 1 = 13 interventions on 13 reports; no '?'.
    assert (ijsselland.ratio.numerator, ijsselland.ratio.denominator) == (13, 13)
    assert ijsselland.total_text() == "13"
    assert not ijsselland.lower_bound


def test_district_mix(tidy: pl.DataFrame) -> None:
    mix = district_mix(tidy)

    def count(district: str, code: str) -> int:
        return mix.filter(pl.col("district") == district, pl.col("soort") == code)["aantal"][0]

    assert count("Twente", "dwangsommen") == 15
    assert count("Noord- en Oost-Gelderland", "waarschuwingen") == 3
    assert count("Noord- en Oost-Gelderland", "dwangsommen") == 12
    assert count("Gelderland-Midden", "sluitingen") == 1
    assert "zorgtrajecten" not in mix["soort"].to_list()
    totals = dict(mix.unique("district", maintain_order=True).select("district", "totaal").iter_rows())
    assert totals == {
        "IJsselland": 13,
        "Gelderland-Zuid": 12,
        "Twente": 21,
        "Noord- en Oost-Gelderland": 15,
        "Gelderland-Midden": 17,
    }
    with_care = district_mix(tidy, include_care=True)
    care = with_care.filter(pl.col("soort") == "zorgtrajecten")
    assert dict(zip(care["district"], care["aantal"], strict=True))["Gelderland-Midden"] == 27
    display = mix_display_table(mix, district_ratios(tidy))
    twente = display.filter(pl.col("District") == "Twente").row(0, named=True)
    assert twente["Totaal"] == "minstens 21"
    assert twente["Zonder (?)"] == "Hengelo, Tubbergen"
    assert twente["Per rapportage"] == "1,31"


def test_district_ratios_include_unit(tidy: pl.DataFrame) -> None:
    ratios = district_ratios(tidy)
    unit = ratios.filter(pl.col("gebied") == "Oost-Nederland").row(0, named=True)
    assert (unit["interventies"], unit["rapportages"]) == (78, 60)
    nog = ratios.filter(pl.col("gebied") == "Noord- en Oost-Gelderland").row(0, named=True)
    assert (nog["interventies"], nog["rapportages"]) == (15, 10)


def test_answer_sentence(tidy: pl.DataFrame) -> None:
    answer = intervention_answer(intervention_summary(tidy))
    assert answer == (
        "78 interventies op 60 bestuurlijke rapportages (1,30 per rapportage) in Oost-Nederland. "
        "Barneveld en Doetinchem kregen een rapportage maar registreerden geen interventie; "
        "Hengelo, Tubbergen, Harderwijk en Zutphen gaven geen opgave (?)."
    )
    assert word_count(answer) == 29
    care = intervention_answer(intervention_summary(tidy, include_care=True))
    # With care counted the names of the four areas without figures would take it past 30 words.
    assert care.startswith("138 interventies (zorgtrajecten meegeteld) op 60 bestuurlijke rapportages (2,30")
    assert care.endswith("; 4 gemeenten gaven geen opgave (?).")
    twente = intervention_answer(intervention_summary(tidy, "Twente"))
    assert "21 interventies op 16" in twente
    assert "minstens één interventie" in twente
    assert "Hengelo en Tubbergen gaven geen opgave" in twente


def test_lists_keep_the_two_kinds_apart(tidy: pl.DataFrame) -> None:
    summary = intervention_summary(tidy)
    silent = no_intervention_lines(summary)
    missing = not_reported_lines(summary)
    assert any("Doetinchem" in line and "1 rapportage" in line for line in silent)
    assert not any("Harderwijk" in line for line in silent)
    assert any("Harderwijk" in line and "3 rapportages" in line for line in missing)
    assert any("Hengelo" in line and "10 signalen" in line for line in missing)
    assert not_applicable_lines(summary) and "Overig Twente" in not_applicable_lines(summary)[0]
    assert any("Ede (2 interventies)" in item for item in intervention_caveats(summary))


def test_metrics_show_counts(tidy: pl.DataFrame) -> None:
    metrics = {
        label: (value, caption) for label, value, caption in summary_metrics(intervention_summary(tidy))
    }
    assert metrics["Interventies per rapportage"][0] == "1,30"
    assert "78 interventies op 60 rapportages" in metrics["Interventies per rapportage"][1]
    assert "Hengelo, Tubbergen, Harderwijk en Zutphen" in metrics["Interventies per rapportage"][1]
    assert metrics["Bestuurlijke interventies"][0] == "minstens 78"
    assert metrics["Bestuurlijke rapportages"][0] == "63"
    assert "3 naar gemeenten zonder opgave" in metrics["Bestuurlijke rapportages"][1]


def test_prompts_for_the_unit(tidy: pl.DataFrame) -> None:
    prompts = intervention_prompts(tidy, intervention_summary(tidy))
    assert 2 <= len(prompts) <= 4
    text = " ".join(prompts)
    assert "Zwolle kreeg 7 rapportages" in text
    assert "4 interventies (1 waarschuwing, 3 lasten onder dwangsom)" in text
    assert "Barneveld en Doetinchem kregen elk 1 rapportage" in text
    assert "Harderwijk kreeg 3 rapportages" in text
    assert all(p.rstrip().endswith("?") for p in prompts)


def test_prompts_follow_the_district(tidy: pl.DataFrame) -> None:
    prompts = intervention_prompts(tidy, intervention_summary(tidy, "Twente"))
    text = " ".join(prompts)
    assert 2 <= len(prompts) <= 4
    assert "Enschede kreeg 15 rapportages" in text
    assert "Hengelo" in text and "10 signalen" in text
    assert "Zwolle" not in text
    midden = " ".join(intervention_prompts(tidy, intervention_summary(tidy, "Gelderland-Midden")))
    assert "Barneveld kreeg 1 rapportage" in midden
    assert "Ede registreerde 2 interventies" in midden


def test_composition_text() -> None:
    assert composition_text({"waarschuwingen": 1, "dwangsommen": 3}, ("waarschuwingen", "dwangsommen")) == (
        "1 waarschuwing, 3 lasten onder dwangsom"
    )
    assert (
        composition_text({"waarschuwingen": 0, "dwangsommen": None}, ("waarschuwingen", "dwangsommen"))
        == "geen"
    )
