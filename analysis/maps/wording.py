"""The Dutch words of the maps: legend classes, the Overig mark and tooltip texts."""

from __future__ import annotations

from analysis.dutch import fmt_dec, fmt_int
from analysis.parser import EMPTY, NOT_APPLICABLE, NOT_REPORTED

#: Below this many, a count is shown but not coloured: too few to compare areas.
MIN_COUNT = 5
FEW_COUNTS = f"te weinig om te vergelijken (minder dan {MIN_COUNT})"
#: Legend texts of a cell without a number: never coloured as zero.
MISSING_CLASSES: dict[str, str] = {
    EMPTY: "leeg vak: niet aan een gemeente toe te wijzen",
    NOT_REPORTED: "geen opgave (?)",
    NOT_APPLICABLE: "niet van toepassing (-)",
}
#: Classes of a rate compared with the whole unit, from low to high.
RATE_CLASSES: tuple[str, ...] = (
    "lager dan in Oost-Nederland (minder dan 2/3)",
    "rond Oost-Nederland (2/3 tot 1,5 keer)",
    "hoger (1,5 tot 3 keer Oost-Nederland)",
    "veel hoger (3 keer of meer)",
)
#: Classes of a count, from small to large.
COUNT_CLASSES: tuple[str, ...] = ("5 tot 10", "10 tot 25", "25 tot 50", "50 of meer")
OTHER_LEGEND = "Overig: gemeenten die het dashboard samen telt (gestippelde rand)"
OTHER_NOTE = "samen met de andere gemeenten onder 'Overig'"


def area_name(area: str, municipality: str, other: bool) -> str:
    """How the tooltip names where a municipality's figure comes from."""
    return f"{area} ({OTHER_NOTE})" if other else municipality


def value_text(value: int | None, status: str, label: str) -> str:
    """The count in a tooltip, or why there is none: ``12 signalen``, ``geen opgave (?)``."""
    if value is None:
        return MISSING_CLASSES.get(status, status)
    return f"{fmt_int(value)} {label}"


def rate_text(rate: float | None) -> str:
    """A rate per 100.000 inhabitants for the tooltip (``–`` without a count)."""
    return "–" if rate is None else f"{fmt_dec(rate, 1)} per 100.000 inwoners"
