"""Counts and rates of ads, prostitution controls and trafficking signals per area.

Counts and rates per 100.000 inhabitants per area (with exact Poisson intervals),
prostitution controls per 1.000 sex ads, and the unit's or a district's printed totals.
The Dutch text columns come from :mod:`analysis.supply.wording`.

Missing is not zero: an empty cell (``leeg``: no signal could be attributed to the
municipality) keeps its status and gets no rate.
"""

from dataclasses import dataclass
from typing import Literal

import polars as pl

from analysis.geography import UNIT
from analysis.parser import AREA_MUNICIPALITY, AREA_OTHER, AREA_TOTAL, EMPTY, NOT_REPORTED, REPORTED
from analysis.ratios import rates_per_100k, ratio_table
from analysis.supply import wording
from analysis.supply.wording import LONG_LABELS, MEASURE_RATE, Row

PER = 100_000
CONTROLS_RATIO = "controles_per_1000_advertenties"
#: The order of the figure cards and of the answer: ads, controls, signals.
FIGURE_INDICATORS = ("seksadvertenties", "prostitutiecontroles", "signalen")


def area_rates(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    indicator: str,
    *,
    by: Literal["gebied", "district"] = "gebied",
    district: str = UNIT,
) -> pl.DataFrame:
    """Return one indicator per area, as a count and per 100.000 inhabitants.

    ``by="gebied"`` gives every named municipality and each district's Overig (only
    those of ``district`` when one is chosen); ``by="district"`` gives the five
    districts. Rows keep the published order. Columns: ``district, gebied,
    gebiedstype, waarde, status, inwoners, per_100k, ondergrens, bovengrens``
    (exact 95% Poisson interval) and Dutch text columns ``aantal_tekst`` (the count
    with its denominator, or why it is missing), ``per_100k_tekst`` and ``marge_tekst``.
    A cell that is ``leeg``, ``?`` or ``-`` keeps a null ``waarde`` and rate.
    """
    rates = rates_per_100k(tidy, population, indicator)
    if by == "gebied":
        rates = rates.filter(pl.col("gebiedstype").is_in([AREA_MUNICIPALITY, AREA_OTHER]))
    else:
        rates = rates.filter(pl.col("gebiedstype") == AREA_TOTAL, pl.col("gebied") != UNIT)
    if district != UNIT:
        rates = rates.filter(pl.col("district") == district)
    order = tidy.filter(pl.col("indicator") == indicator)["gebied"].unique(maintain_order=True).to_list()
    rates = rates.with_columns(
        pl.col("gebied").replace_strict(order, list(range(len(order))), default=len(order)).alias("_o")
    )
    rates = rates.sort("_o").drop("_o")
    return rates.with_columns(wording.area_text_columns(rates, indicator))


@dataclass(frozen=True)
class SupplyFigure:
    """One indicator for the unit or a district: count, rate per 100.000 and its interval."""

    indicator: str
    label: str
    count: int | None
    inhabitants: int
    per_100k: float | None
    lower: float | None
    upper: float | None
    lower_bound: bool
    left_out: tuple[str, ...] = ()

    def count_text(self) -> str:
        """The count in Dutch, with 'minstens' when a ``?`` makes it a lower bound."""
        return wording.figure_count_text(self.count, self.lower_bound)

    @property
    def short_label(self) -> str:
        """The indicator's short name on screen: ``Signalen``, ``Advertenties``, ``Controles``."""
        return wording.short_label(self.indicator)

    def rate_value_text(self) -> str:
        """The rate as a bare Dutch number for a card: ``5,7`` (the label says 'per 100.000')."""
        return wording.figure_rate_value(self.per_100k, self.lower_bound)

    def rate_text(self) -> str:
        """The rate in Dutch: ``5,7 per 100.000``."""
        return wording.figure_rate_text(self.per_100k, self.lower_bound)

    def detail_text(self) -> str:
        """Counts and exact interval: ``188 signalen op 3.282.382 inwoners; 95%-marge 4,9–6,6``."""
        return wording.figure_detail_text(
            self.indicator, self.count, self.inhabitants, self.lower, self.upper, self.left_out
        )


