"""Parse the published dashboard layout (tab-separated blocks) into one tidy table.

The layout is what the partners keep in Excel and what the published dashboard
prints: blocks separated by blank lines, each starting with a header row. A district
block has one column per named municipality, then ``Overig`` and ``Totaal``; the
unit-level blocks have a single ``Totaal`` column (casustafels have two).

Every problem raises :class:`LayoutError` with a Dutch message that names the block,
the line and the column, so that a non-programmer can find and fix it.
:func:`parse_layout` stops at the first problem; :func:`parse_layout_all` keeps going
and returns all of them (the intake uses it, so a user can fix everything in one go).
The messages themselves are in :mod:`analysis.parser.messages`.
"""

import difflib
import re
from collections.abc import Callable
from enum import StrEnum

import polars as pl

from analysis.geography import UNIT, Gazetteer
from analysis.indicators import COMENSHA_PRINTED, DISTRICT_INDICATORS, SECTION_AWARENESS, labels_for
from analysis.names import name_key
from analysis.parser import messages
from analysis.parser.cells import Cell
from analysis.parser.errors import ErrorCode, LayoutError, TooManyErrorsError
from analysis.parser.lines import Block, Line, split_blocks
from analysis.parser.reader import MAX_ERRORS, BlockReader
from analysis.parser.statuses import (
    AREA_MUNICIPALITY,
    AREA_OTHER,
    AREA_TOTAL,
    OTHER_PREFIX,
    REPORTED,
    other_area,
)

#: The names of the unit-level blocks, as the published layout prints them.
UNIT_BLOCK = "TOTAAL EENHEID ONL"
CASUSTAFEL_BLOCK = "CASUSTAFELS"
COMENSHA_BLOCK = "COMENSHA"
B8_BLOCK = "B8 aangiftes"
AZC_BLOCK = "AZC's"
_UNIT_BLOCK_NAMES = (UNIT_BLOCK, CASUSTAFEL_BLOCK, COMENSHA_BLOCK, B8_BLOCK, AZC_BLOCK)

#: The unit block's header may carry more after "TOTAAL EENHEID" (the published one adds "ONL").
_UNIT_BLOCK_PREFIX = name_key("TOTAAL EENHEID")
_TOTAL_COLUMN = name_key("Totaal")
_OTHER_COLUMN = name_key(OTHER_PREFIX)

_SUM_CELL = re.compile(r"(\d+)\s*\+\s*(\d+)")

_AWARENESS_CODES = ("bewustwording_om", "bewustwording_politie")
_COMENSHA_CODES = COMENSHA_PRINTED
_B8_CODES = ("b8_aangiftes",)
_AZC_CODE = "b8_azc"
_MEETINGS_CODE = "casustafel_vergaderingen"
_CASES_CODE = "casustafel_casus"
_CASES_FIRST_CODE = "casustafel_casus_mh"
_CASES_SECOND_CODE = "casustafel_casus_riec"


class BlockKey(StrEnum):
    """Under which key a block is registered, to catch a block that appears twice."""

    UNIT = "eenheid"
    COMENSHA = "comensha"
    B8 = "b8"
    AZC = "azc"
    CASUSTAFELS = "casustafels"


def _district_key(district: str) -> str:
    return f"district:{district}"


