"""Data en kwaliteit: every figure, every published block, every check, definitions, population, downloads."""

import streamlit as st

from analysis import indicator_table
from analysis.blocks import (
    data_answer,
    district_order,
    district_sentence,
    filter_options,
    missing_overview,
    missing_title,
    population_municipalities,
    population_overview,
    population_sentence,
    published_blocks,
    quality_prompts,
    status_counts,
    tidy_view,
)
from analysis.geography import POPULATION_SOURCE
from analysis.indicators import SOURCE_DASHBOARD
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
from components.page import caveats, chart_or_table, discussion_prompts, question_header

selection = current_selection()
year = selection.year
tidy, checks, population = data.tidy(year), data.checks(year), data.population()
indicators = indicator_table()
options = filter_options(tidy)

question_header(
    "Wat staat er precies in de cijfers, en waar ontbreekt iets?",
    data_answer(tidy, checks),
    intro=district_sentence(tidy, selection.district),
)

st.subheader("Vier soorten vakken")
status_legend(status_counts(tidy))
overview = missing_overview(tidy)
chart_or_table(
    "weergave",
    lambda: show_chart(
        missing_chart(overview, district_order(tidy), missing_title(overview)), source=SOURCE_DASHBOARD
    ),
    overview.select("district", "status", "teken", "aantal", "gebieden", "indicatoren"),
)

st.subheader("Alle cijfers als nette tabel")
tidy_table(tidy_view(tidy), options)

st.subheader("De blokken zoals het dashboard ze toont")
blocks = published_blocks(tidy, checks)
block_tabs(blocks, default=None if selection.is_unit else selection.district)

st.subheader("Controles op samenhang")
findings_list(checks)
checks_table(checks)

st.subheader("Wat de indicatoren betekenen")
indicator_definitions(indicators)

st.subheader("Inwoners")
st.markdown(population_sentence(population, year))
st.table(population_overview(population, year), hide_index=True)
with st.expander(f"Alle {population.height} gemeenten"):
    st.dataframe(population_municipalities(population), hide_index=True, width="stretch")
st.caption(f"Bron: {POPULATION_SOURCE}.")

st.subheader("Downloaden")
download_buttons(data_downloads(year, tidy, checks, indicators, population))

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
discussion_prompts(quality_prompts(tidy, checks, selection.district))
