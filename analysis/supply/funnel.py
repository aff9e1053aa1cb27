"""The funnel plot of signal rates per area (Spiegelhalter 2005): limits, positions and points.

Each area's signals per 100.000 inhabitants are set against the unit's rate: for an
area of ``n`` inhabitants the control limits are exact Poisson quantiles of the count
expected at the unit's rate. An empty cell (``leeg``) gets no rate and no place in the
funnel. The Dutch names of the positions come from :mod:`analysis.supply.wording`.
"""

import math
from collections.abc import Sequence
from typing import Literal

import polars as pl
from scipy.stats import poisson

from analysis.geography import UNIT
from analysis.supply import wording
from analysis.supply.rates import PER, SupplyFigure, area_rates, supply_figures
from analysis.supply.wording import (
    ABOVE_95,
    ABOVE_998,
    BELOW_95,
    BELOW_998,
    INSIDE,
    OUTSIDE_FUNNEL,
)

#: Control limits of the funnel plot: 95% (about 2 standard deviations) and 99,8% (about 3).
FUNNEL_LEVELS: tuple[float, ...] = (0.95, 0.998)


def _poisson_limit(expected: float, p: float) -> float:
    """The interpolated ``p``-quantile of a Poisson count (Spiegelhalter 2005, appendix).

    Poisson quantiles jump in whole steps; interpolating between them gives smooth
    limits: ``r - a`` with ``r`` the quantile and ``a`` how far ``p`` lies below ``F(r)``.
    """
    r = float(poisson.ppf(p, expected))
    f_r = float(poisson.cdf(r, expected))
    f_below = float(poisson.cdf(r - 1, expected)) if r > 0 else 0.0
    share = (f_r - p) / (f_r - f_below) if f_r > f_below else 0.0
    return max(r - share, 0.0)


def population_grid(low: float, high: float, points: int = 200) -> list[float]:
    """Return ``points`` populations spaced evenly on a log scale from ``low`` to ``high``."""
    if low <= 0 or high <= low or points < 2:
        raise ValueError(f"need 0 < low < high and points >= 2, got {low}, {high}, {points}")
    step = math.log(high / low) / (points - 1)
    return [low * math.exp(step * i) for i in range(points)]


def funnel_limits(
    overall_rate: float,
    populations: Sequence[float],
    levels: Sequence[float] = FUNNEL_LEVELS,
    *,
    per: int = PER,
) -> pl.DataFrame:
    """Return the funnel plot's control limits around ``overall_rate`` for each population.

    ``overall_rate`` is events per ``per`` inhabitants (5,7 signals per 100.000). For
    a population ``n`` the expected count is ``overall_rate * n / per``; the limits at
    level ``L`` are the exact Poisson quantiles ``(1-L)/2`` and ``(1+L)/2`` of that
    expected count (interpolated as in Spiegelhalter 2005), turned back into rates per
    ``per``. Columns: ``inwoners, niveau, niveau_tekst, verwacht, ondergrens, bovengrens``.
    """
    if overall_rate < 0:
        raise ValueError(f"overall rate must be >= 0, got {overall_rate}")
    rows = []
    for level in levels:
        if not 0 < level < 1:
            raise ValueError(f"level must lie strictly between 0 and 1, got {level}")
        alpha = 1 - level
        label = wording.level_text(level)
        for n in populations:
            if n <= 0:
                raise ValueError(f"population must be > 0, got {n}")
            expected = overall_rate * n / per
            rows.append(
                {
                    "inwoners": float(n),
                    "niveau": float(level),
                    "niveau_tekst": label,
                    "verwacht": expected,
                    "ondergrens": _poisson_limit(expected, alpha / 2) / n * per,
                    "bovengrens": _poisson_limit(expected, 1 - alpha / 2) / n * per,
                }
            )
    schema = {
        "inwoners": pl.Float64,
        "niveau": pl.Float64,
        "niveau_tekst": pl.String,
        "verwacht": pl.Float64,
        "ondergrens": pl.Float64,
        "bovengrens": pl.Float64,
    }
    return pl.DataFrame(rows, schema=schema)


