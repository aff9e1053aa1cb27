"""Exact intervals for small counts: Clopper-Pearson, Garwood (Poisson) and rate ratios."""

import math

from scipy.stats import beta, chi2

DEFAULT_LEVEL = 0.95


def _check_level(level: float) -> None:
    if not 0 < level < 1:
        raise ValueError(f"confidence level must lie strictly between 0 and 1, got {level}")


def clopper_pearson(k: int, n: int, level: float = DEFAULT_LEVEL) -> tuple[float, float]:
    """Exact (Clopper-Pearson) interval for a proportion ``k`` of ``n``.

    Use it where the numerator is part of the denominator (signals that led to an
    investigation). Raises ``ValueError`` when ``n`` is 0 or ``k`` is out of range.
    """
    if n <= 0 or not 0 <= k <= n:
        raise ValueError(f"need 0 <= k <= n and n > 0, got k={k}, n={n}")
    _check_level(level)
    alpha = 1 - level
    lower = 0.0 if k == 0 else float(beta.ppf(alpha / 2, k, n - k + 1))
    upper = 1.0 if k == n else float(beta.ppf(1 - alpha / 2, k + 1, n - k))
    return lower, upper


def poisson_interval(k: int, level: float = DEFAULT_LEVEL) -> tuple[float, float]:
    """Exact (Garwood) interval for a Poisson count ``k``."""
    if k < 0:
        raise ValueError(f"count must be >= 0, got {k}")
    _check_level(level)
    alpha = 1 - level
    lower = 0.0 if k == 0 else float(chi2.ppf(alpha / 2, 2 * k)) / 2
    upper = float(chi2.ppf(1 - alpha / 2, 2 * k + 2)) / 2
    return lower, upper


def rate_ratio_interval(
    k1: int, n1: float, k2: int, n2: float, level: float = DEFAULT_LEVEL
) -> tuple[float | None, float, float]:
    """Rate ratio ``(k1/n1) / (k2/n2)`` with the exact conditional-binomial interval.

    Given ``k1 + k2`` events, ``k1`` is binomial with ``p = n1*RR / (n1*RR + n2)``;
    the Clopper-Pearson interval for ``p`` maps onto one for ``RR``. Returns
    ``(ratio, lower, upper)``; ``ratio`` is ``None`` when it is undefined, and an
    upper bound of ``math.inf`` means the data put no ceiling on it.
    """
    if n1 <= 0 or n2 <= 0:
        raise ValueError("denominators must be positive")
    if k1 < 0 or k2 < 0:
        raise ValueError(f"counts must be >= 0, got k1={k1}, k2={k2}")
    _check_level(level)
    total = k1 + k2
    if total == 0:
        return None, 0.0, math.inf
    p_low, p_high = clopper_pearson(k1, total, level)
    scale = n2 / n1
    lower = p_low / (1 - p_low) * scale
    upper = math.inf if p_high >= 1 else p_high / (1 - p_high) * scale
    ratio = None if k2 == 0 else (k1 / n1) / (k2 / n2)
    return ratio, lower, upper
