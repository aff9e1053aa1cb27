"""Key figures and the headline sentence for the unit and a district (published 2022 figures)."""

import polars as pl
import pytest

from analysis.headlines import word_count
from analysis.summary import INTERVENTIONS_LABEL, KeyFigure, headline, key_figure, key_figures, ratio_detail


def by_code(groups: list[tuple[str, list[KeyFigure]]]) -> dict[str, KeyFigure]:
    return {f.code: f for _, figures in groups for f in figures}


@pytest.fixture(scope="module")
def unit_figures(tidy: pl.DataFrame, checks: pl.DataFrame) -> dict[str, KeyFigure]:
    return by_code(key_figures(tidy, checks))


def test_sections_for_the_unit(tidy: pl.DataFrame, checks: pl.DataFrame) -> None:
    groups = key_figures(tidy, checks)
    assert [(section, [f.code for f in figures]) for section, figures in groups] == [
        ("Zichtbaar aanbod", ["seksadvertenties", "prostitutiecontroles", "bestuurlijke_rapportages"]),
        ("Opsporing en vervolging", ["signalen", "strafrechtelijke_onderzoeken", "instroom_om"]),
        ("Bestuurlijke opvolging", ["bestuurlijke_interventies", "zorgtrajecten"]),
        ("Slachtoffers in beeld", ["comensha_slachtoffers", "b8_aangiftes"]),
    ]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("seksadvertenties", "29.764"),
        ("prostitutiecontroles", "154"),
        ("bestuurlijke_rapportages", "63"),
        ("signalen", "188"),
        ("strafrechtelijke_onderzoeken", "22"),
        ("instroom_om", "44"),
        # 20 + 0 + 50 + 2 + 6 = 78, with "?" in Twente and NOG: a lower bound.
        ("bestuurlijke_interventies", "minstens 78"),
        ("zorgtrajecten", "minstens 60"),
        ("comensha_slachtoffers", "71"),
        ("b8_aangiftes", "13"),
    ],
)
def test_unit_key_figures(unit_figures: dict[str, KeyFigure], code: str, text: str) -> None:
    assert unit_figures[code].value_text() == text


def test_interventions_key_figure(unit_figures: dict[str, KeyFigure]) -> None:
    figure = unit_figures["bestuurlijke_interventies"]
    assert figure.value == 78
    assert figure.lower_bound is True
    assert figure.label == INTERVENTIONS_LABEL
    assert figure.status == "gerapporteerd"
    assert "zonder zorgtrajecten" in figure.note


def test_signals_are_not_a_lower_bound(unit_figures: dict[str, KeyFigure]) -> None:
    figure = unit_figures["signalen"]
    assert (figure.value, figure.lower_bound, figure.status) == (188, False, "gerapporteerd")
    assert figure.source == "Politie Oost-Nederland (BVH)"


def test_details(unit_figures: dict[str, KeyFigure]) -> None:
    assert unit_figures["strafrechtelijke_onderzoeken"].detail == (
        "11,7%: 22 onderzoeken van 188 signalen (marge 7,5%–17,2%)."
    )
    interventions = unit_figures["bestuurlijke_interventies"].detail
    assert interventions.startswith("1,30: 78 interventies op 60 rapportages (marge ")
    assert interventions.endswith("Zonder Hengelo, Tubbergen, Harderwijk, Zutphen (geen opgave).")
    assert unit_figures["instroom_om"].detail.startswith(
        "23,4 per 100: 44 verdachten bij het OM op 188 signalen"
    )
    assert unit_figures["signalen"].detail == ""


def test_district_key_figures_twente(tidy: pl.DataFrame, checks: pl.DataFrame) -> None:
    groups = key_figures(tidy, checks, "Twente")
    assert [section for section, _ in groups] == [
        "Zichtbaar aanbod",
        "Opsporing en vervolging",
        "Bestuurlijke opvolging",
    ]
    figures = by_code(groups)
    assert "comensha_slachtoffers" not in figures
    assert figures["seksadvertenties"].value_text() == "5.171"
    assert figures["signalen"].value_text() == "41"
    # Enschede 19 + Almelo 1 + Overig 1 = 21 (4 + 0 + 15 + 1 + 1), Hengelo and Tubbergen "?".
    assert figures["bestuurlijke_interventies"].value_text() == "minstens 21"
    assert figures["zorgtrajecten"].value_text() == "minstens 1"
    assert "21 interventies op 16 rapportages" in figures["bestuurlijke_interventies"].detail
    assert "Zonder Hengelo, Tubbergen (geen opgave)." in figures["bestuurlijke_interventies"].detail


def test_district_without_question_marks_is_exact(tidy: pl.DataFrame, checks: pl.DataFrame) -> None:
    figures = by_code(key_figures(tidy, checks, "IJsselland"))
    # 5 + 0 + 7 + 0 + 1 = 13
    assert figures["bestuurlijke_interventies"].value_text() == "13"
    assert figures["zorgtrajecten"].value_text() == "17"


def test_key_figure_single(tidy: pl.DataFrame, checks: pl.DataFrame) -> None:
    figure = key_figure(tidy, checks, "instroom_om", "Gelderland-Midden")
    assert (figure.value, figure.lower_bound) == (9, False)
    assert figure.label == "Instroom OM (vervolging)"


def test_value_text_for_missing() -> None:
    missing = KeyFigure("waarschuwingen", "Waarschuwingen", None, "niet_gerapporteerd", False, "bron")
    assert missing.value_text() == "niet gerapporteerd"
    assert KeyFigure("x", "x", None, "gerapporteerd", False, "bron").value_text() == "–"


def test_ratio_detail_for_a_district(tidy: pl.DataFrame) -> None:
    assert ratio_detail(tidy, "strafrechtelijke_onderzoeken", "Twente").startswith(
        "12,2%: 5 onderzoeken van 41 signalen (marge "
    )
    assert ratio_detail(tidy, "seksadvertenties") == ""


def test_headline_unit(tidy: pl.DataFrame) -> None:
    text = headline(tidy)
    assert text == (
        "22 van de 188 signalen van mensenhandel (11,7%) leidden in 2022 in Oost-Nederland "
        "tot een strafrechtelijk onderzoek van enige omvang."
    )
    assert word_count(text) == 20


def test_headline_district(tidy: pl.DataFrame) -> None:
    # 5 investigations of 41 signals = 12,195...%; the margin stays on the cards.
    assert headline(tidy, "Twente") == (
        "5 van de 41 signalen van mensenhandel (12,2%) leidden in 2022 in district Twente "
        "tot een strafrechtelijk onderzoek van enige omvang."
    )
