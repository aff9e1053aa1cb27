"""Data en kwaliteit: every figure, every published block, every check, definitions, population, downloads."""

import streamlit as st

from analysis.blocks import data_view
from analysis.geography import POPULATION_SOURCE
from analysis.questions import for_page
from components import data
from components.charts import show_chart
from components.data_views import (
    block_tabs,
    checks_table,
    data_downloads,
    download_buttons,
    indicator_definitions,
    missing_chart,
    status_legend,
    tidy_table,
)
from components.findings import findings_list
from components.frame import current_selection
from components.page import caveats, chart_or_table, discussion_prompts, lazy_expander, question_header

QUESTION = for_page(__file__)

selection = current_selection()
year = selection.year
view = data.view(data_view, year, year, selection.district)
checks, population = view.checks, data.population()
indicators = view.indicators

question_header(QUESTION.title, view.answer, intro=view.district_sentence)

st.subheader("Vier soorten vakken")
status_legend(view.status_counts)
chart_or_table(
    "weergave",
    lambda: show_chart(
        missing_chart, view.missing, view.district_order, view.missing_title, source=view.source
    ),
    view.missing_display,
)

st.subheader("Alle cijfers als nette tabel")
tidy_table(view.tidy_view, view.options)

st.subheader("De blokken zoals het dashboard ze toont")
block_tabs(view.blocks, default=None if selection.is_unit else selection.district)

st.subheader("Controles op samenhang")
findings_list(checks)
checks_table(year, checks)

st.subheader("Wat de indicatoren betekenen")
indicator_definitions(indicators)

st.subheader("Inwoners")
st.markdown(view.population_sentence)
st.table(view.population_overview, hide_index=True)


def all_municipalities() -> None:
    """Every municipality of the unit with its inhabitants (drawn once the box is opened)."""
    st.dataframe(view.population_municipalities, hide_index=True, width="stretch")


lazy_expander(f"Alle {population.height} gemeenten", "alle_gemeenten", all_municipalities)
st.caption(f"Bron: {POPULATION_SOURCE}.")

st.subheader("Downloaden")
download_buttons(data_downloads(year, checks, indicators, population))

caveats(
    "Waar je op moet letten",
    [
        "Een leeg vak, een '?' en een '-' zijn drie verschillende dingen en geen van drieën is 0. De app telt ze "
        "nergens als 0 mee; een totaal waarin een '?' zit noemt de app een ondergrens.",
        "De tabellen zijn overgenomen zoals ze gedrukt zijn. Waar een totaal niet gelijk is aan de som van zijn "
        "delen, of de toelichting een ander getal noemt, laat de app beide zien en kiest ze niet.",
        "Namen van gemeenten staan in de schrijfwijze van het CBS; afbreekstreepjes uit de opmaak en de "
        "schrijffout 'Barne-velde' zijn rechtgezet. De getallen zelf zijn niet aangepast.",
        "Definities en toelichtingen op deze pagina zijn in eigen woorden samengevat; de bron staat erbij.",
    ],
)
discussion_prompts(view.prompts)
