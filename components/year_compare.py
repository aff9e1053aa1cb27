"""'Vergelijk met het vorige jaar': the chosen year against the loaded year before it, on every question page."""

from collections.abc import Sequence

import streamlit as st

from analysis import trends
from analysis.questions import question
from analysis.trends.wording import no_previous_year_caption, step_ratio_caption
from components import data
from components.frame import Selection
from components.page import lazy_expander
from components.year_views import inert_notes

#: Widget key of the comparison box (its open state; not part of the link).
BOX_KEY = "vergelijk_vorig_jaar"
#: The page with every loaded year and the comparison with the base year.
TRENDS_PAGE = "ontwikkeling"


def previous_year_box(selection: Selection, indicators: Sequence[str]) -> None:
    """An expander 'Vergelijk met {vorig jaar}' with the page's indicators in both years.

    Counts, rates per 100.000 inhabitants, the difference and the rate ratio with its
    exact 95% interval, for the chosen area. Without an earlier year with tables: a
    short caption that points to the page 'Ontwikkeling sinds 2019'. The comparison is made
    when the box is opened, and opening it reruns only the box.
    """
    previous = data.previous_year(selection.year)
    if previous is None:
        st.caption(no_previous_year_caption(selection.year, question(TRENDS_PAGE).label))
        return
    lazy_expander(
        f"Vergelijk met {previous}",
        BOX_KEY,
        lambda: _comparison(selection, previous, indicators),
        icon=":material/compare_arrows:",
    )


def _comparison(selection: Selection, previous: int, indicators: Sequence[str]) -> None:
    """The chosen year against ``previous``: a sentence, a table and notes on changed areas."""
    tidies = [data.tidy(previous), data.tidy(selection.year)]
    series = trends.year_series(tidies, selection.district, trends.known_indicators(indicators))
    steps = trends.year_steps(series, data.population())
    sentence = trends.step_sentence(steps, selection.year, selection.district)
    if sentence:
        st.markdown(sentence)
    st.dataframe(trends.steps_display(steps, rates=True, compact=True), hide_index=True, width="stretch")
    st.caption(step_ratio_caption(selection.year, previous))
    inert_notes(trends.area_change_notes(tidies, selection.district))
