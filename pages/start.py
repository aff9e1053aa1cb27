"""Start: what Ketendialoog is for, the key figures of the chosen area, and the data findings."""

import streamlit as st

from analysis.summary import headline, key_figures
from components import data
from components.figures import figure_card
from components.findings import findings_list
from components.frame import current_selection

selection = current_selection()
tidy = data.tidy(selection.year)
checks = data.checks(selection.year)

st.title("Ketendialoog mensenhandel Oost-Nederland")
st.markdown(
    "Een hulpmiddel voor het gesprek tussen politie, Openbaar Ministerie, RIEC, gemeenten en "
    "zorgpartners: wat zien we van mensenhandel en illegale prostitutie in Gelderland en Overijssel, "
    "en wat doen we met wat we zien? Alle cijfers komen uit het gepubliceerde *Dashboard mensenhandel "
    f"Oost-Nederland {selection.year}*."
)
st.info(headline(tidy, selection.district), icon=":material/lightbulb:")

area = "Oost-Nederland" if selection.is_unit else f"district {selection.district}"
st.header(f"Kerncijfers {selection.year}, {area}")
for section, figures in key_figures(tidy, checks, selection.district):
    st.subheader(section)
    for column, figure in zip(st.columns(len(figures)), figures, strict=True):
        with column:
            figure_card(figure)

st.header("Wat de controles op de data vinden")
st.caption(
    "Elk gepubliceerd totaal is naast de som van zijn delen gelegd, en elk getal uit de toelichting "
    "naast de tabel. Verschillen worden getoond, niet weggepoetst."
)
findings_list(checks)
