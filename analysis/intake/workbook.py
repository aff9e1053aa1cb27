"""Turning the Excel template (``.xlsx``, see :mod:`analysis.template`) into layout text.

Each block sheet becomes one block of tab-separated lines, and every line remembers
its sheet and row so that messages can point at the cell. A formula without a stored
result is an error, and so is any formula in a file that asks for recalculation on
opening (``fullCalcOnLoad``, which programs such as xlsxwriter write together with a
placeholder result of 0); a formula with a result saved by Excel is taken, with a
warning. A merged range is an error unless its top-left cell is empty or it is a
section heading across one row. Numbers that are not whole are shown the Dutch way
(``1,5``) so that the parser's message matches what the user typed.
"""

import math

from analysis.geography import Gazetteer, default_gazetteer
from analysis.indicators import SECTION_HEADINGS
from analysis.intake import wording
from analysis.intake.findings import (
    SHEET_WARNINGS,
    SKIPPED_SHEET,
    Finding,
    FindingCode,
    Upload,
    UploadKind,
    fail,
)
from analysis.intake.locate import AZC_KEYS, B8_KEY, CASUSTAFEL_KEY, COMENSHA_KEY, UNIT_KEY_PREFIX
from analysis.intake.text import clean_field
from analysis.intake.xlsx import (
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    Position,
    SheetScan,
    cell_ref,
    open_workbook,
    parse_ref,
    sheet_values,
)
from analysis.names import name_key
from analysis.template import BLOCK_SHEETS, INSTRUCTION_SHEET

#: The identity of the unit's block, the name the parser registers it under.
_UNIT_IDENTITY = "eenheid"


def _number_text(number: float) -> str:
    """A number as the user typed it: whole numbers without decimals, others with a comma."""
    if math.isfinite(number) and number == math.floor(number):
        return str(int(number))
    return repr(number).replace(".", ",")


def _cell_text(raw: str, number: float | None) -> str:
    """The text of a cell for the layout; ``number`` is its numeric value in the sheet XML, if any."""
    if number is not None:
        try:
            float(raw)
        except ValueError:  # a date or time shown as such: keep what the sheet shows
            pass
        else:
            return _number_text(number)
    return clean_field(raw)


def _block_identity(name: str, gazetteer: Gazetteer) -> str:
    """Which block a name stands for, so that 'TOTAAL EENHEID ONL' and a district's spellings match."""
    key = name_key(name)
    if key.startswith(UNIT_KEY_PREFIX):
        return _UNIT_IDENTITY
    if key in AZC_KEYS:
        return AZC_KEYS[0]
    if key in (CASUSTAFEL_KEY, COMENSHA_KEY, B8_KEY):
        return key
    match = gazetteer.district(name)
    return f"district:{match.name}" if match.name else key


def _harmful_merges(merged: list[str], grid: dict[Position, str]) -> list[str]:
    """Merged ranges that hide figures: the top-left value seems to cover the other cells.

    A merge is harmless when its top-left cell is empty, or when it spans one row
    starting in column A and holds a section heading (such as 'Bestuurlijke opvolging').
    """
    harmful = []
    for ref in merged:
        first, _, last = ref.partition(":")
        start, end = parse_ref(first), parse_ref(last or first)
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


def read_workbook(name: str, content: bytes) -> Upload:
    """Read the template workbook into layout text, with the problems of single sheets and cells.

    Raises :class:`IntakeError` for a workbook that cannot be read, a missing block sheet
    or a cell far outside the table.
    """
    scans, recalculate = open_workbook(content)
    gazetteer = default_gazetteer()
    by_key = {name_key(sheet): sheet for sheet in scans}
    missing = [s for s in BLOCK_SHEETS if name_key(s) not in by_key]
    if missing:
        raise fail(FindingCode.SHEET_MISSING, wording.sheets_missing(missing, list(scans)), sheet=missing[0])
    expected_keys = {name_key(s) for s in BLOCK_SHEETS}
    block_sheets = [s for s in scans if name_key(s) in expected_keys]
    upload = Upload(name, UploadKind.EXCEL, "")
    for sheet in scans:
        if name_key(sheet) not in expected_keys and name_key(sheet) != name_key(INSTRUCTION_SHEET):
            upload.warnings.append(
                Finding(FindingCode.SHEET_SKIPPED, wording.sheet_skipped(sheet), sheet=sheet)
            )
    for sheet in block_sheets:
        far = scans[sheet].farthest
        if far is not None and (far[0] >= MAX_SHEET_ROWS or far[1] >= MAX_SHEET_COLUMNS):
            ref = cell_ref(far)
            raise fail(
                FindingCode.CELL_OUTSIDE_TABLE, wording.cell_outside_table(sheet, ref), sheet=sheet, cell=ref
            )
    values = sheet_values(content, block_sheets)
    lines: list[str] = []
    for sheet in block_sheets:
        scan, grid = scans[sheet], values[sheet]
        expected = next(s for s in BLOCK_SHEETS if name_key(s) == name_key(sheet))
        problems = _sheet_problems(sheet, expected, scan, grid, recalculate, gazetteer)
        upload.errors.extend(p for p in problems if p.code not in SHEET_WARNINGS)
        upload.warnings.extend(p for p in problems if p.code in SHEET_WARNINGS)
        if any(p.code in SKIPPED_SHEET for p in problems):
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


def _sheet_problems(
    sheet: str,
    expected: str,
    scan: SheetScan,
    grid: dict[Position, str],
    recalculate: bool,
    gazetteer: Gazetteer,
) -> list[Finding]:
    """What in one block sheet cannot be taken over as it is (and formulas that can, with a warning)."""
    problems: list[Finding] = []

    def problem(code: FindingCode, message: str, cell: str) -> None:
        problems.append(Finding(code, message, block=expected, sheet=sheet, cell=cell))

    first = grid.get((0, 0), "").strip()
    if not first:
        problem(FindingCode.A1_EMPTY, wording.a1_empty(sheet, expected), "A1")
    elif _block_identity(first, gazetteer) != _block_identity(expected, gazetteer):
        problem(FindingCode.BLOCK_MISMATCH, wording.block_mismatch(sheet, first, expected), "A1")
    # An error value is reported as such; a file that asks for recalculation on opening
    # (as files written by programs such as xlsxwriter do) holds no trustworthy results.
    formulas = [ref for ref in scan.formulas if ref not in scan.error_values]
    without_value = [ref for ref in scan.formulas_without_value if ref not in scan.error_values]
    if recalculate:
        without_value += formulas
    if without_value:
        problem(
            FindingCode.FORMULA_WITHOUT_VALUE,
            wording.formula_without_value(sheet, without_value),
            without_value[0],
        )
    elif formulas:
        problem(FindingCode.FORMULA_IN_CELL, wording.formula_in_cell(sheet, formulas), formulas[0])
    for ref, error in scan.error_values.items():
        problem(FindingCode.ERROR_VALUE, wording.error_value(sheet, ref, error), ref)
    for ref in _harmful_merges(scan.merged, grid):
        problem(FindingCode.MERGED_CELLS, wording.merged_cells(sheet, ref), ref.partition(":")[0])
    return problems