def supply_figures(tidy: pl.DataFrame, population: pl.DataFrame, district: str = UNIT) -> list[SupplyFigure]:
    """Return ads, controls and signals for the unit or one district (printed totals).

    Where an area in scope has ``?`` for the indicator, the printed total is a lower
    bound and the areas are named in ``left_out``.
    """
    figures = []
    for indicator in FIGURE_INDICATORS:
        rates = rates_per_100k(tidy, population, indicator)
        total = rates.filter(pl.col("gebied") == district, pl.col("gebiedstype") == AREA_TOTAL).row(
            0, named=True
        )
        parts = rates.filter(pl.col("gebiedstype").is_in([AREA_MUNICIPALITY, AREA_OTHER]))
        if district != UNIT:
            parts = parts.filter(pl.col("district") == district)
        left_out = tuple(parts.filter(pl.col("status") == NOT_REPORTED)["gebied"].to_list())
        count, rate, lower, upper = (
            total["waarde"],
            total["per_100k"],
            total["ondergrens"],
            total["bovengrens"],
        )
        if total["status"] != REPORTED:
            count = int(parts["waarde"].fill_null(0).sum())
            rate = count / total["inwoners"] * PER
            lower = upper = None
        figures.append(
            SupplyFigure(
                indicator,
                LONG_LABELS[indicator],
                count,
                int(total["inwoners"]),
                rate,
                lower,
                upper,
                bool(left_out) or total["status"] != REPORTED,
                left_out,
            )
        )
    return figures


def reference_rate(tidy: pl.DataFrame, population: pl.DataFrame, indicator: str) -> float | None:
    """The unit's rate per 100.000 inhabitants for ``indicator`` (the dashed line in the charts)."""
    return next(f.per_100k for f in supply_figures(tidy, population, UNIT) if f.indicator == indicator)


def top_area(rates: pl.DataFrame, measure: str) -> Row | None:
    """The area of :func:`area_rates` with the highest count or rate (``measure``), or ``None``."""
    column = "per_100k" if measure == MEASURE_RATE else "waarde"
    known = rates.filter(pl.col(column).is_not_null())
    return None if known.is_empty() else known.sort(column, descending=True).row(0, named=True)


def controls_per_ads(
    tidy: pl.DataFrame, *, by: Literal["gebied", "district"], district: str = UNIT
) -> pl.DataFrame:
    """Prostitution controls per 1.000 sex ads per area or district, with counts and exact intervals.

    Wraps :func:`analysis.ratios.ratio_table`; adds ``per_1000``, ``ondergrens_1000``,
    ``bovengrens_1000`` and Dutch text columns ``verhouding_tekst`` ("16 controles op
    2.766 advertenties"), ``per_1000_tekst`` and ``marge_tekst``.
    """
    table = ratio_table(tidy, CONTROLS_RATIO, by=by)
    if district != UNIT:
        table = table.filter(pl.col("district") == district)
    return table.with_columns(
        (pl.col("waarde") * 1000).alias("per_1000"),
        (pl.col("ondergrens") * 1000).alias("ondergrens_1000"),
        (pl.col("bovengrens") * 1000).alias("bovengrens_1000"),
        *wording.controls_text_columns(table),
    )


def controls_shortfall(ratios: pl.DataFrame, unit_ratio: float) -> pl.DataFrame:
    """Areas with fewer controls than the unit's controls-per-ad rate would give, largest shortfall first.

    ``ratios`` comes from :func:`controls_per_ads`; ``verwacht`` is ads times the unit's
    rate and ``tekort`` the expected minus the actual controls. Areas at or above the
    unit's rate are left out, so the first row has many ads and few controls.
    """
    return (
        ratios.filter(pl.col("waarde").is_not_null())
        .with_columns((pl.col("noemer") * unit_ratio).alias("verwacht"))
        .with_columns((pl.col("verwacht") - pl.col("teller")).alias("tekort"))
        .filter(pl.col("tekort") > 0)
        .sort(["tekort", "noemer"], descending=[True, True])
    )


def empty_cells(tidy: pl.DataFrame, population: pl.DataFrame, district: str = UNIT) -> pl.DataFrame:
    """Areas of the selection whose signals cell is empty (``leeg``), with their ads and inhabitants."""
    signals = area_rates(tidy, population, "signalen", district=district).filter(pl.col("status") == EMPTY)
    ads = tidy.filter(pl.col("indicator") == "seksadvertenties").select(
        "gebied", pl.col("waarde").alias("advertenties")
    )
    return signals.select("district", "gebied", "inwoners").join(ads, on="gebied", how="left")


def ads_totals(tidy: pl.DataFrame) -> tuple[int, int] | None:
    """The unit's printed ads total and the sum of its districts, or ``None`` when one is missing."""
    ads = tidy.filter(pl.col("indicator") == "seksadvertenties", pl.col("gebiedstype") == AREA_TOTAL)
    unit = ads.filter(pl.col("gebied") == UNIT)["waarde"]
    districts = ads.filter(pl.col("gebied") != UNIT)["waarde"]
    if unit.is_empty() or unit[0] is None or districts.null_count() > 0:
        return None
    return int(unit[0]), int(districts.sum())
