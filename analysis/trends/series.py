"""Every loaded year per indicator: the numbers.

From 2022 on every year with tables counts (bundled, saved or added in a session):
:func:`year_series` gives one value per indicator, area and year (with the 2019 text
figures and the 2022 text figures where they differ), :func:`year_steps` compares each
year with the loaded year before it. Every text in these tables comes from
:mod:`analysis.trends.wording`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from analysis.geography import UNIT, population_year
from analysis.indicators import BY_CODE, DISTRICT_INDICATORS, label
from analysis.parser import AREA_TOTAL, NOT_REPORTED, REPORTED
from analysis.questions import trend_topics
from analysis.stats import rate_ratio_interval
from analysis.trends.base_years import context_count, judgement
from analysis.trends.sources import BASE_YEAR, TEXT_YEAR, TREND_BY_INDICATOR, TRENDS, source_change
from analysis.trends.wording import (
    ABSENT,
    JUDGEMENT_NONE,
    KEY_FIGURES,
    LOWER_BOUND_NOTE,
    SOURCE_TABLE,
    SOURCE_TEXT,
    UNIT_ONLY_NOTE,
    base_figure_note,
    district_sum_note,
    ratio_text,
    step_notes,
    step_row_label,
    text_figure_note,
    unit_only_label,
    value_text,
)

#: The indicators of each workshop question (from the question registry), for the trend view and
#: the year comparison on each page; the key figures come first.
QUESTIONS: dict[str, tuple[str, ...]] = {
    KEY_FIGURES: tuple(spec.indicator for spec in TRENDS),
    **trend_topics(),
}

SERIES_SCHEMA = {
    "indicator": pl.String,
    "label": pl.String,
    "jaar": pl.Int64,
    "gebied": pl.String,
    "bron": pl.String,
    "waarde": pl.Int64,
    "status": pl.String,
    "ondergrens": pl.Boolean,
    "waarde_tekst": pl.String,
    "bron_gewijzigd": pl.Boolean,
    "opmerking": pl.String,
}

STEP_SCHEMA = {
    "indicator": pl.String,
    "label": pl.String,
    "gebied": pl.String,
    "jaar_van": pl.Int64,
    "jaar_naar": pl.Int64,
    "waarde_van": pl.Int64,
    "waarde_naar": pl.Int64,
    "tekst_van": pl.String,
    "tekst_naar": pl.String,
    "verschil": pl.Int64,
    "verandering": pl.Float64,
    "per_100k_van": pl.Float64,
    "per_100k_naar": pl.Float64,
    "ratio": pl.Float64,
    "ratio_onder": pl.Float64,
    "ratio_boven": pl.Float64,
    "ratio_tekst": pl.String,
    "oordeel": pl.String,
    "rij": pl.String,
    "bron_gewijzigd": pl.Boolean,
    "toelichting": pl.String,
}


@dataclass(frozen=True)
class AreaValue:
    """One indicator of one area in one year: the count (or why there is none) and for which area."""

    value: int | None
    status: str
    lower_bound: bool
    area: str
    note: str = ""

    def text(self, year: int) -> str:
        """The value in Dutch: ``188``, ``minstens 25``, ``? (geen opgave)``, ``niet in 2023``."""
        return value_text(self.value, self.status, self.lower_bound, year)


def _has_unknown_part(tidy: pl.DataFrame, indicator: str, district: str | None) -> bool:
    parts = tidy.filter(
        pl.col("indicator") == indicator,
        pl.col("gebiedstype") != AREA_TOTAL,
        pl.col("status") == NOT_REPORTED,
    )
    if district is not None:
        parts = parts.filter(pl.col("district") == district)
    return not parts.is_empty()


def area_value(tidy: pl.DataFrame, area: str, indicator: str) -> AreaValue:
    """The total of ``indicator`` for ``area`` (the unit or a district) in one tidy year.

    A total that includes a municipality marked '?' is a lower bound. Where the unit has
    no total of its own (casustafels) it is the sum of the district totals; where a
    district has none (CoMensHa, B8) the unit's figure is given, with a note.
    """
    totals = tidy.filter(pl.col("indicator") == indicator, pl.col("gebiedstype") == AREA_TOTAL)
    own = totals.filter(pl.col("gebied") == area)
    if not own.is_empty():
        row = own.row(0, named=True)
        district = None if area == UNIT else area
        bound = row["status"] == REPORTED and (
            _has_unknown_part(tidy, indicator, district) if indicator in DISTRICT_INDICATORS else False
        )
        return AreaValue(row["waarde"], row["status"], bound, area)
    if area == UNIT and not totals.is_empty():
        reported = totals.filter(pl.col("status") == REPORTED)
        unknown = totals.filter(pl.col("status") == NOT_REPORTED)["gebied"].to_list()
        if reported.is_empty():
            return AreaValue(None, totals["status"][0], False, area, district_sum_note([]))
        return AreaValue(
            int(reported["waarde"].sum()), REPORTED, bool(unknown), area, district_sum_note(unknown)
        )
    unit = totals.filter(pl.col("gebied") == UNIT)
    per_district = totals.filter(pl.col("gebied") != UNIT)
    if area != UNIT and not unit.is_empty() and per_district.is_empty():
        shown = area_value(tidy, UNIT, indicator)
        return AreaValue(shown.value, shown.status, shown.lower_bound, UNIT, UNIT_ONLY_NOTE)
    return AreaValue(None, ABSENT, False, area)


def _text_row(indicator: str, name: str, year: int, value: int, note: str) -> dict[str, Any]:
    """A row of the series with a figure from the dashboard's text (always about the whole unit)."""
    return {
        "indicator": indicator,
        "label": name,
        "jaar": year,
        "gebied": UNIT,
        "bron": SOURCE_TEXT,
        "waarde": value,
        "status": REPORTED,
        "ondergrens": False,
        "waarde_tekst": value_text(value, REPORTED, False, year),
        "bron_gewijzigd": False,
        "opmerking": note,
    }


