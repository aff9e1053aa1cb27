"""Districts with and without a casustafel, on the published 2022 figures.

The dashboard's text says that districts with casustafels do more administrative
interventions. With three against two districts the data can at most hint at that.
"""

import polars as pl
import pytest
from scipy.stats import binomtest

from analysis import COMPARISON_RATIOS, casustafel_districts, compare_casustafel

WITH = ("IJsselland", "Twente", "Gelderland-Midden")
WITHOUT = ("Gelderland-Zuid", "Noord- en Oost-Gelderland")


def exact_rate_ratio_bounds(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    ci = binomtest(k1, k1 + k2).proportion_ci(confidence_level=0.95, method="exact")
    return ci.low / (1 - ci.low) * n2 / n1, ci.high / (1 - ci.high) * n2 / n1


def test_groups(tidy: pl.DataFrame) -> None:
    # Meetings: IJsselland 11, Twente 4, Gelderland-Midden 6; Gelderland-Zuid 0, NOG 0.
    assert casustafel_districts(tidy) == (WITH, WITHOUT)


def test_interventions_per_report(tidy: pl.DataFrame) -> None:
    result = compare_casustafel(tidy, "interventies_per_rapportage")
    assert result.with_districts == WITH
    assert result.without_districts == WITHOUT
    # With: interventions IJsselland 13 + Twente 21 + Gelderland-Midden 17 = 51,
    #       reports 13 + 16 (Hengelo, Tubbergen out) + 12 = 41.
    assert (result.with_ratio.numerator, result.with_ratio.denominator) == (13 + 21 + 17, 13 + 16 + 12)
    assert (result.with_ratio.numerator, result.with_ratio.denominator) == (51, 41)
    # Without: Gelderland-Zuid 12 + NOG 15 = 27; reports 9 + (13 - Harderwijk 3) = 19.
    assert (result.without_ratio.numerator, result.without_ratio.denominator) == (12 + 15, 9 + 10)
    assert (result.without_ratio.numerator, result.without_ratio.denominator) == (27, 19)
    assert result.with_ratio.left_out == ("Hengelo", "Tubbergen")
    assert result.without_ratio.left_out == ("Harderwijk", "Zutphen")
    assert result.include_care is False


def test_rate_ratio_and_interval(tidy: pl.DataFrame) -> None:
    result = compare_casustafel(tidy, "interventies_per_rapportage")
    assert result.rate_ratio == pytest.approx((51 / 41) / (27 / 19))
    assert result.rate_ratio == pytest.approx(0.875, abs=5e-4)
    lower, upper = exact_rate_ratio_bounds(51, 41, 27, 19)
    assert result.lower == pytest.approx(lower, rel=1e-9)
    assert result.upper == pytest.approx(upper, rel=1e-9)
    assert result.lower < 1 < result.upper


def test_verdict_is_an_indication_not_a_claim(tidy: pl.DataFrame) -> None:
    verdict = compare_casustafel(tidy, "interventies_per_rapportage").verdict
    assert "aanwijzing" in verdict
    assert "geen bewijs" in verdict
    assert "Met 3 tegen 2 districten" in verdict
    assert verdict.startswith("Geen duidelijk verschil")
    assert "omvat 1" in verdict
    assert "0,88" in verdict
    assert "scoren hier hoger" not in verdict
    assert "scoren hier lager" not in verdict


def test_include_care_changes_the_numerators(tidy: pl.DataFrame) -> None:
    result = compare_casustafel(tidy, "interventies_per_rapportage", include_care=True)
    # Care: IJsselland 17, Twente 1 (Overig; Hengelo/Tubbergen "?"), Gelderland-Midden 27 -> 51 + 45 = 96.
    # Gelderland-Zuid 2, NOG 13 -> 27 + 15 = 42.
    assert (result.with_ratio.numerator, result.with_ratio.denominator) == (51 + 17 + 1 + 27, 41)
    assert (result.with_ratio.numerator, result.with_ratio.denominator) == (96, 41)
    assert (result.without_ratio.numerator, result.without_ratio.denominator) == (27 + 2 + 13, 19)
    assert (result.without_ratio.numerator, result.without_ratio.denominator) == (42, 19)
    assert result.include_care is True
    assert result.rate_ratio == pytest.approx((96 / 41) / (42 / 19))
    assert result.lower < 1 < result.upper
    assert "aanwijzing" in result.verdict


def test_interventions_per_signal(tidy: pl.DataFrame) -> None:
    # Signals, without the areas with "?": with 25 + (41 - 10 - 1) + 64 = 119; without 18 + (40 - 2 - 2) = 54.
    result = compare_casustafel(tidy, "interventies_per_signaal")
    assert (result.with_ratio.numerator, result.with_ratio.denominator) == (51, 119)
    assert (result.without_ratio.numerator, result.without_ratio.denominator) == (27, 54)


def test_care_per_signal(tidy: pl.DataFrame) -> None:
    result = compare_casustafel(tidy, "zorgtrajecten_per_signaal")
    assert (result.with_ratio.numerator, result.with_ratio.denominator) == (17 + 1 + 27, 119)
    assert (result.without_ratio.numerator, result.without_ratio.denominator) == (2 + 13, 54)


def test_every_comparison_ratio_runs_and_hedges(tidy: pl.DataFrame) -> None:
    for key in COMPARISON_RATIOS:
        for care in (False, True):
            result = compare_casustafel(tidy, key, include_care=care)
            assert "aanwijzing" in result.verdict
            assert result.lower <= result.upper


def test_clear_difference_still_hedged(tidy: pl.DataFrame) -> None:
    # Tamper consistently: Arnhem's dwangsommen 6 -> 200 and the Gelderland-Midden total 8 -> 202
    # give the "with" group 51 - 6 + 200 = 245 interventions.
    arnhem = (pl.col("gebied") == "Arnhem") & (pl.col("indicator") == "dwangsommen")
    midden = (pl.col("gebied") == "Gelderland-Midden") & (pl.col("indicator") == "dwangsommen")
    tampered = tidy.with_columns(
        pl.when(arnhem)
        .then(pl.lit(200))
        .when(midden)
        .then(pl.lit(202))
        .otherwise(pl.col("waarde"))
        .alias("waarde")
    )
    result = compare_casustafel(tampered, "interventies_per_rapportage")
    assert result.with_ratio.numerator == 245
    assert result.lower > 1
    assert "scoren hier hoger" in result.verdict
    assert "aanwijzing" in result.verdict and "geen bewijs" in result.verdict
