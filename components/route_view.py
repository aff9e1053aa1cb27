"""The workshop route on the start page: every question with its time and a link."""

import streamlit as st

from components.route import REFERENCE_PAGE, ROUTE, total_minutes


def route_overview() -> None:
    """List the route: step number, question as a link, minutes and what it is about."""
    st.markdown(
        f"Een werksessie van {total_minutes()} minuten volgt deze route. Open de link op de beamer; "
        "deelnemers volgen dezelfde link op hun laptop en kiezen hun eigen district in de zijbalk."
    )
    for number, step in enumerate(ROUTE, start=1):
        left, right = st.columns([3, 1])
        with left:
            st.page_link(step.page, label=f"{number}. {step.question}", icon=":material/arrow_forward:")
            st.caption(step.purpose)
        with right:
            st.markdown(f"**{step.minutes} min**")
    st.page_link(
        REFERENCE_PAGE.page, label=f"Naslag: {REFERENCE_PAGE.question}", icon=":material/table_view:"
    )
    st.caption(REFERENCE_PAGE.purpose)
