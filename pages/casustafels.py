"""Maakt een casustafel verschil? Districts with casustafel meetings against districts without."""

import streamlit as st

from analysis.casustafel import (
    CASUSTAFEL_SOURCE,
    DEFAULT_CHOICE,
    RATIO_CHOICES,
    care_effect_text,
    care_settings_display_table,
    care_settings_table,
    care_side_by_side,
    casustafel_answer,
    casustafel_caveats,
    casustafel_prompts,
    choice_label,
    claim_notes,
    compare_casustafel,
    comparison_metrics,
    district_comparison_table,
    district_display_table,
    district_note,
    meetings_display_table,
    meetings_table,
    ratio_key,
    ratio_title,
)
from analysis.trends import QUESTIONS
from components import data
from components.casustafel_charts import care_settings_chart, district_ratio_chart, meetings_chart
from components.charts import show_chart
from components.controls import bound
from components.frame import current_selection
from components.intervention_charts import metric_row
from components.page import caveats, chart_or_table, discussion_prompts, question_header
from components.year_compare import previous_year_box

selection = current_selection()
tidy = data.tidy(selection.year)

header = st.container()
choice = bound(
    st.segmented_control, "Verhouding", list(RATIO_CHOICES), key="verhouding", default=DEFAULT_CHOICE
)
include_care = bound(st.toggle, "Zorgtrajecten meetellen als interventie", key="zorg")
key = ratio_key(choice)
comparison = compare_casustafel(tidy, key, include_care=include_care)
with header:
    question_header("Maakt een casustafel verschil?", casustafel_answer(comparison))
metric_row(comparison_metrics(comparison))
st.markdown(f"**Oordeel.** {comparison.verdict}")
if note := district_note(tidy, selection.district):
    st.caption(note)

st.subheader("Per district")
table = district_comparison_table(tidy, key, include_care=include_care)
chart_or_table(
    "weergave",
    lambda: show_chart(
        district_ratio_chart(table, ratio_title(comparison), selected=selection.district),
        source=CASUSTAFEL_SOURCE,
    ),
    district_display_table(table),
    caption="Marges: exacte 95%-intervallen (Garwood). Gemeenten met '?' zijn weggelaten en genoemd.",
)

st.subheader("Vergaderingen en besproken casussen")
meetings = meetings_table(tidy)
chart_or_table(
    "weergave2",
    lambda: show_chart(meetings_chart(meetings), source=CASUSTAFEL_SOURCE),
    meetings_display_table(meetings),
)

st.subheader("Met of zonder zorgtrajecten")
st.markdown(care_effect_text(tidy, key))
metric_row(care_side_by_side(tidy, key))
settings = care_settings_table(tidy)
chart_or_table(
    "weergave3",
    lambda: show_chart(care_settings_chart(settings, choice_label(choice)), source=CASUSTAFEL_SOURCE),
    care_settings_display_table(settings),
)

st.subheader("Wat de toelichting zegt, en wat de cijfers kunnen dragen")
st.markdown("\n".join(f"- {line}" for line in claim_notes(tidy)))

previous_year_box(selection, QUESTIONS["Casustafels"])
caveats("Waar je op moet letten", casustafel_caveats())
discussion_prompts(casustafel_prompts(tidy, comparison, selection.district))
