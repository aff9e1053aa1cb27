"""The route bar of presentation mode (``components.presentation.route_bar``).

The workshop route comes from the registry (``analysis.questions.route()``): seven
questions, from the start page to 'Wat is er veranderd?'. The bar shows where the room
is ("Vraag 3 van 7"), offers 'vorige' and 'volgende' only where there is one, and a
way out of presentation mode.
"""

import pytest
from streamlit.testing.v1 import AppTest

from analysis.questions import reference, route

TIMEOUT_S = 30
ROUTE = route()
PREVIOUS, NEXT, LEAVE = "◀ Vorige vraag", "Volgende vraag ▶", "Presentatie verlaten"
NOTE = "Notitie voor de gespreksleider"


def _bar(url_path: str) -> None:
    from components.presentation import route_bar

    route_bar(url_path)


def _run(url_path: str) -> AppTest:
    at = AppTest.from_function(_bar, args=(url_path,), default_timeout=TIMEOUT_S)
    at.query_params["presentatie"] = "1"
    at.run()
    assert not at.exception, at.exception
    return at


def _position(at: AppTest) -> str:
    """The bold text in the bar's second column: the position on the route."""
    back, where, forward, leave = at.columns
    return where.markdown[0].value.strip("*")


def test_route_is_the_seven_questions_of_the_workshop() -> None:
    assert [q.slug for q in ROUTE] == [
        "start",
        "aard-en-omvang",
        "opvolging",
        "rapportage-interventie",
        "casustafels",
        "onzichtbare-slachtoffers",
        "ontwikkeling",
    ]


def test_middle_of_the_route_shows_position_both_ways_and_the_note() -> None:
    third = ROUTE[2]
    at = _run(third.url_path)
    assert _position(at) == "Vraag 3 van 7"
    assert [b.label for b in at.button] == [PREVIOUS, NEXT, LEAVE]
    assert [e.label for e in at.expander] == [NOTE]
    assert at.expander[0].markdown[0].value == third.note
    assert at.expander[0].markdown[0].value.startswith("Laat de marges spreken")


@pytest.mark.parametrize(
    ("index", "position", "buttons"),
    [
        (0, "Vraag 1 van 7", [NEXT, LEAVE]),  # the start page: nothing before it
        (6, "Vraag 7 van 7", [PREVIOUS, LEAVE]),  # 'Wat is er veranderd?': nothing after it
    ],
    ids=["first", "last"],
)
def test_ends_of_the_route_have_no_button_beyond_them(index: int, position: str, buttons: list[str]) -> None:
    at = _run(ROUTE[index].url_path)
    assert _position(at) == position
    assert [b.label for b in at.button] == buttons


def test_reference_page_is_naslag_without_a_position() -> None:
    at = _run(reference().url_path)
    assert _position(at) == "Naslag"
    assert PREVIOUS not in [b.label for b in at.button]
    assert LEAVE in [b.label for b in at.button]
    assert NOTE not in [e.label for e in at.expander]


def test_leaving_takes_presentatie_out_of_the_link() -> None:
    at = _run(ROUTE[2].url_path)
    at.button(key="presentatie_verlaten").click().run()
    assert not at.exception
    assert "presentatie" not in at.query_params
