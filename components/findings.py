"""The list of consistency findings, readable for a workshop."""

import polars as pl
import streamlit as st

from analysis.checks import APPROXIMATELY, DIFFERS, LOWER_BOUND, OK
from analysis.dutch import fmt_int


def findings_list(checks: pl.DataFrame) -> None:
    """Show every finding that does not simply hold, and how many checks do hold."""
    held = checks.filter(pl.col("uitkomst") == OK).height
    differs = checks.filter(pl.col("uitkomst") == DIFFERS)
    lower = checks.filter(pl.col("uitkomst") == LOWER_BOUND)
    approx = checks.filter(pl.col("uitkomst") == APPROXIMATELY)
    st.markdown(
        f"**{held} van {checks.height} controles kloppen.** "
        f"{differs.height} wijken af, {lower.height} totalen zijn een ondergrens, "
        f"{approx.height} klopt bij benadering."
    )
    for row in differs.iter_rows(named=True):
        st.warning(
            f"**{row['onderwerp']}** ({row['soort']}): {row['omschrijving_a']} {fmt_int(row['waarde_a'])}, "
            f"{row['omschrijving_b']} {fmt_int(row['waarde_b'])} (verschil {fmt_int(row['verschil'])}). "
            "De app toont beide en kiest niet.",
            icon=":material/compare_arrows:",
        )
    for row in approx.iter_rows(named=True):
        st.info(
            f"**{row['onderwerp']}** ({row['soort']}): {row['omschrijving_a']} ongeveer "
            f"{fmt_int(row['waarde_a'])}, {row['omschrijving_b']} {fmt_int(row['waarde_b'])}.",
            icon=":material/info:",
        )
    if not lower.is_empty():
        with st.expander(f"{lower.height} totalen zijn een ondergrens (er zit een '?' in)"):
            table = lower.select(
                pl.col("onderwerp").alias("Totaal"),
                pl.col("waarde_a").alias("Gepubliceerd"),
                pl.col("toelichting").alias("Waarom een ondergrens"),
            )
            st.dataframe(table, hide_index=True, width="stretch")
