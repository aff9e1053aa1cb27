"""Low-level reading of an ``.xlsx`` workbook: the sheet XML and the cell values.

fastexcel (calamine) gives the cell values, as the cached results of formulas; it
cannot tell a formula, an error value or a merged range from a plain cell. Those come
from the sheet XML itself.

An upload is hostile until proven otherwise, and checking one must not cost more than
a few tens of MB whatever it holds. Before anything else reads it, every part of the zip
archive is inflated a chunk at a time (:func:`verify_parts`), counting what comes out:
reading stops as soon as a part gives more than its header declares, one part more than
:data:`MAX_PART_BYTES` or the parts together more than :data:`MAX_UNPACKED_BYTES` (a part
whose header says 4 kB but which inflates to 1 GB is refused after 4 kB). Only deflated and stored parts are accepted.
Only then does fastexcel see the file, with every header proven true. The XML is
parsed with ``defusedxml`` (no DTD, no entities, in any encoding), sheets as a stream,
and scanning stops at the first cell outside the table or after :data:`MAX_CELLS` cells.
"""

import contextlib
import copy
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO, TYPE_CHECKING
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET

from analysis.intake import wording
from analysis.intake.findings import FindingCode, IntakeError, fail

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

#: Largest total size of the parts of a workbook once unpacked. The template with a year's
#: figures unpacks to about 0,2 MB; this is eighty times that.
MAX_UNPACKED_BYTES = 16 * 1024 * 1024
#: Largest part once unpacked. The largest sheet of a year's template is about 40 kB. An XML
#: parser holds a single comment or text node whole, so this also bounds what one node costs.
MAX_PART_BYTES = 4 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
#: Most cells holding something, over all sheets (a year's template holds a few thousand).
MAX_CELLS = 100_000
#: A block sheet holds a small table; a cell beyond this is a stray cell far outside it.
MAX_SHEET_ROWS = 2000
MAX_SHEET_COLUMNS = 100
#: How much of a part is inflated at a time.
CHUNK_BYTES = 64 * 1024
#: Compression methods a workbook uses; others (bzip2, lzma) are refused unread.
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

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


class _TooLargeError(Exception):
    """The parts of a workbook hold more than declared or more than the app reads."""


