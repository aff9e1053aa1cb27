"""A bare Streamlit app to measure against: one title, one slider, one bar chart of 20 bars, one small table.

Every figure of the benchmark is also measured on this app in the same run, so the
report can say how much slower the real app is than Streamlit itself on this machine.
"""

import altair as alt
import polars as pl
import streamlit as st

st.title("Baseline")
factor = st.slider("Factor", 1, 100, 10, key="factor")
bars = pl.DataFrame(
    {"categorie": [f"C{i:02d}" for i in range(20)], "waarde": [(i + 1) * factor for i in range(20)]}
)
st.altair_chart(
    alt.Chart(bars).mark_bar().encode(x="categorie:N", y="waarde:Q", tooltip=["categorie", "waarde"]),
    width="stretch",
)
st.table(bars.head(5), hide_index=True)
