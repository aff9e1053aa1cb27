"""The page 'Onzichtbare slachtoffers' in one call: everything it shows for one set of controls."""

from dataclasses import dataclass

import polars as pl

from analysis.dataset import Tables
from analysis.geography import UNIT
from analysis.scenario import wording as wd
from analysis.scenario.comensha import comensha_breakdown
from analysis.scenario.compare import ScenarioControls, ScenarioView, scenario_view
from analysis.scenario.funnel import funnel_display_table, view_funnel
from analysis.scenario.model import (
    default_national_estimate,
    default_share_percent,
    estimate_slider_range,
    estimate_year,
    table_year,
)
from analysis.scenario.outcome import OutcomeFigure, view_outcome
from analysis.scenario.prompts import view_prompts


@dataclass(frozen=True)
class ScenarioDefaults:
    """Where the estimate slider runs and where the controls start, for one year; the slider's help text."""

    slider_range: tuple[int, int, int]
    default_estimate: int
    default_share: float
    estimate_help: str


def scenario_defaults(tables: Tables, year: int) -> ScenarioDefaults:
    """The slider range and the default estimate and share (population of ``year``)."""
    return ScenarioDefaults(
        slider_range=estimate_slider_range(tables.context),
        default_estimate=int(default_national_estimate(tables.context)),
        default_share=default_share_percent(tables.population, year),
        estimate_help=wd.estimate_help(estimate_year(tables.context)),
    )


@dataclass(frozen=True)
class ScenarioPage:
    """The scenario page for one set of controls and one area.

    ``source`` and ``comensha_source`` are the charts' sources and ``caveats`` the
    points to keep in mind, all naming the years of the loaded table and of the estimate.
    """

    view: ScenarioView
    assumptions: list[str]
    answer: str
    outcome: list[tuple[str, list[OutcomeFigure]]]
    funnel: pl.DataFrame
    funnel_subtitle: list[str]
    funnel_display: pl.DataFrame
    funnel_caption: str
    district_label: str
    district_caption: str
    text_lines: list[str]
    breakdown: pl.DataFrame
    breakdown_display: pl.DataFrame
    breakdown_lines: list[str]
    unknown_text: str
    prompts: list[str]
    district_subtitle: str
    source: str
    comensha_source: str
    caveats: list[str]


def scenario_page(
    tables: Tables, controls: tuple[ScenarioControls, ...], district: str = UNIT
) -> ScenarioPage:
    """Baseline and scenarios for ``controls`` (one, or A and B), with every text the page shows."""
    tidy, population, context = tables.tidy, tables.population, tables.context
    year, estimated = table_year(tidy), estimate_year(context)
    view = scenario_view(tidy, population, context, controls)
    funnel = view_funnel(view, context, district)
    breakdown = comensha_breakdown(tidy)
    return ScenarioPage(
        view=view,
        assumptions=wd.view_assumptions(view),
        answer=wd.view_answer(view, district),
        outcome=view_outcome(view, district),
        funnel=funnel,
        funnel_subtitle=wd.funnel_subtitle(view),
        funnel_display=funnel_display_table(view, funnel),
        funnel_caption=wd.funnel_caption(view),
        district_label=wd.district_label(view),
        district_caption=wd.district_caption(view),
        text_lines=wd.text_figure_lines(view.baseline, population, context),
        breakdown=breakdown,
        breakdown_display=breakdown.select(
            "kenmerk", "categorie", "aantal", "som_kenmerk", "totaal", "aandeel_tekst"
        ),
        breakdown_lines=wd.comensha_sum_lines(breakdown),
        unknown_text=wd.unknown_assignment_text(tidy),
        prompts=view_prompts(view, breakdown, district),
        district_subtitle=wd.district_subtitle(wd.district_label(view), year),
        source=wd.scenario_source(year, estimated),
        comensha_source=wd.comensha_source(year),
        caveats=wd.scenario_caveats(year, estimated),
    )
