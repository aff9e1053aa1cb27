"""Hoeveel slachtoffers zien we niet? A national estimate shared by population, set against registrations.

One scenario ('jouw scenario') against the basis (the baseline), or, with 'vergelijk' on, two
named scenarios A and B side by side against the basis.
"""

import streamlit as st

from analysis import scenario as sc
from analysis.key_figures import hidden_key
from analysis.maps import victims_map_view
from analysis.questions import for_page
from components import data, deck
from components.charts import show_chart
from components.controls import bound, known
from components.deck import Part
from components.frame import Selection, current_selection
from components.map_charts import victims_map
from components.map_view import show_map
from components.method import how_computed_for
from components.page import caveats, chart_or_table, discussion_prompts, main_chart_heading, question_header
from components.scenario_charts import (
    comensha_chart,
    district_chart,
    funnel_chart,
    outcome_columns,
    reset_button,
    scenario_controls,
)
from components.year_compare import previous_year_box

QUESTION = for_page(__file__)
# A slide draws only part of the page: the link keys of the parts not shown stay understood.
known("weergave", "weergave2", "weergave3")


@st.fragment
def scenario_page(selection: Selection) -> None:
    """Assumptions, outcome and evidence; every scenario control reruns only this part."""
    defaults = data.view(sc.scenario_defaults, selection.year, selection.year)

    header = st.container()
    with deck.controls("aannames"), st.container(border=True):
        st.subheader("Aannames")
        comparing = bound(
            st.toggle,
            "Twee scenario's vergelijken (A en B)",
            key="vergelijk",
            help="Zet twee eigen scenario's naast de basis, elk met een naam, een schatting en een aandeel.",
        )
        if comparing:
            columns = st.columns(2, gap="large", border=True)
            controls = [
                scenario_controls(column, letter, comparing=True, defaults=defaults)
                for column, letter in zip(columns, "AB", strict=True)
            ]
        else:
            controls = [scenario_controls(st.container(), "A", comparing=False, defaults=defaults)]
            known("naam_a", "naam_b", "schatting_b", "eigen_aandeel_b", "aandeel_b")
        page = data.view(sc.scenario_page, selection.year, tuple(controls), selection.district)
        st.caption("  \n".join(page.assumptions))
        reset_button(defaults)

    with header:
        question_header(QUESTION.title, page.answer, figure=hidden_key(page.view, selection.district))

    if deck.shows(Part.DETAIL):
        with st.container(border=True):
            st.subheader("Uitkomst")
            outcome_columns(page.outcome)

    if deck.shows(Part.CHART):
        main_chart_heading("Van verwacht naar zichtbaar")
        chart_or_table(
            "weergave",
            lambda: show_chart(
                funnel_chart, page.funnel, selection.district, page.funnel_subtitle, source=page.source
            ),
            page.funnel_display,
            caption=page.funnel_caption,
        )
    if deck.shows(Part.DETAIL):
        chart_or_table(
            "weergave2",
            lambda: show_chart(
                district_chart,
                page.view.first.districts,
                selection.district,
                page.district_subtitle,
                source=page.source,
            ),
            page.view.first.districts,
            caption=page.district_caption,
            draw_map=lambda: show_map(
                victims_map,
                victims_map_view(
                    data.population(), page.view.first.districts, selection.year, selection.district
                ),
                source=page.source,
            ),
        )

        st.subheader("Het getal uit de toelichting")
        st.markdown("\n".join(f"- {line}" for line in page.text_lines))

        st.subheader("Wie staan er geregistreerd?")
        chart_or_table(
            "weergave3",
            lambda: show_chart(comensha_chart, page.breakdown, source=page.comensha_source),
            page.breakdown_display,
        )
        st.markdown("  \n".join(page.breakdown_lines))
        st.caption(page.unknown_text + " Deze cijfers bestaan alleen voor de hele eenheid.")

        previous_year_box(selection, QUESTION.trend_indicators)
    if deck.shows(Part.NOTES):
        how_computed_for(QUESTION.slug)
        caveats("Waar je op moet letten", page.caveats)
    if deck.shows(Part.PROMPTS):
        discussion_prompts(page.prompts)


scenario_page(current_selection())
