"""What the page "Aard en omvang" shows: titles, answer, caveats, prompts and the page views.

Each function here picks the figures a text is about (from :mod:`analysis.supply.rates`
and :mod:`analysis.supply.funnel`) and hands them to :mod:`analysis.supply.wording`;
the views put one part of the page together in one call.
"""

from dataclasses import dataclass
from typing import Literal

import polars as pl

from analysis.dataset import Tables
from analysis.geography import UNIT
from analysis.ratios import Ratio, chain_ratio
from analysis.supply import sentences, wording
from analysis.supply.funnel import (
    above_funnel,
    funnel_grid,
    funnel_points,
    highest_outside,
    not_in_funnel,
    overall_signal_rate,
)
from analysis.supply.rates import (
    CONTROLS_RATIO,
    SupplyFigure,
    ads_totals,
    area_rates,
    controls_per_ads,
    controls_shortfall,
    empty_cells,
    reference_rate,
    supply_figures,
    top_area,
)
from analysis.supply.wording import (
    ABOVE_95,
    ABOVE_998,
    BELOW_95,
    BELOW_998,
    MEASURES,
    controls_display,
    empty_note,
    funnel_display,
    funnel_subtitle,
    rates_display,
)


def area_chart_title(rates: pl.DataFrame, indicator: str, measure: str) -> str:
    """A chart title that states the finding: which area has the most, as a count or per inhabitant."""
    return wording.area_title(top_area(rates, measure), indicator, measure)


def funnel_title(points: pl.DataFrame) -> str:
    """A chart title that states the finding: which areas lie above the funnel."""
    return wording.funnel_title_text(above_funnel(points))


def funnel_caption(points: pl.DataFrame) -> str:
    """The caption under the funnel table: what the markers mean and which areas are not in the funnel."""
    return wording.funnel_caption_text(not_in_funnel(points))


def ads_total_note(tidy: pl.DataFrame) -> str:
    """Name a difference between the unit's printed ads total and the sum of its districts, if any."""
    totals = ads_totals(tidy)
    if totals is None or totals[0] == totals[1]:
        return ""
    return wording.ads_total_text(*totals)


def supply_caveats(tidy: pl.DataFrame) -> list[str]:
    """The caveats of the page in the app's own words (after the dashboard's explanatory text)."""
    return sentences.caveats(ads_total_note(tidy))


def supply_answer(tidy: pl.DataFrame, population: pl.DataFrame, district: str = UNIT) -> str:
    """One sentence: signals (per 100.000 inhabitants), then ads and controls of the selection."""
    unit_rate = None if district == UNIT else overall_signal_rate(tidy, population).per_100k
    return sentences.answer_text(
        int(tidy["jaar"][0]), district, supply_figures(tidy, population, district), unit_rate
    )


def supply_prompts(tidy: pl.DataFrame, population: pl.DataFrame, district: str = UNIT) -> list[str]:
    """Two to four discussion prompts generated from the selection's ads, controls and signals."""
    points = funnel_points(tidy, population, district=district).filter(pl.col("gekozen"))
    prompts = []
    above = highest_outside(points, (ABOVE_998, ABOVE_95)).sort("per_100k", descending=True)
    if not above.is_empty():
        prompts.append(sentences.prompt_above(list(above.iter_rows(named=True))))
    else:
        known = points.filter(pl.col("waarde").is_not_null()).sort("per_100k", descending=True)
        if not known.is_empty():
            prompts.append(sentences.prompt_highest(district, known.row(0, named=True)))
    below = highest_outside(points, (BELOW_998, BELOW_95)).sort("inwoners", descending=True)
    if not below.is_empty():
        prompts.append(sentences.prompt_below(below.row(0, named=True)))
    ratios = controls_per_ads(tidy, by="gebied", district=district).filter(pl.col("waarde").is_not_null())
    used = ""
    unit_ratio = chain_ratio(tidy, CONTROLS_RATIO)
    short = controls_shortfall(ratios, unit_ratio.value or 0.0)
    if not short.is_empty():
        low = short.row(0, named=True)
        used = low["gebied"]
        prompts.append(sentences.prompt_shortfall(low, unit_ratio))
    empty = empty_cells(tidy, population, district)
    if not empty.is_empty():
        prompts.append(sentences.prompt_empty(empty["gebied"].to_list(), empty["advertenties"].to_list()))
    else:
        silent = ratios.filter(pl.col("teller") == 0, pl.col("gebied") != used).sort(
            "noemer", descending=True
        )
        if not silent.is_empty():
            prompts.append(sentences.prompt_silent(silent.row(0, named=True)))
    return prompts[:4]


