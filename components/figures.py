"""Figure cards: a number with its counts and source, never a bare number."""

import streamlit as st

from analysis.summary import KeyFigure


def figure_card(figure: KeyFigure) -> None:
    """Show one key figure in a bordered card: label, value, its ratio with counts, and source."""
    with st.container(border=True):
        st.metric(figure.label, figure.value_text())
        lines = []
        if figure.detail:
            lines.append(figure.detail)
        if figure.note:
            lines.append(figure.note)
        if figure.lower_bound:
            lines.append("Ondergrens: niet elke gemeente gaf een opgave (?).")
        lines.append(f"Bron: {figure.source}")
        st.caption("  \n".join(lines))
