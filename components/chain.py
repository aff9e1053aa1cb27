"""The chain on the start page: each step as a card, with the ratio to the step before it."""

import polars as pl
import streamlit as st

from analysis.indicators import BY_CODE
from analysis.summary import INTERVENTIONS_LABEL


def chain_row(steps: pl.DataFrame) -> None:
    """Draw one chain as a row of cards; every card after the first shows its step ratio."""
    columns = st.columns(steps.height)
    for column, step in zip(columns, steps.iter_rows(named=True), strict=True):
        with column, st.container(border=True):
            arrow = "" if step["stap"] == 1 else "→ "
            value = step["aantal_tekst"].replace("minstens ", "≥ ")
            st.metric(f"{arrow}{step['kort']}", value, help=step["label"])
            lines = []
            if step["verhouding_tekst"]:
                lines.append(step["verhouding_tekst"])
            if step["ondergrens"]:
                lines.append(f"{step['aantal_tekst'].capitalize()}: niet elke gemeente gaf een opgave (?).")
            source = (
                BY_CODE["waarschuwingen"].source
                if step["label"] == INTERVENTIONS_LABEL
                else BY_CODE[step["indicator"]].source
            )
            lines.append(f"Bron: {source}")
            st.caption("  \n".join(lines))
