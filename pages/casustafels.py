"""Maakt een casustafel verschil? Districts with casustafel meetings against districts without."""

import streamlit as st

from analysis import key_figures
from analysis.casustafel import (
    CASUSTAFEL_SOURCE,
    DEFAULT_CHOICE,
    RATIO_CHOICES,
    casustafel_caveats,
    casustafel_view,
    choice_label,
    ratio_key,
    ratio_title,
)
from analysis.maps import casustafel_map_view
from analysis.questions import for_page
from components import data, deck
from components.casustafel_charts import care_settings_chart, district_ratio_chart, meetings_chart
from components.charts import show_chart
from components.controls import bound, known
from components.deck import Part
from components.frame import Selection, current_selection
from components.intervention_charts import metric_row
from components.map_charts import casustafel_map
from components.map_view import show_map
from components.method import how_computed_for
from components.page import caveats, chart_or_table, discussion_prompts, main_chart_heading, question_header
from components.year_compare import previous_year_box

QUESTION = for_page(__file__)
# A slide draws only part of the page: the link keys of the parts not shown stay understood.
known("weergave", "weergave2", "weergave3", "verhouding", "zorg")


@st.fragment
def casustafel_page(selection: Selection) -> None:
    """The question, the comparison and the evidence; its two controls rerun only this part."""
    header = st.container()
    with deck.controls("verhouding"):
        choice = bound(
            st.segmented_control, "Verhouding", list(RATIO_CHOICES), key="verhouding", default=DEFAULT_CHOICE
        )
        include_care = bound(st.toggle, "Zorgtrajecten meetellen als interventie", key="zorg")
    view = data.view(
        casustafel_view, selection.year, ratio_key(choice), bool(include_care), selection.district
    )
    with header:
        question_header(
            QUESTION.title,
            view.answer,
            figure=key_figures.comparison_key(view.comparison.with_ratio, view.comparison.without_ratio),
        )
    if deck.shows(Part.DETAIL):
        metric_row(view.metrics)
        st.markdown(f"**Oordeel.** {view.comparison.verdict}")
        if view.district_note:
            st.caption(view.district_note)

    if deck.shows(Part.CHART):
        main_chart_heading("Per district")
        chart_or_table(
            "weergave",
            lambda: show_chart(
                district_ratio_chart,
                view.districts,
                ratio_title(view.comparison),
                selected=selection.district,
                source=CASUSTAFEL_SOURCE,
            ),
            view.districts_display,
            caption="Elke waarde met haar marge. Gemeenten met '?' zijn weggelaten en genoemd.",
            draw_map=lambda: show_map(
                casustafel_map,
                data.view(
                    casustafel_map_view,
                    selection.year,
                    ratio_key(choice),
                    bool(include_care),
                    selection.district,
                ),
                source=CASUSTAFEL_SOURCE,
            ),
        )

    if deck.shows(Part.DETAIL):
        st.subheader("Vergaderingen en besproken casussen")
        chart_or_table(
            "weergave2",
            lambda: show_chart(meetings_chart, view.meetings, source=CASUSTAFEL_SOURCE),
            view.meetings_display,
        )

        st.subheader("Met of zonder zorgtrajecten")
        st.markdown(view.care_effect)
        metric_row(view.care_metrics)
        chart_or_table(
            "weergave3",
            lambda: show_chart(
                care_settings_chart, view.care_settings, choice_label(choice), source=CASUSTAFEL_SOURCE
            ),
            view.care_settings_display,
        )

        st.subheader("Wat de toelichting zegt, en wat de cijfers kunnen dragen")
        st.markdown("\n".join(f"- {line}" for line in view.claims))

        previous_year_box(selection, QUESTION.trend_indicators)
    if deck.shows(Part.NOTES):
        how_computed_for(QUESTION.slug)
        caveats("Waar je op moet letten", casustafel_caveats())
    if deck.shows(Part.PROMPTS):
        discussion_prompts(view.prompts)


casustafel_page(current_selection())
