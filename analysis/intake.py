"""Bringing in next year's figures without a developer: read an upload, validate it, compare years.

Three steps, all pure Python (no Streamlit):

1. :func:`read_upload` / :func:`load_upload` turn an uploaded file into the layout text
   that :func:`analysis.parser.parse_layout` reads: tab-separated text (``.txt``,
   ``.tsv``), CSV (``;`` or ``,`` separated) or the Excel template (``.xlsx``, see
   :mod:`analysis.template`). Whole-file problems (empty, too large, not text, not a
   workbook, a missing sheet) raise :class:`IntakeError`; problems in single Excel cells
   (a formula without a stored result, an error value, merged cells) are collected.
   The uploaded bytes are never changed; the caller keeps the original.
2. :func:`validate` parses the text and returns an :class:`IntakeResult`: the tidy
   table or ``None``, *errors* (everything the parser cannot read with certainty, plus
   a year that already exists or is not plausible) and *warnings* (consistency checks
   that do not hold, totals that are lower bounds, changed municipalities). Warnings do
   not block: the published figures are what they are. :func:`check_upload` does both.
3. :func:`compare_years` puts the totals of two years side by side, with exact
   rate-ratio intervals; :func:`area_changes` says which municipalities a district
   names that it did not name the year before (mergers, renamings, other choices).

Every message is Dutch and names where the problem is (block or sheet, row, column) and
what was expected.

How a workbook is read: fastexcel (calamine) gives the cell values, as the cached
results of formulas; it cannot tell a formula, an error value or a merged range from a
plain cell. Those come from the sheet XML itself, read with the standard library
(``zipfile`` and ``ElementTree``; no extra dependency): a formula without a stored
result is an error, and so is any formula in a file that asks for recalculation on
opening (``fullCalcOnLoad``, which programs such as xlsxwriter write together with a
placeholder result of 0); a formula with a result saved by Excel is taken, with a
warning. A merged range is an error unless its top-left cell is empty or it is a
section heading across one row. Numbers that are not whole are shown the Dutch way
(``1,5``) so that the parser's message matches what the user typed.
"""

import codecs
import contextlib
import csv
import io
import math
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath

import polars as pl

from analysis.checks import (
    DIFFERS,
    KIND_BREAKDOWN,
    KIND_DISTRICT_SUM,
    KIND_TEXT,
    KIND_UNIT_SUM,
    LOWER_BOUND,
    consistency_checks,
    load_context,
)
from analysis.dutch import fmt_dec, fmt_int
from analysis.geography import UNIT, Gazetteer, default_gazetteer
from analysis.indicators import DISTRICT_INDICATORS, SECTION_HEADINGS, label, labels_for
from analysis.names import name_key
from analysis.parser import (
    AREA_TOTAL,
    EMPTY,
    NOT_REPORTED,
    REPORTED,
    STATUS_LABELS,
    LayoutError,
    _split_blocks,  # the parser's own block splitter, reused to locate total cells
    parse_layout_all,
)
from analysis.stats import rate_ratio_interval
from analysis.template import (
    AWARENESS,
    BLOCK_SHEETS,
    COMENSHA,
    INSTRUCTION_SHEET,
    block_of,
    municipality_columns,
)
from analysis.trends import BASE_YEAR

#: Largest upload accepted, in bytes.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: Largest total size of the parts of a workbook once unpacked (guards against zip bombs).
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
#: A block sheet holds a small table; anything beyond this is a stray cell far outside it.
MAX_SHEET_ROWS = 2000
MAX_SHEET_COLUMNS = 100
#: The first dashboard covered this year; no earlier year is plausible.
FIRST_YEAR = BASE_YEAR

TEXT_SUFFIXES = (".txt", ".tsv", ".csv")
EXCEL_SUFFIXES = (".xlsx",)
ACCEPTED = "het Excel-sjabloon (.xlsx) of de tabellen als tekst (.txt, .tsv of .csv)"

KIND_TEXT_UPLOAD = "tekst"
KIND_EXCEL_UPLOAD = "excel"

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_YEAR_IN_NAME = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_MAX_LISTED = 8


# -- findings and errors --------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One error or warning, with a Dutch message that says where and what was expected.

    ``block``, ``line`` and ``column`` locate it in the layout text (1-based);
    ``sheet`` and ``cell`` (``'E3'``) locate it in an uploaded workbook.
    """

    code: str
    message: str
    block: str | None = None
    line: int | None = None
    column: int | None = None
    column_name: str | None = None
    sheet: str | None = None
    cell: str | None = None


class IntakeError(ValueError):
    """An upload that cannot be read at all. Holds one or more :class:`Finding`."""

    def __init__(self, findings: list[Finding]) -> None:
        """Store the findings; the message is their Dutch messages, one per line."""
        self.findings = findings
        self.code = findings[0].code
        super().__init__("\n".join(f.message for f in findings))


def _fail(code: str, message: str, **where: str | None) -> IntakeError:
    return IntakeError([Finding(code, message, **where)])


@dataclass
class Upload:
    """An upload turned into layout text, with what was noticed on the way.

    ``sheet_rows`` maps a line of ``text`` to (sheet, row in the sheet) for a workbook;
    ``source_lines`` maps a line of ``text`` to the line of the uploaded file where they
    differ (a CSV field spanning lines).
    """

    name: str
    kind: str
    text: str
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    sheet_rows: dict[int, tuple[str, int]] = field(default_factory=dict)
    source_lines: dict[int, int] = field(default_factory=dict)


@dataclass
class IntakeResult:
    """The outcome of validating one year: the tidy table (``None`` on errors) and the findings."""

    year: int
    tidy: pl.DataFrame | None
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the year can be added: a tidy table and no errors."""
        return self.tidy is not None and not self.errors


