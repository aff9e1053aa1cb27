"""The route as a deck of slides (``components.deck``): its slides, stepping, and the bar in presentation mode.

The workshop route comes from the registry (``analysis.questions.route()``): seven
questions, from the start page to 'Wat is er veranderd?', three slides each (question,
chart, prompts; the start page ends with the route), 21 in all. In presentation mode a bar
at the bottom steps through them ('Vorige' / 'Volgende', with PageUp / PageDown and the
arrow keys), shows where the room is ("8 / 21") and offers a way out. The browser test
``tests/browser/test_deck.py`` presses the keys; here AppTest clicks the buttons.
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.questions import Question, reference, route
from components import deck
from components.deck import Part, Slide

TIMEOUT_S = 60
APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
ROUTE = route()


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


def test_the_deck_has_three_slides_per_question() -> None:
    slides = deck.slides()
    assert len(slides) == 21
    assert [s.part for s in slides[:3]] == [Part.ANSWER, Part.CHART, Part.AGENDA]
    assert [s.part for s in slides[3:6]] == [Part.ANSWER, Part.CHART, Part.PROMPTS]
    assert slides[7].title == "Grafiek: Krijgen signalen de juiste opvolging?"
    assert deck.position_text(slides[7]) == "8 / 21"


def test_stepping_crosses_questions_and_stops_at_both_ends() -> None:
    slides = deck.slides()
    assert deck.neighbour(slides[2], 1) == Slide(ROUTE[1], 1)  # the start's route -> 'aard en omvang'
    assert deck.neighbour(slides[3], -1) == Slide(ROUTE[0], 3)
    assert deck.neighbour(slides[0], -1) is None
    assert deck.neighbour(slides[-1], 1) is None


def test_a_slide_number_out_of_range_is_brought_within_it() -> None:
    assert deck.slide_for("opvolging", 9) == Slide(ROUTE[2], 3)
    assert deck.slide_for("opvolging", 0) == Slide(ROUTE[2], 1)
    assert deck.slide_for(reference().slug, 1) is None


def _run(page: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _position(at: AppTest) -> str:
    """The text over the deck's progress bar: '8 / 21'."""
    (bar,) = [e for e in at.get("progress")]
    return str(bar.proto.text)


def _next(at: AppTest) -> AppTest:
    at.button(key="dia_verder").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_presentation_steps_through_a_question_and_on_to_the_next() -> None:
    at = _run(ROUTE[2].page_file, presentatie="1")
    assert _position(at) == "7 / 21"
    assert at.title[0].value == ROUTE[2].title
    assert "22 van de 188 signalen leidden tot een strafrechtelijk onderzoek" in [
        m.value for m in at.markdown
    ]
    # The question's slides are drawn ahead (a style shows one): its one chart, none of the page's others.
    assert len(at.get("vega_lite_chart")) == 1
    assert "Gespreksvragen" in [s.value for s in at.subheader]
    assert [b.label for b in at.button if b.key in ("dia_terug", "dia_verder", "presentatie_verlaten")] == [
        "Vorige",
        "Volgende",
        "Verlaten",
    ]

    _next(at)
    assert _position(at) == "8 / 21"
    assert at.session_state["dia"] == 2
    assert len(at.get("vega_lite_chart")) == 1, "the chart slide shows one chart"
    assert not at.tabs, "no 'Grafiek / Tabel' tabs on a slide"
    assert not at.expander, "no caveats, notes or 'Hoe berekend?' on the projected slide"

    _next(at)
    assert _position(at) == "9 / 21"
    assert at.session_state["dia"] == 3
    assert [s.value for s in at.subheader] == ["Gespreksvragen"]

    _next(at)  # past the last slide: the next question, from its first slide
    assert _position(at) == "10 / 21"
    assert at.title[0].value == ROUTE[3].title
    assert at.query_params["presentatie"] == "1"


def test_ends_of_the_deck_have_their_button_off() -> None:
    at = _run(presentatie="1")
    assert _position(at) == "1 / 21"
    assert at.button(key="dia_terug").disabled
    assert at.button(key="dia_terug_pijl").disabled
    assert not at.button(key="dia_verder").disabled

    at = _run(ROUTE[-1].page_file, presentatie="1")
    at.segmented_control(key="dia").set_value(3).run()
    assert _position(at) == "21 / 21"
    assert at.button(key="dia_verder").disabled
    assert at.button(key="dia_verder_pijl").disabled


@pytest.mark.parametrize("page", [q.page_file for q in ROUTE])
def test_laptop_view_keeps_the_full_page(page: str) -> None:
    at = _run(page)
    assert not at.get("progress"), "no deck bar on the laptop"
    assert "Gespreksvragen" in [s.value for s in at.subheader] or page == ROUTE[0].page_file
    assert not any(b.key == "dia_verder" for b in at.button)


def test_the_hidden_sidebar_draws_no_menu_on_the_projector() -> None:
    """The sidebar is out of sight in presentation mode; its ten menu links are not built (a faster page switch)."""
    laptop = _run(ROUTE[2].page_file)
    assert len(laptop.get("page_link")) == 10
    projector = _run(ROUTE[2].page_file, presentatie="1")
    assert not projector.get("page_link")
    # The year and area choices stay: their values (and link keys) hold on the slides.
    assert [(s.label, s.value) for s in projector.sidebar.selectbox] == [
        ("Jaar", 2022),
        ("Gebied", "Oost-Nederland"),
    ]


def test_reference_page_is_naslag_with_a_way_out() -> None:
    at = _run(reference().page_file, presentatie="1")
    assert "**Naslag**" in [m.value for m in at.markdown]
    assert not any(b.key == "dia_verder" for b in at.button)
    at.button(key="presentatie_verlaten").click().run()
    assert "presentatie" not in at.query_params


def test_leaving_takes_presentatie_out_of_the_link() -> None:
    at = _run(ROUTE[2].page_file, presentatie="1")
    _next(at)
    at.button(key="presentatie_verlaten").click().run()
    assert not at.exception
    assert "presentatie" not in at.query_params
    assert not at.get("progress")
    assert at.tabs, "the laptop page is back, with its tabs"


@pytest.mark.parametrize("question", ROUTE, ids=[q.slug for q in ROUTE])
def test_every_slide_of_the_route_runs(question: Question) -> None:
    at = _run(question.page_file, presentatie="1")
    for number in range(1, len(deck.parts_of(question)) + 1):
        at.segmented_control(key="dia").set_value(number).run()
        assert not at.exception, [e.message for e in at.exception]
        assert _position(at) == deck.position_text(Slide(question, number))
        assert at.title[0].value == question.title
        assert not at.tabs and not at.expander, "a slide shows no tabs, notes or caveats"
        assert not at.get("dataframe"), "a slide shows no tables"


def test_werksessie_page_is_not_naslag_in_presentation_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: in presentation mode the Werksessie page was labelled 'Naslag'."""
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", f"sqlite:///{tmp_path / 'werksessies.sqlite'}")
    at = _run("pages/werksessie.py", presentatie="1")
    assert not at.exception
    labels = [m.value for m in at.markdown]
    assert "**Werksessie**" in labels and "**Naslag**" not in labels
