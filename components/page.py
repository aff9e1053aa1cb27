"""Building blocks of a question page: the question and its answer, the evidence, the prompts."""

from collections.abc import Callable

import polars as pl
import streamlit as st

from components.controls import bound


def question_header(question: str, answer: str, *, intro: str | None = None) -> None:
    """Open a page with its question as title and a one-sentence answer computed from the data."""
    st.title(question)
    st.info(answer, icon=":material/lightbulb:")
    if intro:
        st.markdown(intro)


@st.fragment
def chart_or_table(
    key: str, draw_chart: Callable[[], None], table: pl.DataFrame, *, caption: str | None = None
) -> None:
    """Show the evidence as a chart, with the same figures as a table in a second tab.

    The chosen tab travels in the link (``key`` is the query parameter). Only the open tab
    is drawn, and switching tabs reruns only this part of the page (a fragment): a page
    opens with its charts alone, without loading the table viewer it may never need.
    """
    chart_tab, table_tab = bound(st.tabs, ["Grafiek", "Tabel"], key=key, on_change="rerun")
    if chart_tab.open is not False:
        with chart_tab:
            draw_chart()
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
    """The 'Gespreksvragen' box: two to four prompts generated from the current selection."""
    with st.container(border=True, key="gespreksvragen"):
        st.subheader("Gespreksvragen", anchor="gespreksvragen")
        st.markdown("\n".join(f"{i}. {prompt}" for i, prompt in enumerate(prompts, start=1)))


def caveats(title: str, items: list[str]) -> None:
    """A short list of caveats in the app's own words, folded away by default."""
    with st.expander(title, icon=":material/warning:"):
        st.markdown("\n".join(f"- {item}" for item in items))
