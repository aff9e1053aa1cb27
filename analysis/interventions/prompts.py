"""Workshop questions for the report-to-intervention page: which areas to ask about.

The areas are chosen here from the figures; the sentences are in
:mod:`analysis.interventions.wording`.
"""

import polars as pl

from analysis.interventions.ratios import InterventionSummary, area_table, care_shift
from analysis.interventions.wording import (
    prompt_care,
    prompt_example,
    prompt_gap,
    prompt_no_intervention,
    prompt_not_reported,
    prompt_without_report,
)
from analysis.parser import REPORTED

#: Most questions the page shows.
MAX_PROMPTS = 4


def intervention_prompts(tidy: pl.DataFrame, summary: InterventionSummary) -> list[str]:
    """Two to four workshop questions generated from the selection's figures."""
    table = area_table(tidy, district=summary.area, include_care=summary.include_care)
    prompts: list[str] = []
    known = table.filter(pl.col("status") == REPORTED, pl.col("rapportages").fill_null(0) > 0)
    gap = known.with_columns((pl.col("rapportages") - pl.col("interventies")).alias("gat"))
    gap = gap.filter(pl.col("gat") > 0, pl.col("interventies") > 0).sort(
        ["gat", "rapportages"], descending=True
    )
    if not gap.is_empty():
        prompts.append(prompt_gap(gap.row(0, named=True)))
    elif not known.is_empty():
        busiest = known.sort(["rapportages", "gebied"], descending=[True, False])
        prompts.append(prompt_example(busiest.row(0, named=True)))
    if not summary.no_intervention.is_empty():
        prompts.append(prompt_no_intervention(summary.no_intervention.to_dicts()))
    if not summary.not_reported.is_empty():
        # The area without figures that had the most reports; when none had any, the most signals.
        area = summary.not_reported.row(0, named=True)
        if (area["rapportages"] or 0) <= 0:
            area = summary.not_reported.sort(pl.col("signalen").fill_null(0), descending=True).row(
                0, named=True
            )
        others = [g for g in summary.left_out if g != area["gebied"]]
        prompts.append(prompt_not_reported(area, others))
    if not summary.without_report.is_empty():
        prompts.append(prompt_without_report(summary.without_report.row(0, named=True)))
    if len(prompts) < MAX_PROMPTS:
        prompts.append(prompt_care(*care_shift(tidy, summary.area)))
    return prompts[:MAX_PROMPTS]
