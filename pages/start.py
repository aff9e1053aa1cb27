"""Start: what Ketendialoog is for, the workshop route, the chain of key figures, and the data findings."""

import streamlit as st

from analysis.questions import APP_TITLE, for_page
from analysis.summary import VICTIMS_GROUP, start_view
from components import data, presentation
from components.chain import chain_row
from components.figures import figure_card
from components.findings import findings_list
from components.frame import current_selection
from components.route_view import route_overview

QUESTION = for_page(__file__)

selection = current_selection()
view = data.view(start_view, selection.year, selection.district)
area = "Oost-Nederland" if selection.is_unit else f"district {selection.district}"

if presentation.is_on():
    st.title(QUESTION.title)
    st.subheader("Ketendialoog mensenhandel Oost-Nederland")
else:
    st.title(APP_TITLE)
st.markdown(
    "Een hulpmiddel voor het gesprek tussen politie, Openbaar Ministerie, RIEC, gemeenten en "
    "zorgpartners: wat zien we van mensenhandel en illegale prostitutie in Gelderland en Overijssel, "
    "en wat doen we met wat we zien? Elke pagina stelt één vraag, geeft een antwoord uit de cijfers "
    "van het gepubliceerde *Dashboard mensenhandel Oost-Nederland "
    f"{selection.year}* en sluit af met gespreksvragen."
)
st.info(view.headline, icon=":material/lightbulb:")

st.header(f"De keten in {selection.year}, {area}")
steps = view.steps
for chain in steps["keten"].unique(maintain_order=True):
    st.subheader(chain)
    chain_row(steps.filter(steps["keten"] == chain))
if view.victims:
    st.subheader(VICTIMS_GROUP)
    for column, figure in zip(st.columns(len(view.victims)), view.victims, strict=True):
        with column:
            figure_card(figure)

st.header("De route voor een werksessie")
route_overview()

st.header("Wat de controles op de data vinden")
st.caption(
    "Elk gepubliceerd totaal is naast de som van zijn delen gelegd, en elk getal uit de toelichting "
    "naast de tabel. Verschillen worden getoond, niet weggepoetst."
)
findings_list(view.checks)