class _LayoutParser(BlockReader):
    """Reads each block of the layout by what it is: a district, the unit, or a unit-level block."""

    def __init__(self, gazetteer: Gazetteer, year: int, *, collect: bool = False) -> None:
        super().__init__(year, collect=collect)
        self.gaz = gazetteer

    def parse(self, text: str) -> pl.DataFrame:
        """The tidy table of ``text``; raises (or, collecting, records) each problem."""
        text = text.lstrip("\ufeff")
        if not text.strip():
            raise LayoutError(messages.EMPTY_FILE, code=ErrorCode.EMPTY_FILE)
        handlers: dict[str, Callable[[Block], None]] = {
            name_key(CASUSTAFEL_BLOCK): self._casustafels,
            name_key(COMENSHA_BLOCK): self._comensha,
            name_key(B8_BLOCK): self._b8,
            name_key(AZC_BLOCK): self._azc,
            name_key("AZC"): self._azc,
        }
        for block in split_blocks(text):
            with self._keep_going():
                self._block(block, handlers)
        # A misnamed block is most likely one of the "missing" ones: in collecting mode,
        # do not report it twice.
        if not any(e.code == ErrorCode.UNKNOWN_BLOCK for e in self.errors):
            with self._keep_going():
                self._require_districts()
            with self._keep_going():
                self._require_unit()
        return self.out.frame()

    def _block(self, block: Block, handlers: dict[str, Callable[[Block], None]]) -> None:
        key = name_key(block.name)
        if key.startswith(_UNIT_BLOCK_PREFIX):
            self._unit(block)
        elif key in handlers:
            handlers[key](block)
        else:
            match = self.gaz.district(block.name)
            if match.name is None:
                # A misspelt unit block ('COMMENSHA') should not be taken for a district.
                unit_blocks = {name_key(n): n for n in _UNIT_BLOCK_NAMES}
                close = difflib.get_close_matches(name_key(block.name), list(unit_blocks), n=1, cutoff=0.75)
                suggestion = unit_blocks[close[0]] if close else match.suggestion
                raise self._error(
                    block,
                    messages.unknown_block(block.name, suggestion, _UNIT_BLOCK_NAMES),
                    ErrorCode.UNKNOWN_BLOCK,
                    column=1,
                )
            self._district(block, match.name)

    def _require_districts(self) -> None:
        missing = [d for d in self.gaz.districts if _district_key(d) not in self.seen_blocks]
        if missing:
            raise LayoutError(messages.districts_missing(missing), code=ErrorCode.DISTRICT_MISSING)

    def _require_unit(self) -> None:
        if BlockKey.UNIT not in self.seen_blocks:
            raise LayoutError(messages.UNIT_MISSING, code=ErrorCode.UNIT_MISSING)

    def _district(self, block: Block, district: str) -> None:
        self._register(block, _district_key(district))
        header = [c.strip() for c in block.header.cells]
        while header and header[-1] == "":
            header.pop()
        width = len(header)
        if width < 2 or name_key(header[-1]) != _TOTAL_COLUMN:
            raise self._error(
                block, messages.TOTAL_COLUMN_MISSING, ErrorCode.TOTAL_MISSING, column=width or 1
            )
        areas = self._district_areas(block, district, header)
        labels = labels_for(DISTRICT_INDICATORS)
        seen: dict[str, int] = {}
        for line in block.rows:
            if self._is_heading(line):
                continue
            with self._keep_going_row(line, labels, seen):
                cells = self._cells(block, line, width)
                code = self._row_label(block, line, labels, seen)
                figures = [self._cell(block, line, col, raw) for col, raw in enumerate(cells[1:], start=2)]
                for (area, kind), cell in zip(areas, figures, strict=True):
                    self.out.add(district, area, kind, code, cell)
        self._require_rows(block, seen, DISTRICT_INDICATORS)

    def _district_areas(self, block: Block, district: str, header: list[str]) -> list[tuple[str, str]]:
        """The (area, area type) of each figure column of a district header, ``Totaal`` last."""
        areas: list[tuple[str, str]] = []
        seen_names: set[str] = set()
        for col, printed in enumerate(header[1:-1], start=2):
            if name_key(printed) == _OTHER_COLUMN:
                if any(kind == AREA_OTHER for _, kind in areas):
                    raise self._error(block, messages.DUPLICATE_OTHER, ErrorCode.DUPLICATE_COLUMN, column=col)
                areas.append((other_area(district), AREA_OTHER))
                continue
            if printed == "":
                raise self._error(
                    block, messages.COLUMN_WITHOUT_NAME, ErrorCode.COLUMN_WITHOUT_NAME, column=col
                )
            match = self.gaz.municipality(printed)
            if match.name is None:
                raise self._error(
                    block,
                    messages.unknown_municipality(printed, match.suggestion, district),
                    ErrorCode.UNKNOWN_MUNICIPALITY,
                    column=col,
                )
            home = self.gaz.district_of(match.name)
            if home != district:
                raise self._error(
                    block,
                    messages.municipality_in_wrong_district(match.name, home, district),
                    ErrorCode.MUNICIPALITY_WRONG_DISTRICT,
                    column=col,
                )
            if match.name in seen_names:
                raise self._error(
                    block, messages.duplicate_column(match.name), ErrorCode.DUPLICATE_COLUMN, column=col
                )
            seen_names.add(match.name)
            areas.append((match.name, AREA_MUNICIPALITY))
        areas.append((district, AREA_TOTAL))
        return areas

    def _unit(self, block: Block) -> None:
        self._register(block, BlockKey.UNIT)
        labels = labels_for(DISTRICT_INDICATORS) | labels_for(_AWARENESS_CODES)
        seen: dict[str, int] = {}
        for line, code, cell, section in self._single_column(block, labels, sections=True, seen=seen):
            if code in _AWARENESS_CODES and section != SECTION_AWARENESS:
                with self._keep_going():
                    raise self._error(
                        block, messages.ROW_OUTSIDE_SECTION, ErrorCode.ROW_OUTSIDE_SECTION, line, 1
                    )
                continue
            self.out.add(UNIT, UNIT, AREA_TOTAL, code, cell)
        self._require_rows(block, seen, DISTRICT_INDICATORS)

    def _comensha(self, block: Block) -> None:
        self._register(block, BlockKey.COMENSHA)
        for _line, code, cell, _ in self._single_column(block, labels_for(_COMENSHA_CODES)):
            self.out.add(UNIT, UNIT, AREA_TOTAL, code, cell)

    def _b8(self, block: Block) -> None:
        self._register(block, BlockKey.B8)
        for _line, code, cell, _ in self._single_column(block, labels_for(_B8_CODES)):
            self.out.add(UNIT, UNIT, AREA_TOTAL, code, cell)

    def _azc(self, block: Block) -> None:
        self._register(block, BlockKey.AZC)
        seen: set[str] = set()
        for line in block.rows:
            with self._keep_going():
                self._azc_row(block, line, seen)

    def _azc_row(self, block: Block, line: Line, seen: set[str]) -> None:
        cells = self._cells(block, line, 2)
        match = self.gaz.municipality(cells[0].strip())
        if match.name is None:
            raise self._error(
                block,
                messages.unknown_azc_municipality(cells[0].strip(), match.suggestion),
                ErrorCode.UNKNOWN_MUNICIPALITY,
                line,
                1,
            )
        if match.name in seen:
            raise self._error(
                block, messages.duplicate_municipality_row(match.name), ErrorCode.DUPLICATE_ROW, line, 1
            )
        seen.add(match.name)
        cell = self._cell(block, line, 2, cells[1])
        district = self.gaz.district_of(match.name)
        self.out.add(district, match.name, AREA_MUNICIPALITY, _AZC_CODE, cell)

    def _casustafels(self, block: Block) -> None:
        self._register(block, BlockKey.CASUSTAFELS)
        seen: set[str] = set()
        for line in block.rows:
            with self._keep_going():
                self._casustafel_row(block, line, seen)

    def _casustafel_row(self, block: Block, line: Line, seen: set[str]) -> None:
        cells = self._cells(block, line, 3)
        match = self.gaz.district(cells[0].strip())
        if match.name is None:
            raise self._error(
                block,
                messages.unknown_district(cells[0].strip(), match.suggestion, self.gaz.districts),
                ErrorCode.UNKNOWN_DISTRICT,
                line,
                1,
            )
        if match.name in seen:
            raise self._error(
                block, messages.duplicate_district_row(match.name), ErrorCode.DUPLICATE_ROW, line, 1
            )
        seen.add(match.name)
        district = match.name
        meetings = self._cell(block, line, 2, cells[1])
        split = _SUM_CELL.fullmatch(cells[2].strip())
        if split:
            first = self._cell(block, line, 3, split.group(1))
            second = self._cell(block, line, 3, split.group(2))
            total = Cell((first.value or 0) + (second.value or 0), REPORTED)
            figures = [(_CASES_CODE, total), (_CASES_FIRST_CODE, first), (_CASES_SECOND_CODE, second)]
        else:
            figures = [(_CASES_CODE, self._cell(block, line, 3, cells[2]))]
        self.out.add(district, district, AREA_TOTAL, _MEETINGS_CODE, meetings)
        for code, cell in figures:
            self.out.add(district, district, AREA_TOTAL, code, cell)


