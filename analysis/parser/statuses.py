"""The vocabulary of the tidy table: its columns, why a cell has a number or not, and area types.

Plain strings (not an enum), because they are stored in polars columns and compared there;
an enum member without an explicit schema would turn a column into a polars ``Enum``.
"""

import polars as pl

REPORTED = "gerapporteerd"
EMPTY = "leeg"
NOT_REPORTED = "niet_gerapporteerd"
NOT_APPLICABLE = "niet_van_toepassing"
STATUSES = (REPORTED, EMPTY, NOT_REPORTED, NOT_APPLICABLE)

#: How a cell without a number is marked in charts and tables (a number shows itself).
STATUS_MARK: dict[str, str] = {REPORTED: "", EMPTY: "leeg", NOT_REPORTED: "?", NOT_APPLICABLE: "-"}

#: Why a cell has (or lacks) a number, in words for tables, tooltips and legends.
STATUS_LABELS: dict[str, str] = {
    REPORTED: "gerapporteerd",
    EMPTY: "leeg: geen signaal aan deze gemeente te koppelen",
    NOT_REPORTED: "?: niet gerapporteerd",
    NOT_APPLICABLE: "-: niet van toepassing",
}

AREA_MUNICIPALITY = "gemeente"
AREA_OTHER = "overig"
AREA_TOTAL = "totaal"

TIDY_SCHEMA = {
    "jaar": pl.Int64,
    "district": pl.String,
    "gebied": pl.String,
    "gebiedstype": pl.String,
    "indicator": pl.String,
    "waarde": pl.Int64,
    "status": pl.String,
}

OTHER_PREFIX = "Overig"


def other_area(district: str) -> str:
    """Return the area name used for a district's "Overig" column."""
    return f"{OTHER_PREFIX} {district}"
