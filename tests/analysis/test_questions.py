"""The question registry is complete and every path it names exists."""

import importlib
import re
from pathlib import Path

import pytest

from analysis import load_context, load_dashboard, load_population
from analysis.indicators import BY_CODE
from analysis.questions import (
    QUESTIONS,
    SECTIONS,
    START,
    Question,
    by_section,
    estimate_keys,
    estimate_question,
    for_page,
    route,
    route_minutes,
    route_position,
    trend_topics,
)
from analysis.werksessie import published_figures

ROOT = Path(__file__).resolve().parents[2]


def _resolve(dotted: str) -> object:
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def test_every_page_file_has_one_entry_and_every_entry_a_file() -> None:
    files = {path.stem for path in (ROOT / "pages").glob("*.py")}
    slugs = [q.slug for q in QUESTIONS]
    assert len(slugs) == len(set(slugs)), "a slug is listed twice"
    assert set(slugs) == files


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.slug for q in QUESTIONS])
def test_view_and_wording_exist_and_the_page_uses_the_view(question: Question) -> None:
    assert callable(_resolve(question.view)), question.view
    importlib.import_module(question.wording)
    source = (ROOT / question.page_file).read_text(encoding="utf-8")
    # The page calls its view itself or through one of the components it imports.
    components = re.findall(r"^from components(?:\.(\w+))? import (.+)$", source, flags=re.MULTILINE)
    used = [source] + [
        (ROOT / "components" / f"{module or name.strip()}.py").read_text(encoding="utf-8")
        for module, names in components
        for name in ([""] if module else names.split(" as ")[0].split(","))
        if (ROOT / "components" / f"{module or name.strip()}.py").exists()
    ]
    function = question.view.rpartition(".")[2]
    assert any(function in text for text in used), f"{question.page_file} does not call {question.view}"
    assert "for_page(__file__)" in source, f"{question.page_file} does not take its title from the registry"
    assert for_page(ROOT / question.page_file) is question


def test_route_is_the_ninety_minute_workshop() -> None:
    assert [q.slug for q in route()] == [
        START,
        "aard-en-omvang",
        "opvolging",
        "rapportage-interventie",
        "casustafels",
        "onzichtbare-slachtoffers",
        "ontwikkeling",
    ]
    assert route_minutes() == 90
    assert route_position("casustafels") == 4
    assert route_position("data") is None
    assert all(q.note for q in route()), "every route question has a facilitator note"


def test_sections_hold_every_page_once() -> None:
    grouped = by_section()
    assert list(grouped) == list(SECTIONS)
    assert sum(len(pages) for pages in grouped.values()) == len(QUESTIONS)


def test_trend_topics_name_known_indicators() -> None:
    topics = trend_topics()
    assert list(topics) == [
        "Aard en omvang",
        "Opvolging",
        "Rapportage en interventie",
        "Casustafels",
        "Onzichtbare slachtoffers",
    ]
    for indicators in topics.values():
        assert indicators and all(code in BY_CODE for code in indicators)


def test_estimates_are_the_werksessie_figures_in_route_order() -> None:
    figures = published_figures(load_dashboard(2022), load_population(), load_context())
    assert estimate_keys() == ("signalen", "onderzoek", "interventies", "slachtoffers")
    assert set(estimate_keys()) == set(figures)
    for key, figure in figures.items():
        assert figure.page == estimate_question(key).slug
    assert figures["signalen"].value == 188
