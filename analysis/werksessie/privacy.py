"""Checks on what participants type: not empty, not too long, no hidden characters, no personal data.

The filter looks for e-mail addresses, Dutch phone numbers, numbers that pass the BSN
11-proef, and a name or a word like 'geboren' next to a (birth) date. The refusals are
worded in :mod:`analysis.werksessie.wording`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from analysis.werksessie.session import MAX_TEXT_CHARS
from analysis.werksessie.wording import (
    REASON_BSN,
    REASON_EMAIL,
    REASON_NAME_AND_DATE,
    REASON_PHONE,
    YOUR_TEXT,
    empty_message,
    hidden_characters_message,
    personal_data_message,
    too_long_message,
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A Dutch phone number: 0 + nine digits, or +31 / 0031 + nine digits; spaces, dots and dashes allowed.
_PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)(?:[\s.\-()]{0,2}\d){9}(?!\d)")
# Nine digits, written together or in groups (1234.56.782, 123 456 782).
_NINE_DIGITS = re.compile(r"(?<![\d.\-])(\d{9}|\d{4}[ .]\d{2}[ .]\d{3}|\d{3}[ .\-]\d{3}[ .\-]\d{3})(?![\d])")
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
# A year that can be a year of birth (not a recent reporting year) and any year at all.
_BIRTH_YEAR = r"(?:19\d{2}|20(?:0\d|1[0-5]))"
_ANY_YEAR = r"(?:19|20)\d{2}"


def _date_pattern(year: str) -> re.Pattern[str]:
    """A date in a text (12-03-1985, 3 maart 2001, 1985-03-12) whose year matches ``year``."""
    return re.compile(
        rf"\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]{year}|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+{year}|{year}-\d{{1,2}}-\d{{1,2}})\b",
        re.IGNORECASE,
    )


_BIRTH_DATE = _date_pattern(_BIRTH_YEAR)
_DATE = _date_pattern(_ANY_YEAR)
_BIRTH_WORD = re.compile(r"\b(?:geboren|geb\.|geboortedatum|gebdat|dob|leeftijd)", re.IGNORECASE)
_PARTICLES = r"(?:van|de|der|den|ter|ten|te|el|al|da|di|le|la|bin|ben)"
_NAME = re.compile(
    rf"\b(?:(?:dhr|mevr|mw|mr|mevrouw|meneer)\.?\s+[A-Z]\w+|[A-Z][a-zà-ÿ]+(?:\s+{_PARTICLES})*\s+[A-Z][a-zà-ÿ]+)"
)
#: Characters that are refused: control characters (except newline and tab) and invisible format
#: characters such as bidi overrides and zero-width marks.
_ALLOWED_CONTROL = {"\n", "\t", "\r"}
_HIDDEN_CATEGORIES = ("Cc", "Cf", "Co", "Cs")


def passes_eleven_test(digits: str) -> bool:
    """True when nine digits pass the Dutch 11-proef for a BSN (and are not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def personal_data_reasons(text: str) -> list[str]:
    """What in ``text`` looks like personal data, as Dutch phrases ('een e-mailadres'); empty when nothing."""
    reasons: list[str] = []
    if _EMAIL.search(text):
        reasons.append(REASON_EMAIL)
    if _PHONE.search(text):
        reasons.append(REASON_PHONE)
    if any(passes_eleven_test(re.sub(r"\D", "", m.group(1))) for m in _NINE_DIGITS.finditer(text)):
        reasons.append(REASON_BSN)
    if (_BIRTH_DATE.search(text) and _NAME.search(text)) or (_DATE.search(text) and _BIRTH_WORD.search(text)):
        reasons.append(REASON_NAME_AND_DATE)
    return reasons


@dataclass(frozen=True)
class TextCheck:
    """The outcome of checking a text: the cleaned text when accepted, a Dutch message when refused."""

    ok: bool
    text: str
    message: str = ""


def _has_hidden_characters(text: str) -> bool:
    """True when ``text`` holds a control or invisible format character other than newline and tab."""
    return any(unicodedata.category(ch) in _HIDDEN_CATEGORIES and ch not in _ALLOWED_CONTROL for ch in text)


def check_text(text: str | None, *, max_chars: int = MAX_TEXT_CHARS, what: str = YOUR_TEXT) -> TextCheck:
    """Check a participant's text: not empty, not too long, no hidden characters, no personal data.

    The text is trimmed and normalised (NFC); line endings become ``\\n``.
    """
    cleaned = unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not cleaned:
        return TextCheck(False, "", empty_message(what))
    if len(cleaned) > max_chars:
        return TextCheck(False, cleaned, too_long_message(what, len(cleaned), max_chars))
    if _has_hidden_characters(cleaned):
        return TextCheck(False, cleaned, hidden_characters_message(what))
    reasons = personal_data_reasons(cleaned)
    if reasons:
        return TextCheck(False, cleaned, personal_data_message(what, reasons))
    return TextCheck(True, cleaned)
