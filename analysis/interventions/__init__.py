"""Does an administrative report lead to an intervention? Reports against interventions per area.

The police and the OM write administrative reports (``bestuurlijke_rapportages``) to a
municipality; the municipality reports which interventions it made (warnings, fines,
orders subject to penalty, closures, other measures) and which care trajectories it
started. The dashboard does not link one report to one intervention: both are counts
per municipality and year, so this package compares counts, never cases.

Missing is not zero: a municipality with ``?`` in its interventions gave no figures and
is left out of every sum and named; ``-`` (not applicable) adds nothing but is no 0.

The package keeps numbers and words apart:

- :mod:`~analysis.interventions.ratios`: the counts per area, per district and per selection;
- :mod:`~analysis.interventions.wording`: type names, outcomes and every Dutch sentence;
- :mod:`~analysis.interventions.prompts`: which areas the workshop questions are about;
- :mod:`~analysis.interventions.view`: the page's view and its tables for the screen.
"""

from analysis.interventions.prompts import intervention_prompts
from analysis.interventions.ratios import (
    AREA_SCHEMA,
    REPORTS,
    SIGNALS,
    InterventionSummary,
    area_table,
    care_shift,
    district_mix,
    district_ratios,
    intervention_codes,
    intervention_summary,
)
from analysis.interventions.view import (
    InterventionView,
    area_display_table,
    intervention_view,
    mix_display_table,
)
from analysis.interventions.wording import (
    INTERVENTION_SOURCE,
    OUTCOME_BOTH,
    OUTCOME_NEITHER,
    OUTCOME_NO_INTERVENTION,
    OUTCOME_NOT_REPORTED,
    OUTCOME_WITHOUT_REPORT,
    TYPE_LABELS,
    TYPE_NOUNS,
    composition_text,
    intervention_answer,
    intervention_caveats,
    intervention_noun,
    no_intervention_lines,
    not_applicable_lines,
    not_reported_lines,
    summary_metrics,
    without_report_lines,
)

__all__ = [
    "AREA_SCHEMA",
    "INTERVENTION_SOURCE",
    "OUTCOME_BOTH",
    "OUTCOME_NEITHER",
    "OUTCOME_NOT_REPORTED",
    "OUTCOME_NO_INTERVENTION",
    "OUTCOME_WITHOUT_REPORT",
    "REPORTS",
    "SIGNALS",
    "TYPE_LABELS",
    "TYPE_NOUNS",
    "InterventionSummary",
    "InterventionView",
    "area_display_table",
    "area_table",
    "care_shift",
    "composition_text",
    "district_mix",
    "district_ratios",
    "intervention_answer",
    "intervention_caveats",
    "intervention_codes",
    "intervention_noun",
    "intervention_prompts",
    "intervention_summary",
    "intervention_view",
    "mix_display_table",
    "no_intervention_lines",
    "not_applicable_lines",
    "not_reported_lines",
    "summary_metrics",
    "without_report_lines",
]
