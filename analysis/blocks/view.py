"""The page *Data en kwaliteit* in one call: everything it shows for one year, apart from the downloads."""

from dataclasses import dataclass

import polars as pl

from analysis.blocks.population import population_municipalities, population_overview, population_sentence
from analysis.blocks.published import (
    FilterOptions,
    PublishedBlock,
    district_order,
    filter_options,
    missing_overview,
    published_blocks,
    status_counts,
    tidy_view,
)
from analysis.blocks.quality import (
    checks_view,
    data_answer,
    district_sentence,
    missing_title,
    quality_prompts,
)
from analysis.blocks.wording import dashboard_source
from analysis.checks import consistency_checks
from analysis.dataset import Tables
from analysis.geography import UNIT
from analysis.indicators import indicator_table


@dataclass(frozen=True)
class DataView:
    """Everything the data page shows for one year, apart from the downloads (made on request)."""

    checks: pl.DataFrame
    answer: str
    district_sentence: str | None
    status_counts: dict[str, int]
    missing: pl.DataFrame
    missing_display: pl.DataFrame
    missing_title: str
    district_order: list[str]
    tidy_view: pl.DataFrame
    options: FilterOptions
    blocks: list[PublishedBlock]
    population_sentence: str
    population_overview: pl.DataFrame
    population_municipalities: pl.DataFrame
    indicators: pl.DataFrame
    prompts: list[str]
    #: The source line under the page's charts: the published dashboard of the year.
    source: str


def data_view(tables: Tables, year: int, district: str = UNIT) -> DataView:
    """The data page of ``year`` (its population year follows ``year``) with ``district`` named."""
    tidy, population = tables.tidy, tables.population
    checks = consistency_checks(tidy, tables.context)
    missing = missing_overview(tidy)
    return DataView(
        checks=checks,
        answer=data_answer(tidy, checks),
        district_sentence=district_sentence(tidy, district),
        status_counts=status_counts(tidy),
        missing=missing,
        missing_display=missing.select("district", "status", "teken", "aantal", "gebieden", "indicatoren"),
        missing_title=missing_title(missing),
        district_order=district_order(tidy),
        tidy_view=tidy_view(tidy),
        options=filter_options(tidy),
        blocks=published_blocks(tidy, checks),
        population_sentence=population_sentence(population, year),
        population_overview=population_overview(population, year),
        population_municipalities=population_municipalities(population),
        indicators=indicator_table(),
        prompts=quality_prompts(tidy, checks, district),
        source=dashboard_source(year),
    )


def checks_shown(tables: Tables, outcomes: tuple[str, ...] = ()) -> pl.DataFrame:
    """The year's consistency checks for display (``checks_view``), only ``outcomes`` if any are given."""
    return checks_view(consistency_checks(tables.tidy, tables.context), list(outcomes))
