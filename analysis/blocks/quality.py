"""The quality of the data: the page's answer, the missing-cells title, the prompts and the checks on screen.

Each function picks the cells or checks a text is about and hands them to
:mod:`analysis.blocks.wording`.
"""

import polars as pl

from analysis.blocks import wording
from analysis.blocks.published import status_counts
from analysis.checks import (
    APPROXIMATELY,
    DIFFERS,
    KIND_DISTRICT_SUM,
    KIND_TEXT,
    KIND_UNIT_SUM,
    LOWER_BOUND,
    OK,
)
from analysis.dutch import fmt_int
from analysis.geography import UNIT
from analysis.parser import AREA_TOTAL, EMPTY, NOT_APPLICABLE, NOT_REPORTED, REPORTED

#: The outcomes of the checks, the ones that need attention first.
OUTCOME_ORDER: tuple[str, ...] = (DIFFERS, LOWER_BOUND, APPROXIMATELY, OK)


def data_answer(tidy: pl.DataFrame, checks: pl.DataFrame) -> str:
    """One sentence: how many figures the table holds, by status, and how many checks hold."""
    held = checks.filter(pl.col("uitkomst") == OK).height
    return wording.answer_text(tidy.height, int(tidy["jaar"][0]), status_counts(tidy), held, checks.height)


def district_sentence(tidy: pl.DataFrame, district: str) -> str | None:
    """For a chosen district, the same count as the answer; ``None`` for the whole unit."""
    if district == UNIT:
        return None
    own = tidy.filter(pl.col("district") == district)
    return wording.district_text(district, own.height, status_counts(own))


def missing_title(overview: pl.DataFrame) -> str:
    """The finding of the missing-cells chart, e.g. where the '?' sit.

    ``overview`` comes from :func:`analysis.blocks.published.missing_overview`.
    """
    unknown = overview.filter(pl.col("teken") == wording.STATUS_TEXT[NOT_REPORTED])
    return wording.missing_title_text(int(unknown["aantal"].sum()), unknown["district"].to_list())


# -- discussion prompts ------------------------------------------------------


def _scope(tidy: pl.DataFrame, district: str) -> pl.DataFrame:
    """The rows of ``district``, or all rows for the unit."""
    return tidy if district == UNIT else tidy.filter(pl.col("district") == district)


def _unknown_prompt(tidy: pl.DataFrame, district: str) -> str:
    """The prompt on the '?' of the selection, or on those elsewhere when it has none."""
    scope = _scope(tidy, district)
    unknown = scope.filter(pl.col("status") == NOT_REPORTED)
    where = wording.place(district)
    if unknown.is_empty():
        elsewhere = tidy.filter(pl.col("status") == NOT_REPORTED)
        if elsewhere.is_empty():
            return wording.prompt_all_reported(where)
        names = elsewhere["gebied"].unique(maintain_order=True).to_list()
        return wording.prompt_reported_here(where, elsewhere.height, names)
    names = unknown["gebied"].unique(maintain_order=True).to_list()
    codes = unknown["indicator"].unique(maintain_order=True).to_list()
    totals = scope.filter(
        pl.col("gebiedstype") == AREA_TOTAL,
        pl.col("district") == district,
        pl.col("indicator").is_in(codes),
        pl.col("status") == REPORTED,
    ).sort("waarde", descending=True, maintain_order=True)
    biggest = totals.row(0, named=True) if not totals.is_empty() else None
    return wording.prompt_unknown(names, len(codes), unknown.height, int(tidy["jaar"][0]), where, biggest)


def _text_prompt(checks: pl.DataFrame) -> str | None:
    """The prompt on figures in the dashboard's text that differ from its tables, if any."""
    differs = checks.filter(pl.col("soort") == KIND_TEXT, pl.col("uitkomst") == DIFFERS)
    if differs.is_empty():
        return None
    return wording.prompt_text_differs(list(differs.iter_rows(named=True)))


def _sum_prompt(checks: pl.DataFrame, district: str) -> str | None:
    """The prompt on a published total that differs from its parts (the district's own first)."""
    differs = checks.filter(
        pl.col("soort").is_in([KIND_UNIT_SUM, KIND_DISTRICT_SUM]), pl.col("uitkomst") == DIFFERS
    )
    if district != UNIT:
        own = differs.filter(pl.col("gebied") == district)
        differs = own if not own.is_empty() else differs
    if differs.is_empty():
        return None
    return wording.prompt_sum_differs(differs.row(0, named=True))


def _empty_prompt(tidy: pl.DataFrame, district: str) -> str | None:
    """The prompt on the empty cells of the first indicator that has them in the selection."""
    empty = _scope(tidy, district).filter(pl.col("status") == EMPTY)
    if empty.is_empty():
        return None
    code = empty["indicator"][0]
    return wording.prompt_empty(code, empty.filter(pl.col("indicator") == code)["gebied"].to_list())


def _dash_prompt(tidy: pl.DataFrame, district: str) -> str | None:
    """The prompt on the first '-' of the selection, with its district's total."""
    dash = _scope(tidy, district).filter(pl.col("status") == NOT_APPLICABLE)
    if dash.is_empty():
        return None
    row = dash.row(0, named=True)
    total = tidy.filter(
        pl.col("district") == row["district"],
        pl.col("gebied") == row["district"],
        pl.col("indicator") == row["indicator"],
    )
    reported = not total.is_empty() and total["status"][0] == REPORTED
    return wording.prompt_dash(row, total["waarde"][0] if reported else None)


def quality_prompts(tidy: pl.DataFrame, checks: pl.DataFrame, district: str = UNIT) -> list[str]:
    """Two to four workshop questions generated from the data quality of the selection.

    Where a '?' hides the answer, which text figure differs from the table, where a
    published total differs from its parts, and what an empty cell or '-' means.
    """
    if district == UNIT:
        candidates = [
            _unknown_prompt(tidy, district),
            _text_prompt(checks),
            _sum_prompt(checks, district),
            _empty_prompt(tidy, district),
            _dash_prompt(tidy, district),
        ]
    else:
        candidates = [
            _unknown_prompt(tidy, district),
            _empty_prompt(tidy, district),
            _dash_prompt(tidy, district),
            _text_prompt(checks),
            _sum_prompt(checks, district),
        ]
    return [p for p in candidates if p][:4]


# -- consistency checks on screen ------------------------------------------------


def outcome_options(checks: pl.DataFrame) -> list[str]:
    """The outcomes that occur, the ones that need attention first."""
    present = set(checks["uitkomst"].unique())
    return [o for o in OUTCOME_ORDER if o in present]


def checks_view(checks: pl.DataFrame, outcomes: list[str] | None = None) -> pl.DataFrame:
    """The consistency checks for display, numbers written the Dutch way; optionally only some outcomes.

    Columns: ``Uitkomst, Onderwerp, Getal A, Getal B, Verschil, Wat is A, Wat is B,
    Toelichting, Soort, Gebied`` (:data:`analysis.blocks.wording.CHECK_COLUMNS`). An
    empty or missing ``outcomes`` means all.
    """
    chosen = checks.filter(pl.col("uitkomst").is_in(outcomes)) if outcomes else checks
    numbers = ("waarde_a", "waarde_b", "verschil")
    columns = {
        heading: [fmt_int(v) for v in chosen[column]] if column in numbers else chosen[column]
        for column, heading in wording.CHECK_COLUMNS.items()
    }
    return pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
