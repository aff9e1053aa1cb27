"""Ketendialoog mensenhandel: entry point with the shared frame and navigation."""

from pathlib import Path

import streamlit as st

from components.frame import footer, sidebar_choices

HERE = Path(__file__).resolve().parent

st.set_page_config(
    page_title="Ketendialoog mensenhandel Oost-Nederland",
    page_icon=":material/forum:",
    layout="wide",
)

navigation = st.navigation(
    {
        "Ketendialoog": [
            st.Page(HERE / "pages" / "start.py", title="Start", icon=":material/home:", default=True),
        ],
        "Vragen": [
            st.Page(
                HERE / "pages" / "opvolging.py",
                title="Opvolging van signalen",
                icon=":material/gavel:",
                url_path="opvolging",
            ),
        ],
    }
)
sidebar_choices()
navigation.run()
footer()
