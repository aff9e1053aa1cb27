"""The casustafel page: the user's choice, and everything the page shows for it in one view."""

from dataclasses import dataclass

import polars as pl

from analysis.casustafel import wording
from analysis.casustafel.comparison import (
    care_settings,
    care_settings_table,
    compare_casustafel,
    district_comparison_table,
    meetings_table,
)
from analysis.casustafel.discussion import casustafel_prompts, claim_notes
from analysis.casustafel.model import CasustafelComparison
from analysis.dataset import Tables
from analysis.geography import UNIT
from analysis.ratios import RATIOS


def ratio_key(choice: str | None) -> str:
    """The ratio key for a choice on the page; the default for a missing or unknown choice."""
    return wording.RATIO_CHOICES.get(choice or "", wording.RATIO_CHOICES[wording.DEFAULT_CHOICE])


def choice_label(choice: str | None) -> str:
    """The page's choice label for a picked value; the default for a missing or unknown one."""
    return choice if choice is not None and choice in wording.RATIO_CHOICES else wording.DEFAULT_CHOICE


def care_effect_text(tidy: pl.DataFrame, key: str) -> str:
    """How the conclusion for one ratio changes when care trajectories are counted as interventions."""
    if not RATIOS[key].with_care:
        return wording.care_is_numerator_text(compare_casustafel(tidy, key))
    strict = compare_casustafel(tidy, key, include_care=False)
    care = compare_casustafel(tidy, key, include_care=True)
    flipped = (
        strict.rate_ratio is not None
        and care.rate_ratio is not None
        and (strict.rate_ratio - 1) * (care.rate_ratio - 1) < 0
    )
    return wording.care_change_text(strict, care, flipped=flipped)


def care_side_by_side(tidy: pl.DataFrame, key: str) -> list[tuple[str, str, str]]:
    """The chosen ratio's comparison with care trajectories left out and counted in, as (label, value, caption)."""
    return [
        wording.care_setting_metric(setting, compare_casustafel(tidy, key, include_care=include_care))
        for include_care, setting in care_settings(key)
    ]


def district_note(tidy: pl.DataFrame, district: str) -> str:
    """Where the selected district stands: in which group, with how many meetings and cases."""
    meetings = meetings_table(tidy)
    if district == UNIT or district not in meetings["district"].to_list():
        return ""
    m = meetings.filter(pl.col("district") == district).row(0, named=True)
    return wording.district_note_text(district, m["groep"], m["vergaderingen"], m["casussen_tekst"])


@dataclass(frozen=True)
class CasustafelView:
    """Everything the casustafel page shows for one ratio, with or without care trajectories."""

    comparison: CasustafelComparison
    answer: str
    metrics: list[tuple[str, str, str]]
    district_note: str
    districts: pl.DataFrame
    districts_display: pl.DataFrame
    meetings: pl.DataFrame
    meetings_display: pl.DataFrame
    care_effect: str
    care_metrics: list[tuple[str, str, str]]
    care_settings: pl.DataFrame
    care_settings_display: pl.DataFrame
    claims: list[str]
    prompts: list[str]


def casustafel_view(tables: Tables, key: str, include_care: bool, district: str = UNIT) -> CasustafelView:
    """The casustafel page for ratio ``key`` (see ``ratio_key``), ``district`` highlighted."""
    tidy = tables.tidy
    comparison = compare_casustafel(tidy, key, include_care=include_care)
    districts = district_comparison_table(tidy, key, include_care=include_care)
    meetings = meetings_table(tidy)
    settings = care_settings_table(tidy)
    return CasustafelView(
        comparison=comparison,
        answer=wording.casustafel_answer(comparison),
        metrics=wording.comparison_metrics(comparison),
        district_note=district_note(tidy, district),
        districts=districts,
        districts_display=wording.district_display_table(districts),
        meetings=meetings,
        meetings_display=wording.meetings_display_table(meetings),
        care_effect=care_effect_text(tidy, key),
        care_metrics=care_side_by_side(tidy, key),
        care_settings=settings,
        care_settings_display=wording.care_settings_display_table(settings),
        claims=claim_notes(tidy),
        prompts=casustafel_prompts(tidy, comparison, district),
    )
