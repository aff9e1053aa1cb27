"""Exact intervals, checked against scipy's own exact methods and textbook tables.

The expected values are computed in the test itself with ``scipy.stats.binomtest`` and
the chi-square formulas written out, and with published table values for the
Garwood interval (e.g. k = 0 gives an upper bound of 3,689 at 95%).
"""

import math

import pytest
from scipy.stats import binomtest, chi2

from analysis import clopper_pearson, poisson_interval, rate_ratio_interval

# -- Clopper-Pearson ---------------------------------------------------------------------


def test_clopper_pearson_22_of_188_matches_binomtest() -> None:
    # 22 investigations out of 188 signals (the published 2022 unit totals).
    reference = binomtest(22, 188).proportion_ci(confidence_level=0.95, method="exact")
    lower, upper = clopper_pearson(22, 188)
    assert lower == pytest.approx(reference.low, rel=1e-9)
    assert upper == pytest.approx(reference.high, rel=1e-9)


def test_clopper_pearson_22_of_188_rounded() -> None:
    lower, upper = clopper_pearson(22, 188)
    assert lower == pytest.approx(0.0748, abs=5e-5)
    assert upper == pytest.approx(0.1718, abs=5e-5)
    assert lower < 22 / 188 < upper


@pytest.mark.parametrize(("k", "n"), [(0, 10), (1, 10), (5, 41), (10, 10), (3, 3), (50, 100), (1, 1)])
@pytest.mark.parametrize("level", [0.90, 0.95, 0.99])
def test_clopper_pearson_matches_binomtest(k: int, n: int, level: float) -> None:
    reference = binomtest(k, n).proportion_ci(confidence_level=level, method="exact")
    lower, upper = clopper_pearson(k, n, level)
    assert lower == pytest.approx(reference.low, abs=1e-12)
    assert upper == pytest.approx(reference.high, abs=1e-12)


def test_clopper_pearson_edges() -> None:
    assert clopper_pearson(0, 10)[0] == 0.0
    assert clopper_pearson(10, 10)[1] == 1.0
    # k = 0: upper bound is 1 - (alpha/2)^(1/n), the "rule of three" region.
    assert clopper_pearson(0, 10)[1] == pytest.approx(1 - 0.025 ** (1 / 10), rel=1e-12)


def test_clopper_pearson_wider_at_higher_level() -> None:
    lo90, hi90 = clopper_pearson(22, 188, 0.90)
    lo99, hi99 = clopper_pearson(22, 188, 0.99)
    assert lo99 < lo90 and hi90 < hi99


@pytest.mark.parametrize(("k", "n"), [(5, 0), (0, 0), (-1, 10), (11, 10), (1, -3)])
def test_clopper_pearson_invalid(k: int, n: int) -> None:
    with pytest.raises(ValueError):
        clopper_pearson(k, n)


@pytest.mark.parametrize("level", [1.5, -0.5])
def test_clopper_pearson_invalid_level(level: float) -> None:
    with pytest.raises(ValueError):
        clopper_pearson(22, 188, level)


# -- Garwood (Poisson) ------------------------------------------------------------------


@pytest.mark.parametrize("k", [0, 1, 2, 5, 10, 22, 46, 188])
@pytest.mark.parametrize("level", [0.90, 0.95])
def test_poisson_interval_matches_chi2_formula(k: int, level: float) -> None:
    alpha = 1 - level
    expected_lower = 0.0 if k == 0 else chi2.ppf(alpha / 2, 2 * k) / 2
    expected_upper = chi2.ppf(1 - alpha / 2, 2 * (k + 1)) / 2
    lower, upper = poisson_interval(k, level)
    assert lower == pytest.approx(expected_lower, rel=1e-12, abs=1e-15)
    assert upper == pytest.approx(expected_upper, rel=1e-12)


@pytest.mark.parametrize(
    ("k", "lower", "upper"),
    [
        # Exact 95% limits for a Poisson count, as tabulated (Garwood 1936).
        (0, 0.0, 3.689),
        (1, 0.0253, 5.572),
        (2, 0.242, 7.225),
        (5, 1.624, 11.668),
        (10, 4.795, 18.390),
    ],
)
def test_poisson_interval_textbook_values(k: int, lower: float, upper: float) -> None:
    got_lower, got_upper = poisson_interval(k)
    assert got_lower == pytest.approx(lower, abs=1e-3)
    assert got_upper == pytest.approx(upper, abs=1e-3)


