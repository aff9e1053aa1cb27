"""Do districts with a casustafel do more? A two-group comparison that says what five districts can carry.

The numbers: which districts are in which group, both groups' ratios and their rate
ratio with its exact interval, and the tables behind the page. The wording is in
:mod:`analysis.casustafel.wording`.
"""

import polars as pl

from analysis.casustafel.model import (
    CASES,
    CASES_FIRST,
    CASES_SECOND,
    MEETINGS,
    CasustafelComparison,
    RowKind,
)
from analysis.casustafel.wording import (
    CARE_IN,
    CARE_NA,
    CARE_OUT,
    GROUP_WITH,
    GROUP_WITHOUT,
    POOLED_WITH,
    POOLED_WITHOUT,
    RATIO_CHOICES,
    direction_text,
    rate_ratio_text,
    value_with_counts,
    verdict,
)
from analysis.dutch import fmt_int
from analysis.geography import UNIT
from analysis.ratios import RATIOS, Ratio, RatioSpec, chain_ratio, exact_ratio
from analysis.stats import rate_ratio_interval


def casustafel_districts(tidy: pl.DataFrame) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split the districts into those with casustafel meetings (> 0) and those without."""
    meetings = tidy.filter(pl.col("indicator") == MEETINGS, pl.col("district") != UNIT)
    with_ = tuple(meetings.filter(pl.col("waarde") > 0)["district"].to_list())
    without = tuple(meetings.filter(pl.col("waarde").fill_null(0) == 0)["district"].to_list())
    return with_, without


def _group_ratio(
    tidy: pl.DataFrame, spec: RatioSpec, districts: tuple[str, ...], include_care: bool
) -> Ratio:
    parts = [chain_ratio(tidy, spec, district=d, include_care=include_care) for d in districts]
    numerator = sum(p.numerator for p in parts)
    denominator = sum(p.denominator for p in parts)
    left_out = tuple(name for p in parts for name in p.left_out)
    return exact_ratio(
        numerator,
        denominator,
        "per",
        label=spec.label,
        scale=spec.scale,
        left_out=left_out,
        numerator_label=spec.numerator_label,
        denominator_label=spec.denominator_label,
    )


def compare_casustafel(
    tidy: pl.DataFrame, ratio_key: str, *, include_care: bool = False
) -> CasustafelComparison:
    """Compare districts with and without casustafel meetings on one ratio.

    Returns both group ratios with counts, the rate ratio (with / without) with its
    exact conditional-binomial interval, and a Dutch verdict that never claims more
    than five districts can show.
    """
    spec = RATIOS[ratio_key]
    with_, without = casustafel_districts(tidy)
    with_ratio = _group_ratio(tidy, spec, with_, include_care)
    without_ratio = _group_ratio(tidy, spec, without, include_care)
    rr: float | None
    if with_ratio.denominator == 0 or without_ratio.denominator == 0:
        rr, lower, upper = None, 0.0, float("inf")
    else:
        rr, lower, upper = rate_ratio_interval(
            with_ratio.numerator, with_ratio.denominator, without_ratio.numerator, without_ratio.denominator
        )
    return CasustafelComparison(
        spec=spec,
        include_care=include_care,
        with_districts=with_,
        without_districts=without,
        with_ratio=with_ratio,
        without_ratio=without_ratio,
        rate_ratio=rr,
        lower=lower,
        upper=upper,
        verdict=verdict(rr, lower, upper, len(with_), len(without)),
    )


def care_settings(key: str) -> tuple[tuple[bool, str], ...]:
    """The care settings that make sense for ratio ``key``: (include care?, setting label).

    Left out and counted in; one setting when the care trajectories are the numerator.
    """
    return ((False, CARE_OUT), (True, CARE_IN)) if RATIOS[key].with_care else ((False, CARE_NA),)


def _district_cell(tidy: pl.DataFrame, district: str, code: str) -> int | None:
    found = tidy.filter(pl.col("district") == district, pl.col("indicator") == code)
    return None if found.is_empty() else found["waarde"][0]


def meetings_table(tidy: pl.DataFrame) -> pl.DataFrame:
    """Casustafel meetings and discussed cases per district, with the group each district is in.

    Columns: ``district, groep, vergaderingen, casussen, casussen_tekst``. ``casussen_tekst``
    keeps the published form where the dashboard gives two numbers (``17+3``).
    """
    with_, without = casustafel_districts(tidy)
    rows = []
    for district in (*with_, *without):
        cases = _district_cell(tidy, district, CASES)
        first = _district_cell(tidy, district, CASES_FIRST)
        second = _district_cell(tidy, district, CASES_SECOND)
        text = f"{first}+{second}" if first is not None and second is not None else fmt_int(cases, "?")
        rows.append(
            {
                "district": district,
                "groep": GROUP_WITH if district in with_ else GROUP_WITHOUT,
                "vergaderingen": _district_cell(tidy, district, MEETINGS),
                "casussen": cases,
                "casussen_tekst": text,
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "district": pl.String,
            "groep": pl.String,
            "vergaderingen": pl.Int64,
            "casussen": pl.Int64,
            "casussen_tekst": pl.String,
        },
    )


def _scaled(value: float | None, scale: int) -> float | None:
    return None if value is None else value * scale


def district_comparison_table(tidy: pl.DataFrame, key: str, *, include_care: bool = False) -> pl.DataFrame:
    """The chosen ratio per district and for both pooled groups, with exact intervals.

    Columns: ``gebied, groep, soort`` (``district`` or ``groep``), ``teller, noemer``,
    ``waarde, ondergrens, bovengrens`` (already multiplied by the ratio's scale, so
    "per 100 signalen" reads 42,9), ``tekst`` (value with counts) and ``weggelaten``.
    """
    comparison = compare_casustafel(tidy, key, include_care=include_care)
    spec = comparison.spec
    rows = []
    for group, districts, pooled_name, pooled in (
        (GROUP_WITH, comparison.with_districts, POOLED_WITH, comparison.with_ratio),
        (GROUP_WITHOUT, comparison.without_districts, POOLED_WITHOUT, comparison.without_ratio),
    ):
        parts = [
            (d, chain_ratio(tidy, spec, district=d, include_care=include_care), RowKind.DISTRICT)
            for d in districts
        ]
        for name, ratio, kind in [*parts, (pooled_name, pooled, RowKind.GROUP)]:
            rows.append(
                {
                    "gebied": name,
                    "groep": group,
                    "soort": kind.value,
                    "teller": ratio.numerator,
                    "noemer": ratio.denominator,
                    "waarde": _scaled(ratio.value, spec.scale),
                    "ondergrens": _scaled(ratio.lower, spec.scale),
                    "bovengrens": _scaled(ratio.upper, spec.scale),
                    "tekst": value_with_counts(ratio),
                    "marge": ratio.interval_text(),
                    "weggelaten": ", ".join(ratio.left_out),
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            "gebied": pl.String,
            "groep": pl.String,
            "soort": pl.String,
            "teller": pl.Int64,
            "noemer": pl.Int64,
            "waarde": pl.Float64,
            "ondergrens": pl.Float64,
            "bovengrens": pl.Float64,
            "tekst": pl.String,
            "marge": pl.String,
            "weggelaten": pl.String,
        },
    )


def care_settings_table(tidy: pl.DataFrame) -> pl.DataFrame:
    """Every comparison ratio with care trajectories left out and counted in, side by side.

    Columns: ``verhouding`` (the page's choice label), ``zorg`` (the setting),
    ``met, zonder`` (counts of both groups), ``rr, ondergrens, bovengrens`` and
    ``conclusie``. A ratio whose numerator is the care trajectories themselves has one row.
    """
    rows = []
    for choice, key in RATIO_CHOICES.items():
        for include_care, setting in care_settings(key):
            comparison = compare_casustafel(tidy, key, include_care=include_care)
            rows.append(
                {
                    "verhouding": choice,
                    "zorg": setting,
                    "met": value_with_counts(comparison.with_ratio),
                    "zonder": value_with_counts(comparison.without_ratio),
                    "rr": comparison.rate_ratio,
                    "ondergrens": comparison.lower,
                    "bovengrens": None if comparison.unbounded else comparison.upper,
                    "verhouding_tekst": rate_ratio_text(comparison),
                    "conclusie": direction_text(comparison),
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            "verhouding": pl.String,
            "zorg": pl.String,
            "met": pl.String,
            "zonder": pl.String,
            "rr": pl.Float64,
            "ondergrens": pl.Float64,
            "bovengrens": pl.Float64,
            "verhouding_tekst": pl.String,
            "conclusie": pl.String,
        },
    )
