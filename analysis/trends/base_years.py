"""The first dashboard (2019) against 2022, as the dashboard 2022's text states it: the numbers.

Where the text's 2022 figure differs from the 2022 table, both are kept. For counts in
both years the change comes with a rate ratio and its exact (conditional-binomial)
interval: is it more than chance? Every text in these tables comes from
:mod:`analysis.trends.wording`.
"""

from typing import Any

import polars as pl

from analysis.frames import unit_value
from analysis.parser import AREA_TOTAL
from analysis.stats import rate_ratio_interval
from analysis.trends.sources import BASE_YEAR, TEXT_YEAR, TREND_BY_INDICATOR, TRENDS
from analysis.trends.wording import (
    BOTH_SOURCES,
    JUDGEMENT_CHANCE,
    JUDGEMENT_FALL,
    JUDGEMENT_NONE,
    JUDGEMENT_RISE,
    KIND_COUNT,
    KIND_STATEMENT,
    TABLE_SOURCE,
    TEXT_SOURCE,
    change_text,
    margin_text,
    ratio_row_label,
    trend_notes,
)

#: The columns of :func:`trend_table` and :func:`ratio_rows` that name their year (the screen shows them).
BASE_VALUE = f"waarde_{BASE_YEAR}"
TEXT_VALUE = f"tekst_{TEXT_YEAR}"
TABLE_VALUE = f"tabel_{TEXT_YEAR}"
NOW_VALUE = f"waarde_{TEXT_YEAR}"
NOW_SOURCE = f"bron_{TEXT_YEAR}"

TREND_SCHEMA = {
    "indicator": pl.String,
    "label": pl.String,
    "naam": pl.String,
    "soort": pl.String,
    BASE_VALUE: pl.Int64,
    TEXT_VALUE: pl.Int64,
    TABLE_VALUE: pl.Int64,
    "verandering": pl.Float64,
    "verandering_tabel": pl.Float64,
    "benadering": pl.String,
    "index_tekst": pl.Float64,
    "index_tabel": pl.Float64,
    "ratio": pl.Float64,
    "ratio_onder": pl.Float64,
    "ratio_boven": pl.Float64,
    "ratio_tabel": pl.Float64,
    "ratio_tabel_onder": pl.Float64,
    "ratio_tabel_boven": pl.Float64,
    "tekst_wijkt_af": pl.Boolean,
    "bron_gewijzigd": pl.Boolean,
    "verandering_tekst": pl.String,
    "opmerking": pl.String,
}

RATIO_SCHEMA = {
    "indicator": pl.String,
    "rij": pl.String,
    NOW_SOURCE: pl.String,
    BASE_VALUE: pl.Int64,
    NOW_VALUE: pl.Int64,
    "ratio": pl.Float64,
    "ratio_onder": pl.Float64,
    "ratio_boven": pl.Float64,
    "ratio_tekst": pl.String,
    "oordeel": pl.String,
}


def context_row(context: pl.DataFrame, code: str | None) -> dict[str, Any] | None:
    """The row of ``data/context.csv`` with ``code``, or None."""
    if code is None:
        return None
    found = context.filter(pl.col("code") == code)
    return None if found.is_empty() else found.row(0, named=True)


def context_count(context: pl.DataFrame | None, code: str | None) -> int | None:
    """The figure of ``code`` in ``data/context.csv`` as a count, or None."""
    row = None if context is None else context_row(context, code)
    return None if row is None else round(row["waarde"])


def judgement(low: float | None, high: float | None) -> str:
    """Is a rate ratio more than chance? By where its 95% interval lies against 1."""
    if low is None or high is None:
        return JUDGEMENT_NONE
    if high < 1:
        return JUDGEMENT_FALL
    if low > 1:
        return JUDGEMENT_RISE
    return JUDGEMENT_CHANCE


def _ratio(k_now: int | None, k_base: int | None) -> tuple[float | None, float | None, float | None]:
    if k_now is None or k_base is None:
        return None, None, None
    return rate_ratio_interval(k_now, 1, k_base, 1)


def _relative(now: int | None, base: int) -> float | None:
    return None if now is None or base == 0 else now / base - 1