def parse_layout_all(
    text: str, year: int, gazetteer: Gazetteer
) -> tuple[pl.DataFrame | None, list[LayoutError]]:
    """Parse like :func:`parse_layout`, but keep going and return every problem found.

    Returns ``(tidy, [])`` when the layout is fine and ``(None, errors)`` otherwise.
    After an error the parser skips the rest of that row (or, for a header problem, of
    that block) and continues, so a user sees all problems in one go. It stops after
    :data:`MAX_ERRORS` errors and then adds one error (code ``te_veel_fouten``) saying so.
    """
    parser = _LayoutParser(gazetteer, year, collect=True)
    try:
        frame = parser.parse(text)
    except LayoutError as error:  # the empty-file check runs before any guard
        return None, [error]
    except TooManyErrorsError:
        parser.errors.append(
            LayoutError(messages.too_many_errors(MAX_ERRORS), code=ErrorCode.TOO_MANY_ERRORS)
        )
        return None, parser.errors
    if parser.errors:
        return None, parser.errors
    return frame, []


def parse_layout(text: str, year: int, gazetteer: Gazetteer) -> pl.DataFrame:
    """Parse the published layout into the tidy table.

    Columns: ``jaar, district, gebied, gebiedstype, indicator, waarde, status``.
    ``waarde`` is null unless ``status`` is ``gerapporteerd``. Raises
    :class:`LayoutError` on anything it cannot read with certainty.
    """
    return _LayoutParser(gazetteer, year).parse(text)
