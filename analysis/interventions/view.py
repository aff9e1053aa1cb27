"""What the report-to-intervention page shows for one selection, and its tables for the screen."""

from dataclasses import dataclass

import polars as pl

from analysis.dataset import Tables
from analysis.dutch import fmt_dec, fmt_int
from analysis.interventions.prompts import intervention_prompts
from analysis.interventions.ratios import (
    InterventionSummary,
    area_table,
    district_mix,
    district_ratios,
    intervention_codes,
    intervention_summary,
)
from analysis.interventions.wording import (
    TYPE_LABELS,
    at_least,
    intervention_answer,
    intervention_caveats,
    no_intervention_lines,
    not_applicable_lines,
    not_reported_lines,
    summary_metrics,
    type_word,
)
from analysis.parser import EMPTY, NOT_APPLICABLE, NOT_REPORTED, STATUS_MARK


def _cell(value: int | None, marker: str) -> str:
    """A count for the screen, or ``marker`` where there is none."""
    return marker if value is None else fmt_int(value)


def area_display_table(table: pl.DataFrame, *, include_care: bool = False) -> pl.DataFrame:
    """The area table for the screen: Dutch headers, and ``?``/``-``/``leeg`` kept apart from 0."""
    codes = intervention_codes(include_care)
    rows = []
    for r in table.iter_rows(named=True):
        unknown = r["status"] == NOT_REPORTED
        not_applicable = r["niet_van_toepassing"].split(", ") if r["niet_van_toepassing"] else []
        row = {
            "District": r["district"],
            "Gebied": r["gebied"],
            "Rapportages": _cell(r["rapportages"], STATUS_MARK[EMPTY]),
            "Interventies": STATUS_MARK[NOT_REPORTED] if unknown else fmt_int(r["interventies"]),
        }
        for code in codes:
            status = (
                NOT_APPLICABLE if type_word(code) in not_applicable else NOT_REPORTED if unknown else EMPTY
            )
            row[TYPE_LABELS[code]] = _cell(r[code], STATUS_MARK[status])
        row["Uitkomst"] = r["uitkomst"]
        rows.append(row)
    return pl.DataFrame(rows)


def mix_display_table(mix: pl.DataFrame, ratios: pl.DataFrame) -> pl.DataFrame:
    """The mix per district for the screen, with interventions per report, its interval and what is left out."""
    wide = mix.pivot(on="label", index=["district", "totaal", "rapportages", "weggelaten"], values="aantal")
    rows = []
    for r in wide.iter_rows(named=True):
        ratio = ratios.filter(pl.col("gebied") == r["district"]).row(0, named=True)
        row = {"District": r["district"]}
        row.update({k: fmt_int(v) for k, v in r.items() if k in TYPE_LABELS.values()})
        row["Totaal"] = at_least(r["totaal"], bool(r["weggelaten"]))
        row["Rapportages"] = fmt_int(r["rapportages"])
        row["Per rapportage"] = fmt_dec(ratio["per_rapportage"], 2)
        row["Marge"] = f"{fmt_dec(ratio['ondergrens'], 2)}–{fmt_dec(ratio['bovengrens'], 2)}"
        row["Zonder (?)"] = r["weggelaten"]
        rows.append(row)
    return pl.DataFrame(rows)


@dataclass(frozen=True)
class InterventionView:
    """Everything the report-to-intervention page shows for one area, with or without care."""

    summary: InterventionSummary
    answer: str
    metrics: list[tuple[str, str, str]]
    areas: pl.DataFrame
    areas_display: pl.DataFrame
    no_intervention: list[str]
    not_reported: list[str]
    not_applicable: list[str]
    mix: pl.DataFrame
    mix_display: pl.DataFrame
    caveats: list[str]
    prompts: list[str]


def intervention_view(tables: Tables, district: str, include_care: bool) -> InterventionView:
    """The report-to-intervention page for ``district``; ``include_care`` counts care as intervention."""
    tidy = tables.tidy
    summary = intervention_summary(tidy, district, include_care=include_care)
    areas = area_table(tidy, district=district, include_care=include_care)
    mix = district_mix(tidy, include_care=include_care)
    return InterventionView(
        summary=summary,
        answer=intervention_answer(summary),
        metrics=summary_metrics(summary),
        areas=areas,
        areas_display=area_display_table(areas, include_care=include_care),
        no_intervention=no_intervention_lines(summary),
        not_reported=not_reported_lines(summary),
        not_applicable=not_applicable_lines(summary),
        mix=mix,
        mix_display=mix_display_table(mix, district_ratios(tidy, include_care=include_care)),
        caveats=intervention_caveats(summary),
        prompts=intervention_prompts(tidy, summary),
    )
