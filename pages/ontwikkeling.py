"""Wat is er veranderd? Every figure known for 2019 and 2022, as the dashboard's text states it."""

import streamlit as st

from analysis import trends
from components import data
from components.charts import show_chart
from components.frame import current_selection
from components.page import caveats, chart_or_table, discussion_prompts, question_header
from components.trend_charts import ratio_chart, slope_chart

selection = current_selection()
tidy = data.tidy(selection.year)
table = trends.trend_table(tidy, data.context())
ratios = trends.ratio_rows(table)

question_header("Wat is er veranderd?", trends.trend_answer(table))
note = trends.district_note(tidy, selection.district)
if note:
    st.info(note, icon=":material/info:")

st.subheader(f"{trends.BASE_YEAR} tegenover {selection.year}")
chart_or_table(
    "weergave",
    lambda: show_chart(slope_chart(table, selection.year), source=trends.TREND_SOURCE),
    table.select(
        "label",
        "soort",
        "waarde_2019",
        "tekst_2022",
        "tabel_2022",
        "verandering_tekst",
        "benadering",
        "opmerking",
    ),
    caption="Leeg = geen aantal bekend (alleen een uitspraak in de tekst), niet 0.",
)
for warning in trends.source_changes(table):
    st.warning(warning, icon=":material/swap_horiz:")

st.subheader("Groter dan toeval?")
chart_or_table(
    "weergave2",
    lambda: show_chart(ratio_chart(ratios), source=trends.TREND_SOURCE),
    ratios.select("rij", "waarde_2019", "waarde_2022", "ratio", "ratio_onder", "ratio_boven", "oordeel"),
    caption="Verhouding = aantal 2022 / aantal 2019, met exacte 95%-marge (voorwaardelijk binomiaal).",
)

caveats("Waar je op moet letten", list(trends.TREND_CAVEATS))
discussion_prompts(trends.trend_prompts(tidy, table, selection.district))
