"""A map in a page: the chart, the notes that say what it cannot show, and the boundary credit."""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import polars as pl
import streamlit as st

from analysis.maps import BOUNDARY_SOURCE, MapView
from components.charts import show_chart


def show_map(build: Callable[[pl.DataFrame, str, str], alt.Chart], view: MapView, *, source: str) -> None:
    """Draw the map ``build`` makes from ``view``, its notes, and the credit for the boundaries."""
    show_chart(build, view.table, view.title, view.subtitle, source=source)
    for note in view.notes:
        st.caption(note)
    st.caption(BOUNDARY_SOURCE)
