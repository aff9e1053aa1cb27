"""The workshop route on the start page: every question with its time and a link."""

import streamlit as st

from analysis.questions import reference, route, route_minutes


def route_overview() -> None:
    """List the route: step number, question as a link, minutes and what it is about."""
    st.markdown(
        f"Een werksessie van {route_minutes()} minuten volgt deze route. Open de link op de beamer; "
        "deelnemers volgen dezelfde link op hun laptop en kiezen hun eigen district in de zijbalk."
    )
    for number, step in enumerate(route(), start=1):
        left, right = st.columns([3, 1])
        with left:
            st.page_link(step.page_file, label=f"{number}. {step.title}", icon=":material/arrow_forward:")
            st.caption(step.purpose)
        with right:
            st.markdown(f"**{step.route_minutes} min**")
    naslag = reference()
    st.page_link(naslag.page_file, label=f"Naslag: {naslag.title}", icon=":material/table_view:")
    st.caption(naslag.purpose)
