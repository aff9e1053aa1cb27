"""The published figures a werksessie lets participants estimate, and the link to the view of each.

Which figures there are, and on which page each is discussed, comes from the question registry
(:mod:`analysis.questions`); their questions and count texts come from
:mod:`analysis.werksessie.wording`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

import polars as pl

from analysis.dutch import fmt_int, fmt_pct
from analysis.followup import CHAIN_SOURCE
from analysis.geography import UNIT
from analysis.questions import estimate_keys, estimate_question
from analysis.ratios import Ratio, chain_ratio
from analysis.scenario import SCENARIO_SOURCE, run_scenario
from analysis.werksessie.session import FigureUnit, session_area
from analysis.werksessie.wording import (
    EXPECTED_NOTE,
    INTERVENTIONS_SOURCE,
    expected_counts_text,
    figure_question,
    left_out_note,
    share_counts_text,
    signals_counts_text,
)

#: Keys of the figures a facilitator may choose, in the order of the route.
FIGURE_KEYS: tuple[str, ...] = estimate_keys()


@dataclass(frozen=True)
class Figure:
    """A published figure to estimate: the question, its value, the counts behind it, its source and page."""

    key: str
    question: str
    unit: FigureUnit
    value: float
    value_text: str
    counts_text: str
    source: str
    page: str
    low: float = 0.0
    high: float = 1000.0
    note: str = ""

    def format(self, value: float | None) -> str:
        """A value in this figure's unit, Dutch formatting."""
        if value is None:
            return "–"
        if self.unit == FigureUnit.PERCENT:
            return fmt_pct(value / 100)
        if self.unit == FigureUnit.PER_100:
            return f"{fmt_int(value)} {FigureUnit.PER_100}"
        return fmt_int(value)


def _value(ratio: Ratio) -> float:
    """A ratio's value; a figure cannot be estimated without one (no denominator)."""
    if ratio.value is None:
        raise ValueError(f"{ratio.label}: no value to estimate (the denominator is 0)")
    return ratio.value


def published_figures(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame, area: str = UNIT
) -> dict[str, Figure]:
    """The figures participants can estimate, for ``area`` (a district or the unit), from the published tables."""
    year = int(tidy["jaar"][0])
    district = None if area == UNIT else area
    followup = chain_ratio(tidy, "onderzoeken_per_signaal", district=district)
    interventions = chain_ratio(tidy, "interventies_per_rapportage", district=district)
    scenario = run_scenario(tidy, population, context)
    per_100 = _value(interventions) * 100
    return {
        "signalen": Figure(
            key="signalen",
            question=figure_question("signalen", year, area),
            unit=FigureUnit.COUNT,
            value=float(followup.denominator),
            value_text=fmt_int(followup.denominator),
            counts_text=signals_counts_text(followup.denominator),
            source=CHAIN_SOURCE,
            page=estimate_question("signalen").slug,
            low=0,
            high=1000,
        ),
        "onderzoek": Figure(
            key="onderzoek",
            question=figure_question("onderzoek", year, area),
            unit=FigureUnit.PERCENT,
            value=_value(followup) * 100,
            value_text=fmt_pct(followup.value),
            counts_text=share_counts_text(followup),
            source=CHAIN_SOURCE,
            page=estimate_question("onderzoek").slug,
            low=0,
            high=100,
        ),
        "interventies": Figure(
            key="interventies",
            question=figure_question("interventies", year, area),
            unit=FigureUnit.PER_100,
            value=per_100,
            value_text=f"{fmt_int(per_100)} {FigureUnit.PER_100}",
            counts_text=interventions.counts_text(),
            source=INTERVENTIONS_SOURCE,
            page=estimate_question("interventies").slug,
            low=0,
            high=400,
            note=left_out_note(interventions.left_out),
        ),
        "slachtoffers": Figure(
            key="slachtoffers",
            question=figure_question("slachtoffers", year, area),
            unit=FigureUnit.COUNT,
            value=scenario.expected_unit,
            value_text=fmt_int(scenario.expected_unit),
            counts_text=expected_counts_text(scenario.national_estimate, scenario.region_share),
            source=SCENARIO_SOURCE,
            page=estimate_question("slachtoffers").slug,
            low=0,
            high=5000,
            note=EXPECTED_NOTE,
        ),
    }


def view_link(base_url: str, figure: Figure, districts: Sequence[str], year: int) -> str:
    """The link to the exact app view a figure was discussed on (its page, year and the session's area)."""
    query = urlencode({"jaar": year, "district": session_area(districts)})
    return f"{base_url.rstrip('/')}/{figure.page}?{query}"