def trend_table(tidy: pl.DataFrame, context: pl.DataFrame) -> pl.DataFrame:
    """Return the 2019-versus-now comparison, one row per indicator.

    ``waarde_2019`` and ``tekst_2022`` come from the dashboard's text, ``tabel_2022``
    from the unit's table. ``verandering`` is the relative change by the text's own
    figures (for a statement: the change it states); ``verandering_tabel`` uses the
    table. ``index_*`` puts 2019 at 100. For counts in both years ``ratio*`` is the
    rate ratio now/2019 with its exact 95% interval (text figure and table figure).
    """
    rows = []
    for spec in TRENDS:
        base = context_row(context, spec.base_code)
        table = unit_value(tidy, spec.indicator)
        text_value = context_count(context, spec.text_code)
        change: float | None
        change_table: float | None
        base_value: int | None
        approximation = "exact"
        if base is not None:
            base_value = round(base["waarde"])
            change = _relative(text_value if text_value is not None else table, base_value)
            change_table = _relative(table, base_value)
        else:
            base_value, change_table = None, None
            statement = context_row(context, spec.change_code) or context_row(context, spec.steady_code)
            if spec.change_code is not None and statement is not None:
                change = spec.direction * statement["waarde"] / 100
                approximation = statement["benadering"]
            elif spec.steady_code is not None or spec.stated is not None:
                change, approximation = 0.0, "ongeveer"
            else:
                change = None
        counted = base_value is not None
        ratio, ratio_low, ratio_high = _ratio(text_value, base_value)
        table_ratio, table_low, table_high = _ratio(table, base_value)
        differs = text_value is not None and table is not None and text_value != table
        rows.append(
            {
                "indicator": spec.indicator,
                "label": spec.short_label,
                "naam": spec.noun,
                "soort": KIND_COUNT if counted else KIND_STATEMENT,
                BASE_VALUE: base_value,
                TEXT_VALUE: text_value,
                TABLE_VALUE: table,
                "verandering": change,
                "verandering_tabel": change_table,
                "benadering": approximation,
                "index_tekst": None if change is None else 100 * (1 + change),
                "index_tabel": None if change_table is None else 100 * (1 + change_table),
                "ratio": ratio,
                "ratio_onder": ratio_low,
                "ratio_boven": ratio_high,
                "ratio_tabel": table_ratio,
                "ratio_tabel_onder": table_low,
                "ratio_tabel_boven": table_high,
                "tekst_wijkt_af": differs,
                "bron_gewijzigd": spec.source_changed,
                "verandering_tekst": change_text(
                    change, change_table, counted=counted, differs=differs, approximation=approximation
                ),
                "opmerking": trend_notes(
                    spec.note,
                    text_value=text_value,
                    table_value=table,
                    counted_and_differs=differs and counted,
                    stated=spec.stated,
                    steady=spec.steady_code is not None,
                ),
            }
        )
    return pl.DataFrame(rows, schema=TREND_SCHEMA)


def ratio_rows(table: pl.DataFrame) -> pl.DataFrame:
    """Rate ratios now/2019 with exact 95% intervals, one row per 2022 source (text, table).

    Only indicators with a count in both years; where text and table agree there is one row.
    """
    rows = []
    for r in table.filter(pl.col("soort") == KIND_COUNT).iter_rows(named=True):
        differs = bool(r["tekst_wijkt_af"])
        variants = [(TEXT_SOURCE, r[TEXT_VALUE], r["ratio"], r["ratio_onder"], r["ratio_boven"])]
        if differs or r[TEXT_VALUE] is None:
            variants.append(
                (
                    TABLE_SOURCE,
                    r[TABLE_VALUE],
                    r["ratio_tabel"],
                    r["ratio_tabel_onder"],
                    r["ratio_tabel_boven"],
                )
            )
        for source, now, ratio, low, high in variants:
            if now is None:
                continue
            rows.append(
                {
                    "indicator": r["indicator"],
                    "rij": ratio_row_label(r["label"], source, now, r[BASE_VALUE], differs),
                    NOW_SOURCE: source if differs else BOTH_SOURCES,
                    BASE_VALUE: r[BASE_VALUE],
                    NOW_VALUE: now,
                    "ratio": ratio,
                    "ratio_onder": low,
                    "ratio_boven": high,
                    "ratio_tekst": margin_text(ratio, low, high),
                    "oordeel": judgement(low, high),
                }
            )
    return pl.DataFrame(rows, schema=RATIO_SCHEMA)


def table_row(table: pl.DataFrame, indicator: str) -> dict[str, Any] | None:
    """The row of :func:`trend_table` for ``indicator``, or None."""
    found = table.filter(pl.col("indicator") == indicator)
    return None if found.is_empty() else found.row(0, named=True)


def district_share(tidy: pl.DataFrame, district: str, indicator: str) -> tuple[int, int] | None:
    """The district's total of ``indicator`` and the unit's, or None when either is missing (or the unit's is 0)."""
    own = tidy.filter(
        pl.col("gebied") == district, pl.col("gebiedstype") == AREA_TOTAL, pl.col("indicator") == indicator
    )
    total = unit_value(tidy, indicator)
    if own.is_empty() or own["waarde"][0] is None or not total:
        return None
    return int(own["waarde"][0]), int(total)


def differing_figures(table: pl.DataFrame) -> list[tuple[str, int | None, int | None]]:
    """The figures whose text and table disagree, as (short noun, text figure, table figure)."""
    return [
        (TREND_BY_INDICATOR[r["indicator"]].short_noun, r[TEXT_VALUE], r[TABLE_VALUE])
        for r in table.filter(pl.col("tekst_wijkt_af")).iter_rows(named=True)
    ]
