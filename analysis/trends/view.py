"""What the page 'Ontwikkeling' and the year comparisons show: tables for the screen and the page view."""

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from analysis.dataset import Tables
from analysis.dutch import fmt_dec, signed
from analysis.frames import with_text
from analysis.trends.base_years import BASE_VALUE, NOW_VALUE, TABLE_VALUE, TEXT_VALUE, ratio_rows, trend_table
from analysis.trends.sentences import (
    district_note,
    source_changes,
    step_prompt,
    trend_caveats,
    trend_prompts,
    years_answer,
)
from analysis.trends.series import QUESTIONS, area_change_notes, year_series, year_steps
from analysis.trends.sources import TEXT_YEAR
from analysis.trends.wording import YEARS_CAVEATS, ratio_text, status_text

COMPARE_DISPLAY_COLUMNS = (
    "Gebied",
    "Indicator",
    "Vorig jaar",
    "Nieuw jaar",
    "Verschil",
    "Verhouding (marge)",
)


def _rate_text(rate: float | None) -> str:
    return "–" if rate is None else fmt_dec(rate, 1)


def _signed_or_dash(difference: int | None) -> str:
    return "–" if difference is None else signed(difference)


def steps_display(steps: pl.DataFrame, *, rates: bool = False, compact: bool = False) -> pl.DataFrame:
    """The steps as a table for the screen, every figure as Dutch text (counts before ratios).

    ``compact`` is for one pair of years: the years become the column heads and the area
    column is left out when all rows are about the same area.
    """
    steps = with_text(steps, "_verschil_tekst", _signed_or_dash, "verschil")
    difference = pl.col("_verschil_tekst").alias("Verschil")
    years = steps.select("jaar_van", "jaar_naar").unique()
    if compact and years.height == 1:
        before, after = str(years["jaar_van"][0]), str(years["jaar_naar"][0])
        columns = [pl.col("label").alias("Indicator")]
        if steps["gebied"].n_unique() > 1:
            columns.append(pl.col("gebied").alias("Gebied"))
        columns += [pl.col("tekst_van").alias(before), pl.col("tekst_naar").alias(after), difference]
    else:
        columns = [
            pl.col("label").alias("Indicator"),
            pl.col("gebied").alias("Gebied"),
            pl.format("{} → {}", "jaar_van", "jaar_naar").alias("Jaren"),
            pl.col("tekst_van").alias("Van"),
            pl.col("tekst_naar").alias("Naar"),
            difference,
        ]
    frame = steps.select(columns)
    if rates:
        per = [
            f"{_rate_text(a)} → {_rate_text(b)}"
            for a, b in zip(steps["per_100k_van"], steps["per_100k_naar"], strict=True)
        ]
        frame = frame.with_columns(pl.Series("Per 100.000 inwoners", per, dtype=pl.String))
    return frame.with_columns(
        steps["ratio_tekst"].alias("Verhouding (marge)"),
        steps["oordeel"].alias("Oordeel"),
        steps["toelichting"].alias("Toelichting"),
    )


def comparison_display(comparison: pl.DataFrame) -> pl.DataFrame:
    """The output of :func:`analysis.intake.compare_years` as a table for the screen, in Dutch text.

    The column heads name the two years (``2022``, ``2023``).
    """
    if comparison.is_empty():
        return pl.DataFrame()
    old, new = int(comparison["jaar_vorig"][0]), int(comparison["jaar_nieuw"][0])
    rows = [
        {
            "Gebied": r["gebied"],
            "Indicator": r["label"],
            str(old): status_text(r["waarde_vorig"], r["status_vorig"], old),
            str(new): status_text(r["waarde_nieuw"], r["status_nieuw"], new),
            "Verschil": _signed_or_dash(r["verschil"]),
            "Verhouding (marge)": ratio_text(r["ratio"], r["ratio_ondergrens"], r["ratio_bovengrens"])
            if r["verschil"] is not None
            else "–",
            "Toelichting": r["toelichting"],
        }
        for r in comparison.iter_rows(named=True)
    ]
    return pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String))


@dataclass(frozen=True)
class TrendsView:
    """2019 against 2022 as the text states it, and every loaded year for one topic and area.

    ``text_year`` is the year of the tables compared with 2019 (the dashboard whose text
    states the 2019 figures); ``caveats`` are what to keep in mind, for both views.
    """

    district_note: str | None
    table: pl.DataFrame
    table_display: pl.DataFrame
    source_changes: list[str]
    ratios: pl.DataFrame
    ratios_display: pl.DataFrame
    series: pl.DataFrame
    series_display: pl.DataFrame
    area_notes: list[str]
    steps: pl.DataFrame
    steps_display: pl.DataFrame
    answer: str
    prompts: list[str]
    text_year: int
    caveats: list[str]


def trends_view(years: Sequence[Tables], year: int, district: str, question: str) -> TrendsView:
    """The page for the loaded ``years`` (oldest first), the chosen ``year``, area and topic."""
    tidies = [t.tidy for t in years]
    context = years[0].context
    base = next(t.tidy for t in years if t.tidy["jaar"][0] == TEXT_YEAR)
    table = trend_table(base, context)
    ratios = ratio_rows(table)
    series = year_series(tidies, district, QUESTIONS[question], context)
    steps = year_steps(series, years[0].population)
    step = step_prompt(steps, year, district)
    prompts = trend_prompts(base, table, district)
    return TrendsView(
        district_note=district_note(base, district),
        table=table,
        table_display=table.select(
            "label",
            "soort",
            BASE_VALUE,
            TEXT_VALUE,
            TABLE_VALUE,
            "verandering_tekst",
            "benadering",
            "opmerking",
        ),
        source_changes=source_changes(table),
        ratios=ratios,
        ratios_display=ratios.select(
            "rij", BASE_VALUE, NOW_VALUE, "ratio", "ratio_onder", "ratio_boven", "oordeel"
        ),
        series=series,
        series_display=series.select("label", "jaar", "gebied", "bron", "waarde_tekst", "opmerking"),
        area_notes=area_change_notes(tidies, district),
        steps=steps,
        steps_display=steps_display(steps, rates=True),
        answer=years_answer(table, steps, year, district),
        prompts=([step] if step else []) + prompts[: 4 - bool(step)],
        text_year=int(base["jaar"][0]),
        caveats=[*trend_caveats(table), *YEARS_CAVEATS],
    )