# ---------------------------------------------------------------------------
# Page views: everything one part of the page shows, computed in one call
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SupplyOverview:
    """The page's answer, figure cards, controls ratios, caveats and prompts for one area."""

    answer: str
    figures: list[SupplyFigure]
    area_controls: pl.DataFrame
    controls_display: pl.DataFrame
    unit_controls: Ratio
    caveats: list[str]
    prompts: list[str]


def supply_overview(tables: Tables, district: str = UNIT) -> SupplyOverview:
    """Everything on the page that does not depend on the indicator or funnel level chosen."""
    tidy, population = tables.tidy, tables.population
    area_controls = controls_per_ads(tidy, by="gebied", district=district)
    return SupplyOverview(
        answer=supply_answer(tidy, population, district),
        figures=supply_figures(tidy, population, district),
        area_controls=area_controls,
        controls_display=controls_display(
            area_controls, controls_per_ads(tidy, by="district", district=district)
        ),
        unit_controls=chain_ratio(tidy, CONTROLS_RATIO),
        caveats=supply_caveats(tidy),
        prompts=supply_prompts(tidy, population, district),
    )


@dataclass(frozen=True)
class IndicatorView:
    """One indicator per area and per district, with the unit's reference rate."""

    reference: float | None
    areas: pl.DataFrame
    districts: pl.DataFrame
    area_display: pl.DataFrame
    district_display: pl.DataFrame
    #: Chart titles per measure (``MEASURES``): for the areas and for the districts.
    area_titles: dict[str, str]
    district_titles: dict[str, str]
    empty_note: str
    ads_note: str | None


def indicator_view(tables: Tables, district: str, indicator: str) -> IndicatorView:
    """The bar charts' data for ``indicator``: the areas of ``district`` and the five districts."""
    tidy, population = tables.tidy, tables.population
    empty = empty_note(empty_cells(tidy, population, district)) if indicator == "signalen" else ""
    areas = area_rates(tidy, population, indicator, district=district)
    districts = area_rates(tidy, population, indicator, by="district")
    return IndicatorView(
        reference=reference_rate(tidy, population, indicator),
        areas=areas,
        districts=districts,
        area_display=rates_display(areas),
        district_display=rates_display(districts),
        area_titles={m: area_chart_title(areas, indicator, m) for m in MEASURES},
        district_titles={m: area_chart_title(districts, indicator, m) for m in MEASURES},
        empty_note=empty,
        ads_note=ads_total_note(tidy) if indicator == "seksadvertenties" else None,
    )


@dataclass(frozen=True)
class FunnelView:
    """The funnel plot's points, limits on a grid, and its texts."""

    points: pl.DataFrame
    grid: pl.DataFrame
    overall: float
    title: str
    subtitle: list[str]
    display: pl.DataFrame
    caption: str


def funnel_view(tables: Tables, district: str, by: Literal["gebied", "district"]) -> FunnelView:
    """The funnel plot of signals per 100.000 inhabitants at level ``by``, ``district`` highlighted."""
    tidy, population = tables.tidy, tables.population
    points = funnel_points(tidy, population, by=by, district=district)
    overall = overall_signal_rate(tidy, population).per_100k or 0.0
    return FunnelView(
        points=points,
        grid=funnel_grid(points, overall),
        overall=overall,
        title=funnel_title(points),
        subtitle=funnel_subtitle(overall, district),
        display=funnel_display(points),
        caption=funnel_caption(points),
    )
