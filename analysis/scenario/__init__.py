"""The scenario: how many victims would we expect in Oost-Nederland, and how many do we see?

Numbers and words are kept apart:

- :mod:`~analysis.scenario.model`: the scenario's arithmetic (expectation, visible share, estimates);
- :mod:`~analysis.scenario.compare`: the page's controls, one scenario or A and B beside the baseline;
- :mod:`~analysis.scenario.funnel`, :mod:`~analysis.scenario.outcome`, :mod:`~analysis.scenario.comensha`:
  the tables and figures the page shows;
- :mod:`~analysis.scenario.labels`, :mod:`~analysis.scenario.wording`, :mod:`~analysis.scenario.prompts`:
  the Dutch words, sentences and workshop prompts;
- :mod:`~analysis.scenario.view`: everything the page shows, in one call.

The names below are the package's public interface, as they were when it was one module.
"""

from analysis.indicators import COMENSHA_TOTAL
from analysis.links import inert_markdown
from analysis.scenario.comensha import BREAKDOWN_SCHEMA, comensha_breakdown
from analysis.scenario.compare import (
    NAME_MAX_CHARS,
    SHORT_NAME_CHARS,
    NamedScenario,
    ScenarioControls,
    ScenarioView,
    clean_name,
    scenario_names,
    scenario_view,
)
from analysis.scenario.funnel import FUNNEL_SCHEMA, funnel_display_table, funnel_table, view_funnel
from analysis.scenario.labels import (
    BASELINE_NAME,
    COMENSHA_CATEGORIES,
    DEFAULT_NAMES,
    KIND_ESTIMATE,
    KIND_EXPECTED,
    KIND_SEEN,
    KIND_TEXT,
    SINGLE_NAME,
)
from analysis.scenario.model import (
    DEFAULT_ESTIMATE_CODE,
    ESTIMATE_MAX,
    ESTIMATE_MIN,
    ESTIMATE_STEP,
    PUBLISHED_ESTIMATE_CODES,
    SHARE_OPTIONS,
    TEXT_REGIONAL_CODE,
    ScenarioResult,
    default_national_estimate,
    default_share_percent,
    estimate_slider_range,
    estimate_year,
    published_estimates,
    run_scenario,
    scenario_from_controls,
    table_year,
)
from analysis.scenario.outcome import OutcomeFigure, outcome_figures, view_outcome
from analysis.scenario.prompts import scenario_prompts, view_prompts
from analysis.scenario.view import ScenarioDefaults, ScenarioPage, scenario_defaults, scenario_page
from analysis.scenario.wording import (
    COMENSHA_SOURCE,
    SCENARIO_CAVEATS,
    SCENARIO_SOURCE,
    comensha_source,
    comensha_sum_lines,
    comparison_answer,
    district_caption,
    district_label,
    district_subtitle,
    estimate_help,
    funnel_caption,
    funnel_subtitle,
    funnel_title,
    scenario_answer,
    scenario_assumptions,
    scenario_caveats,
    scenario_source,
    share_percent_text,
    text_figure_lines,
    unknown_assignment_text,
    view_answer,
    view_assumptions,
)

__all__ = [
    "BASELINE_NAME",
    "BREAKDOWN_SCHEMA",
    "COMENSHA_CATEGORIES",
    "COMENSHA_SOURCE",
    "COMENSHA_TOTAL",
    "DEFAULT_ESTIMATE_CODE",
    "DEFAULT_NAMES",
    "ESTIMATE_MAX",
    "ESTIMATE_MIN",
    "ESTIMATE_STEP",
    "FUNNEL_SCHEMA",
    "KIND_ESTIMATE",
    "KIND_EXPECTED",
    "KIND_SEEN",
    "KIND_TEXT",
    "NAME_MAX_CHARS",
    "PUBLISHED_ESTIMATE_CODES",
    "SCENARIO_CAVEATS",
    "SCENARIO_SOURCE",
    "SHARE_OPTIONS",
    "SHORT_NAME_CHARS",
    "SINGLE_NAME",
    "TEXT_REGIONAL_CODE",
    "NamedScenario",
    "OutcomeFigure",
    "ScenarioControls",
    "ScenarioDefaults",
    "ScenarioPage",
    "ScenarioResult",
    "ScenarioView",
    "clean_name",
    "comensha_breakdown",
    "comensha_source",
    "comensha_sum_lines",
    "comparison_answer",
    "default_national_estimate",
    "default_share_percent",
    "district_caption",
    "district_label",
    "district_subtitle",
    "estimate_help",
    "estimate_slider_range",
    "estimate_year",
    "funnel_caption",
    "funnel_display_table",
    "funnel_subtitle",
    "funnel_table",
    "funnel_title",
    "inert_markdown",
    "outcome_figures",
    "published_estimates",
    "run_scenario",
    "scenario_answer",
    "scenario_assumptions",
    "scenario_caveats",
    "scenario_defaults",
    "scenario_from_controls",
    "scenario_names",
    "scenario_page",
    "scenario_prompts",
    "scenario_source",
    "scenario_view",
    "share_percent_text",
    "table_year",
    "text_figure_lines",
    "unknown_assignment_text",
    "view_answer",
    "view_assumptions",
    "view_funnel",
    "view_outcome",
    "view_prompts",
]
