"""Hoeveel slachtoffers zien we niet? A national estimate shared by population, set against registrations."""

import streamlit as st

from analysis import scenario as sc
from components import data
from components.charts import show_chart
from components.controls import bound
from components.frame import current_selection
from components.page import caveats, chart_or_table, discussion_prompts, question_header
from components.scenario_charts import comensha_chart, district_chart, funnel_chart, outcome_columns

selection = current_selection()
tidy, population, context = data.tidy(selection.year), data.population(), data.context()
baseline = sc.run_scenario(tidy, population, context)
low, high, step = sc.estimate_slider_range(context)
default_share = sc.default_share_percent(population, selection.year)

header = st.container()
with st.container(border=True):
    st.subheader("Aannames")
    left, right = st.columns(2, gap="large")
    estimate = bound(
        left.slider,
        "Landelijke schatting: slachtoffers per jaar",
        low,
        high,
        value=int(baseline.national_estimate),
        step=step,
        key="schatting",
        help="Baseline: de schatting die de toelichting noemt (Nationaal Rapporteur, 2021).",
    )
    own_share = bound(right.toggle, "Eigen aandeel in de bevolking gebruiken", key="eigen_aandeel")
    share = bound(
        right.select_slider,
        "Aandeel van Oost-Nederland in de landelijke schatting",
        options=sc.SHARE_OPTIONS,
        value=default_share,
        format_func=sc.share_percent_text,
        key="aandeel",
        disabled=not own_share,
        help="Telt alleen als 'Eigen aandeel' aan staat. Baseline: het aandeel in de bevolking (CBS).",
    )
    result = sc.scenario_from_controls(
        tidy, population, context, national_estimate=estimate, own_share=own_share, share_percent=share
    )
    st.caption(
        f"Jouw scenario: {sc.scenario_assumptions(result)}  \nBaseline: {sc.scenario_assumptions(baseline)}"
    )

with header:
    question_header("Hoeveel slachtoffers zien we niet?", sc.scenario_answer(result, selection.district))

with st.container(border=True):
    st.subheader("Uitkomst")
    outcome_columns(
        [
            ("Baseline", sc.outcome_figures(baseline, selection.district, which="baseline")),
            (
                "Jouw scenario",
                sc.outcome_figures(result, selection.district, which="jouw scenario", baseline=baseline),
            ),
        ]
    )

st.subheader("Van verwacht naar zichtbaar")
funnel = sc.funnel_table(result, baseline, context, selection.district)
chart_or_table(
    "weergave",
    lambda: show_chart(funnel_chart(funnel, selection.district), source=sc.SCENARIO_SOURCE),
    funnel.select(
        "stap", "soort", "aantal", "onder", "boven", "aandeel", "marge_onder", "marge_boven", "toelichting"
    ),
    caption="Aandelen als fractie van het verwachte aantal in jouw scenario; marges: exacte 95%-intervallen "
    "(Garwood/Poisson) voor het geregistreerde aantal.",
)
chart_or_table(
    "weergave2",
    lambda: show_chart(district_chart(result.districts, selection.district), source=sc.SCENARIO_SOURCE),
    result.districts,
    caption="Verwacht naar het aandeel van elk district in de inwoners van de eenheid (jouw scenario); "
    "aandelen als fractie.",
)

st.subheader("Het getal uit de toelichting")
st.markdown("\n".join(f"- {line}" for line in sc.text_figure_lines(baseline, population, context)))

st.subheader("Wie staan er geregistreerd?")
breakdown = sc.comensha_breakdown(tidy)
chart_or_table(
    "weergave3",
    lambda: show_chart(comensha_chart(breakdown), source=sc.COMENSHA_SOURCE),
    breakdown.select("kenmerk", "categorie", "aantal", "som_kenmerk", "totaal", "aandeel_tekst"),
)
st.markdown("  \n".join(sc.comensha_sum_lines(breakdown)))
st.caption(sc.unknown_assignment_text(tidy) + " Deze cijfers bestaan alleen voor de hele eenheid.")

caveats("Waar je op moet letten", list(sc.SCENARIO_CAVEATS))
discussion_prompts(sc.scenario_prompts(result, baseline, breakdown, selection.district))
