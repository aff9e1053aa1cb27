"""Dutch number formatting (``29.764``, ``11,7%``, ``1,24``), pure Python.

Halves round up, as Dutch statistics print them: 4 of 64 is 6,25% and shows as ``6,3%``.

Lives in ``analysis`` because generated sentences need it; components reuse it.
"""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

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


def _round_half_up(value: float, digits: int) -> Decimal:
    """Round the decimal representation of ``value`` half up (not to even)."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def fmt_int(value: float | None, missing: str = "–") -> str:
    """Format a count with a dot as thousands separator: ``29764`` -> ``29.764``."""
    if value is None:
        return missing
    return _swap_separators(f"{int(_round_half_up(value, 0)):,}")


def fmt_dec(value: float | None, digits: int = 1, missing: str = "–") -> str:
    """Format a decimal number with a comma: ``1.2381`` -> ``1,24`` (``digits=2``)."""
    if value is None:
        return missing
    return _swap_separators(f"{_round_half_up(value, digits):,.{digits}f}")


def fmt_pct(fraction: float | None, digits: int = 1, missing: str = "–") -> str:
    """Format a fraction as a percentage: ``0.117`` -> ``11,7%``."""
    if fraction is None:
        return missing
    return f"{fmt_dec(float(Decimal(repr(float(fraction))) * 100), digits)}%"


def fmt_date(year: int, month: int, day: int) -> str:
    """Format a date the Dutch way: ``28 november 2026``."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, got {month}")
    return f"{day} {MONTHS[month - 1]} {year}"


def count_noun(n: int | None, singular: str, plural: str) -> str:
    """A count with the right noun form: ``1 signaal``, ``46 signalen``."""
    return f"{fmt_int(n)} {singular if n == 1 else plural}"


def join_words(items: Iterable[str]) -> str:
    """Join words the Dutch way: ``A``, ``A en B``, ``A, B en C`` (empty for none)."""
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]


def signed(n: int) -> str:
    """A difference in counts with its sign: ``+3``, ``−2`` (a real minus sign), ``±0``."""
    return ("+" if n > 0 else "−" if n < 0 else "±") + fmt_int(abs(n))


def lower_first(text: str) -> str:
    """Lower the first letter of a label used inside a sentence: ``Signalen`` -> ``signalen``.

    Abbreviations and names keep their case: ``B8-aangiftes``, ``CoMensHa``, ``OM``.
    """
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    """Raise the first letter of a sentence: ``in 2022 …`` -> ``In 2022 …``."""
    return text[:1].upper() + text[1:]
