"""Wat is de aard en omvang? Sex ads, prostitution controls and signals per area, and a funnel plot."""

import streamlit as st

from analysis import supply
from analysis.key_figures import supply_key
from analysis.maps import measure_map_view
from analysis.questions import for_page
from components import data, deck
from components.charts import show_chart
from components.controls import known
from components.deck import Part
from components.frame import Selection, current_selection
from components.map_charts import measure_map
from components.map_view import show_map
from components.method import how_computed_for
from components.page import caveats, chart_or_table, discussion_prompts, main_chart_heading, question_header
from components.supply_charts import (
    bar_chart,
    choose_level,
    choose_view,
    controls_chart,
    figure_row,
    funnel_chart,
)
from components.year_compare import previous_year_box

QUESTION = for_page(__file__)
# A slide draws only part of the page: the link keys of the parts not shown stay understood.
known("weergave", "weergave2", "controles", "trechter", "niveau")

selection = current_selection()
district = selection.district
overview = data.view(supply.supply_overview, selection.year, district)

question_header(QUESTION.title, overview.answer, figure=supply_key(overview.figures))


@st.fragment
def per_area(selection: Selection, figures: list[supply.SupplyFigure]) -> None:
    """Indicator and measure controls, the three figure cards and the bar charts (reruns on its own)."""
    with deck.controls("indicator"):
        indicator, measure = choose_view()
    rates = data.view(supply.indicator_view, selection.year, selection.district, indicator)
    source = supply.source_text(indicator)
    if deck.shows(Part.DETAIL):
        figure_row(figures, measure)

        st.subheader("Per gemeente en Overig")
        area_title = rates.area_titles[measure]
        chart_or_table(
            "weergave",
            lambda: show_chart(
                bar_chart,
                rates.areas,
                measure,
                indicator,
                title=area_title,
                reference=rates.reference,
                source=source,
            ),
            rates.area_display,
            caption="'Overig' is de rest van het district: de gemeenten zonder eigen kolom in het dashboard.",
            draw_map=lambda: show_map(
                measure_map,
                data.view(measure_map_view, selection.year, selection.district, indicator, measure),
                source=source,
            ),
        )
        if rates.empty_note:
            st.caption(rates.empty_note)

    if deck.shows(Part.CHART):
        main_chart_heading("Per district")
        district_title = rates.district_titles[measure]
        highlight = None if selection.is_unit else selection.district
        chart_or_table(
            "weergave2",
            lambda: show_chart(
                bar_chart,
                rates.districts,
                measure,
                indicator,
                title=district_title,
                reference=rates.reference,
                highlight=highlight,
                source=source,
            ),
            rates.district_display,
        )
    if rates.ads_note and deck.shows(Part.DETAIL):
        st.caption(rates.ads_note)


per_area(selection, overview.figures)

if deck.shows(Part.DETAIL):
    st.subheader("Controles per 1.000 advertenties")
    unit_ratio = overview.unit_controls
    chart_or_table(
        "controles",
        lambda: show_chart(
            controls_chart,
            overview.area_controls,
            unit_ratio.value or 0.0,
            title=supply.CONTROLS_TITLE,
            source=supply.CONTROLS_SOURCE,
        ),
        overview.controls_display,
        caption=f"Heel Oost-Nederland: {unit_ratio.counts_text()} ({unit_ratio.value_text()}).",
    )


@st.fragment
def funnel(selection: Selection) -> None:
    """The funnel plot with its level control (reruns on its own)."""
    st.subheader("Trechterdiagram: signalen per 100.000 inwoners")
    st.markdown(supply.funnel_note())
    view = data.view(supply.funnel_view, selection.year, selection.district, choose_level())
    chart_or_table(
        "trechter",
        lambda: show_chart(
            funnel_chart,
            view.points,
            view.grid,
            view.overall,
            title=view.title,
            subtitle=view.subtitle,
            source=supply.source_text("signalen"),
        ),
        view.display,
        caption=view.caption,
    )


if deck.shows(Part.DETAIL):
    funnel(selection)
    previous_year_box(selection, QUESTION.trend_indicators)
if deck.shows(Part.NOTES):
    how_computed_for(QUESTION.slug)
    caveats("Waar je op moet letten", overview.caveats)
if deck.shows(Part.PROMPTS):
    discussion_prompts(overview.prompts)
