"""Where a finding is, in the terms of the upload: a sheet, row and column, or a line of the file.

The parser counts lines of the layout text. For a workbook each line came from a sheet
row, and for a CSV file a line may have started on another line of the file; findings
are rewritten so that the user is pointed at what they see.
"""

import re

from analysis.geography import UNIT, Gazetteer
from analysis.indicators import DISTRICT_INDICATORS, labels_for
from analysis.intake import wording
from analysis.intake.findings import Finding, Upload
from analysis.intake.xlsx import column_letter
from analysis.names import name_key
from analysis.parser import (
    LayoutError,
    split_blocks,  # the parser's own block splitter, reused to locate total cells
)
from analysis.template import AWARENESS, AZC_BLOCK, B8_BLOCK, CASUSTAFEL_BLOCK, COMENSHA, COMENSHA_BLOCK

#: Where a total stands in the layout text: (block, line, column, column name).
Cell = tuple[str, int, int, str | None]

# Block names as the parser recognises them, normalised by :func:`analysis.names.name_key`.
#: The unit's block: 'TOTAAL EENHEID ONL', also without 'ONL'.
UNIT_KEY_PREFIX = "totaaleenheid"
COMENSHA_KEY = name_key(COMENSHA_BLOCK)
B8_KEY = name_key(B8_BLOCK)
CASUSTAFEL_KEY = name_key(CASUSTAFEL_BLOCK)
AZC_KEYS = (name_key(AZC_BLOCK), "azc")


def _refer_to_upload(message: str, upload: Upload | None, sheet: str | None = None) -> str:
    """Rewrite 'eerder op regel N' (a line of the layout text) in the terms of the upload."""
    if upload is None:
        return message

    def earlier(match: re.Match[str]) -> str:
        line = int(match.group(1))
        if line in upload.sheet_rows:
            other, row = upload.sheet_rows[line]
            return wording.earlier_row(row, None if other == sheet else other)
        return wording.earlier_line(upload.source_lines.get(line, line))

    return wording.EARLIER_LINE.sub(earlier, message)


def located(
    code: str,
    message: str,
    *,
    block: str | None,
    line: int | None,
    column: int | None,
    column_name: str | None,
    upload: Upload | None,
) -> Finding:
    """Build a finding whose message starts with its location, in the terms of the upload.

    ``line`` and ``column`` are 1-based positions in the layout text.
    """
    if upload is not None and line is not None and line in upload.sheet_rows:
        sheet, row = upload.sheet_rows[line]
        message = _refer_to_upload(message, upload, sheet)
        letter = None if column is None else column_letter(column - 1)
        cell = None if letter is None else f"{letter}{row}"
        text = wording.in_sheet(message, sheet, row, letter, column_name)
        return Finding(code, text, block, line, column, column_name, sheet, cell)
    shown_line = line
    message = _refer_to_upload(message, upload)
    if upload is not None and line is not None:
        shown_line = upload.source_lines.get(line, line)
    text = str(
        LayoutError(message, code=code, block=block, line=shown_line, column=column, column_name=column_name)
    )
    return Finding(code, text, block, shown_line, column, column_name)


def layout_finding(error: LayoutError, upload: Upload | None) -> Finding:
    """A parser error as a finding, located in the terms of the upload."""
    return located(
        error.code,
        error.message,
        block=error.block,
        line=error.line,
        column=error.column,
        column_name=error.column_name,
        upload=upload,
    )


def total_cells(text: str, gazetteer: Gazetteer) -> dict[tuple[str, str], Cell]:
    """Where each total stands in the text: (area, indicator) -> (block, line, column, column name)."""
    found: dict[tuple[str, str], Cell] = {}
    unit_labels = labels_for(DISTRICT_INDICATORS + AWARENESS)
    for block in split_blocks(text.lstrip("\ufeff")):
        key = name_key(block.name)
        header = [c.strip() for c in block.header.cells]
        while header and not header[-1]:
            header.pop()
        if key.startswith(UNIT_KEY_PREFIX):
            area, labels, column = UNIT, unit_labels, 2
        elif key == COMENSHA_KEY:
            area, labels, column = UNIT, labels_for(COMENSHA), 2
        elif key == B8_KEY:
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
