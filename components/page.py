"""Building blocks of a question page: the question and its answer, the evidence, the prompts.

Each block knows the slide versions of itself (``components.deck``): on the projector the
header is either the question slide (question, answer and key figure, large) or a compact
title above a chart or the prompts; the evidence is the chart alone, without tabs.
"""

from collections.abc import Callable

import polars as pl
import streamlit as st

from analysis.key_figures import KeyNumber
from components import deck
from components.controls import bound, known

#: The label of the map tab, also its value in the link (``weergave=Kaart``).
MAP_TAB = "Kaart"


def question_header(
    question: str, answer: str, *, intro: str | None = None, figure: KeyNumber | None = None
) -> None:
    """Open a page with its question as title and a one-sentence answer computed from the data.

    On the laptop: title, answer and ``intro``. In presentation mode the title, large on the
    question slide and small over the others, and the question slide's part: the answer
    and ``figure`` in large type.
    """
    if not deck.presenting():
        st.title(question)
        st.info(answer, icon=":material/lightbulb:")
        if intro:
            st.markdown(intro)
        return
    with st.container(key="dia-titel"):
        st.title(question)
    with deck.part_box(deck.Part.ANSWER):
        with st.container(key="dia-antwoord"):
            st.markdown(answer)
        if figure is not None:
            with st.container(
                horizontal=True, vertical_alignment="center", gap="large", key="dia-kerncijfer"
            ):
                with st.container(key="dia-kerncijfer-waarde", width="content"):
                    st.markdown(figure.value, width="content")
                with st.container(key="dia-kerncijfer-woorden"):
                    st.markdown(figure.words)


def main_chart_heading(title: str) -> None:
    """The heading over a page's main chart: on the laptop only (on the chart slide the chart's own title says it)."""
    if not deck.presenting():
        st.subheader(title)


@st.fragment
def chart_or_table(
    key: str,
    draw_chart: Callable[[], None],
    table: pl.DataFrame,
    *,
    caption: str | None = None,
    draw_map: Callable[[], None] | None = None,
) -> None:
    """Show the evidence as a chart, with the same figures as a table in another tab (and a map, if given).

    The chosen tab travels in the link (``key`` is the query parameter: ``Grafiek``,
    ``Kaart`` or ``Tabel``). Only the open tab is drawn, and switching tabs reruns only this
    part of the page (a fragment): a page opens with its charts alone, without loading the
    table viewer or the map it may never need. On a slide only the chart shows, without tabs;
    or the map, when the link chose the map tab (``weergave=Kaart``): a facilitator who
    prepared the map on the laptop gets it on the projector.
    """
    if deck.presenting():
        known(key)
        with deck.part_box(deck.Part.CHART):
            if draw_map is not None and st.query_params.get(key) == MAP_TAB:
                with st.container(key="dia-kaart"):
                    draw_map()
            else:
                draw_chart()
        return
    labels = ["Grafiek", MAP_TAB, "Tabel"] if draw_map else ["Grafiek", "Tabel"]
    tabs = bound(st.tabs, labels, key=key, on_change="rerun")
    chart_tab, table_tab = tabs[0], tabs[-1]
    if chart_tab.open is not False:
        with chart_tab:
            draw_chart()
    if draw_map is not None and tabs[1].open:
        with tabs[1]:
            draw_map()
    if table_tab.open:
        with table_tab:
            st.dataframe(table, hide_index=True, width="stretch")
            if caption:
                st.caption(caption)


@st.fragment
def lazy_expander(label: str, key: str, draw: Callable[[], None], *, icon: str | None = None) -> None:
    """A folded box whose content ``draw`` makes only once it is opened.

    Opening or closing it reruns only the box (a fragment), so a page does not pay for
    content most visitors never unfold.
    """
    box = st.expander(label, icon=icon, key=key, on_change="rerun")
    if box.open:
        with box:
            draw()


def discussion_prompts(prompts: list[str]) -> None:
    """The 'Gespreksvragen' box: two to four prompts generated from the current selection (large on the projector)."""
    with deck.part_box(deck.Part.PROMPTS), st.container(border=True, key="gespreksvragen"):
        st.subheader("Gespreksvragen", anchor="gespreksvragen")
        st.markdown("\n".join(f"{i}. {prompt}" for i, prompt in enumerate(prompts, start=1)))


def caveats(title: str, items: list[str]) -> None:
    """A short list of caveats in the app's own words: folded away on the laptop, open in the presenter view."""
    if deck.presenting():
        with st.container(border=True, key="dia-aandachtspunten"):
            st.markdown(f"**{title}** (alleen in jouw venster)")
            st.markdown("\n".join(f"- {item}" for item in items))
        return
    with st.expander(title, icon=":material/warning:"):
        st.markdown("\n".join(f"- {item}" for item in items))