# -- reading an upload --------------------------------------------------------------------


def _suffix(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def _megabytes(n: int) -> str:
    return f"{fmt_dec(n / (1024 * 1024), 1)} MB"


def read_upload(name: str, content: bytes) -> str:
    """Turn an uploaded file into the layout text (tab-separated blocks).

    Raises :class:`IntakeError` with a Dutch message when the file cannot be read or, for
    a workbook, when a cell cannot be taken over as it is (a formula without a stored
    result, an error value, merged cells). Notes such as a Windows-1252 encoding are
    available through :func:`load_upload`.
    """
    upload = load_upload(name, content)
    if upload.errors:
        raise IntakeError(upload.errors)
    return upload.text


def load_upload(name: str, content: bytes) -> Upload:
    """Read an upload into an :class:`Upload`; raises :class:`IntakeError` for whole-file problems."""
    content = bytes(content)
    suffix = _suffix(name)
    if suffix not in TEXT_SUFFIXES + EXCEL_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "zonder extensie"
        raise _fail(
            "bestandstype",
            f"Een bestand van het type {shown} kan de app niet lezen. Verwacht: {ACCEPTED}.",
        )
    if len(content) > MAX_UPLOAD_BYTES:
        raise _fail(
            "bestand_te_groot",
            f"Het bestand is {_megabytes(len(content))}; de grens is {_megabytes(MAX_UPLOAD_BYTES)}. "
            "De tabellen van één jaar zijn veel kleiner: staat er iets anders in, zoals afbeeldingen of "
            "andere tabbladen? Verwacht: alleen het ingevulde sjabloon.",
        )
    if not content.strip():
        raise _fail(
            "leeg_bestand",
            "Het bestand is leeg: er staat niets in. Verwacht: het ingevulde sjabloon of de tabellen als tekst.",
        )
    if content.startswith(_OLE_MAGIC):
        raise _fail(
            "oud_excel",
            "Dit is een oud Excel-bestand (.xls) of een bestand met een wachtwoord. Sla het op als "
            "Excel-werkmap (.xlsx) zonder wachtwoord en probeer het opnieuw.",
        )
    if content.startswith(_ZIP_MAGIC):
        return _read_workbook(name, content)
    if suffix in EXCEL_SUFFIXES:
        raise _fail(
            "geen_excel",
            "Het bestand heet .xlsx maar is geen Excel-werkmap: het is beschadigd of een ander soort "
            "bestand. Verwacht: een werkmap opgeslagen vanuit Excel (Opslaan als > Excel-werkmap).",
        )
    return _read_text(name, content)


# -- text ---------------------------------------------------------------------------


def _decode(content: bytes) -> tuple[str, list[Finding]]:
    notes: list[Finding] = []
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16"), notes
        except UnicodeDecodeError:
            raise _fail(
                "geen_tekst",
                "Het bestand begint als UTF-16-tekst maar is niet goed te lezen. Verwacht: "
                f"{ACCEPTED}; sla het bij twijfel opnieuw op als 'CSV UTF-8'.",
            ) from None
    body = content.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        raise _fail(
            "geen_tekst",
            f"Het bestand bevat geen leesbare tekst (het lijkt een ander soort bestand). Verwacht: {ACCEPTED}.",
        ) from None
    notes.append(
        Finding(
            "codering_windows1252",
            "Het bestand is niet als UTF-8 opgeslagen; de app heeft het gelezen als Windows-1252 (ANSI), "
            "zoals oudere Excel-versies opslaan. Controleer of namen met een accent (zoals ë of é) goed "
            "zijn overgekomen. Opslaan als 'CSV UTF-8' of .xlsx voorkomt dit.",
        )
    )
    return text, notes


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v") + text.count("\ufffd")
    return controls > max(2, len(text) // 100)


def _clean_field(value: str) -> str:
    return value.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _delimiter(text: str) -> str | None:
    if "\t" in text:
        return None
    first = next((line for line in text.splitlines() if line.strip()), "")
    if ";" in first:
        return ";"
    if "," in first:
        return ","
    return None


def _read_text(name: str, content: bytes) -> Upload:
    text, notes = _decode(content)
    if _looks_binary(text):
        raise _fail(
            "geen_tekst",
            "Het bestand bevat geen leesbare tekst (het lijkt een ander soort bestand, zoals een afbeelding "
            f"of pdf). Verwacht: {ACCEPTED}.",
        )
    text = text.lstrip("\ufeff")
    delimiter = _delimiter(text)
    if delimiter is None:
        return Upload(name, KIND_TEXT_UPLOAD, text, warnings=notes)
    lines: list[str] = []
    source_lines: dict[int, int] = {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    previous_end = 0
    try:
        for record in reader:
            lines.append("\t".join(_clean_field(v) for v in record))
            source_lines[len(lines)] = previous_end + 1
            previous_end = reader.line_num
    except csv.Error:  # in practice: a field longer than csv's limit, after a quote that is never closed
        raise _fail(
            "csv_onleesbaar",
            f"Het CSV-bestand is vanaf regel {previous_end + 1} niet te lezen: daar begint een veld dat niet "
            'ophoudt. Staat er een aanhalingsteken (") zonder afsluitend aanhalingsteken? Verwacht: velden '
            f"gescheiden door '{delimiter}', aanhalingstekens alleen in paren.",
        ) from None
    if all(k == v for k, v in source_lines.items()):
        source_lines = {}
    return Upload(name, KIND_TEXT_UPLOAD, "\n".join(lines) + "\n", warnings=notes, source_lines=source_lines)


# -- Excel ----------------------------------------------------------------------------


def column_letter(index: int) -> str:
    """Return the spreadsheet letter of a 0-based column index: 0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _parse_ref(ref: str) -> tuple[int, int] | None:
    """Return the 0-based (row, column) of a reference like 'E3', or None."""
    match = _CELL_REF.fullmatch(ref.upper().replace("$", ""))
    if not match:
        return None
    column = 0
    for ch in match.group(1):
        column = column * 26 + ord(ch) - 64
    return int(match.group(2)) - 1, column - 1


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@dataclass
class _SheetScan:
    """What the values alone do not show: formulas, error values, merged ranges, numeric cells."""

    formulas_without_value: list[str] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    error_values: dict[str, str] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)
    numbers: dict[tuple[int, int], float] = field(default_factory=dict)
    #: The farthest cell holding something, as (row, column), 0-based; None for an empty sheet.
    farthest: tuple[int, int] | None = None


def _xml(data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("DTD in workbook part")
    return ET.fromstring(data)


def _scan_sheet(data: bytes) -> _SheetScan:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("DTD in sheet")
    scan = _SheetScan()
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
            parsed = _parse_ref(element.get("r", "")) or (max(row_index, 0), col_index + 1)
            row_index, col_index = parsed
            ref = f"{column_letter(parsed[1])}{parsed[0] + 1}"
            formula = value = inline = None
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


def _open_workbook(content: bytes) -> tuple[dict[str, _SheetScan], bool]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            raise _fail(
                "werkmap_te_groot",
                "De werkmap is uitgepakt veel te groot voor de tabellen van één jaar. Verwacht: alleen het "
                "ingevulde sjabloon, zonder afbeeldingen of grote extra tabbladen.",
            )
        parts, recalculate = _workbook_parts(archive)
        scans = {name: _scan_sheet(archive.read(path)) for name, path in parts.items()}
    except IntakeError:
        raise
    except Exception:  # zipfile, zlib and XML errors: the file is not a readable workbook
        raise _fail(
            "geen_excel",
            "Het bestand is geen leesbare Excel-werkmap (.xlsx): het is beschadigd of een ander soort "
            "bestand. Verwacht: een werkmap opgeslagen vanuit Excel (Opslaan als > Excel-werkmap).",
        ) from None
    return scans, recalculate


def _sheet_values(content: bytes, sheets: list[str]) -> dict[str, dict[tuple[int, int], str]]:
    """Read the given sheets with fastexcel: {sheet: {(row, column): text}}, 0-based positions.

    Uses fastexcel directly rather than ``pl.read_excel`` so that no row is dropped
    (``skip_rows=0`` keeps leading empty rows; ``absolute_index`` gives the column), so
    that positions match the sheet exactly.
    """
    try:
        import fastexcel
    except ImportError:  # pragma: no cover - depends on the installation
        raise _fail(
            "excel_niet_beschikbaar",
            "Excel-bestanden kan deze installatie niet lezen (het onderdeel fastexcel ontbreekt). Lever de "
            "tabellen als tekst (.txt of .csv) of vraag de beheerder fastexcel te installeren.",
        ) from None
    values: dict[str, dict[tuple[int, int], str]] = {}
    try:
        reader = fastexcel.read_excel(content)
        for name in sheets:
            sheet = reader.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
            columns = [c.absolute_index for c in sheet.available_columns()]
            frame = sheet.to_polars()
            grid: dict[tuple[int, int], str] = {}
            for position, series in zip(columns, frame.iter_columns(), strict=True):
                for row, value in enumerate(series.to_list()):
                    if value is not None:
                        grid[(row, position)] = value
            values[name] = grid
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        # fastexcel raises its own errors, and Rust panics surface as BaseException.
        raise _fail(
            "geen_excel",
            "Het bestand is geen leesbare Excel-werkmap (.xlsx): het is beschadigd of een ander soort "
            "bestand. Verwacht: een werkmap opgeslagen vanuit Excel (Opslaan als > Excel-werkmap).",
        ) from None
    return values


def _number_text(number: float) -> str:
    if math.isfinite(number) and number == math.floor(number):
        return str(int(number))
    return repr(number).replace(".", ",")


def _cell_text(raw: str, number: float | None) -> str:
    if number is not None:
        try:
            float(raw)
        except ValueError:  # a date or time shown as such: keep what the sheet shows
            pass
        else:
            return _number_text(number)
    return _clean_field(raw)


def _listed(refs: list[str]) -> str:
    shown = ", ".join(refs[:_MAX_LISTED])
    return shown + (f" en nog {len(refs) - _MAX_LISTED}" if len(refs) > _MAX_LISTED else "")


def _block_identity(name: str, gazetteer: Gazetteer) -> str:
    key = name_key(name)
    if key.startswith("totaaleenheid"):
        return "eenheid"
    if key in ("azcs", "azc"):
        return "azcs"
    if key in ("casustafels", "comensha", "b8aangiftes"):
        return key
    match = gazetteer.district(name)
    return f"district:{match.name}" if match.name else key


def _harmful_merges(merged: list[str], grid: dict[tuple[int, int], str]) -> list[str]:
    """Merged ranges that hide figures: the top-left value seems to cover the other cells.

    A merge is harmless when its top-left cell is empty, or when it spans one row
    starting in column A and holds a section heading (such as 'Bestuurlijke opvolging').
    """
    harmful = []
    for ref in merged:
        first, _, last = ref.partition(":")
        start, end = _parse_ref(first), _parse_ref(last or first)
        if start is None or end is None:
            harmful.append(ref)
            continue
        value = grid.get(start, "").strip()
        if not value:
            continue
        if start[0] == end[0] and start[1] == 0 and name_key(value) in SECTION_HEADINGS:
            continue
        harmful.append(ref)
    return harmful


def _read_workbook(name: str, content: bytes) -> Upload:
    scans, recalculate = _open_workbook(content)
    gazetteer = default_gazetteer()
    by_key = {name_key(sheet): sheet for sheet in scans}
    missing = [s for s in BLOCK_SHEETS if name_key(s) not in by_key]
    if missing:
        plural = len(missing) > 1
        raise _fail(
            "tabblad_ontbreekt",
            ("De tabbladen " if plural else "Het tabblad ")
            + ", ".join(f"'{s}'" for s in missing)
            + (" ontbreken" if plural else " ontbreekt")
            + " in de werkmap. Gevonden: "
            + (", ".join(f"'{s}'" for s in scans) or "geen tabbladen")
            + ". Verwacht: de tabbladen van het sjabloon met hun oorspronkelijke namen; hernoem een "
            "tabblad terug of begin met een nieuw sjabloon.",
            sheet=missing[0],
        )
    expected_keys = {name_key(s) for s in BLOCK_SHEETS}
    block_sheets = [s for s in scans if name_key(s) in expected_keys]
    upload = Upload(name, KIND_EXCEL_UPLOAD, "")
    for sheet in scans:
        if name_key(sheet) not in expected_keys and name_key(sheet) != name_key(INSTRUCTION_SHEET):
            upload.warnings.append(
                Finding(
                    "tabblad_overgeslagen",
                    f"Tabblad '{sheet}' hoort niet bij het sjabloon en is niet gelezen. Staan daar cijfers die "
                    "meetellen, zet ze dan op het juiste tabblad.",
                    sheet=sheet,
                )
            )
    for sheet in block_sheets:
        far = scans[sheet].farthest
        if far is not None and (far[0] >= MAX_SHEET_ROWS or far[1] >= MAX_SHEET_COLUMNS):
            ref = f"{column_letter(far[1])}{far[0] + 1}"
            raise _fail(
                "cel_buiten_tabel",
                f"Tabblad '{sheet}', cel {ref}: hier staat iets, ver buiten de tabel. Verwacht: alleen de tabel "
                "vanaf cel A1. Maak de cellen buiten de tabel leeg (Start > Wissen > Alles wissen).",
                sheet=sheet,
                cell=ref,
            )
    values = _sheet_values(content, block_sheets)
    lines: list[str] = []
    for sheet in block_sheets:
        scan, grid = scans[sheet], values[sheet]
        expected = next(s for s in BLOCK_SHEETS if name_key(s) == name_key(sheet))
        problems = _sheet_problems(sheet, expected, scan, grid, recalculate, gazetteer)
        upload.errors.extend(p for p in problems if p.code != "formule_in_cel")
        upload.warnings.extend(p for p in problems if p.code == "formule_in_cel")
        if any(p.code in _SKIPPED_SHEET for p in problems):
            continue
        width = 1 + max(c for _, c in grid)
        height = 1 + max(r for r, _ in grid)
        if lines:
            lines.append("")
        for row in range(height):
            cells = [_cell_text(grid.get((row, c), ""), scan.numbers.get((row, c))) for c in range(width)]
            if all(not c.strip() for c in cells):
                continue
            lines.append("\t".join(cells))
            upload.sheet_rows[len(lines)] = (sheet, row + 1)
    upload.text = "\n".join(lines) + "\n" if lines else ""
    return upload


#: Problems for which a sheet is left out of the layout text.
_SKIPPED_SHEET = ("a1_leeg", "blok_past_niet")


def _sheet_problems(
    sheet: str,
    expected: str,
    scan: _SheetScan,
    grid: dict[tuple[int, int], str],
    recalculate: bool,
    gazetteer: Gazetteer,
) -> list[Finding]:
    problems: list[Finding] = []
    first = grid.get((0, 0), "").strip()
    if not first:
        problems.append(
            Finding(
                "a1_leeg",
                f"Tabblad '{sheet}', cel A1 is leeg. Verwacht: de naam van het blok, '{expected}', zoals in het "
                "sjabloon; de kopregel staat in rij 1 en de namen van de rijen in kolom A.",
                block=expected,
                sheet=sheet,
                cell="A1",
            )
        )
    elif _block_identity(first, gazetteer) != _block_identity(expected, gazetteer):
        problems.append(
            Finding(
                "blok_past_niet",
                f"Tabblad '{sheet}', cel A1: hier staat '{first[:60]}'. Verwacht: '{expected}'. Staat dit blok "
                "op het verkeerde tabblad?",
                block=expected,
                sheet=sheet,
                cell="A1",
            )
        )
    # An error value is reported as such; a file that asks for recalculation on opening
    # (as files written by programs such as xlsxwriter do) holds no trustworthy results.
    formulas = [ref for ref in scan.formulas if ref not in scan.error_values]
    without_value = [ref for ref in scan.formulas_without_value if ref not in scan.error_values]
    if recalculate:
        without_value += formulas
    if without_value:
        problems.append(
            Finding(
                "formule_zonder_waarde",
                f"Tabblad '{sheet}', cel {_listed(without_value)}: een formule waarvan het bestand geen "
                "berekende uitkomst bewaart, dus de app kan het getal niet lezen. Verwacht: waarden, geen "
                "formules. Kopieer de cellen, kies Plakken speciaal > Waarden en sla op in Excel.",
                block=expected,
                sheet=sheet,
                cell=without_value[0],
            )
        )
    elif formulas:
        problems.append(
            Finding(
                "formule_in_cel",
                f"Tabblad '{sheet}', cel {_listed(formulas)}: een formule. De app neemt de laatst "
                "berekende uitkomst over. Verwacht: de getallen zoals het dashboard ze publiceert; een zelf "
                "opgeteld totaal kan afwijken van het gepubliceerde.",
                block=expected,
                sheet=sheet,
                cell=formulas[0],
            )
        )
    for ref, error in scan.error_values.items():
        problems.append(
            Finding(
                "foutwaarde",
                f"Tabblad '{sheet}', cel {ref}: de foutwaarde {error[:20]}. Verwacht: een aantal, '?', '-' of "
                "een leeg vak.",
                block=expected,
                sheet=sheet,
                cell=ref,
            )
        )
    for ref in _harmful_merges(scan.merged, grid):
        problems.append(
            Finding(
                "samengevoegde_cellen",
                f"Tabblad '{sheet}', cellen {ref}: samengevoegd. Dan staat alleen in de eerste cel iets en "
                "lijken de andere leeg. Verwacht: elk vak apart. Maak de samenvoeging ongedaan (Start > "
                "Samenvoegen en centreren) en vul elk vak in.",
                block=expected,
                sheet=sheet,
                cell=ref.partition(":")[0],
            )
        )
    return problems


# -- validating ---------------------------------------------------------------------


def year_from_name(name: str) -> int | None:
    """Return the year in a file name (``dashboard_2023.xlsx`` -> 2023), or None if there is none or several."""
    found = set(_YEAR_IN_NAME.findall(PurePosixPath(name.replace("\\", "/")).name))
    return int(found.pop()) if len(found) == 1 else None


def _year_findings(year: int, existing_years: list[int], today: date) -> tuple[list[Finding], list[Finding]]:
    errors: list[Finding] = []
    warnings: list[Finding] = []
    last = today.year - 1
    if not FIRST_YEAR <= year <= last:
        errors.append(
            Finding(
                "jaar_onwaarschijnlijk",
                f"Het jaar {year} is niet aannemelijk. Verwacht: een jaar van {FIRST_YEAR} (het eerste "
                f"dashboard) tot en met {last}; de cijfers van een jaar zijn pas compleet als dat jaar voorbij is.",
            )
        )
    existing = sorted(set(existing_years))
    if year in existing:
        errors.append(
            Finding(
                "jaar_bestaat_al",
                f"Het jaar {year} staat al in de app (aanwezig: {', '.join(map(str, existing))}). Verwacht: een "
                f"jaar dat er nog niet in staat. Moeten de cijfers van {year} worden vervangen, vraag dat dan "
                "aan de beheerder.",
            )
        )
    elif existing and FIRST_YEAR <= year <= last and year > existing[-1] + 1:
        gap = ", ".join(str(y) for y in range(existing[-1] + 1, year))
        warnings.append(
            Finding(
                "jaar_overgeslagen",
                f"Tussen {existing[-1]} en {year} ontbreekt: {gap}. Dat mag; vergelijkingen met {existing[-1]} "
                "gaan dan over meer dan één jaar.",
            )
        )
    return errors, warnings


_EARLIER_LINE = re.compile(r"eerder op regel ([0-9]+)")


def _refer_to_upload(message: str, upload: Upload | None, sheet: str | None = None) -> str:
    """Rewrite 'eerder op regel N' (a line of the layout text) in the terms of the upload."""
    if upload is None:
        return message

    def earlier(match: re.Match) -> str:
        line = int(match.group(1))
        if line in upload.sheet_rows:
            other, row = upload.sheet_rows[line]
            return f"eerder in rij {row}" if other == sheet else f"eerder op tabblad '{other}', rij {row}"
        return f"eerder op regel {upload.source_lines.get(line, line)}"

    return _EARLIER_LINE.sub(earlier, message)


def _located(
    code: str,
    message: str,
    *,
    block: str | None,
    line: int | None,
    column: int | None,
    column_name: str | None,
    upload: Upload | None,
) -> Finding:
    """Build a finding whose message starts with its location, in the terms of the upload."""
    if upload is not None and line is not None and line in upload.sheet_rows:
        sheet, row = upload.sheet_rows[line]
        message = _refer_to_upload(message, upload, sheet)
        where = f"Tabblad '{sheet}', rij {row}"
        cell = None
        if column is not None:
            letter = column_letter(column - 1)
            cell = f"{letter}{row}"
            where += f", kolom {letter}" + (f" ('{column_name}')" if column_name else "")
        return Finding(code, f"{where}: {message}", block, line, column, column_name, sheet, cell)
    shown_line = line
    message = _refer_to_upload(message, upload)
    if upload is not None and line is not None:
        shown_line = upload.source_lines.get(line, line)
    text = str(
        LayoutError(message, code=code, block=block, line=shown_line, column=column, column_name=column_name)
    )
    return Finding(code, text, block, shown_line, column, column_name)


def _layout_finding(error: LayoutError, upload: Upload | None) -> Finding:
    return _located(
        error.code,
        error.message,
        block=error.block,
        line=error.line,
        column=error.column,
        column_name=error.column_name,
        upload=upload,
    )


_EMPTY_CONTEXT_SCHEMA = {
    "code": pl.String,
    "omschrijving": pl.String,
    "jaar": pl.Int64,
    "waarde": pl.Float64,
    "eenheid": pl.String,
    "benadering": pl.String,
    "ondergrens": pl.Float64,
    "bovengrens": pl.Float64,
    "indicator": pl.String,
    "bron": pl.String,
    "vindplaats": pl.String,
}


def _usable_context(context: pl.DataFrame | None) -> pl.DataFrame:
    """The context figures to check against; an empty or column-less frame means: none."""
    if context is None:
        return load_context()
    if context.is_empty() or not set(_EMPTY_CONTEXT_SCHEMA) <= set(context.columns):
        return pl.DataFrame(schema=_EMPTY_CONTEXT_SCHEMA)
    return context


def _total_cells(text: str, gazetteer: Gazetteer) -> dict[tuple[str, str], tuple[str, int, int, str | None]]:
    """Where each total stands in the text: (area, indicator) -> (block, line, column, column name)."""
    found: dict[tuple[str, str], tuple[str, int, int, str | None]] = {}
    unit_labels = labels_for(DISTRICT_INDICATORS + AWARENESS)
    for block in _split_blocks(text.lstrip("\ufeff")):
        key = name_key(block.name)
        header = [c.strip() for c in block.header.cells]
        while header and not header[-1]:
            header.pop()
        if key.startswith("totaaleenheid"):
            area, labels, column = UNIT, unit_labels, 2
        elif key == "comensha":
            area, labels, column = UNIT, labels_for(COMENSHA), 2
        elif key == "b8aangiftes":
            area, labels, column = UNIT, labels_for(("b8_aangiftes",)), 2
        else:
            district = gazetteer.district(block.name).name
            if district is None:
                continue
            area, labels, column = district, labels_for(DISTRICT_INDICATORS), max(len(header), 2)
        name = header[column - 1] if column <= len(header) else None
        for line in block.rows:
            code = labels.get(name_key(line.cells[0]))
            if code is not None:
                found.setdefault((area, code), (block.name, line.number, column, name or None))
    return found


def _signed(n: int) -> str:
    return ("+" if n > 0 else "−" if n < 0 else "") + fmt_int(abs(n))


def _check_finding(row: dict) -> tuple[str, str] | None:
    """The Dutch message of a consistency check that does not hold, or None."""
    a = fmt_int(row["waarde_a"], missing="geen getal")
    b = fmt_int(row["waarde_b"], missing="geen getal")
    diff = "" if row["verschil"] is None else f" (verschil {_signed(row['verschil'])})"
    advice = (
        " Controleer of dit zo in het dashboard staat. Zo ja, dan is het goed: de app toont beide getallen "
        "en verbetert niets."
    )
    subject, kind = row["onderwerp"], row["soort"]
    if row["uitkomst"] == LOWER_BOUND:
        labels = row.get("_labels") or [label(row["indicator"])]
        applies = f" Dit geldt voor: {_names(labels)}."
        districts = re.search(r"\((.+)\)", row["toelichting"])
        if row["gebied"] == UNIT and districts:
            return (
                "totaal_ondergrens",
                f"{UNIT}: het eenheidstotaal telt districtstotalen mee waarin een '?' zit "
                f"({districts.group(1)}); het is daarom een ondergrens.{applies}",
            )
        return "totaal_ondergrens", f"{row['gebied']}: {row['toelichting']}{applies}"
    if row["uitkomst"] != DIFFERS:
        return None
    if kind == KIND_DISTRICT_SUM:
        return (
            "totaal_wijkt_af",
            f"{subject}: het districtstotaal is {a}, de gemeenten en Overig tellen op tot {b}{diff}.{advice}",
        )
    if kind == KIND_UNIT_SUM:
        return (
            "totaal_wijkt_af",
            f"{subject}: het eenheidstotaal is {a}, de vijf districten tellen op tot {b}{diff}.{advice}",
        )
    if kind == KIND_BREAKDOWN:
        parts = row["omschrijving_b"].removeprefix("som: ").removeprefix("som ")
        return (
            "uitsplitsing_wijkt_af",
            f"{subject}: het totaal is {a}, de uitsplitsing ({parts}) telt op tot {b}{diff}.{advice}",
        )
    if kind == KIND_TEXT:
        return "tekst_wijkt_af", f"{subject}: de toelichting noemt {a}, de tabel {b}{diff}.{advice}"
    return None


def _grouped_lower_bounds(checks: pl.DataFrame) -> list[dict]:
    """One lower-bound row per area and reason, naming every indicator it concerns.

    A municipality without a report ('?') usually lacks all its administrative
    figures; one warning per district says so instead of one per indicator.
    """
    bounds = checks.filter(pl.col("uitkomst") == LOWER_BOUND)
    grouped: dict[tuple[str, str], list[dict]] = {}
    for row in bounds.iter_rows(named=True):
        grouped.setdefault((row["gebied"], row["toelichting"]), []).append(row)
    rows = []
    for members in grouped.values():
        first = dict(members[0])
        first["_labels"] = [label(r["indicator"]) for r in members]
        rows.append(first)
    return rows


def _check_warnings(
    tidy: pl.DataFrame, context: pl.DataFrame, text: str, gazetteer: Gazetteer, upload: Upload | None
) -> list[Finding]:
    checks = consistency_checks(tidy, context)
    cells = _total_cells(text, gazetteer)
    warnings: list[Finding] = []
    rows = [r for r in checks.iter_rows(named=True) if r["uitkomst"] != LOWER_BOUND]
    for row in rows + _grouped_lower_bounds(checks):
        found = _check_finding(row)
        if found is None:
            continue
        code, message = found
        where = cells.get((row["gebied"], row["indicator"]))
        block, line, column, column_name = where if where else (None, None, None, None)
        if block is None:
            warnings.append(Finding(code, message))
        else:
            warnings.append(
                _located(
                    code,
                    message,
                    block=block,
                    line=line,
                    column=column,
                    column_name=column_name,
                    upload=upload,
                )
            )
    return warnings


def _empty_blocks(tidy: pl.DataFrame) -> list[str]:
    names = [block_of(d, i) for d, i in zip(tidy["district"], tidy["indicator"], strict=True)]
    frame = tidy.with_columns(pl.Series("_block", names, dtype=pl.String))
    empty = frame.group_by("_block", maintain_order=True).agg((pl.col("status") == EMPTY).all().alias("leeg"))
    return empty.filter(pl.col("leeg"))["_block"].to_list()


def validate(
    text: str,
    year: int,
    existing_years: list[int],
    *,
    upload: Upload | None = None,
    previous: pl.DataFrame | None = None,
    gazetteer: Gazetteer | None = None,
    context: pl.DataFrame | None = None,
    today: date | None = None,
) -> IntakeResult:
    """Validate the layout text of one year: errors block the year, warnings do not.

    Errors: every problem the parser finds (all of them, not only the first), a year
    already in ``existing_years``, an implausible year, and an upload without a single
    figure. Warnings: consistency checks that do not hold and totals that are lower
    bounds (the published figures are taken as they are), blocks without figures, and,
    with ``previous`` (the tidy table of an earlier year), municipalities that a
    district names differently. ``upload`` (from :func:`load_upload`) makes locations
    refer to the sheet and cell of a workbook, and adds its own findings. ``context``
    holds the figures the dashboard's text states (default: the bundled ones; an empty
    frame means none). Never raises for any text.
    """
    gazetteer = gazetteer or default_gazetteer()
    today = today or date.today()
    errors, warnings = _year_findings(year, existing_years, today)
    if upload is not None:
        errors = list(upload.errors) + errors
        warnings = list(upload.warnings) + warnings
    tidy, layout_errors = parse_layout_all(text, year, gazetteer)
    if upload is not None and any(e.code in _SKIPPED_SHEET for e in upload.errors):
        # The sheet was left out because of that error; do not report its block as missing too.
        layout_errors = [
            e for e in layout_errors if e.code not in ("district_ontbreekt", "eenheid_ontbreekt")
        ]
    errors += [_layout_finding(e, upload) for e in layout_errors]
    if tidy is None:
        return IntakeResult(year, None, errors, warnings)
    if tidy.filter(pl.col("status") != EMPTY).is_empty():
        errors.append(
            Finding(
                "geen_cijfers",
                "Er staat geen enkel getal, '?' of '-' in het bestand: alle vakken zijn leeg. Verwacht: de "
                "cijfers van het dashboard. Is het sjabloon wel ingevuld en opgeslagen?",
            )
        )
    else:
        for block in _empty_blocks(tidy):
            warnings.append(
                Finding(
                    "blok_zonder_cijfers",
                    f"In blok '{block}' zijn alle vakken leeg. Een leeg vak betekent 'geen signaal aan deze "
                    "gemeente te koppelen'. Heeft het dashboard hier cijfers, vul ze dan in; weet u ze niet, "
                    "typ dan '?'.",
                    block=block,
                    sheet=block if upload is not None and upload.kind == KIND_EXCEL_UPLOAD else None,
                )
            )
        if upload is None or not upload.errors:
            # Checks on figures that the upload could not take over as they are would mislead.
            warnings += _check_warnings(tidy, _usable_context(context), text, gazetteer, upload)
    if previous is not None and not previous.is_empty():
        warnings += area_changes(tidy, previous)
    if errors:
        return IntakeResult(year, None, errors, warnings)
    return IntakeResult(year, tidy, errors, warnings)


def check_upload(
    name: str,
    content: bytes,
    year: int,
    existing_years: list[int],
    **options,
) -> IntakeResult:
    """Read and validate an upload in one go; never raises for any file content.

    ``options`` are passed to :func:`validate` (``previous``, ``gazetteer``,
    ``context``, ``today``).
    """
    try:
        upload = load_upload(name, content)
    except IntakeError as error:
        year_errors, year_warnings = _year_findings(
            year, existing_years, options.get("today") or date.today()
        )
        return IntakeResult(year, None, error.findings + year_errors, year_warnings)
    return validate(upload.text, year, existing_years, upload=upload, **options)


# -- comparing years -------------------------------------------------------------------

COMPARE_SCHEMA = {
    "indicator": pl.String,
    "label": pl.String,
    "district": pl.String,
    "gebied": pl.String,
    "gebiedstype": pl.String,
    "jaar_vorig": pl.Int64,
    "waarde_vorig": pl.Int64,
    "status_vorig": pl.String,
    "jaar_nieuw": pl.Int64,
    "waarde_nieuw": pl.Int64,
    "status_nieuw": pl.String,
    "verschil": pl.Int64,
    "verschil_relatief": pl.Float64,
    "ratio": pl.Float64,
    "ratio_ondergrens": pl.Float64,
    "ratio_bovengrens": pl.Float64,
    "toelichting": pl.String,
}


def _lower_bounds(tidy: pl.DataFrame) -> set[tuple[str, str, str]]:
    """The totals (district, area, indicator) that include a part marked '?': lower bounds."""
    parts = tidy.filter(pl.col("gebiedstype") != AREA_TOTAL, pl.col("status") == NOT_REPORTED)
    found = {(d, d, i) for d, i in zip(parts["district"], parts["indicator"], strict=True)}
    found |= {(UNIT, UNIT, i) for _, _, i in found if i in DISTRICT_INDICATORS}
    return found


def _state(year: int, row: dict | None) -> str:
    if row is None:
        return f"niet in {year}"
    return f"{year}: {STATUS_LABELS[row['status']]}"


def compare_years(
    new_tidy: pl.DataFrame, previous_tidy: pl.DataFrame, *, include_municipalities: bool = False
) -> pl.DataFrame:
    """Put two years side by side: unit and district totals per indicator.

    One row per (district, area, indicator) in either year, in the order of the new
    year. Where both years report a count: ``verschil`` (new minus previous),
    ``verschil_relatief`` (as a fraction of the previous count; empty when that is 0)
    and the rate ratio new/previous with its exact conditional-binomial 95% interval
    (:func:`analysis.stats.rate_ratio_interval`, equal exposure: one year each).
    ``ratio`` is empty when the previous count is 0; an upper bound of ``inf`` means the
    data put no ceiling on it. ``toelichting`` says why a row has no difference (an
    empty cell, '?', '-', or absent in one year) and which totals are lower bounds
    (a part marked '?'). With ``include_municipalities`` also
    municipalities and 'Overig' columns are compared.
    """
    keys = ("district", "gebied", "indicator")

    def rows_of(tidy: pl.DataFrame) -> dict[tuple[str, str, str], dict]:
        chosen = tidy if include_municipalities else tidy.filter(pl.col("gebiedstype") == AREA_TOTAL)
        return {tuple(r[k] for k in keys): r for r in chosen.iter_rows(named=True)}

    if new_tidy.is_empty() or previous_tidy.is_empty():
        raise ValueError("compare_years needs two non-empty tidy tables")
    new_year, old_year = int(new_tidy["jaar"][0]), int(previous_tidy["jaar"][0])
    new, old = rows_of(new_tidy), rows_of(previous_tidy)
    bounds = {new_year: _lower_bounds(new_tidy), old_year: _lower_bounds(previous_tidy)}
    out = []
    for key in list(new) + [k for k in old if k not in new]:
        a, b = old.get(key), new.get(key)
        both = a is not None and b is not None and a["status"] == REPORTED and b["status"] == REPORTED
        diff = relative = ratio = lower = upper = None
        note = ""
        if both:
            diff = b["waarde"] - a["waarde"]
            relative = diff / a["waarde"] if a["waarde"] else None
            ratio, lower, upper = rate_ratio_interval(b["waarde"], 1, a["waarde"], 1)
        else:
            note = "; ".join(
                s
                for s, r in ((_state(old_year, a), a), (_state(new_year, b), b))
                if r is None or r["status"] != REPORTED
            )
        bound_years = [str(y) for y in (old_year, new_year) if key in bounds[y]]
        if bound_years:
            bound = f"ondergrens in {' en '.join(bound_years)} (een deel gaf geen opgave: '?')"
            note = f"{note}; {bound}" if note else bound
        some = b or a
        out.append(
            {
                "indicator": key[2],
                "label": label(key[2]),
                "district": key[0],
                "gebied": key[1],
                "gebiedstype": some["gebiedstype"],
                "jaar_vorig": old_year,
                "waarde_vorig": a["waarde"] if a else None,
                "status_vorig": a["status"] if a else None,
                "jaar_nieuw": new_year,
                "waarde_nieuw": b["waarde"] if b else None,
                "status_nieuw": b["status"] if b else None,
                "verschil": diff,
                "verschil_relatief": relative,
                "ratio": ratio,
                "ratio_ondergrens": lower,
                "ratio_bovengrens": upper,
                "toelichting": note,
            }
        )
    return pl.DataFrame(out, schema=COMPARE_SCHEMA)


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def area_changes(new_tidy: pl.DataFrame, previous_tidy: pl.DataFrame) -> list[Finding]:
    """Notes (Dutch) on municipalities a district names in one year but not in the other.

    A merger or a renaming shows as one name gone and another one new in the same
    district; the note names both, and says that the figures of these municipalities and
    of the district's 'Overig' are therefore not like for like (the district totals
    are). A municipality that moved to another district is named as such.
    """
    if new_tidy.is_empty() or previous_tidy.is_empty():
        return []
    new_year, old_year = int(new_tidy["jaar"][0]), int(previous_tidy["jaar"][0])
    new, old = municipality_columns(new_tidy), municipality_columns(previous_tidy)
    new_home = {m: d for d, ms in new.items() for m in ms}
    old_home = {m: d for d, ms in old.items() for m in ms}
    notes: list[Finding] = []
    for district in list(new) + [d for d in old if d not in new]:
        gone = [m for m in old.get(district, []) if m not in new_home]
        added = [m for m in new.get(district, []) if m not in old_home]
        moved = [m for m in new.get(district, []) if m in old_home and old_home[m] != district]
        other = f"'Overig {district}'"
        if gone and added:
            notes.append(
                Finding(
                    "gemeenten_gewijzigd",
                    f"District {district}: in {old_year} stond {_names(gone)} apart, in {new_year} niet meer; "
                    f"nieuw apart in {new_year}: {_names(added)}. Is dit een samenvoeging of naamswijziging, of "
                    f"noemt het dashboard andere gemeenten? De cijfers van deze gemeenten en van {other} zijn "
                    f"daardoor niet zonder meer te vergelijken met {old_year}; het districtstotaal wel.",
                    block=district,
                )
            )
        elif gone:
            notes.append(
                Finding(
                    "gemeente_niet_meer_apart",
                    f"District {district}: {_names(gone)} stond in {old_year} apart, in {new_year} niet meer. "
                    f"Die cijfers tellen in {new_year} vermoedelijk mee in {other}, dat daardoor niet te "
                    f"vergelijken is met {old_year}. Is de gemeente samengevoegd, zet haar dan onder de nieuwe "
                    "naam in de kopregel.",
                    block=district,
                )
            )
        elif added:
            notes.append(
                Finding(
                    "gemeente_nieuw_apart",
                    f"District {district}: {_names(added)} staat in {new_year} apart, in {old_year} niet. In "
                    f"{old_year} telde die gemeente mee in {other}; {other} is daardoor niet te vergelijken "
                    f"met {old_year}.",
                    block=district,
                )
            )
        for m in moved:
            notes.append(
                Finding(
                    "gemeente_ander_district",
                    f"{m} stond in {old_year} in district {old_home[m]}, in {new_year} in {district}. De "
                    "districtstotalen van beide districten zijn daardoor niet zonder meer te vergelijken.",
                    block=district,
                )
            )
    return notes
