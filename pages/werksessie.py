"""Werksessie: schat eerst, dan zien. Start or join a session, estimate, discuss and record actions."""

import streamlit as st

from analysis.questions import for_page
from components import werksessie_views as views
from components.frame import current_selection, district_options
from components.page import question_header

QUESTION = for_page(__file__)

selection = current_selection()
question_header(
    QUESTION.title,
    "Deelnemers schatten een cijfer voordat ze het zien; daarna leggen we de schattingen naast het "
    "gepubliceerde cijfer en noteren we observaties en actiepunten.",
)

code = views.code_field()
store = views.get_store()
if store is not None and not code:
    st.caption("Doe je mee? Open de link van de gespreksleider of vul de code hierboven in.")
    views.start_form(store, selection.year, district_options())
elif store is not None:
    info = views.open_session(store, code)
    if info is not None:
        views.created_notice(info)
        views.session_header(info)
        figures = views.figures_for(info)
        figure_key = views.figure_choice(figures)
        figure = figures[figure_key]
        views.org_choice()
        views.estimate_form(store, info, figure)
        views.board(store, info.code, figure_key, figures)
        views.note_form(store, info, figure)
        views.facilitator_panel(store, info, figure, figures)
