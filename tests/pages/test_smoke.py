"""Every page runs without exception for the unit and for each district, and shows its question."""

import pytest

from analysis.questions import QUESTIONS, route
from tests.pages.conftest import run_app

PAGES = [q.page_file for q in QUESTIONS]
AREAS = [
    "Oost-Nederland",
    "IJsselland",
    "Gelderland-Zuid",
    "Twente",
    "Noord- en Oost-Gelderland",
    "Gelderland-Midden",
]


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_for_every_area(page: str, area: str) -> None:
    at = run_app(page, district=area)
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["district"] == area
    assert at.title, "every page opens with its question as title"


def test_every_route_page_opens_with_its_question() -> None:
    for step in route()[1:]:
        at = run_app(step.page_file)
        assert at.title[0].value == step.title
