"""The key figure of each question slide: one number to show large, with its counts in words.

In presentation mode the first slide of a question shows the question, the answer and one
figure large (``components.page.question_header``). Each function here picks that figure
from what the page's view already holds, so the number on the slide is the number on the
page. Pure Python: no Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from analysis import UNIT
from analysis.dutch import fmt_dec, fmt_int, fmt_pct, lower_first
from analysis.ratios import Ratio
from analysis.scenario.compare import ScenarioView
from analysis.scenario.model import area_figures
from analysis.scenario.wording import hidden_figure
from analysis.supply.rates import SupplyFigure
from analysis.trends.base_years import BASE_VALUE, TABLE_VALUE, TEXT_VALUE
from analysis.trends.sentences import lead_indicator
from analysis.trends.sources import BASE_YEAR, TEXT_YEAR
from analysis.trends.wording import signed_pct


@dataclass(frozen=True)
class KeyNumber:
    """One figure as the room should read it (``value``, e.g. "11,7%") and what it counts, with counts."""

    value: str
    words: str


def chain_key(steps: pl.DataFrame) -> KeyNumber:
    """Start page: the signals the police registered (the chain's first criminal-law step)."""
    row = steps.filter(pl.col("indicator") == "signalen").row(0, named=True)
    return KeyNumber(row["aantal_tekst"], "signalen van mensenhandel registreerde de politie")


def supply_key(figures: Sequence[SupplyFigure]) -> KeyNumber:
    """Aard en omvang: signals per 100.000 inhabitants, with the counts behind it."""
    signals = next(f for f in figures if f.indicator == "signalen")
    return KeyNumber(
        fmt_dec(signals.per_100k),
        f"signalen per 100.000 inwoners: {fmt_int(signals.count)} signalen op {fmt_int(signals.inhabitants)} "
        "inwoners",
    )


def followup_key(table: pl.DataFrame, area: str = UNIT) -> KeyNumber:
    """Opvolging: the share of signals that led to a criminal investigation in ``area``."""
    row = table.filter(pl.col("gebied") == area).row(0, named=True)
    return KeyNumber(
        fmt_pct(row["aandeel_onderzoek"]),
        f"{fmt_int(row['onderzoeken'])} van de {fmt_int(row['signalen'])} signalen leidden tot een "
        "strafrechtelijk onderzoek",
    )


def ratio_key(ratio: Ratio) -> KeyNumber:
    """A ratio with its counts: '1,30' and 'bestuurlijke interventies per rapportage: 78 interventies op 60 rapportages'."""
    return KeyNumber(ratio.value_text(), f"{lower_first(ratio.label)}: {ratio.counts_text()}")


def comparison_key(with_ratio: Ratio, without_ratio: Ratio) -> KeyNumber:
    """Casustafels: districts with a casustafel against districts without, each with its counts."""
    return KeyNumber(
        f"{with_ratio.value_text()} tegen {without_ratio.value_text()}",
        f"{lower_first(with_ratio.label)} met casustafel ({with_ratio.counts_text()}) tegen zonder "
        f"({without_ratio.counts_text()})",
    )


def hidden_key(view: ScenarioView, district: str = UNIT) -> KeyNumber:
    """Onzichtbare slachtoffers: the share of the expected victims out of sight, as the answer leads with it.

    Where that share cannot be given (no signals for the area, or more signals than
    expected victims) the slide shows the expected number of victims instead.
    """
    figure = hidden_figure(view, district)
    if figure is not None:
        return KeyNumber(*figure)
    expected = area_figures(view.first, district)[0]
    return KeyNumber(fmt_int(expected), "verwachte slachtoffers volgens de landelijke schatting")


def change_key(table: pl.DataFrame, indicator: str | None = None) -> KeyNumber:
    """Ontwikkeling: an indicator in the base year and in the later year, with the change in words.

    Without ``indicator``, the one the page's answer names first (:func:`lead_indicator`).
    Where the dashboard's text and its table give different later counts, the large number
    follows the text, as the answer does, and the words give the table's count too.
    """
    row = table.filter(pl.col("indicator") == (indicator or lead_indicator(table))).row(0, named=True)
    later = row[TEXT_VALUE] if row[TEXT_VALUE] is not None else row[TABLE_VALUE]
    value = f"{fmt_int(row[BASE_VALUE])} → {fmt_int(later)}"
    years = f"{row['naam']} in {BASE_YEAR} en in {TEXT_YEAR}"
    if not row["tekst_wijkt_af"]:
        return KeyNumber(value, f"{years} ({row['verandering_tekst']})")
    return KeyNumber(
        value,
        f"{years} volgens de toelichting ({signed_pct(row['verandering'])}); de tabel telt er "
        f"{fmt_int(row[TABLE_VALUE])} ({signed_pct(row['verandering_tabel'])})",
    )
