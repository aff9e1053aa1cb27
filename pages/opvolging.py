"""Krijgen signalen de juiste opvolging? Signals -> investigations -> OM intake, per district."""

import streamlit as st

from analysis.followup import CHAIN_SOURCE, followup_view
from analysis.key_figures import followup_key
from analysis.questions import for_page
from components import data, deck
from components.charts import show_chart
from components.controls import known
from components.deck import Part
from components.followup_charts import decisions_chart, intake_chart, share_chart
from components.frame import current_selection
from components.method import how_computed_for
from components.page import caveats, chart_or_table, discussion_prompts, main_chart_heading, question_header
from components.year_compare import previous_year_box

QUESTION = for_page(__file__)
# A slide draws only part of the page: the link keys of the parts not shown stay understood.
known("weergave")

selection = current_selection()
view = data.view(followup_view, selection.year, selection.district)

question_header(QUESTION.title, view.answer, figure=followup_key(view.table, selection.district))

if deck.shows(Part.CHART):
    main_chart_heading("Van signaal naar onderzoek")
    chart_or_table(
        "weergave",
        lambda: show_chart(share_chart, view.table, view.unit_share, source=CHAIN_SOURCE),
        view.share_display,
        caption="Aandelen als fractie (0,117 = 11,7%); ondergrens tot bovengrens is de marge.",
    )
if deck.shows(Part.DETAIL):
    st.subheader("Van onderzoek naar het OM")
    show_chart(intake_chart, view.table, source=CHAIN_SOURCE)
    show_chart(decisions_chart, view.decisions, source="toelichting bij het dashboard (instroom OM)")
    previous_year_box(selection, QUESTION.trend_indicators)
if deck.shows(Part.NOTES):
    how_computed_for(QUESTION.slug)
    caveats("Waar je op moet letten", view.caveats)
if deck.shows(Part.PROMPTS):
    discussion_prompts(view.prompts)
