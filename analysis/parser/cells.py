"""One figure of the layout: a count, or a mark saying why there is none."""

import re
from dataclasses import dataclass

from analysis.parser import messages
from analysis.parser.statuses import EMPTY, NOT_APPLICABLE, NOT_REPORTED, REPORTED

_INTEGER = re.compile(r"\d+|\d{1,3}(?:\.\d{3})+")
_NEGATIVE = re.compile(r"[-−–]\s*\d[\d.,]*")
_DASHES = {"-", "–", "—", "−"}
_NOT_REPORTED_MARK = "?"
_MAX_DIGITS = 9


@dataclass(frozen=True)
class Cell:
    """One parsed figure: its value (``None`` when missing) and its status."""

    value: int | None
    status: str


def parse_cell(raw: str) -> Cell:
    """Parse one figure: a count (``29.764``), empty, ``?`` or ``-``.

    Raises ``ValueError`` with a Dutch explanation for anything else.
    """
    text = raw.replace("\u00a0", " ").strip()
    if text == "":
        return Cell(None, EMPTY)
    if text == _NOT_REPORTED_MARK:
        return Cell(None, NOT_REPORTED)
    if text in _DASHES:
        return Cell(None, NOT_APPLICABLE)
    if _INTEGER.fullmatch(text):
        digits = text.replace(".", "")
        if len(digits.lstrip("0")) > _MAX_DIGITS:
            raise ValueError(messages.too_many_digits(text, _MAX_DIGITS))
        return Cell(int(digits), REPORTED)
    if _NEGATIVE.fullmatch(text):
        raise ValueError(messages.negative(text))
    raise ValueError(messages.not_a_number(text))
