"""Low-level reading of an ``.xlsx`` workbook: the sheet XML and the cell values.

fastexcel (calamine) gives the cell values, as the cached results of formulas; it
cannot tell a formula, an error value or a merged range from a plain cell. Those come
from the sheet XML itself, read with the standard library (``zipfile`` and
``ElementTree``; no extra dependency). Every part is checked for size first (guards
against zip bombs), and XML with a DTD is refused.
"""

import contextlib
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from analysis.intake import wording
from analysis.intake.findings import FindingCode, IntakeError, fail

#: Largest total size of the parts of a workbook once unpacked (guards against zip bombs).
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000

_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")

#: A cell position, 0-based: (row, column).
Position = tuple[int, int]


def column_letter(index: int) -> str:
    """Return the spreadsheet letter of a 0-based column index: 0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(position: Position) -> str:
    """The reference of a 0-based (row, column): (2, 4) -> 'E3'."""
    return f"{column_letter(position[1])}{position[0] + 1}"


def parse_ref(ref: str) -> Position | None:
    """Return the 0-based (row, column) of a reference like 'E3', or None."""
    match = _CELL_REF.fullmatch(ref.upper().replace("$", ""))
    if not match:
        return None
    column = 0
    for ch in match.group(1):
        column = column * 26 + ord(ch) - 64
    return int(match.group(2)) - 1, column - 1


def _local(tag: str) -> str:
    """An XML tag or attribute name without its namespace."""
    return tag.rsplit("}", 1)[-1]


@dataclass
class SheetScan:
    """What the values alone do not show: formulas, error values, merged ranges, numeric cells."""

    formulas_without_value: list[str] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    error_values: dict[str, str] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)
    numbers: dict[Position, float] = field(default_factory=dict)
    #: The farthest cell holding something, as (row, column), 0-based; None for an empty sheet.
    farthest: Position | None = None


def _xml(data: bytes) -> ET.Element:
    """Parse a small workbook part; a DTD (entities) is refused."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("DTD in workbook part")
    return ET.fromstring(data)


def _scan_sheet(data: bytes) -> SheetScan:
    """Scan the XML of one sheet, streaming (a sheet may be large)."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("DTD in sheet")
    scan = SheetScan()
    row_index = col_index = -1
    for event, element in ET.iterparse(io.BytesIO(data), events=("start", "end")):
        tag = _local(element.tag)
        if event == "start":
            if tag == "row":
                number = element.get("r", "")
                row_index = int(number) - 1 if number.isdigit() else row_index + 1
                col_index = -1
            continue
        if tag == "c":
            parsed = parse_ref(element.get("r", "")) or (max(row_index, 0), col_index + 1)
            row_index, col_index = parsed
            ref = cell_ref(parsed)
            formula: ET.Element | None = None
            inline: ET.Element | None = None
            value: str | None = None
            for child in element:
                if _local(child.tag) == "f":
                    formula = child
                elif _local(child.tag) == "v":
                    value = child.text
                elif _local(child.tag) == "is":
                    inline = child
            if value or formula is not None or inline is not None:
                far = scan.farthest or (0, 0)
                scan.farthest = (max(far[0], parsed[0]), max(far[1], parsed[1]))
            if formula is not None:
                (scan.formulas if value else scan.formulas_without_value).append(ref)
            kind = element.get("t", "n")
            if kind == "e":
                scan.error_values[ref] = value or "#?"
            elif kind == "n" and value:
                with contextlib.suppress(ValueError):
                    scan.numbers[parsed] = float(value)
            element.clear()
        elif tag == "row":
            element.clear()
        elif tag == "mergeCell" and element.get("ref"):
            scan.merged.append(element.get("ref", ""))
    return scan


def _workbook_parts(archive: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    """Return {sheet name: part path} and whether the file asks for a full recalculation on load."""
    names = set(archive.namelist())
    workbook_path = "xl/workbook.xml"
    if "_rels/.rels" in names:
        for rel in _xml(archive.read("_rels/.rels")):
            if rel.get("Type", "").endswith("/officeDocument"):
                workbook_path = rel.get("Target", workbook_path).lstrip("/")
    base = PurePosixPath(workbook_path).parent
    rels_path = str(base / "_rels" / (PurePosixPath(workbook_path).name + ".rels"))
    targets: dict[str, str] = {}
    for rel in _xml(archive.read(rels_path)):
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else str(base / target)
        parts: list[str] = []
        for piece in resolved.split("/"):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece not in ("", "."):
                parts.append(piece)
        targets[rel.get("Id", "")] = "/".join(parts)
    sheets: dict[str, str] = {}
    recalculate = False
    for element in _xml(archive.read(workbook_path)).iter():
        tag = _local(element.tag)
        if tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            if rid in targets:
                sheets[element.get("name", "")] = targets[rid]
        elif tag == "calcPr" and element.get("fullCalcOnLoad") in ("1", "true"):
            recalculate = True
    return sheets, recalculate


def open_workbook(content: bytes) -> tuple[dict[str, SheetScan], bool]:
    """Scan every sheet of a workbook: ({sheet name: scan}, whether it asks for recalculation).

    Raises :class:`IntakeError` for a workbook too large once unpacked, and for anything
    that is not a readable workbook.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            raise fail(FindingCode.WORKBOOK_TOO_LARGE, wording.WORKBOOK_TOO_LARGE)
        parts, recalculate = _workbook_parts(archive)
        scans = {name: _scan_sheet(archive.read(path)) for name, path in parts.items()}
    except IntakeError:
        raise
    except Exception:  # zipfile, zlib and XML errors: the file is not a readable workbook
        raise fail(FindingCode.NOT_EXCEL, wording.UNREADABLE_WORKBOOK) from None
    return scans, recalculate


def sheet_values(content: bytes, sheets: list[str]) -> dict[str, dict[Position, str]]:
    """Read the given sheets with fastexcel: {sheet: {(row, column): text}}, 0-based positions.

    Uses fastexcel directly rather than ``pl.read_excel`` so that no row is dropped
    (``skip_rows=0`` keeps leading empty rows; ``absolute_index`` gives the column), so
    that positions match the sheet exactly.
    """
    try:
        import fastexcel
    except ImportError:  # pragma: no cover - depends on the installation
        raise fail(FindingCode.EXCEL_UNAVAILABLE, wording.EXCEL_UNAVAILABLE) from None
    values: dict[str, dict[Position, str]] = {}
    try:
        reader = fastexcel.read_excel(content)
        for name in sheets:
            sheet = reader.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
            columns = [c.absolute_index for c in sheet.available_columns()]
            frame = sheet.to_polars()
            grid: dict[Position, str] = {}
            for position, series in zip(columns, frame.iter_columns(), strict=True):
                for row, value in enumerate(series.to_list()):
                    if value is not None:
                        grid[(row, position)] = value
            values[name] = grid
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        # fastexcel raises its own errors, and Rust panics surface as BaseException.
        raise fail(FindingCode.NOT_EXCEL, wording.UNREADABLE_WORKBOOK) from None
    return values
