"""Werksessie: schat eerst, dan zien. Start or join a session; each session has three screens.

Without a code: start a session (the facilitator) or type a code (a participant). With
``sessie=CODE`` the link opens the participant's phone view; ``&scherm=groot`` the big screen
for the projector and ``&scherm=regie`` the facilitator's console
(:mod:`components.werksessie_screens`).
"""

import streamlit as st

from analysis.questions import for_page
from components import werksessie_screens as screens
from components import werksessie_views as views
from components.frame import current_selection, district_options
from components.page import question_header

QUESTION = for_page(__file__)

selection = current_selection()
screens.declare_link_keys()
code = views.code_field()
store = views.get_store()
if store is not None and not code:
    question_header(
        QUESTION.title,
        "Deelnemers schatten een cijfer voordat ze het zien; daarna leggen we de schattingen naast het "
        "cijfer en noteren we observaties en actiepunten.",
    )
    st.markdown("**Meedoen?** Scan de QR-code op het grote scherm, of vul de code in.")
    views.join_form()
    views.show_flash("start")
    views.start_form(store, selection.year, district_options())
elif store is not None:
    info = views.open_session(store, code)
    if info is not None:
        match screens.screen():
            case screens.Screen.BIG:
                screens.big_screen(store, info)
            case screens.Screen.CONSOLE:
                screens.console(store, info)
            case _:
                screens.participant(store, info)
        st.stop()  # no share box or footer under a session's screens