def year_series(
    tidies: Sequence[pl.DataFrame],
    area: str,
    indicators: Sequence[str],
    context: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per indicator and year: the area's total in every loaded year, oldest first.

    ``bron`` is ``tabel`` for a year's tables. With ``context`` (the figures the 2022
    text states) the 2019 counts are added as ``toelichting`` rows where the shown area
    is the unit, and so are the text's 2022 counts where they differ from the table.
    A figure that only the unit has is labelled ``(heel Oost-Nederland)`` for a district.
    ``bron_gewijzigd`` marks a year whose source or definition changed
    (:data:`analysis.trends.sources.SOURCE_CHANGES`). ``waarde`` is empty when there is
    no count; ``status`` says why (``leeg``, ``?``, ``-`` or ``ontbreekt``), never 0.
    """
    ordered = sorted(tidies, key=lambda t: int(t["jaar"][0]))
    rows: list[dict[str, Any]] = []
    for indicator in indicators:
        spec = TREND_BY_INDICATOR.get(indicator)
        values = [(int(t["jaar"][0]), area_value(t, area, indicator)) for t in ordered]
        shown_area = values[-1][1].area if values else area
        # A figure known only for the whole unit says so in its name when a district is chosen.
        name = label(indicator) if shown_area == area else unit_only_label(label(indicator))
        if spec is not None and spec.base_code is not None and shown_area == UNIT:
            base = context_count(context, spec.base_code)
            if base is not None:
                rows.append(_text_row(indicator, name, BASE_YEAR, base, base_figure_note()))
        text_value = context_count(context, spec.text_code) if spec is not None else None
        for year, value in values:
            change = source_change(indicator, year)
            notes = [n for n in (value.note, change.note if change else "") if n]
            if value.lower_bound:
                notes.append(LOWER_BOUND_NOTE)
            rows.append(
                {
                    "indicator": indicator,
                    "label": name,
                    "jaar": year,
                    "gebied": value.area,
                    "bron": SOURCE_TABLE,
                    "waarde": value.value,
                    "status": value.status,
                    "ondergrens": value.lower_bound,
                    "waarde_tekst": value.text(year),
                    "bron_gewijzigd": change is not None,
                    "opmerking": " ".join(notes),
                }
            )
            if (
                year == TEXT_YEAR
                and value.area == UNIT
                and text_value is not None
                and value.status == REPORTED
                and text_value != value.value
            ):
                rows.append(
                    _text_row(indicator, name, year, text_value, text_figure_note(text_value, value.value))
                )
    return pl.DataFrame(rows, schema=SERIES_SCHEMA)


def _area_inhabitants(population: pl.DataFrame, area: str, year: int) -> int | None:
    column = f"inwoners_{population_year(population, year)}"
    chosen = population if area == UNIT else population.filter(pl.col("district") == area)
    return int(chosen[column].sum()) if not chosen.is_empty() else None


def _step(before: dict[str, Any], after: dict[str, Any], population: pl.DataFrame | None) -> dict[str, Any]:
    """One indicator from one loaded year to the next (rows of :func:`year_series`)."""
    both = before["status"] == REPORTED and after["status"] == REPORTED
    diff = relative = ratio = low = high = rate_before = rate_after = None
    if both:
        k_new, k_old = after["waarde"], before["waarde"]
        diff = k_new - k_old
        relative = diff / k_old if k_old else None
        exposure_new = exposure_old = 1.0
        if population is not None:
            pop_old = _area_inhabitants(population, before["gebied"], before["jaar"])
            pop_new = _area_inhabitants(population, after["gebied"], after["jaar"])
            if pop_old and pop_new:
                exposure_old, exposure_new = float(pop_old), float(pop_new)
                rate_before = k_old / pop_old * 100_000
                rate_after = k_new / pop_new * 100_000
        ratio, low, high = rate_ratio_interval(k_new, exposure_new, k_old, exposure_old)
    note = step_notes(
        missing=[]
        if both
        else [(r["jaar"], r["waarde_tekst"]) for r in (before, after) if r["status"] != REPORTED],
        source_note=after["opmerking"] if after["bron_gewijzigd"] else None,
        lower_bounds=[r["jaar"] for r in (before, after) if r["ondergrens"]],
        skipped=list(range(before["jaar"] + 1, after["jaar"])),
        unit_only=after["gebied"] != before["gebied"]
        or (after["gebied"] == UNIT and UNIT_ONLY_NOTE in after["opmerking"]),
    )
    return {
        "indicator": after["indicator"],
        "label": after["label"],
        "gebied": after["gebied"],
        "jaar_van": before["jaar"],
        "jaar_naar": after["jaar"],
        "waarde_van": before["waarde"],
        "waarde_naar": after["waarde"],
        "tekst_van": before["waarde_tekst"],
        "tekst_naar": after["waarde_tekst"],
        "verschil": diff,
        "verandering": relative,
        "per_100k_van": rate_before,
        "per_100k_naar": rate_after,
        "ratio": ratio,
        "ratio_onder": low,
        "ratio_boven": high,
        "ratio_tekst": ratio_text(ratio, low, high) if both else "–",
        "oordeel": judgement(low, high) if both else JUDGEMENT_NONE,
        "rij": step_row_label(
            after["label"], before["jaar"], after["jaar"], before["waarde_tekst"], after["waarde_tekst"]
        ),
        "bron_gewijzigd": bool(after["bron_gewijzigd"]),
        "toelichting": note,
    }


def year_steps(series: pl.DataFrame, population: pl.DataFrame | None = None) -> pl.DataFrame:
    """Each loaded year with tables against the loaded year before it, per indicator.

    Only ``tabel`` rows count (the 2019 text figures are compared on their own). Where
    both years have a count: the difference, the relative change and the rate ratio
    with its exact 95% interval (:func:`analysis.stats.rate_ratio_interval`). With
    ``population`` the exposure is the area's inhabitants in each year (the nearest CBS
    year) and the rates per 100.000 inhabitants are given; without, one year each.
    ``toelichting`` names a changed source, a lower bound, skipped years, or why there
    is no comparison.
    """
    table = series.filter(pl.col("bron") == SOURCE_TABLE).sort("jaar", maintain_order=True)
    rows = []
    for indicator in table["indicator"].unique(maintain_order=True).to_list():
        own = table.filter(pl.col("indicator") == indicator).to_dicts()
        rows += [_step(before, after, population) for before, after in zip(own, own[1:], strict=False)]
    return pl.DataFrame(rows, schema=STEP_SCHEMA)


@dataclass(frozen=True)
class StepsInto:
    """The steps into one year: from which year, how many figures both years have, and which changed."""

    before: int
    compared: int
    #: The rows that changed, the largest relative change first (an unknown one, from 0, leads).
    changed: pl.DataFrame


def steps_into(steps: pl.DataFrame, year: int) -> StepsInto | None:
    """The steps of :func:`year_steps` that end in ``year``; None without one."""
    into = steps.filter(pl.col("jaar_naar") == year)
    if into.is_empty():
        return None
    compared = into.filter(pl.col("verschil").is_not_null())
    changed = (
        compared.filter(pl.col("verschil") != 0)
        .with_columns(pl.col("verandering").abs().fill_null(float("inf")).alias("_grootte"))
        .sort("_grootte", descending=True, maintain_order=True)
        .drop("_grootte")
    )
    return StepsInto(int(into["jaar_van"][0]), compared.height, changed)


def area_change_notes(tidies: Sequence[pl.DataFrame], district: str = UNIT) -> list[str]:
    """What changed in the municipalities named per district, between each loaded year and the one before.

    Mergers, renamings and municipalities that moved (:func:`analysis.intake.area_changes`);
    for a chosen district only the notes about it.
    """
    from analysis.intake import area_changes  # intake imports this package: import here

    ordered = sorted(tidies, key=lambda t: int(t["jaar"][0]))
    notes = []
    for before, after in zip(ordered, ordered[1:], strict=False):
        for finding in area_changes(after, before):
            if district == UNIT or finding.block == district or district in finding.message:
                notes.append(finding.message)
    return notes


def changed_first(comparison: pl.DataFrame) -> pl.DataFrame:
    """Rows of a :func:`analysis.intake.compare_years` table with a difference other than 0 (changes only)."""
    return comparison.filter(pl.col("verschil").is_not_null(), pl.col("verschil") != 0)


def known_indicators(codes: Sequence[str]) -> tuple[str, ...]:
    """The codes that are real indicators, in order (guards page-supplied lists)."""
    return tuple(code for code in codes if code in BY_CODE)
