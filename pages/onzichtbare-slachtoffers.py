"""Hoeveel slachtoffers zien we niet? A national estimate shared by population, set against registrations.

One scenario ('jouw scenario') against the baseline, or, with 'vergelijk' on, two named
scenarios A and B side by side against the baseline.
"""

import streamlit as st

from analysis import scenario as sc
from analysis.trends import QUESTIONS
from components import data
from components.charts import show_chart
from components.controls import bound, known
from components.frame import Selection, current_selection
from components.page import caveats, chart_or_table, discussion_prompts, question_header
from components.scenario_charts import (
    comensha_chart,
    district_chart,
    funnel_chart,
    outcome_columns,
    scenario_controls,
)
from components.year_compare import previous_year_box


@st.fragment
def scenario_page(selection: Selection) -> None:
    """Assumptions, outcome and evidence; every scenario control reruns only this part."""
    tidy, population, context = data.tidy(selection.year), data.population(), data.context()
    defaults = {
        "slider_range": sc.estimate_slider_range(context),
        "default_estimate": int(sc.default_national_estimate(context)),
        "default_share": sc.default_share_percent(population, selection.year),
    }

    header = st.container()
    with st.container(border=True):
        st.subheader("Aannames")
        comparing = bound(
            st.toggle,
            "Twee scenario's vergelijken (A en B)",
            key="vergelijk",
            help="Zet twee eigen scenario's naast de baseline, elk met een naam, een schatting en een aandeel.",
        )
        if comparing:
            columns = st.columns(2, gap="large", border=True)
            controls = [
                scenario_controls(column, letter, comparing=True, **defaults)
                for column, letter in zip(columns, "AB", strict=True)
            ]
        else:
            controls = [scenario_controls(st.container(), "A", comparing=False, **defaults)]
            known("naam_a", "naam_b", "schatting_b", "eigen_aandeel_b", "aandeel_b")
        view = sc.scenario_view(tidy, population, context, controls)
        st.caption("  \n".join(sc.view_assumptions(view)))

    with header:
        question_header("Hoeveel slachtoffers zien we niet?", sc.view_answer(view, selection.district))

    with st.container(border=True):
        st.subheader("Uitkomst")
        outcome_columns(sc.view_outcome(view, selection.district))

    st.subheader("Van verwacht naar zichtbaar")
    funnel = sc.view_funnel(view, context, selection.district)
    chart_or_table(
        "weergave",
        lambda: show_chart(
            funnel_chart(funnel, selection.district, sc.funnel_subtitle(view)), source=sc.SCENARIO_SOURCE
        ),
        sc.funnel_display_table(view, funnel),
        caption=sc.funnel_caption(view),
    )
    chart_or_table(
        "weergave2",
        lambda: show_chart(
            district_chart(view.first.districts, selection.district, sc.district_label(view)),
            source=sc.SCENARIO_SOURCE,
        ),
        view.first.districts,
        caption=sc.district_caption(view),
    )

    st.subheader("Het getal uit de toelichting")
    st.markdown("\n".join(f"- {line}" for line in sc.text_figure_lines(view.baseline, population, context)))

    st.subheader("Wie staan er geregistreerd?")
    breakdown = sc.comensha_breakdown(tidy)
    chart_or_table(
        "weergave3",
        lambda: show_chart(comensha_chart(breakdown), source=sc.COMENSHA_SOURCE),
        breakdown.select("kenmerk", "categorie", "aantal", "som_kenmerk", "totaal", "aandeel_tekst"),
    )
    st.markdown("  \n".join(sc.comensha_sum_lines(breakdown)))
    st.caption(sc.unknown_assignment_text(tidy) + " Deze cijfers bestaan alleen voor de hele eenheid.")

    previous_year_box(selection, QUESTIONS["Onzichtbare slachtoffers"])
    caveats("Waar je op moet letten", list(sc.SCENARIO_CAVEATS))
    discussion_prompts(sc.view_prompts(view, breakdown, selection.district))


scenario_page(current_selection())
