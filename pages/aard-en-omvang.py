"""Wat is de aard en omvang? Sex ads, prostitution controls and signals per area, and a funnel plot."""

import streamlit as st

from analysis import supply
from analysis.ratios import chain_ratio
from analysis.trends import QUESTIONS
from components import data
from components.charts import show_chart
from components.frame import current_selection
from components.page import caveats, chart_or_table, discussion_prompts, question_header
from components.supply_charts import (
    bar_chart,
    choose_level,
    choose_view,
    controls_chart,
    figure_row,
    funnel_chart,
)
from components.year_compare import previous_year_box

selection = current_selection()
district = selection.district
tidy = data.tidy(selection.year)
population = data.population()

question_header("Wat is de aard en omvang?", supply.supply_answer(tidy, population, district))

indicator, measure = choose_view()
source = supply.source_text(indicator)
reference = supply.reference_rate(tidy, population, indicator)
highlight = None if selection.is_unit else district

figure_row(supply.supply_figures(tidy, population, district), measure)

st.subheader("Per gemeente en Overig")
areas = supply.area_rates(tidy, population, indicator, district=district)
area_title = supply.area_chart_title(areas, indicator, measure)
chart_or_table(
    "weergave",
    lambda: show_chart(
        bar_chart(areas, measure, indicator, title=area_title, reference=reference), source=source
    ),
    supply.rates_display(areas),
    caption="'Overig' is de rest van het district: de gemeenten zonder eigen kolom in het dashboard.",
)
if indicator == "signalen" and (note := supply.empty_note(supply.empty_cells(tidy, population, district))):
    st.caption(note)

st.subheader("Per district")
districts = supply.area_rates(tidy, population, indicator, by="district")
district_title = supply.area_chart_title(districts, indicator, measure)
chart_or_table(
    "weergave2",
    lambda: show_chart(
        bar_chart(
            districts, measure, indicator, title=district_title, reference=reference, highlight=highlight
        ),
        source=source,
    ),
    supply.rates_display(districts),
    caption=supply.ads_total_note(tidy) if indicator == "seksadvertenties" else None,
)

st.subheader("Controles per 1.000 advertenties")
area_ratios = supply.controls_per_ads(tidy, by="gebied", district=district)
unit_ratio = chain_ratio(tidy, supply.CONTROLS_RATIO)
chart_or_table(
    "controles",
    lambda: show_chart(
        controls_chart(area_ratios, unit_ratio.value or 0.0, title=supply.CONTROLS_TITLE),
        source=supply.CONTROLS_SOURCE,
    ),
    supply.controls_display(area_ratios, supply.controls_per_ads(tidy, by="district", district=district)),
    caption=f"Heel Oost-Nederland: {unit_ratio.counts_text()} ({unit_ratio.value_text()}).",
)

st.subheader("Trechterdiagram: signalen per 100.000 inwoners")
st.markdown(supply.funnel_note())
by = choose_level()
points = supply.funnel_points(tidy, population, by=by, district=district)
overall = supply.overall_signal_rate(tidy, population).per_100k or 0.0
grid = supply.funnel_grid(points, overall)
chart_or_table(
    "trechter",
    lambda: show_chart(
        funnel_chart(
            points,
            grid,
            overall,
            title=supply.funnel_title(points),
            subtitle=supply.funnel_subtitle(overall, district),
        ),
        source=supply.source_text("signalen"),
    ),
    supply.funnel_display(points),
    caption=supply.funnel_caption(points),
)

previous_year_box(selection, QUESTIONS["Aard en omvang"])
caveats("Waar je op moet letten", supply.supply_caveats(tidy))
discussion_prompts(supply.supply_prompts(tidy, population, district))