class _PartReader(io.RawIOBase):
    """One part of the archive as a stream, inflated a chunk at a time and counted.

    Raises :class:`_TooLargeError` as soon as the part gives more than its header declares or
    than the ``budget`` left, and ``zipfile.BadZipFile`` when it gives less.
    """

    def __init__(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> None:
        super().__init__()
        if info.compress_type not in _METHODS:
            raise zipfile.BadZipFile(f"compression method {info.compress_type}")
        if info.file_size > min(budget[0], MAX_PART_BYTES):
            raise _TooLargeError(info.filename)
        # zipfile stops at the declared size (and then checks the CRC): declaring one byte more
        # lets it read on, so a part that inflates past its header shows itself here.
        probe = copy.copy(info)
        probe.file_size = info.file_size + 1
        self._stream: IO[bytes] = archive.open(probe)
        self._declared = info.file_size
        self._budget = budget
        self._read = 0

    def readable(self) -> bool:
        """A part can be read (once, from the start)."""
        return True

    def readinto(self, buffer: "WriteableBuffer") -> int:
        """Fill ``buffer`` with at most one chunk of the inflated part."""
        view = memoryview(buffer).cast("B")
        data = self._stream.read(min(len(view), CHUNK_BYTES))
        self._read += len(data)
        self._budget[0] -= len(data)
        if self._read > self._declared or self._budget[0] < 0:
            raise _TooLargeError(self._declared)
        if not data and self._read != self._declared:
            raise zipfile.BadZipFile("part shorter than its header says")
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        """Close the underlying zip stream."""
        self._stream.close()
        super().close()


def _drain(reader: _PartReader, xml: bool) -> None:
    """Read a part to its end; an XML part must also be well-formed (fastexcel reads broken XML silently)."""
    with reader:
        if xml:
            root: Element | None = None
            for event, element in SafeET.iterparse(reader, events=("start", "end"), forbid_dtd=True):
                if root is None:
                    root = element
                elif event == "end":
                    element.clear()
                    if len(root) > 1000:
                        del root[:-1]  # keep only the element still open; nothing is needed afterwards
        while reader.read(CHUNK_BYTES):
            pass


def _small_part(reader: _PartReader) -> Element:
    """Parse a small workbook part (relationships, the workbook) with defusedxml."""
    with reader:
        root = SafeET.parse(reader, forbid_dtd=True).getroot()
    if root is None:
        raise ValueError("empty workbook part")
    return root


def _scan_sheet(reader: _PartReader, cells: list[int]) -> SheetScan:
    """Scan the XML of one sheet as a stream; ``cells`` counts cells over all sheets.

    Stops at the first cell outside the table (it becomes :attr:`SheetScan.farthest`), and
    raises :class:`_TooLargeError` beyond :data:`MAX_CELLS` cells.
    """
    scan = SheetScan()
    row_index = col_index = -1
    parent: Element | None = None
    with reader:
        for event, element in SafeET.iterparse(reader, events=("start", "end"), forbid_dtd=True):
            tag = _local(element.tag)
            if event == "start":
                if tag == "row":
                    number = element.get("r", "")
                    row_index = int(number) - 1 if number.isdigit() else row_index + 1
                    col_index = -1
                elif tag == "sheetData":
                    parent = element
                continue
            if tag == "c":
                parsed = parse_ref(element.get("r", "")) or (max(row_index, 0), col_index + 1)
                row_index, col_index = parsed
                ref = cell_ref(parsed)
                formula: Element | None = None
                inline: Element | None = None
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
                    if parsed[0] >= MAX_SHEET_ROWS or parsed[1] >= MAX_SHEET_COLUMNS:
                        scan.farthest = parsed
                        return scan  # a stray cell far outside the table: no need to read on
                    cells[0] += 1
                    if cells[0] > MAX_CELLS:
                        raise _TooLargeError(ref)
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
                if parent is not None:
                    parent.remove(element)  # finished rows are not kept (a sheet may hold many)
            elif tag == "mergeCell" and element.get("ref"):
                scan.merged.append(element.get("ref", ""))
                if len(scan.merged) > MAX_CELLS:
                    raise _TooLargeError("merged ranges")
    return scan


def _workbook_parts(open_part: "PartOpener", names: set[str]) -> tuple[dict[str, str], bool]:
    """Return {sheet name: part path} and whether the file asks for a full recalculation on load."""
    workbook_path = "xl/workbook.xml"
    if "_rels/.rels" in names:
        for rel in _small_part(open_part("_rels/.rels")):
            if rel.get("Type", "").endswith("/officeDocument"):
                workbook_path = rel.get("Target", workbook_path).lstrip("/")
    base = PurePosixPath(workbook_path).parent
    rels_path = str(base / "_rels" / (PurePosixPath(workbook_path).name + ".rels"))
    targets: dict[str, str] = {}
    for rel in _small_part(open_part(rels_path)):
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
    for element in _small_part(open_part(workbook_path)).iter():
        tag = _local(element.tag)
        if tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            if rid in targets:
                sheets[element.get("name", "")] = targets[rid]
        elif tag == "calcPr" and element.get("fullCalcOnLoad") in ("1", "true"):
            recalculate = True
    return sheets, recalculate


class PartOpener:
    """Opens parts of one archive as counted streams, all drawing on one budget of unpacked bytes."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive
        self._budget = [MAX_UNPACKED_BYTES]

    def __call__(self, name: str) -> _PartReader:
        """A counted stream of the part ``name`` (``KeyError`` when there is none)."""
        return _PartReader(self._archive, self._archive.getinfo(name), self._budget)

    def infos(self) -> Iterator[zipfile.ZipInfo]:
        """Every part of the archive."""
        yield from self._archive.infolist()


def verify_parts(archive: zipfile.ZipFile) -> None:
    """Inflate every part once, a chunk at a time, and prove its header true.

    Every XML part must be well-formed XML without a DTD: calamine reads a broken shared
    strings part without a word, with values missing. Raises :class:`_TooLargeError` when a
    part declares more than :data:`MAX_PART_BYTES`, or
    inflates past its declared size, or the parts together past :data:`MAX_UNPACKED_BYTES`
    (reading stops right there), and
    ``zipfile.BadZipFile`` for a wrong CRC, a short part or an unusual compression method.
    """
    infos = archive.infolist()
    declared = [i.file_size for i in infos]
    if (
        len(infos) > MAX_ZIP_ENTRIES
        or sum(declared) > MAX_UNPACKED_BYTES
        or max(declared, default=0) > MAX_PART_BYTES
    ):
        raise _TooLargeError("declared sizes")
    opener = PartOpener(archive)
    for info in infos:
        _drain(opener(info.filename), xml=info.filename.lower().endswith((".xml", ".rels")))


def open_workbook(content: bytes) -> tuple[dict[str, SheetScan], bool]:
    """Scan every sheet of a workbook: ({sheet name: scan}, whether it asks for recalculation).

    Raises :class:`IntakeError` for a workbook too large once unpacked (whatever its
    headers say), and for anything that is not a readable workbook.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        verify_parts(archive)
        opener = PartOpener(archive)
        parts, recalculate = _workbook_parts(opener, set(archive.namelist()))
        cells = [0]
        scans = {name: _scan_sheet(opener(path), cells) for name, path in parts.items()}
    except _TooLargeError:
        raise fail(FindingCode.WORKBOOK_TOO_LARGE, wording.WORKBOOK_TOO_LARGE) from None
    except IntakeError:
        raise
    except Exception:  # zipfile, zlib and XML errors (defusedxml's too): not a readable workbook
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
