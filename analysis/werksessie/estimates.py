"""What a group estimated: median, quartiles and range per round, and how round 2 moved."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import polars as pl

from analysis.werksessie.figures import Figure
from analysis.werksessie.session import check_org_type
from analysis.werksessie.wording import round_label

ESTIMATE_TABLE_SCHEMA = {
    "organisatie": pl.String,
    "ronde": pl.String,
    "schatting": pl.Float64,
    "schatting_tekst": pl.String,
}


def _sign(difference: float) -> int:
    """-1, 0 or 1 for a negative, zero or positive difference."""
    return (difference > 0) - (difference < 0)


@dataclass(frozen=True)
class EstimateStats:
    """Summary of the estimates for one question in one round, against the published value."""

    n: int
    median: float | None
    q1: float | None
    q3: float | None
    low: float | None
    high: float | None
    below: int
    above: int
    truth: float

    @property
    def spread(self) -> float | None:
        """The interquartile range (q3 - q1), or None for fewer than two estimates."""
        return None if self.q1 is None or self.q3 is None else self.q3 - self.q1

    def median_shift(self, later: EstimateStats, value: float) -> int:
        """How ``later``'s median moved against ``value``: -1 closer, 0 as far, 1 farther away.

        Both rounds need estimates.
        """
        if self.median is None or later.median is None:
            raise ValueError("a round without estimates has no median to compare")
        return _sign(abs(later.median - value) - abs(self.median - value))

    def spread_shift(self, later: EstimateStats) -> int | None:
        """How ``later``'s spread changed: -1 narrower, 0 the same, 1 wider; None without a spread."""
        if self.spread is None or later.spread is None:
            return None
        return _sign(later.spread - self.spread)


def estimate_stats(values: Iterable[float], truth: float) -> EstimateStats:
    """Median, quartiles, range and how many estimates fell below / above the published value."""
    data = sorted(float(v) for v in values)
    n = len(data)
    if n == 0:
        return EstimateStats(0, None, None, None, None, None, 0, 0, truth)
    if n == 1:
        q1 = q3 = data[0]
    else:
        q1, _, q3 = statistics.quantiles(data, n=4, method="inclusive")
    return EstimateStats(
        n=n,
        median=statistics.median(data),
        q1=q1,
        q3=q3,
        low=data[0],
        high=data[-1],
        below=sum(v < truth for v in data),
        above=sum(v > truth for v in data),
        truth=truth,
    )


def estimate_table(rows: Sequence[tuple[str, int, float]], figure: Figure) -> pl.DataFrame:
    """Estimates (organisation type, round, value) as a table for a strip chart, with Dutch tooltip text."""
    return pl.DataFrame(
        {
            "organisatie": [check_org_type(r[0]) for r in rows],
            "ronde": [round_label(r[1]) for r in rows],
            "schatting": [float(r[2]) for r in rows],
            "schatting_tekst": [figure.format(r[2]) for r in rows],
        },
        schema=ESTIMATE_TABLE_SCHEMA,
    )
