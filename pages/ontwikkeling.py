"""Wat is er veranderd? Every loaded year per indicator, and 2019 against 2022 as the dashboard's text states it.

With one year of tables the comparison with 2019 comes first; once a later year is
loaded (bundled, saved or added in this session), the view over all years leads.
"""

import polars as pl
import streamlit as st

from analysis import trends
from components import data
from components.charts import show_chart
from components.controls import bound, known
from components.frame import current_selection
from components.page import caveats, chart_or_table, discussion_prompts, question_header
from components.trend_charts import ratio_chart, slope_chart, steps_chart, years_chart
from components.year_views import inert_notes, no_second_year

selection = current_selection()
tidies = [data.tidy(year) for year in data.years()]
base = data.tidy(trends.TEXT_YEAR)
table = trends.trend_table(base, data.context())
ratios = trends.ratio_rows(table)
later_years = len(tidies) > 1

header = st.container()
note = trends.district_note(base, selection.district)
if note:
    st.info(note, icon=":material/info:")


def since_2019() -> None:
    """The first dashboard against 2022: the text's figures and the table's, side by side."""
    st.subheader(f"{trends.BASE_YEAR} tegenover {trends.TEXT_YEAR}, volgens de toelichting")
    chart_or_table(
        "weergave",
        lambda: show_chart(slope_chart(table, trends.TEXT_YEAR), source=trends.TREND_SOURCE),
        table.select(
            "label",
            "soort",
            "waarde_2019",
            "tekst_2022",
            "tabel_2022",
            "verandering_tekst",
            "benadering",
            "opmerking",
        ),
        caption="Leeg = geen aantal bekend (alleen een uitspraak in de tekst), niet 0.",
    )
    for warning in trends.source_changes(table):
        st.warning(warning, icon=":material/swap_horiz:")
    st.subheader("Groter dan toeval?")
    chart_or_table(
        "weergave2",
        lambda: show_chart(ratio_chart(ratios), source=trends.TREND_SOURCE),
        ratios.select("rij", "waarde_2019", "waarde_2022", "ratio", "ratio_onder", "ratio_boven", "oordeel"),
        caption="Verhouding = aantal 2022 / aantal 2019, met exacte 95%-marge (voorwaardelijk binomiaal).",
    )


def all_years() -> pl.DataFrame:
    """Every loaded year per indicator of the chosen topic, and each year against the one before."""
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
    series = trends.year_series(tidies, selection.district, trends.QUESTIONS[question], data.context())
    steps = trends.year_steps(series, data.population())
    chart_or_table(
        "weergave3",
        lambda: show_chart(
            years_chart(
                series, selection.district, f"{question}: hoe ontwikkelde elk cijfer zich door de jaren?"
            ),
            source=trends.YEARS_SOURCE,
        ),
        series.select("label", "jaar", "gebied", "bron", "waarde_tekst", "opmerking"),
        caption="Een leeg vak, '?' of '-' is geen 0; 'minstens' = een deel gaf geen opgave.",
    )
    inert_notes(trends.area_change_notes(tidies, selection.district))
    st.subheader("Van jaar tot jaar")
    if steps.is_empty():
        known("weergave4")
        no_second_year()
    else:
        chart_or_table(
            "weergave4",
            lambda: show_chart(steps_chart(steps, selection.district), source=trends.YEARS_SOURCE),
            trends.steps_display(steps, rates=True),
            caption="Verhouding = aantal per inwoner in het latere jaar / in het jaar ervoor, met exacte 95%-marge.",
        )
    return steps


if later_years:
    steps = all_years()
    since_2019()
else:
    since_2019()
    steps = all_years()

with header:
    question_header(
        "Wat is er veranderd?", trends.years_answer(table, steps, selection.year, selection.district)
    )
caveats("Waar je op moet letten", [*trends.TREND_CAVEATS, *trends.YEARS_CAVEATS])
step = trends.step_prompt(steps, selection.year, selection.district)
prompts = trends.trend_prompts(base, table, selection.district)
discussion_prompts(([step] if step else []) + prompts[: 4 - bool(step)])
