"""The casustafel page's logic: choices, tables, answer, explanation and prompts (2022 figures).

Expected figures come from the published tables: CASUSTAFELS (meetings / cases) and the
district blocks (reports, signals, interventions, care trajectories).
"""

import polars as pl
import pytest
from scipy.stats import binomtest

from analysis.casustafel import (
    DEFAULT_CHOICE,
    RATIO_CHOICES,
    care_effect_text,
    care_settings_table,
    care_side_by_side,
    casustafel_answer,
    casustafel_prompts,
    choice_label,
    claim_notes,
    compare_casustafel,
    comparison_metrics,
    district_comparison_table,
    district_note,
    meetings_table,
    ratio_key,
    ratio_title,
)
from analysis.headlines import word_count


def exact_bounds(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    ci = binomtest(k1, k1 + k2).proportion_ci(confidence_level=0.95, method="exact")
    return ci.low / (1 - ci.low) * n2 / n1, ci.high / (1 - ci.high) * n2 / n1


def test_meetings_and_cases(tidy: pl.DataFrame) -> None:
    meetings = meetings_table(tidy)
    rows = {r["district"]: r for r in meetings.iter_rows(named=True)}
    assert (rows["IJsselland"]["vergaderingen"], rows["IJsselland"]["casussen"]) == (11, 17 + 3)
    assert rows["IJsselland"]["casussen_tekst"] == "17+3"
    assert (rows["Twente"]["vergaderingen"], rows["Twente"]["casussen"]) == (4, 6)
    assert (rows["Gelderland-Midden"]["vergaderingen"], rows["Gelderland-Midden"]["casussen"]) == (6, 8)
    assert (rows["Gelderland-Zuid"]["vergaderingen"], rows["Gelderland-Zuid"]["casussen"]) == (0, 0)
    # Noord-Oost-Gelderland: no meetings, yet 3 cases discussed.
    nog = rows["Noord- en Oost-Gelderland"]
    assert (nog["vergaderingen"], nog["casussen"], nog["groep"]) == (0, 3, "zonder casustafel")
    assert rows["Twente"]["groep"] == "met casustafel"


def test_ratio_choices_tolerate_anything() -> None:
    assert ratio_key("Interventies per rapportage") == "interventies_per_rapportage"
    assert ratio_key("Interventies per 100 signalen") == "interventies_per_signaal"
    assert ratio_key("Zorgtrajecten per 100 signalen") == "zorgtrajecten_per_signaal"
    assert ratio_key(None) == RATIO_CHOICES[DEFAULT_CHOICE]
    assert ratio_key("<script>") == "interventies_per_rapportage"
    assert choice_label(None) == DEFAULT_CHOICE
    assert choice_label("Zorgtrajecten per 100 signalen") == "Zorgtrajecten per 100 signalen"


def test_district_table_per_report(tidy: pl.DataFrame) -> None:
    table = district_comparison_table(tidy, "interventies_per_rapportage")
    counts = {r["gebied"]: (r["teller"], r["noemer"]) for r in table.iter_rows(named=True)}
    assert counts == {
        "IJsselland": (13, 13),
        "Twente": (21, 16),
        "Gelderland-Midden": (17, 12),
        "Met casustafel (samen)": (51, 41),
        "Gelderland-Zuid": (12, 9),
        # Harderwijk's 3 reports are left out with its '?' interventions: 13 - 3 = 10.
        "Noord- en Oost-Gelderland": (15, 10),
        "Zonder casustafel (samen)": (27, 19),
    }
    twente = table.filter(pl.col("gebied") == "Twente").row(0, named=True)
    assert twente["weggelaten"] == "Hengelo, Tubbergen"
    assert twente["tekst"] == "1,31 (21 interventies op 16 rapportages)"


def test_district_table_per_signal_is_scaled(tidy: pl.DataFrame) -> None:
    table = district_comparison_table(tidy, "interventies_per_signaal")
    ijsselland = table.filter(pl.col("gebied") == "IJsselland").row(0, named=True)
    # IJsselland: 13 interventions on 25 signals = 52,0 per 100.
    assert (ijsselland["teller"], ijsselland["noemer"]) == (13, 25)
    assert ijsselland["waarde"] == pytest.approx(52.0)
    assert ijsselland["tekst"] == "52,0 per 100 (13 interventies op 25 signalen)"


def test_answer_names_both_groups_with_counts(tidy: pl.DataFrame) -> None:
    answer = casustafel_answer(compare_casustafel(tidy, "interventies_per_rapportage"))
    lower, upper = exact_bounds(51, 41, 27, 19)
    assert (round(lower, 2), round(upper, 2)) == (0.54, 1.45)
    # The conclusion first, then both groups with their counts; the ratio 0,88 and its margin are on the cards.
    assert answer == (
        "Geen duidelijk verschil (iets lager met casustafel): districten met een casustafel kwamen op 1,24 "
        "(51 interventies op 41 rapportages), districten zonder op 1,42 (27 interventies op 19 rapportages)."
    )
    assert "marge" not in answer
    per_signal = casustafel_answer(compare_casustafel(tidy, "interventies_per_signaal"))
    assert per_signal == (
        "Geen duidelijk verschil (iets lager met casustafel): met casustafel 42,9 per 100 "
        "(51 interventies op 119 signalen), zonder 50,0 per 100 (27 interventies op 54 signalen)."
    )
    with_care = casustafel_answer(compare_casustafel(tidy, "interventies_per_rapportage", include_care=True))
    assert with_care.startswith("Geen duidelijk verschil (iets hoger met casustafel)")
    assert "2,34 (96 interventies op 41 rapportages; zorgtrajecten meegeteld)" in with_care
    for text in (answer, per_signal, with_care):
        assert word_count(text) <= 30


def test_metrics_change_with_choice(tidy: pl.DataFrame) -> None:
    values = [v for _, v, _ in comparison_metrics(compare_casustafel(tidy, "interventies_per_rapportage"))]
    assert values == ["1,24", "1,42", "0,88"]
    values = [v for _, v, _ in comparison_metrics(compare_casustafel(tidy, "interventies_per_signaal"))]
    assert values == ["42,9 per 100", "50,0 per 100", "0,86"]
    values = [v for _, v, _ in comparison_metrics(compare_casustafel(tidy, "zorgtrajecten_per_signaal"))]
    # Care: with 17 + 1 + 27 = 45 on 119 signals, without 2 + 13 = 15 on 54.
    assert values == ["37,8 per 100", "27,8 per 100", "1,36"]
    captions = [c for _, _, c in comparison_metrics(compare_casustafel(tidy, "interventies_per_rapportage"))]
    assert "Zonder Hengelo en Tubbergen" in captions[0]
    assert "Zonder Harderwijk en Zutphen" in captions[1]


def test_care_setting_flips_the_direction(tidy: pl.DataFrame) -> None:
    text = care_effect_text(tidy, "interventies_per_rapportage")
    assert "0,88 (marge 0,54–1,45)" in text
    assert "1,06 (marge 0,73–1,56)" in text
    assert "draait om" in text
    assert "verandert hier niets" in care_effect_text(tidy, "zorgtrajecten_per_signaal")
    side = care_side_by_side(tidy, "interventies_per_rapportage")
    assert [v for _, v, _ in side] == ["0,88", "1,06"]
    assert "51 interventies op 41 rapportages" in side[0][2]
    assert "96 interventies op 41 rapportages" in side[1][2]
    assert len(care_side_by_side(tidy, "zorgtrajecten_per_signaal")) == 1


def test_care_settings_table(tidy: pl.DataFrame) -> None:
    settings = care_settings_table(tidy)
    assert settings.height == 5
    per_report = settings.filter(pl.col("verhouding") == "Interventies per rapportage")
    assert per_report["rr"].to_list() == pytest.approx([(51 / 41) / (27 / 19), (96 / 41) / (42 / 19)])
    assert per_report["conclusie"].to_list() == [
        "geen duidelijk verschil (iets lager met casustafel)",
        "geen duidelijk verschil (iets hoger met casustafel)",
    ]


def test_ratio_title_says_care(tidy: pl.DataFrame) -> None:
    assert ratio_title(compare_casustafel(tidy, "interventies_per_rapportage")) == (
        "Bestuurlijke interventies per rapportage"
    )
    assert "zorgtrajecten meegeteld" in ratio_title(
        compare_casustafel(tidy, "interventies_per_rapportage", include_care=True)
    )
    assert "meegeteld" not in ratio_title(
        compare_casustafel(tidy, "zorgtrajecten_per_signaal", include_care=True)
    )


def test_claim_notes(tidy: pl.DataFrame) -> None:
    notes = " ".join(claim_notes(tidy))
    assert "toelichting" in notes
    assert "51 interventies, de 2 zonder 27" in notes
    assert "1,24" in notes and "1,42" in notes
    assert "2,34 tegen 2,21" in notes
    assert "aanwijzing" in notes
    assert "Noord- en Oost-Gelderland hield geen vergadering" in notes and "3 casussen" in notes
    assert "17+3" in notes
    assert "Hengelo, Tubbergen, Harderwijk en Zutphen" in notes


def test_district_note(tidy: pl.DataFrame) -> None:
    assert district_note(tidy, "Oost-Nederland") == ""
    note = district_note(tidy, "Twente")
    assert "met casustafel" in note and "4 vergaderingen" in note
    assert "0 vergaderingen, 3 besproken casussen" in district_note(tidy, "Noord- en Oost-Gelderland")


def test_prompts(tidy: pl.DataFrame) -> None:
    comparison = compare_casustafel(tidy, "interventies_per_rapportage")
    unit = casustafel_prompts(tidy, comparison)
    assert 2 <= len(unit) <= 4
    text = " ".join(unit)
    assert "Noord- en Oost-Gelderland op 1,50 (15 interventies op 10 rapportages)" in text
    assert "besprak wel 3 casussen" in text
    assert "0,88 zonder zorgtrajecten en 1,06 met zorgtrajecten" in text
    twente = casustafel_prompts(tidy, comparison, "Twente")
    assert twente[0].startswith("Twente hield 4 casustafelvergaderingen en besprak 6 casussen")
    assert "1,31 (21 interventies op 16 rapportages)" in twente[0]
    ijsselland = casustafel_prompts(tidy, comparison, "IJsselland")
    assert "17+3" in ijsselland[0]
    nog = casustafel_prompts(tidy, comparison, "Noord- en Oost-Gelderland")
    assert sum("3 casussen" in p for p in nog) == 1
    assert all(p.rstrip().endswith("?") for p in unit + twente + nog)
