"""Do districts with a casustafel do more? A two-group comparison that says what five districts can carry."""

from dataclasses import dataclass

import polars as pl

from analysis.dutch import fmt_dec
from analysis.geography import UNIT
from analysis.ratios import RATIOS, Ratio, RatioSpec, chain_ratio, exact_ratio
from analysis.stats import rate_ratio_interval

#: Ratios a user can pick for the comparison.
COMPARISON_RATIOS: tuple[str, ...] = (
    "interventies_per_rapportage",
    "interventies_per_signaal",
    "zorgtrajecten_per_signaal",
)


@dataclass(frozen=True)
class CasustafelComparison:
    """Districts with casustafel meetings against districts without, for one ratio."""

    spec: RatioSpec
    include_care: bool
    with_districts: tuple[str, ...]
    without_districts: tuple[str, ...]
    with_ratio: Ratio
    without_ratio: Ratio
    rate_ratio: float | None
    lower: float
    upper: float
    verdict: str


def casustafel_districts(tidy: pl.DataFrame) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split the districts into those with casustafel meetings (> 0) and those without."""
    meetings = tidy.filter(pl.col("indicator") == "casustafel_vergaderingen", pl.col("district") != UNIT)
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


def _verdict(rr: float | None, lower: float, upper: float, n_with: int, n_without: int) -> str:
    caveat = (
        f"Met {n_with} tegen {n_without} districten is dit hoogstens een aanwijzing, geen bewijs: "
        "districten verschillen ook op andere punten, en de marge rekent niet mee dat zaken "
        "binnen een district op elkaar lijken."
    )
    if rr is None:
        return "Niet te vergelijken: de groep zonder casustafel heeft hier geen gebeurtenissen. " + caveat
    span = (
        f"{fmt_dec(lower, 2)} tot {fmt_dec(upper, 2)}"
        if upper != float("inf")
        else f"vanaf {fmt_dec(lower, 2)}"
    )
    if lower > 1:
        head = f"Districten met een casustafel scoren hier hoger (verhouding {fmt_dec(rr, 2)}; marge {span})."
    elif upper < 1:
        head = f"Districten met een casustafel scoren hier lager (verhouding {fmt_dec(rr, 2)}; marge {span})."
    else:
        direction = "iets hoger" if rr > 1 else "iets lager" if rr < 1 else "gelijk"
        head = (
            f"Geen duidelijk verschil: districten met een casustafel scoren {direction} "
            f"(verhouding {fmt_dec(rr, 2)}), maar de marge ({span}) omvat 1."
        )
    return f"{head} {caveat}"


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
        verdict=_verdict(rr, lower, upper, len(with_), len(without)),
    )
