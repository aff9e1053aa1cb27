"""Dutch number formatting (``29.764``, ``11,7%``, ``1,24``), pure Python.

Lives in ``analysis`` because generated sentences need it; components reuse it.
"""

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _swap_separators(text: str) -> str:
    """Turn ``1,234.5`` (English) into ``1.234,5`` (Dutch)."""
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_int(value: float | None, missing: str = "–") -> str:
    """Format a count with a dot as thousands separator: ``29764`` -> ``29.764``."""
    if value is None:
        return missing
    return _swap_separators(f"{round(value):,}")


def fmt_dec(value: float | None, digits: int = 1, missing: str = "–") -> str:
    """Format a decimal number with a comma: ``1.2381`` -> ``1,24`` (``digits=2``)."""
    if value is None:
        return missing
    return _swap_separators(f"{value:,.{digits}f}")


def fmt_pct(fraction: float | None, digits: int = 1, missing: str = "–") -> str:
    """Format a fraction as a percentage: ``0.117`` -> ``11,7%``."""
    if fraction is None:
        return missing
    return f"{fmt_dec(fraction * 100, digits)}%"


def fmt_date(year: int, month: int, day: int) -> str:
    """Format a date the Dutch way: ``28 november 2026``."""
    return f"{day} {MONTHS[month - 1]} {year}"


def count_noun(n: int | None, singular: str, plural: str) -> str:
    """A count with the right noun form: ``1 signaal``, ``46 signalen``."""
    return f"{fmt_int(n)} {singular if n == 1 else plural}"
