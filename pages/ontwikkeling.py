"""Wat is er veranderd? Every loaded year per indicator, and 2019 against 2022 as the dashboard's text states it.

With one year of tables the comparison with 2019 comes first; once a later year is
loaded (bundled, saved or added in this session), the view over all years leads.
"""

import streamlit as st

from analysis import trends
from analysis.key_figures import change_key
from analysis.questions import for_page
from analysis.trends.wording import ratio_caption, since_heading
from components import data, deck
from components.charts import show_chart
from components.controls import bound, known
from components.deck import Part
from components.frame import current_selection
from components.method import how_computed_for
from components.page import caveats, chart_or_table, discussion_prompts, main_chart_heading, question_header
from components.trend_charts import ratio_chart, slope_chart, steps_chart, years_chart
from components.year_views import inert_notes, no_second_year

QUESTION = for_page(__file__)
# A slide draws only part of the page: the link keys of the parts not shown stay understood.
known("weergave", "weergave2", "weergave3")

selection = current_selection()
later_years = len(data.years()) > 1

header = st.container()
note_slot = st.container()
first, second = st.container(), st.container()
years_box, since_box = (first, second) if later_years else (second, first)
# The view that leads is the one on the chart slide.
years_part, since_part = (Part.CHART, Part.DETAIL) if later_years else (Part.DETAIL, Part.CHART)

with years_box, deck.controls("onderwerp"):
    st.subheader("Alle jaren per indicator")
    question = bound(
        st.segmented_control,
        "Onderwerp",
        list(trends.QUESTIONS),
        key="vraag",
        default=trends.KEY_FIGURES,
        required=True,
    )
question = question if question in trends.QUESTIONS else trends.KEY_FIGURES
view = data.years_view(trends.trends_view, selection.year, selection.district, question)

with header:
    question_header(QUESTION.title, view.answer, figure=change_key(view.table))
if view.district_note and deck.shows(Part.DETAIL):
    note_slot.info(view.district_note, icon=":material/info:")

with years_box:
    if deck.shows(years_part):
        chart_or_table(
            "weergave3",
            lambda: show_chart(
                years_chart,
                view.series,
                selection.district,
                f"{question}: hoe ontwikkelde elk cijfer zich door de jaren?",
                source=trends.YEARS_SOURCE,
            ),
            view.series_display,
            caption="Een leeg vak, '?' of '-' is geen 0; 'minstens' = een deel gaf geen opgave.",
        )
    if deck.shows(Part.DETAIL):
        inert_notes(view.area_notes)
        st.subheader("Van jaar tot jaar")
        if view.steps.is_empty():
            known("weergave4")
            no_second_year()
        else:
            chart_or_table(
                "weergave4",
                lambda: show_chart(steps_chart, view.steps, selection.district, source=trends.YEARS_SOURCE),
                view.steps_display,
                caption="Verhouding = aantal per inwoner in het latere jaar / in het jaar ervoor, met marge.",
            )

with since_box:
    if deck.shows(since_part):
        main_chart_heading(since_heading(view.text_year))
        chart_or_table(
            "weergave",
            lambda: show_chart(slope_chart, view.table, view.text_year, source=trends.TREND_SOURCE),
            view.table_display,
            caption="Leeg = geen aantal bekend (alleen een uitspraak in de tekst), niet 0.",
        )
    if deck.shows(Part.DETAIL):
        for warning in view.source_changes:
            st.warning(warning, icon=":material/swap_horiz:")
        st.subheader("Groter dan toeval?")
        chart_or_table(
            "weergave2",
            lambda: show_chart(ratio_chart, view.ratios, view.text_year, source=trends.TREND_SOURCE),
            view.ratios_display,
            caption=ratio_caption(view.text_year),
        )

if deck.shows(Part.NOTES):
    how_computed_for(QUESTION.slug)
    caveats("Waar je op moet letten", view.caveats)
if deck.shows(Part.PROMPTS):
    discussion_prompts(view.prompts)
