"""Comparing two years: the totals side by side, the municipalities a district names, identical tables.

:func:`compare_years` puts the totals of two years side by side, with exact rate-ratio
intervals; :func:`area_changes` says which municipalities a district names that it did
not name the year before (mergers, renamings, other choices); :func:`same_as_loaded`
warns when a new year's tables are exactly those of a year already loaded (the published
2022 tables offered again as 2023).
"""

from typing import Any

import polars as pl

from analysis.geography import UNIT
from analysis.indicators import DISTRICT_INDICATORS, label
from analysis.intake import wording
from analysis.intake.findings import Finding, FindingCode
from analysis.parser import AREA_TOTAL, NOT_REPORTED, REPORTED
from analysis.stats import rate_ratio_interval
from analysis.template import municipality_columns

COMPARE_SCHEMA = {
    "indicator": pl.String,
    "label": pl.String,
    "district": pl.String,
    "gebied": pl.String,
    "gebiedstype": pl.String,
    "jaar_vorig": pl.Int64,
    "waarde_vorig": pl.Int64,
    "status_vorig": pl.String,
    "jaar_nieuw": pl.Int64,
    "waarde_nieuw": pl.Int64,
    "status_nieuw": pl.String,
    "verschil": pl.Int64,
    "verschil_relatief": pl.Float64,
    "ratio": pl.Float64,
    "ratio_ondergrens": pl.Float64,
    "ratio_bovengrens": pl.Float64,
    "toelichting": pl.String,
}

#: (district, area, indicator): one row of a tidy table.
Key = tuple[str, str, str]
#: One row of a tidy table, by column name.
Row = dict[str, Any]


def _lower_bounds(tidy: pl.DataFrame) -> set[Key]:
    """The totals (district, area, indicator) that include a part marked '?': lower bounds."""
    parts = tidy.filter(pl.col("gebiedstype") != AREA_TOTAL, pl.col("status") == NOT_REPORTED)
    found = {(d, d, i) for d, i in zip(parts["district"], parts["indicator"], strict=True)}
    found |= {(UNIT, UNIT, i) for _, _, i in found if i in DISTRICT_INDICATORS}
    return found


def _rows(tidy: pl.DataFrame, include_municipalities: bool) -> dict[Key, Row]:
    """The rows to compare, by (district, area, indicator), in the table's order."""
    chosen = tidy if include_municipalities else tidy.filter(pl.col("gebiedstype") == AREA_TOTAL)
    return {(r["district"], r["gebied"], r["indicator"]): r for r in chosen.iter_rows(named=True)}


def compare_years(
    new_tidy: pl.DataFrame, previous_tidy: pl.DataFrame, *, include_municipalities: bool = False
) -> pl.DataFrame:
    """Put two years side by side: unit and district totals per indicator.

    One row per (district, area, indicator) in either year, in the order of the new
    year. Where both years report a count: ``verschil`` (new minus previous),
    ``verschil_relatief`` (as a fraction of the previous count; empty when that is 0)
    and the rate ratio new/previous with its exact conditional-binomial 95% interval
    (:func:`analysis.stats.rate_ratio_interval`, equal exposure: one year each).
    ``ratio`` is empty when the previous count is 0; an upper bound of ``inf`` means the
    data put no ceiling on it. ``toelichting`` says why a row has no difference (an
    empty cell, '?', '-', or absent in one year) and which totals are lower bounds
    (a part marked '?'). With ``include_municipalities`` also
    municipalities and 'Overig' columns are compared.
    """
    if new_tidy.is_empty() or previous_tidy.is_empty():
        raise ValueError("compare_years needs two non-empty tidy tables")
    new_year, old_year = int(new_tidy["jaar"][0]), int(previous_tidy["jaar"][0])
    new, old = _rows(new_tidy, include_municipalities), _rows(previous_tidy, include_municipalities)
    bounds = {new_year: _lower_bounds(new_tidy), old_year: _lower_bounds(previous_tidy)}
    out = []
    for key in list(new) + [k for k in old if k not in new]:
        a, b = old.get(key), new.get(key)
        diff = ratio = lower = upper = None
        relative: float | None = None
        unreported: list[tuple[int, str | None]] = []
        if a is not None and b is not None and a["status"] == REPORTED and b["status"] == REPORTED:
            diff = b["waarde"] - a["waarde"]
            relative = diff / a["waarde"] if a["waarde"] else None
            ratio, lower, upper = rate_ratio_interval(b["waarde"], 1, a["waarde"], 1)
        else:
            unreported = [
                (year, None if r is None else r["status"])
                for year, r in ((old_year, a), (new_year, b))
                if r is None or r["status"] != REPORTED
            ]
        bound_years = [y for y in (old_year, new_year) if key in bounds[y]]
        some = b or a
        assert some is not None  # every key comes from one of the two years
        out.append(
            {
                "indicator": key[2],
                "label": label(key[2]),
                "district": key[0],
                "gebied": key[1],
                "gebiedstype": some["gebiedstype"],
                "jaar_vorig": old_year,
                "waarde_vorig": a["waarde"] if a else None,
                "status_vorig": a["status"] if a else None,
                "jaar_nieuw": new_year,
                "waarde_nieuw": b["waarde"] if b else None,
                "status_nieuw": b["status"] if b else None,
                "verschil": diff,
                "verschil_relatief": relative,
                "ratio": ratio,
                "ratio_ondergrens": lower,
                "ratio_bovengrens": upper,
                "toelichting": wording.comparison_note(unreported, bound_years),
            }
        )
    return pl.DataFrame(out, schema=COMPARE_SCHEMA)


