"""What a casustafel comparison is: its result, and how its direction is read. No wording here."""

from dataclasses import dataclass
from enum import Enum, StrEnum

from analysis.ratios import Ratio, RatioSpec

#: Ratios a user can pick for the comparison.
COMPARISON_RATIOS: tuple[str, ...] = (
    "interventies_per_rapportage",
    "interventies_per_signaal",
    "zorgtrajecten_per_signaal",
)

#: The ratio the dashboard's claim is about: "more interventions" per report.
CLAIM_RATIO = "interventies_per_rapportage"

#: The indicators of the CASUSTAFELS block: meetings, and the cases discussed (published as one
#: number, or as two joined by "+": casustafel and RIEC).
MEETINGS = "casustafel_vergaderingen"
CASES = "casustafel_casus"
CASES_FIRST = "casustafel_casus_mh"
CASES_SECOND = "casustafel_casus_riec"


class RowKind(StrEnum):
    """What a row of the per-district comparison table is (the ``soort`` column)."""

    DISTRICT = "district"
    GROUP = "groep"


class Direction(Enum):
    """How the group with a casustafel compares with the group without, given the margin."""

    INCOMPARABLE = "incomparable"
    HIGHER = "higher"
    LOWER = "lower"
    SLIGHTLY_HIGHER = "slightly higher"
    SLIGHTLY_LOWER = "slightly lower"
    EQUAL = "equal"


def direction_of(rate_ratio: float | None, lower: float, upper: float) -> Direction:
    """Clearly higher or lower when the margin lies wholly above or below 1, else only a leaning."""
    if rate_ratio is None:
        return Direction.INCOMPARABLE
    if lower > 1:
        return Direction.HIGHER
    if upper < 1:
        return Direction.LOWER
    if rate_ratio > 1:
        return Direction.SLIGHTLY_HIGHER
    if rate_ratio < 1:
        return Direction.SLIGHTLY_LOWER
    return Direction.EQUAL


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

    @property
    def direction(self) -> Direction:
        """Which way the comparison points (see :func:`direction_of`)."""
        return direction_of(self.rate_ratio, self.lower, self.upper)

    @property
    def unbounded(self) -> bool:
        """Whether the margin has no upper bound."""
        return self.upper == float("inf")

    @property
    def margin_includes_one(self) -> bool:
        """Whether the margin of the rate ratio includes 1 (no difference)."""
        return self.lower <= 1 <= self.upper

    @property
    def care_counted(self) -> bool:
        """Whether care trajectories are counted as interventions in this comparison."""
        return self.include_care and self.spec.with_care