def funnel_position(observed: int, expected: float, levels: Sequence[float] = FUNNEL_LEVELS) -> str:
    """Where a count lies against the funnel around ``expected``: above, inside or below its limits.

    Checks the widest limits first, so 46 signals where 9,4 are expected is
    ``ver boven de trechter`` (past the 99,8% limit) rather than only ``boven de trechter`` (95%).
    """
    widest_first = sorted(levels, reverse=True)
    for level in widest_first:
        if observed > _poisson_limit(expected, 1 - (1 - level) / 2):
            return wording.above_limit(level)
    for level in widest_first:
        if observed < _poisson_limit(expected, (1 - level) / 2):
            return wording.below_limit(level)
    return INSIDE


def overall_signal_rate(tidy: pl.DataFrame, population: pl.DataFrame) -> SupplyFigure:
    """The unit's signals per 100.000 inhabitants: the centre line of the funnel."""
    return next(f for f in supply_figures(tidy, population, UNIT) if f.indicator == "signalen")


def funnel_points(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    *,
    by: Literal["gebied", "district"] = "gebied",
    district: str = UNIT,
) -> pl.DataFrame:
    """Signal rates per area (or district) with their position against the unit's funnel.

    Every area is kept (the chosen district's areas get ``gekozen = True``), so the
    chart can highlight them. Adds ``verwacht`` (expected signals at the unit's
    rate), the limits at the area's own population (``grens95_onder`` ...
    ``grens998_boven``), ``positie`` and ``buiten`` (outside the 95% limits). An
    empty cell gets ``positie = "niet in de trechter (leeg)"`` and no rate.
    """
    overall = overall_signal_rate(tidy, population)
    rates = area_rates(tidy, population, "signalen", by=by)
    limits = funnel_limits(overall.per_100k or 0.0, rates["inwoners"].cast(pl.Float64).to_list())
    lim95 = limits.filter(pl.col("niveau") == FUNNEL_LEVELS[0])
    lim998 = limits.filter(pl.col("niveau") == FUNNEL_LEVELS[1])
    positions = [
        OUTSIDE_FUNNEL if v is None else funnel_position(int(v), e)
        for v, e in zip(rates["waarde"].to_list(), lim95["verwacht"].to_list(), strict=True)
    ]
    chosen = pl.lit(True) if district == UNIT else pl.col("district") == district
    return rates.with_columns(
        lim95["verwacht"].alias("verwacht"),
        lim95["ondergrens"].alias("grens95_onder"),
        lim95["bovengrens"].alias("grens95_boven"),
        lim998["ondergrens"].alias("grens998_onder"),
        lim998["bovengrens"].alias("grens998_boven"),
        pl.Series("positie", positions, dtype=pl.String),
        chosen.alias("gekozen"),
    ).with_columns(
        pl.col("positie").is_in([ABOVE_998, ABOVE_95, BELOW_95, BELOW_998]).alias("buiten"),
    )


def funnel_grid(points: pl.DataFrame, overall_rate: float, steps: int = 200) -> pl.DataFrame:
    """Control limits on a grid that spans the populations in ``points`` (for drawing)."""
    pops = points["inwoners"].cast(pl.Float64)
    low, high = pops.min(), pops.max()
    if not isinstance(low, float) or not isinstance(high, float):
        raise ValueError("the funnel needs at least one area with inhabitants")
    return funnel_limits(overall_rate, population_grid(low * 0.8, high * 1.1, steps))


def highest_outside(points: pl.DataFrame, positions: tuple[str, str]) -> pl.DataFrame:
    """The points at the outer position of ``positions`` (``ABOVE_998``), else at the inner one."""
    outer = points.filter(pl.col("positie") == positions[0])
    return outer if not outer.is_empty() else points.filter(pl.col("positie") == positions[1])


def above_funnel(points: pl.DataFrame) -> list[str]:
    """The areas above the funnel, highest rate first: those above 99,8%, else those above 95%."""
    return (
        highest_outside(points, (ABOVE_998, ABOVE_95)).sort("per_100k", descending=True)["gebied"].to_list()
    )


def not_in_funnel(points: pl.DataFrame) -> list[str]:
    """The areas that have no place in the funnel because their cell is empty."""
    return points.filter(pl.col("positie") == OUTSIDE_FUNNEL)["gebied"].to_list()
