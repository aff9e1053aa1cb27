"""CSV that Dutch spreadsheet programs open in columns: ``;`` between cells, decimal commas, a BOM.

Dutch Excel reads a CSV with the list separator of the Dutch locale (``;``) and a decimal comma,
and recognises UTF-8 only by the byte-order mark at the start. Numbers are written without
thousands separators (``1026``, ``150,5``), times as ``2026-11-30 14:05:09`` in Dutch time, and
text that a spreadsheet would run as a formula gets a leading quote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from analysis.werksessie.export_text import visible_text

#: The UTF-8 byte-order mark that makes Excel read the file as UTF-8.
BOM = "\ufeff"
#: Cell separator and decimal mark of the Dutch locale.
SEPARATOR = ";"
DECIMAL = ","
#: The time zone of the times in an export.
DUTCH_TIME = ZoneInfo("Europe/Amsterdam")

#: First characters that make a spreadsheet read a cell as a formula (also their full-width forms).
FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def dutch_number(value: float) -> str:
    """A number for a Dutch spreadsheet: ``150``, ``150,5``, ``-0,25``; empty for NaN or infinity."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return ""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", DECIMAL)


def dutch_time(value: dt.datetime) -> str:
    """A time as ``2026-11-30 14:05:09`` in Dutch time (a time without zone is taken as UTC)."""
    aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(DUTCH_TIME).strftime("%Y-%m-%d %H:%M:%S")


def csv_cell(value: object) -> str:
    """One cell: numbers the Dutch way, times in Dutch time, text visible and never a formula."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return dutch_number(value)
    if isinstance(value, dt.datetime):
        return dutch_time(value)
    if isinstance(value, dt.date):
        return f"{value.day:02d}-{value.month:02d}-{value.year}"
    text = "" if value is None else visible_text(str(value))
    return "'" + text if text[:1] in FORMULA_STARTS else text


def dutch_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A whole CSV for Dutch spreadsheets: BOM, ``;``, decimal commas, formula-safe cells, CRLF lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=SEPARATOR, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return BOM + buffer.getvalue()
