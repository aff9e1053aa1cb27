"""Volgt op een bestuurlijke rapportage een interventie? Reports against interventions per municipality."""

import streamlit as st

from analysis.interventions import (
    INTERVENTION_SOURCE,
    area_display_table,
    area_table,
    district_mix,
    district_ratios,
    intervention_answer,
    intervention_caveats,
    intervention_prompts,
    intervention_summary,
    mix_display_table,
    no_intervention_lines,
    not_applicable_lines,
    not_reported_lines,
    summary_metrics,
)
from analysis.trends import QUESTIONS
from components import data
from components.charts import show_chart
from components.controls import bound
from components.frame import current_selection
from components.intervention_charts import dumbbell_chart, metric_row, missing_lists, mix_chart
from components.page import caveats, chart_or_table, discussion_prompts, question_header
from components.year_compare import previous_year_box

selection = current_selection()
tidy = data.tidy(selection.year)

header = st.container()
include_care = bound(
    st.toggle,
    "Zorgtrajecten meetellen als interventie",
    key="zorg",
    help="Een zorgtraject is hulp aan een (mogelijk) slachtoffer, geen handhaving. Tel je het mee, dan "
    "veranderen alle aantallen en verhoudingen op deze pagina.",
)
summary = intervention_summary(tidy, selection.district, include_care=include_care)
with header:
    question_header("Volgt op een bestuurlijke rapportage een interventie?", intervention_answer(summary))
metric_row(summary_metrics(summary))

st.subheader("Rapportages en interventies per gemeente")
table = area_table(tidy, district=selection.district, include_care=include_care)
chart_or_table(
    "weergave",
    lambda: show_chart(dumbbell_chart(table, include_care=include_care), source=INTERVENTION_SOURCE),
    area_display_table(table, include_care=include_care),
    caption="'?' = geen opgave, '-' = niet van toepassing, 'leeg' = geen getal; geen van drieën is 0.",
)

st.subheader("Twee soorten 'geen interventie'")
missing_lists(no_intervention_lines(summary), not_reported_lines(summary), not_applicable_lines(summary))

st.subheader("Welke interventies?")
mix = district_mix(tidy, include_care=include_care)
chart_or_table(
    "weergave2",
    lambda: show_chart(
        mix_chart(mix, selected=None if selection.is_unit else selection.district), source=INTERVENTION_SOURCE
    ),
    mix_display_table(mix, district_ratios(tidy, include_care=include_care)),
    caption="Per rapportage: exacte 95%-marge (Garwood). Gemeenten met '?' zijn weggelaten en genoemd.",
)

previous_year_box(selection, QUESTIONS["Rapportage en interventie"])
caveats("Waar je op moet letten", intervention_caveats(summary))
discussion_prompts(intervention_prompts(tidy, summary))
