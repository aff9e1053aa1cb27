"""Ketendialoog analysis core: pure Python, no Streamlit. Every number the app shows comes from here.

Typical use from a notebook::

    from analysis import load_dashboard, load_population, chain_ratio
    tidy = load_dashboard(2022)
    chain_ratio(tidy, "onderzoeken_per_signaal").counts_text()   # '22 onderzoeken van 188 signalen'
"""

from analysis.casustafel import (
    COMPARISON_RATIOS,
    CasustafelComparison,
    casustafel_districts,
    compare_casustafel,
)
from analysis.checks import consistency_checks, context_value, findings, load_context
from analysis.dataset import Tables, available_years, load_dashboard
from analysis.geography import UNIT, Gazetteer, default_gazetteer, load_population
from analysis.indicators import INDICATORS, indicator_table, label
from analysis.parser import STATUS_LABELS, LayoutError, parse_layout
from analysis.population import area_population, region_share, unit_population
from analysis.ratios import RATIOS, Ratio, RatioSpec, chain_ratio, exact_ratio, rates_per_100k, ratio_table
from analysis.scenario import ScenarioResult, default_national_estimate, run_scenario
from analysis.stats import clopper_pearson, poisson_interval, rate_ratio_interval

__all__ = [
    "COMPARISON_RATIOS",
    "INDICATORS",
    "RATIOS",
    "STATUS_LABELS",
    "UNIT",
    "CasustafelComparison",
    "Gazetteer",
    "LayoutError",
    "Ratio",
    "RatioSpec",
    "ScenarioResult",
    "Tables",
    "area_population",
    "available_years",
    "casustafel_districts",
    "chain_ratio",
    "clopper_pearson",
    "compare_casustafel",
    "consistency_checks",
    "context_value",
    "default_gazetteer",
    "default_national_estimate",
    "exact_ratio",
    "findings",
    "indicator_table",
    "label",
    "load_context",
    "load_dashboard",
    "load_population",
    "parse_layout",
    "poisson_interval",
    "rate_ratio_interval",
    "rates_per_100k",
    "ratio_table",
    "region_share",
    "run_scenario",
    "unit_population",
]
