"""Start: what Ketendialoog is for, the workshop route, the chain of key figures, and the data findings."""

import streamlit as st

from analysis.key_figures import chain_key
from analysis.maps import DISTRICTS_SOURCE, orientation_map_view
from analysis.questions import APP_TITLE, for_page
from analysis.summary import VICTIMS_GROUP, start_view
from components import data, deck
from components.chain import chain_row
from components.deck import Part
from components.figures import figure_card
from components.findings import findings_list
from components.frame import current_selection
from components.map_charts import orientation_map
from components.map_view import show_map
from components.method import how_computed_for
from components.page import question_header
from components.route_view import route_overview

QUESTION = for_page(__file__)

selection = current_selection()
view = data.view(start_view, selection.year, selection.district)
area = "Oost-Nederland" if selection.is_unit else f"district {selection.district}"

if deck.presenting():
    question_header(QUESTION.title, view.headline, figure=chain_key(view.steps))
else:
    st.title(APP_TITLE)
    intro, orientation = st.columns([2, 1], gap="large")
    with intro:
        st.markdown(
            "Een hulpmiddel voor het gesprek tussen politie, Openbaar Ministerie, RIEC, gemeenten en "
            "zorgpartners: wat zien we van mensenhandel en illegale prostitutie in Gelderland en Overijssel, "
            "en wat doen we met wat we zien? Elke pagina stelt één vraag, geeft een antwoord uit de cijfers "
            "van het gepubliceerde *Dashboard mensenhandel Oost-Nederland "
            f"{selection.year}* en sluit af met gespreksvragen."
        )
        st.info(view.headline, icon=":material/lightbulb:")
    with orientation:
        show_map(
            orientation_map,
            data.view(orientation_map_view, selection.year, selection.district),
            source=DISTRICTS_SOURCE,
        )

if deck.shows(Part.CHART):
    with deck.part_box(Part.CHART):
        st.header(f"De keten in {selection.year}, {area}")
        steps = view.steps
        with st.container(key="dia-keten"):
            for chain in steps["keten"].unique(maintain_order=True):
                st.subheader(chain)
                chain_row(steps.filter(steps["keten"] == chain))
if view.victims and deck.shows(Part.DETAIL):
    st.subheader(VICTIMS_GROUP)
    for column, figure in zip(st.columns(len(view.victims)), view.victims, strict=True):
        with column:
            figure_card(figure)

if deck.shows(Part.DETAIL):
    how_computed_for(QUESTION.slug)

if deck.shows(Part.AGENDA) and deck.presenting():
    with deck.part_box(Part.AGENDA):
        st.header("De route van vandaag")
        deck.agenda()
elif deck.shows(Part.AGENDA):
    st.header("De route voor een werksessie")
    route_overview()

if deck.shows(Part.DETAIL):
    st.header("Wat de controles op de data vinden")
    st.caption(
        "Elk gepubliceerd totaal is naast de som van zijn delen gelegd, en elk getal uit de toelichting "
        "naast de tabel. Verschillen worden getoond, niet weggepoetst."
    )
    findings_list(view.checks)
