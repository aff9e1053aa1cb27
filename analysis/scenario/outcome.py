"""The outcome box: per scenario the expected victims and the share of them that the police sees."""

from dataclasses import dataclass

import polars as pl

from analysis.dutch import fmt_int, fmt_pct
from analysis.geography import UNIT
from analysis.scenario import wording as wd
from analysis.scenario.compare import ScenarioView
from analysis.scenario.labels import BASELINE_HEADING, BASELINE_NAME, SINGLE_NAME
from analysis.scenario.model import ScenarioResult, area_figures, visible_share


@dataclass(frozen=True)
class OutcomeFigure:
    """One figure of the outcome box: label, value in Dutch, the arithmetic behind it, a delta."""

    label: str
    value: float | None
    value_text: str
    detail: str
    delta: str | None = None


def _delta(value: float, base: float | None) -> str | None:
    """The rounded difference from the baseline in words, None when there is none."""
    if base is None or round(value) == round(base):
        return None
    return wd.baseline_delta(round(value) - round(base))


def outcome_figures(
    result: ScenarioResult, district: str = UNIT, *, which: str, baseline: ScenarioResult | None = None
) -> list[OutcomeFigure]:
    """The outcome of one scenario as figures, labelled with ``which`` ("baseline", "jouw scenario").

    With ``baseline`` given, the expected numbers carry their difference from it.
    """
    figures = [
        OutcomeFigure(
            wd.expected_label(UNIT, which),
            result.expected_unit,
            fmt_int(result.expected_unit),
            wd.expected_detail(result),
            _delta(result.expected_unit, None if baseline is None else baseline.expected_unit),
        )
    ]
    expected, _, signals = area_figures(result, district)
    if district != UNIT:
        share_in_unit = result.districts.filter(pl.col("district") == district)["aandeel_inwoners"][0]
        figures.append(
            OutcomeFigure(
                wd.expected_label(district, which),
                expected,
                fmt_int(expected),
                wd.district_share_detail(share_in_unit),
                _delta(expected, None if baseline is None else area_figures(baseline, district)[0]),
            )
        )
    share = visible_share(signals, expected)
    figures.append(
        OutcomeFigure(
            wd.visible_label(which),
            share[0],
            fmt_pct(share[0]),
            wd.visible_detail(signals, expected, district, share),
        )
    )
    return figures


def view_outcome(view: ScenarioView, district: str = UNIT) -> list[tuple[str, list[OutcomeFigure]]]:
    """The outcome columns: a Markdown heading and the figures of the baseline and each scenario.

    Not comparing: 'Baseline' and 'Jouw scenario'. Comparing: the baseline, A and B
    under their (escaped) names; A and B carry their difference from the baseline.
    """
    columns = [(BASELINE_HEADING, outcome_figures(view.baseline, district, which=BASELINE_NAME))]
    for s in view.scenarios:
        which = SINGLE_NAME if not view.comparing else s.name_md
        figures = outcome_figures(s.result, district, which=which, baseline=view.baseline)
        columns.append((wd.scenario_heading(s, comparing=view.comparing), figures))
    return columns
