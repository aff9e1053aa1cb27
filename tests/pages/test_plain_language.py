"""Plain language on every page: no method names outside "Hoe berekend?", short headlines, copyable text.

A participant who is not a statistician reads the screen. Method names (Clopper-Pearson,
Garwood, Poisson, (conditional) binomial), log scales and "95%-interval" belong in the
"Hoe berekend?" expander of a page; everything else on screen says "marge". Each page's
answer (the ``st.info`` under the title) is at most 30 words, for the unit and for every
district. No text a user can copy carries an invisible word joiner (U+2060).

The text is read from the element tree of the whole app (frame and page, as
``run_app`` runs it) and from the Vega-Lite specs of the page's charts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Dataframe, Element, UnknownElement

from analysis import UNIT, load_population
from analysis.questions import QUESTIONS, route
from components.deck import SLIDE_KEY, SLIDE_NAMES, Part, parts_of
from components.method import HOW_COMPUTED, MARGIN_SENTENCE
from tests.pages.conftest import chart_specs, run_app, tables_open

AREAS = [UNIT, *load_population()["district"].unique(maintain_order=True).to_list()]
PAGES = [q.page_file for q in QUESTIONS]
START_PAGE = QUESTIONS[0].page_file
ROOT = Path(__file__).resolve().parents[2]


def table_keys(page: str) -> tuple[str, ...]:
    """The link key of every "Grafiek / Tabel" switch on ``page`` (read from its ``chart_or_table`` calls)."""
    return tuple(re.findall(r'chart_or_table\(\s*"(\w+)"', (ROOT / page).read_text(encoding="utf-8")))


#: Words that name a method, a distribution or a log scale: only inside "Hoe berekend?".
JARGON = re.compile(
    r"clopper|garwood|poisson|binomia|logaritm|log-schaal|logschaal|95%-|interval|betrouwbaarheid|"
    r"kwantiel|spiegelhalter|conditioneel",
    re.IGNORECASE,
)
#: English words the screen should say in Dutch.
ENGLISH = re.compile(r"\bbaseline\b|dd-mm-yyyy|\byyyy\b", re.IGNORECASE)
WORD_JOINER = "\u2060"
#: Proto fields that are not text on screen.
NOT_TEXT = {"id", "form_id", "spec", "query_param_key", "icon", "tag", "anchor", "theme", "format", "color"}
MAX_HEADLINE_WORDS = 30
#: The key prefix of the boxes in which a projected slide hides its controls (``components.deck.controls``).
HIDDEN_PREFIX = "dia-verborgen-"


def _proto_strings(message: Any) -> Iterator[str]:
    """Every string field of a protobuf message, nested messages and repeated fields included."""
    for field, value in message.ListFields():
        if field.name in NOT_TEXT:
            continue
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, str):
                yield item
            elif hasattr(item, "ListFields"):
                yield from _proto_strings(item)


def _element_strings(element: Element) -> Iterator[str]:
    """The text an element shows: body, label, help, options, placeholder; a table's columns and cells."""
    if element.type in ("html", "vega_lite_chart", "arrow_vega_lite_chart", "empty"):
        return
    if isinstance(element, Dataframe):
        frame = element.value
        yield from (str(c) for c in frame.columns)
        for column in frame.columns:
            yield from (v for v in frame[column].tolist() if isinstance(v, str))
        return
    if isinstance(element, UnknownElement) and element.type == "arrow_table":
        return
    yield from _proto_strings(element.proto)


def visible_texts(at: AppTest, *, skip: str = HOW_COMPUTED) -> list[str]:
    """Every text on screen outside expanders labelled ``skip``, with expander and tab labels."""
    texts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, Block):
            label = getattr(node, "label", None)
            if node.type == "expander" and label == skip:
                return
            if (node.key or "").startswith(HIDDEN_PREFIX):
                return  # controls a projected slide makes but hides
            if isinstance(label, str) and label:
                texts.append(label)
            for child in node.children.values():
                walk(child)
        else:
            texts.extend(_element_strings(node))

    walk(at.main)
    walk(at.sidebar)
    return texts


def spec_texts(spec: Any) -> Iterator[str]:
    """Titles, subtitles and text of a Vega-Lite spec (axis, legend, tooltip and chart titles)."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "datasets":
                continue
            if key in ("title", "subtitle", "text") and isinstance(value, str):
                yield value
            elif key in ("title", "subtitle", "text") and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from spec_texts(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from spec_texts(item)


def how_computed_texts(at: AppTest) -> list[str]:
    """The text inside the page's "Hoe berekend?" expanders."""
    return [
        text
        for expander in at.main.expander
        if expander.label == HOW_COMPUTED
        for element in expander
        if isinstance(element, Element)
        for text in _element_strings(element)
    ]


def _offending(texts: list[str], pattern: re.Pattern[str]) -> list[str]:
    return [t for t in texts if pattern.search(t)]


#: Every page in three ways: laptop with charts, laptop with every table open, presentation mode;
#: plus the scenario page comparing A and B and the casustafel page on its other ratio.
VARIANTS: list[tuple[str, dict[str, str]]] = [
    *[(page, {}) for page in PAGES],
    *[(page, tables_open(*table_keys(page))) for page in PAGES if table_keys(page)],
    *[
        (q.page_file, {"presentatie": "1", SLIDE_KEY: SLIDE_NAMES[part]})
        for q in route()
        for part in parts_of(q)
    ],
    *[(q.page_file, {"presentatie": "1"}) for q in QUESTIONS if not q.on_route],
    ("pages/onzichtbare-slachtoffers.py", {"vergelijk": "true"}),
    ("pages/casustafels.py", {"verhouding": "Zorgtrajecten per rapportage"}),
]


