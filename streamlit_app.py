"""Ketendialoog mensenhandel: entry point with the shared frame and navigation."""

from pathlib import Path

import streamlit as st

from components import presentation
from components.controls import start_recording
from components.frame import footer, sidebar_choices
from components.share import link_notice, remember_given_link, share_box

HERE = Path(__file__).resolve().parent

st.set_page_config(
    page_title="Ketendialoog mensenhandel Oost-Nederland",
    page_icon=":material/forum:",
    layout="wide",
)

# Each page file is named after its url_path. Until the first run of this entry point,
# Streamlit resolves a deep link against the files in pages/ by name; matching names
# keep a cold deep link from showing "page not found" (see components/frame.py).
PAGES = HERE / "pages"

navigation = st.navigation(
    {
        "Ketendialoog": [
            st.Page(PAGES / "start.py", title="Start", icon=":material/home:", default=True),
        ],
        "Vragen": [
            st.Page(
                PAGES / "aard-en-omvang.py",
                title="Aard en omvang",
                icon=":material/travel_explore:",
                url_path="aard-en-omvang",
            ),
            st.Page(
                PAGES / "opvolging.py",
                title="Opvolging van signalen",
                icon=":material/gavel:",
                url_path="opvolging",
            ),
            st.Page(
                PAGES / "rapportage-interventie.py",
                title="Van rapportage naar interventie",
                icon=":material/assignment_turned_in:",
                url_path="rapportage-interventie",
            ),
            st.Page(
                PAGES / "casustafels.py",
                title="Casustafels",
                icon=":material/groups:",
                url_path="casustafels",
            ),
            st.Page(
                PAGES / "onzichtbare-slachtoffers.py",
                title="Onzichtbare slachtoffers",
                icon=":material/visibility_off:",
                url_path="onzichtbare-slachtoffers",
            ),
            st.Page(
                PAGES / "ontwikkeling.py",
                title="Ontwikkeling sinds 2019",
                icon=":material/trending_up:",
                url_path="ontwikkeling",
            ),
        ],
        "Data": [
            st.Page(
                PAGES / "data.py",
                title="Data en kwaliteit",
                icon=":material/table_view:",
                url_path="data",
            ),
            st.Page(
                PAGES / "nieuw-jaar.py",
                title="Nieuw jaar toevoegen",
                icon=":material/upload_file:",
                url_path="nieuw-jaar",
            ),
        ],
        "Werksessie": [
            st.Page(
                PAGES / "werksessie.py",
                title="Werksessie",
                icon=":material/how_to_vote:",
                url_path="werksessie",
            ),
        ],
    }
)
remember_given_link()
start_recording()
sidebar_choices()
presentation.sidebar_toggle()
notice_slot = st.empty()
if presentation.is_on():
    presentation.apply_style()
    presentation.route_bar(navigation.url_path)
navigation.run()
link_notice(notice_slot)
share_box()
footer()