def area_changes(new_tidy: pl.DataFrame, previous_tidy: pl.DataFrame) -> list[Finding]:
    """Notes (Dutch) on municipalities a district names in one year but not in the other.

    A merger or a renaming shows as one name gone and another one new in the same
    district; the note names both, and says that the figures of these municipalities and
    of the district's 'Overig' are therefore not like for like (the district totals
    are). A municipality that moved to another district is named as such.
    """
    if new_tidy.is_empty() or previous_tidy.is_empty():
        return []
    new_year, old_year = int(new_tidy["jaar"][0]), int(previous_tidy["jaar"][0])
    new, old = municipality_columns(new_tidy), municipality_columns(previous_tidy)
    new_home = {m: d for d, ms in new.items() for m in ms}
    old_home = {m: d for d, ms in old.items() for m in ms}
    notes: list[Finding] = []
    for district in list(new) + [d for d in old if d not in new]:
        gone = [m for m in old.get(district, []) if m not in new_home]
        added = [m for m in new.get(district, []) if m not in old_home]
        moved = [m for m in new.get(district, []) if m in old_home and old_home[m] != district]
        if gone and added:
            message = wording.municipalities_changed(district, gone, added, old_year, new_year)
            notes.append(Finding(FindingCode.MUNICIPALITIES_CHANGED, message, block=district))
        elif gone:
            message = wording.municipalities_gone(district, gone, old_year, new_year)
            notes.append(Finding(FindingCode.MUNICIPALITY_GONE, message, block=district))
        elif added:
            message = wording.municipalities_added(district, added, old_year, new_year)
            notes.append(Finding(FindingCode.MUNICIPALITY_ADDED, message, block=district))
        for m in moved:
            message = wording.municipality_moved(m, old_home[m], district, old_year, new_year)
            notes.append(Finding(FindingCode.MUNICIPALITY_MOVED, message, block=district))
    return notes


#: The columns that make up a year's figures (everything but the year itself).
_FIGURE_COLUMNS = ("district", "gebied", "gebiedstype", "indicator", "waarde", "status")


def same_figures(a: pl.DataFrame, b: pl.DataFrame) -> bool:
    """True when two tidy tables hold exactly the same cells: area, indicator, value and status."""
    if a.height != b.height or not set(_FIGURE_COLUMNS) <= set(a.columns) & set(b.columns):
        return False
    columns = list(_FIGURE_COLUMNS)
    return (
        a.select(columns)
        .sort(columns, nulls_last=True)
        .equals(b.select(columns).sort(columns, nulls_last=True))
    )


def same_as_loaded(tidy: pl.DataFrame, year: int, loaded: dict[int, pl.DataFrame]) -> list[Finding]:
    """A warning for each loaded year (other than ``year``) whose tables are exactly ``tidy``."""
    return [
        Finding(FindingCode.SAME_AS_YEAR, wording.same_as_year(year, other))
        for other, table in sorted(loaded.items())
        if other != year and same_figures(tidy, table)
    ]
