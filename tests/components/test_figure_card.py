"""The figure card (``components.figures.figure_card``): a number never stands alone.

Figures from the published 2022 dashboard: 22 investigations of 188 signals (11,7%,
exact interval 7,5%-17,2%); at least 78 administrative interventions on 60 reports,
a lower bound because four municipalities gave no figures ('?').
"""

import pytest
from streamlit.testing.v1 import AppTest

from analysis import consistency_checks, load_context, load_dashboard
from analysis.summary import KeyFigure, key_figures

TIMEOUT_S = 30


def _card(figure: "KeyFigure") -> None:
    """The app: one card. Its body runs alone (AppTest.from_function), hence the quoted annotation."""
    from components.figures import figure_card

    figure_card(figure)


@pytest.fixture(scope="module")
def figures() -> dict[str, KeyFigure]:
    """The start page's key figures of the unit, by code, as the app builds them."""
    tidy = load_dashboard(2022)
    checks = consistency_checks(tidy, load_context())
    return {f.code: f for _, group in key_figures(tidy, checks) for f in group}


def _shown(figure: KeyFigure) -> tuple[dict[str, str], list[str]]:
    """Run the card; return its metric (label -> value) and the lines of its caption."""
    at = AppTest.from_function(_card, args=(figure,), default_timeout=TIMEOUT_S).run()
    assert not at.exception, at.exception
    assert len(at.caption) == 1
    return {m.label: m.value for m in at.metric}, at.caption[0].value.split("  \n")


def test_card_shows_the_figure_with_its_ratio_counts_and_source(figures: dict[str, KeyFigure]) -> None:
    metric, lines = _shown(figures["strafrechtelijke_onderzoeken"])
    assert metric == {"Strafrechtelijke onderzoeken": "22"}
    assert lines == [
        "11,7%: 22 onderzoeken van 188 signalen (marge 7,5%–17,2%).",
        "Bron: Politie Oost-Nederland (BVH)",
    ]


def test_lower_bound_says_minstens_and_why(figures: dict[str, KeyFigure]) -> None:
    metric, lines = _shown(figures["bestuurlijke_interventies"])
    assert metric == {"Bestuurlijke interventies": "minstens 78"}
    assert lines[0].startswith("1,30: 78 interventies op 60 rapportages (marge 1,03–1,62).")
    assert "Zonder Hengelo, Tubbergen, Harderwijk, Zutphen (geen opgave)." in lines[0]
    assert lines[1:] == [
        "waarschuwingen, boetes, dwangsommen, sluitingen en overige; zonder zorgtrajecten",
        "Ondergrens: niet elke gemeente gaf een opgave (?).",
        "Bron: Gemeenten (eigen opgave)",
    ]


def test_figure_without_context_shows_only_its_source(figures: dict[str, KeyFigure]) -> None:
    metric, lines = _shown(figures["signalen"])
    assert metric == {"Signalen mensenhandel": "188"}
    assert lines == ["Bron: Politie Oost-Nederland (BVH)"]


def test_missing_figure_is_words_not_zero() -> None:
    missing = KeyFigure("waarschuwingen", "Waarschuwingen", None, "niet_gerapporteerd", False, "Gemeenten")
    metric, lines = _shown(missing)
    assert metric == {"Waarschuwingen": "niet gerapporteerd"}
    assert lines == ["Bron: Gemeenten"]