def _variant_id(variant: tuple[str, dict[str, str]]) -> str:
    page, query = variant
    return f"{page[6:-3]}-{'-'.join(f'{k}={v}' for k, v in query.items() if v != 'Tabel') or 'laptop'}" + (
        "-tabellen" if "Tabel" in query.values() else ""
    )


@pytest.fixture(scope="module", params=VARIANTS, ids=_variant_id)
def variant(request: pytest.FixtureRequest) -> tuple[str, dict[str, str]]:
    return request.param


@pytest.fixture(scope="module")
def shown(variant: tuple[str, dict[str, str]]) -> AppTest:
    page, query = variant
    at = run_app(page, **query)
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_no_method_names_outside_how_computed(shown: AppTest) -> None:
    assert _offending(visible_texts(shown), JARGON) == []


def test_no_method_names_in_chart_titles(shown: AppTest, variant: tuple[str, dict[str, str]]) -> None:
    specs = chart_specs(shown)
    page, query = variant
    if query.get(SLIDE_KEY) == SLIDE_NAMES[Part.CHART] and page != START_PAGE:
        assert specs, "a chart slide shows its chart (else this check reads nothing)"
    texts = [t for spec in specs for t in spec_texts(spec)]
    assert texts or not specs, "a chart has a title"
    assert _offending(texts, JARGON) == []


def test_no_english_placeholders_or_words(shown: AppTest) -> None:
    texts = visible_texts(shown, skip="") + [t for spec in chart_specs(shown) for t in spec_texts(spec)]
    assert _offending(texts, ENGLISH) == []


def test_no_word_joiner_in_text(shown: AppTest) -> None:
    texts = visible_texts(shown, skip="") + [t for spec in chart_specs(shown) for t in spec_texts(spec)]
    assert [t for t in texts if WORD_JOINER in t] == []


def test_margin_is_explained_where_it_is_used(shown: AppTest, variant: tuple[str, dict[str, str]]) -> None:
    """A full page that says 'marge' explains it once, in its "Hoe berekend?" box, in one plain sentence.

    A projected slide is left to the facilitator (the box is on the laptop and presenter view).
    """
    if "presentatie" in variant[1] or not any("marge" in t.lower() for t in visible_texts(shown)):
        return
    explained = how_computed_texts(shown)
    assert explained, "a page that shows a marge has a 'Hoe berekend?' box"
    assert sum(MARGIN_SENTENCE in t for t in explained) == 1


@pytest.mark.parametrize("page", [q.page_file for q in route()])
def test_every_route_page_says_how_it_computed(page: str) -> None:
    at = run_app(page)
    labels = [e.label for e in at.main.expander]
    assert labels.count(HOW_COMPUTED) == 1
    assert any("95%" in t for t in how_computed_texts(at)), "the box names the level of the margins"


def headline(at: AppTest) -> str:
    """The page's answer: the first ``st.info`` of the page body."""
    return str(at.main.info[0].value)


def word_count(text: str) -> int:
    """Words as a reader counts them: markdown marks and lone punctuation do not count."""
    return len([w for w in re.sub(r"[*_`]", "", text).split() if re.search(r"\w", w)])


#: Choices that change a page's answer: comparing scenarios A and B, the other casustafel ratios, care counted.
ANSWER_CHOICES: list[tuple[str, dict[str, str]]] = [
    *[(page, {}) for page in PAGES],
    ("pages/onzichtbare-slachtoffers.py", {"vergelijk": "true", "schatting_b": "4000"}),
    ("pages/onzichtbare-slachtoffers.py", {"eigen_aandeel": "true", "aandeel": "25,0%"}),
    ("pages/rapportage-interventie.py", {"zorg": "true"}),
    ("pages/casustafels.py", {"zorg": "true"}),
    ("pages/casustafels.py", {"verhouding": "Interventies per 100 signalen", "zorg": "true"}),
    ("pages/casustafels.py", {"verhouding": "Zorgtrajecten per 100 signalen"}),
]


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize(
    ("page", "choice"), ANSWER_CHOICES, ids=lambda v: v[6:-3] if isinstance(v, str) else "-".join(v)
)
def test_headline_is_short(page: str, choice: dict[str, str], area: str) -> None:
    at = run_app(page, district=area, **choice)
    assert not at.exception
    assert not at.main.warning or all("link" not in w.value for w in at.main.warning), (
        "every choice understood"
    )
    answer = headline(at)
    assert word_count(answer) <= MAX_HEADLINE_WORDS, answer
    assert "marge" not in answer, "margins stay out of the headline"


def test_word_count_counts_words_not_marks() -> None:
    assert word_count("**22 van de 188** signalen (11,7%) – leidden") == 7


def _jargon_probe() -> None:
    import streamlit as st

    st.caption("Marges: exacte 95%-intervallen (Garwood).")
    with st.expander("Hoe berekend?"):
        st.markdown("Clopper-Pearson, Poisson, logaritmische schaal")
    with st.expander("Waar je op moet letten"):
        st.markdown("De marge is exact (conditioneel binomiaal).")
    st.slider("Schatting", help="Basis: 5.500 (Poisson)")


def test_the_reader_finds_jargon_outside_the_box_only() -> None:
    """The walker is not blind: it finds captions, other boxes and widget help, and skips "Hoe berekend?"."""
    at = AppTest.from_function(_jargon_probe).run()
    assert _offending(visible_texts(at), JARGON) == [
        "Marges: exacte 95%-intervallen (Garwood).",
        "De marge is exact (conditioneel binomiaal).",
        "Basis: 5.500 (Poisson)",
    ]
    assert how_computed_texts(at) == ["Clopper-Pearson, Poisson, logaritmische schaal"]
