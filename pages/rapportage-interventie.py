"""Volgt op een bestuurlijke rapportage een interventie? Reports against interventions per municipality."""

import streamlit as st

from analysis.interventions import INTERVENTION_SOURCE, intervention_view
from analysis.key_figures import ratio_key
from analysis.maps import intervention_map_view
from analysis.questions import for_page
from components import data, deck
from components.charts import show_chart
from components.controls import bound, known
from components.deck import Part
from components.frame import Selection, current_selection
from components.intervention_charts import dumbbell_chart, metric_row, missing_lists, mix_chart
from components.map_charts import outcome_map
from components.map_view import show_map
from components.method import how_computed_for
from components.page import caveats, chart_or_table, discussion_prompts, main_chart_heading, question_header
from components.year_compare import previous_year_box

QUESTION = for_page(__file__)
# A slide draws only part of the page: the link keys of the parts not shown stay understood.
known("weergave", "weergave2", "zorg")


@st.fragment
def intervention_page(selection: Selection) -> None:
    """The question, the figures and the evidence; the care toggle reruns only this part."""
    header = st.container()
    with deck.controls("zorg"):
        include_care = bool(
            bound(
                st.toggle,
                "Zorgtrajecten meetellen als interventie",
                key="zorg",
                help="Een zorgtraject is hulp aan een (mogelijk) slachtoffer, geen handhaving. Tel je het mee, dan "
                "veranderen alle aantallen en verhoudingen op deze pagina.",
            )
        )
    view = data.view(intervention_view, selection.year, selection.district, include_care)
    with header:
        question_header(QUESTION.title, view.answer, figure=ratio_key(view.summary.ratio))
    if deck.shows(Part.DETAIL):
        metric_row(view.metrics)

        st.subheader("Rapportages en interventies per gemeente")
        chart_or_table(
            "weergave",
            lambda: show_chart(
                dumbbell_chart, view.areas, include_care=include_care, source=INTERVENTION_SOURCE
            ),
            view.areas_display,
            caption="'?' = geen opgave, '-' = niet van toepassing, 'leeg' = geen getal; geen van drieën is 0.",
            draw_map=lambda: show_map(
                outcome_map,
                data.view(intervention_map_view, selection.year, selection.district, include_care),
                source=INTERVENTION_SOURCE,
            ),
        )

        st.subheader("Twee soorten 'geen interventie'")
        missing_lists(view.no_intervention, view.not_reported, view.not_applicable)

    # The chart slide shows the five districts: 28 municipalities cannot keep every label on a projector.
    if deck.shows(Part.CHART):
        main_chart_heading("Welke interventies?")
        chart_or_table(
            "weergave2",
            lambda: show_chart(
                mix_chart,
                view.mix,
                selected=None if selection.is_unit else selection.district,
                source=INTERVENTION_SOURCE,
            ),
            view.mix_display,
            caption="Interventies per rapportage, met marge. Gemeenten met '?' zijn weggelaten en genoemd.",
        )
    if deck.shows(Part.DETAIL):
        previous_year_box(selection, QUESTION.trend_indicators)
    if deck.shows(Part.NOTES):
        how_computed_for(QUESTION.slug)
        caveats("Waar je op moet letten", view.caveats)
    if deck.shows(Part.PROMPTS):
        discussion_prompts(view.prompts)


intervention_page(current_selection())
