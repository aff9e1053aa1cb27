"""The visibility funnel: from the published estimates and the expectation down to what is registered."""

from typing import Any

import polars as pl

from analysis.geography import UNIT
from analysis.scenario import wording as wd
from analysis.scenario.compare import NamedScenario, ScenarioView
from analysis.scenario.labels import (
    BASELINE_NAME,
    KIND_ESTIMATE,
    KIND_EXPECTED,
    KIND_SEEN,
    KIND_TEXT,
    SEEN_STEPS,
    SINGLE_NAME,
    TEXT_STEP,
)
from analysis.scenario.model import (
    ScenarioResult,
    area_figures,
    default_national_estimate,
    observed_counts,
    published_estimates,
    visible_share,
)

FUNNEL_SCHEMA = {
    "volgorde": pl.Int64,
    "stap": pl.String,
    "soort": pl.String,
    "aantal": pl.Float64,
    "onder": pl.Float64,
    "boven": pl.Float64,
    "aandeel": pl.Float64,
    "marge_onder": pl.Float64,
    "marge_boven": pl.Float64,
    "aantal_tekst": pl.String,
    "toelichting": pl.String,
    "etiket": pl.String,
    "aandeel_b": pl.Float64,
    "marge_onder_b": pl.Float64,
    "marge_boven_b": pl.Float64,
}


def funnel_table(
    result: ScenarioResult,
    baseline: ScenarioResult,
    context: pl.DataFrame,
    district: str = UNIT,
    *,
    name: str = SINGLE_NAME,
    second: NamedScenario | None = None,
) -> pl.DataFrame:
    """The visibility funnel for the unit or one district.

    From the published estimate bands and the expectation (baseline and scenario)
    down to what is registered: police signals, and for the unit also CoMensHa
    registrations and B8 declarations. Each registered count gets its share of the
    scenario's expectation with the exact (Garwood) margin of the count. ``soort``
    is one of the ``KIND_*`` constants; ``etiket`` is the chart's label.

    ``name`` labels the scenario (plain text). With ``second`` (scenario B) the
    funnel gets B's expectation too, the registered rows get B's share in
    ``aandeel_b`` and its margin, and the bands are converted with the CBS share of
    the baseline (A and B may use different shares). Otherwise the bands use the
    scenario's share.
    """
    expected, _, signals = area_figures(result, district)
    base_expected, _, _ = area_figures(baseline, district)
    expected_b = None if second is None else area_figures(second.result, district)[0]
    band_share = result if second is None else baseline
    rows: list[dict[str, Any]] = []

    def add(step: str, kind: str, count: float | None, text: str, note: str, **extra: Any) -> None:
        rows.append(
            {
                "volgorde": len(rows) + 1,
                "stap": step,
                "soort": kind,
                "aantal": count,
                "aantal_tekst": text,
                "toelichting": note,
                "etiket": extra.pop("etiket", text),
                **extra,
            }
        )

    for est in published_estimates(context, band_share, district).iter_rows(named=True):
        add(
            wd.estimate_step(est["periode"]),
            KIND_ESTIMATE,
            est["regio"],
            wd.estimate_range(est["regio_onder"], est["regio_boven"]),
            wd.estimate_note(est, band_share.region_share, district, cbs=second is not None),
            onder=est["regio_onder"],
            boven=est["regio_boven"],
        )
    scenarios = [(BASELINE_NAME, baseline, base_expected), (name, result, expected)]
    if second is not None and expected_b is not None:
        scenarios.append((second.name, second.result, expected_b))
    for label, scenario, area_expected in scenarios:
        add(
            wd.expected_step(label),
            KIND_EXPECTED,
            area_expected,
            wd.about(area_expected),
            wd.expected_note(scenario),
        )
    if district == UNIT:
        add(
            TEXT_STEP,
            KIND_TEXT,
            result.text_regional_figure,
            wd.about(result.text_regional_figure),
            wd.text_note(result, default_national_estimate(context)),
        )
    observed: list[tuple[str, int | None]] = [("signalen", signals)]
    if district == UNIT:
        counts = observed_counts(result)
        observed += [(code, counts.get(code)) for code in ("comensha_slachtoffers", "b8_aangiftes")]
    for code, count in observed:
        share = visible_share(count, expected)
        note = wd.seen_note(count, expected, share)
        label = wd.seen_label(count, share[0])
        extra_b: dict[str, float | None] = {}
        if second is not None and expected_b is not None:
            share_b = visible_share(count, expected_b)
            note = wd.seen_note_compared(count, (name, expected, share), (second.name, expected_b, share_b))
            label = wd.seen_label_compared(count, (name, share[0]), (second.name, share_b[0]))
            extra_b = {"aandeel_b": share_b[0], "marge_onder_b": share_b[1], "marge_boven_b": share_b[2]}
        add(
            SEEN_STEPS[code],
            KIND_SEEN,
            None if count is None else float(count),
            wd.count_text(count),
            note,
            etiket=label,
            aandeel=share[0],
            marge_onder=share[1],
            marge_boven=share[2],
            **extra_b,
        )
    return pl.DataFrame(rows, schema=FUNNEL_SCHEMA)


def view_funnel(view: ScenarioView, context: pl.DataFrame, district: str = UNIT) -> pl.DataFrame:
    """The funnel for the view: baseline and 'jouw scenario', or baseline, A and B (see :func:`funnel_table`)."""
    first = view.scenarios[0]
    second = view.scenarios[1] if view.comparing else None
    return funnel_table(first.result, view.baseline, context, district, name=first.name, second=second)


def funnel_display_table(view: ScenarioView, funnel: pl.DataFrame) -> pl.DataFrame:
    """The funnel's columns for the table tab; when comparing, the shares of A and B side by side."""
    if not view.comparing:
        return funnel.select(
            "stap",
            "soort",
            "aantal",
            "onder",
            "boven",
            "aandeel",
            "marge_onder",
            "marge_boven",
            "toelichting",
        )
    return funnel.select(
        "stap",
        "soort",
        "aantal",
        "onder",
        "boven",
        pl.col("aandeel").alias("aandeel_a"),
        pl.col("marge_onder").alias("marge_onder_a"),
        pl.col("marge_boven").alias("marge_boven_a"),
        "aandeel_b",
        "marge_onder_b",
        "marge_boven_b",
        "toelichting",
    )
