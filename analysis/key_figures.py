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
from analysis.scenario.outcome import OutcomeFigure
from analysis.supply.rates import SupplyFigure


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


def outcome_key(outcome: Sequence[tuple[str, Sequence[OutcomeFigure]]]) -> KeyNumber:
    """Onzichtbare slachtoffers: the registered share of the expected victims in the user's scenario.

    ``outcome`` holds the page's columns (the baseline, then the scenario or scenarios A and
    B); the slide takes the first scenario's last card, with the counts before its margin.
    """
    column = outcome[1] if len(outcome) > 1 else outcome[0]
    figure = column[1][-1]
    return KeyNumber(figure.value_text, figure.detail.split(";", 1)[0].strip())


def change_key(table: pl.DataFrame, indicator: str = "signalen") -> KeyNumber:
    """Ontwikkeling: an indicator in the base year and in the later year, with the change in words."""
    row = table.filter(pl.col("indicator") == indicator).row(0, named=True)
    base = _first(row, "waarde_")
    later = _first(row, "tabel_")
    base_year, later_year = base[0].removeprefix("waarde_"), later[0].removeprefix("tabel_")
    return KeyNumber(
        f"{fmt_int(base[1])} → {fmt_int(later[1])}",
        f"{row['label'].lower()} in {base_year} en in {later_year} ({row['verandering_tekst']})",
    )


def _first(row: dict[str, object], prefix: str) -> tuple[str, int | None]:
    """The first column of ``row`` whose name starts with ``prefix``, and its value."""
    name = next(key for key in row if key.startswith(prefix))
    value = row[name]
    return name, value if isinstance(value, int) else None