def test_poisson_interval_zero_upper_is_minus_log_alpha_half() -> None:
    # For k = 0 the upper limit solves exp(-mu) = 0.025.
    assert poisson_interval(0)[1] == pytest.approx(-math.log(0.025), rel=1e-12)


def test_poisson_interval_contains_k() -> None:
    for k in (1, 3, 22, 188):
        lower, upper = poisson_interval(k)
        assert lower < k < upper


def test_poisson_interval_negative_count() -> None:
    with pytest.raises(ValueError):
        poisson_interval(-1)


def test_poisson_interval_invalid_level() -> None:
    with pytest.raises(ValueError):
        poisson_interval(3, 1.5)


# -- rate ratio -------------------------------------------------------------------------


def reference_rate_ratio(k1: int, n1: float, k2: int, n2: float) -> tuple[float, float]:
    """Exact conditional interval: k1 | k1+k2 is binomial with p = RR n1 / (RR n1 + n2)."""
    ci = binomtest(k1, k1 + k2).proportion_ci(confidence_level=0.95, method="exact")
    return ci.low / (1 - ci.low) * n2 / n1, ci.high / (1 - ci.high) * n2 / n1


@pytest.mark.parametrize(("k1", "n1", "k2", "n2"), [(51, 41, 27, 19), (96, 41, 42, 19), (10, 100, 5, 200)])
def test_rate_ratio_matches_conditional_binomial(k1: int, n1: float, k2: int, n2: float) -> None:
    ratio, lower, upper = rate_ratio_interval(k1, n1, k2, n2)
    expected_lower, expected_upper = reference_rate_ratio(k1, n1, k2, n2)
    assert ratio == pytest.approx((k1 / n1) / (k2 / n2), rel=1e-12)
    assert lower == pytest.approx(expected_lower, rel=1e-9)
    assert upper == pytest.approx(expected_upper, rel=1e-9)
    assert lower < ratio < upper


def test_rate_ratio_equal_rates() -> None:
    ratio, lower, upper = rate_ratio_interval(10, 5, 20, 10)
    assert ratio == pytest.approx(1.0)
    assert lower < 1 < upper


def test_rate_ratio_no_events_in_second_group() -> None:
    ratio, lower, upper = rate_ratio_interval(5, 10, 0, 10)
    assert ratio is None
    assert upper == math.inf
    assert lower > 0


def test_rate_ratio_no_events_in_first_group() -> None:
    ratio, lower, upper = rate_ratio_interval(0, 10, 5, 10)
    assert ratio == 0.0
    assert lower == 0.0
    assert 0 < upper < math.inf


def test_rate_ratio_no_events_at_all() -> None:
    assert rate_ratio_interval(0, 10, 0, 10) == (None, 0.0, math.inf)


@pytest.mark.parametrize(("k1", "n1", "k2", "n2"), [(51, 41, 27, 19), (3, 7, 12, 2.5), (0, 10, 5, 10)])
def test_rate_ratio_swap_gives_reciprocal_bounds(k1: int, n1: float, k2: int, n2: float) -> None:
    _, lower, upper = rate_ratio_interval(k1, n1, k2, n2)
    swapped_ratio, swapped_lower, swapped_upper = rate_ratio_interval(k2, n2, k1, n1)
    if lower == 0.0:
        assert swapped_upper == math.inf
    else:
        assert swapped_upper == pytest.approx(1 / lower, rel=1e-9)
    assert swapped_lower == pytest.approx(1 / upper, rel=1e-9)
    if k1 > 0 and k2 > 0:
        assert swapped_ratio == pytest.approx((k2 / n2) / (k1 / n1))


@pytest.mark.parametrize(("n1", "n2"), [(0, 10), (10, 0), (-1, 10), (10, -5)])
def test_rate_ratio_invalid_denominators(n1: float, n2: float) -> None:
    with pytest.raises(ValueError):
        rate_ratio_interval(5, n1, 5, n2)


@pytest.mark.parametrize(("k1", "k2"), [(-2, 5), (5, -2)])
def test_rate_ratio_negative_count_raises(k1: int, k2: int) -> None:
    with pytest.raises(ValueError):
        rate_ratio_interval(k1, 10, k2, 10)


def test_rate_ratio_negative_counts_summing_to_zero_raise() -> None:
    with pytest.raises(ValueError):
        rate_ratio_interval(-1, 10, 1, 10)
