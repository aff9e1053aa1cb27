"""Reading blocks: cells, row labels and single-column blocks, and the errors on the way.

:class:`BlockReader` is what every block of the layout needs; the layout parser
(:mod:`analysis.parser.layout`) adds what each block means. In collecting mode a reader
records each :class:`LayoutError` and carries on, so a user sees every problem at once.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import polars as pl

from analysis.indicators import BY_CODE, SECTION_HEADINGS, label
from analysis.names import name_key
from analysis.parser import messages
from analysis.parser.cells import Cell, parse_cell
from analysis.parser.errors import ErrorCode, LayoutError, TooManyErrorsError
from analysis.parser.lines import Block, Line
from analysis.parser.statuses import TIDY_SCHEMA

#: In collecting mode (:func:`~analysis.parser.layout.parse_layout_all`), stop after this many errors.
MAX_ERRORS = 50


class Collector:
    """Collects tidy rows for one year."""

    def __init__(self, year: int) -> None:
        """Start an empty table for ``year``."""
        self.year = year
        self.rows: list[tuple[int, str, str, str, str, int | None, str]] = []

    def add(self, district: str, area: str, area_type: str, indicator: str, cell: Cell) -> None:
        """Add one figure of ``area`` (in ``district``) for ``indicator``."""
        self.rows.append((self.year, district, area, area_type, indicator, cell.value, cell.status))

    def frame(self) -> pl.DataFrame:
        """The rows so far as the tidy table."""
        return pl.DataFrame(self.rows, schema=TIDY_SCHEMA, orient="row")


class BlockReader:
    """Reads the cells and rows of blocks into a :class:`Collector`, for one year."""

    def __init__(self, year: int, *, collect: bool = False) -> None:
        """Start with no rows, no blocks seen and no errors; ``collect`` keeps going after one."""
        self.out = Collector(year)
        self.seen_blocks: dict[str, int] = {}
        self.collect = collect
        self.errors: list[LayoutError] = []

    @contextmanager
    def _keep_going(self) -> Iterator[None]:
        """In collecting mode, record a LayoutError and carry on after the guarded step.

        In the default (strict) mode the error propagates unchanged, so
        :func:`~analysis.parser.layout.parse_layout` still stops at the first problem.
        """
        try:
            yield
        except LayoutError as error:
            if not self.collect:
                raise
            self.errors.append(error)
            if len(self.errors) >= MAX_ERRORS:
                raise TooManyErrorsError from None

    @contextmanager
    def _keep_going_row(self, line: Line, labels: dict[str, str], seen: dict[str, int]) -> Iterator[None]:
        """Guard one row of figures. A row that fails still counts as present (when its
        label is known), so that one wrong cell is not also reported as a missing row."""
        with self._keep_going():
            try:
                yield
            except LayoutError:
                code = labels.get(name_key(line.cells[0]))
                if code is not None:
                    seen.setdefault(code, line.number)
                raise

    # -- helpers -------------------------------------------------------------
    def _error(
        self, block: Block, message: str, code: ErrorCode, line: Line | None = None, column: int | None = None
    ) -> LayoutError:
        column_name = None
        if column is not None and 1 < column <= len(block.header.cells):
            column_name = block.header.cells[column - 1].strip() or None
        return LayoutError(
            message,
            code=code,
            block=block.name,
            line=(line or block.header).number,
            column=column,
            column_name=column_name,
        )

    def _cells(self, block: Block, line: Line, width: int) -> list[str]:
        """Return exactly ``width`` cells, or raise on a ragged row."""
        cells = line.cells
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            raise self._error(
                block, messages.row_too_long(len(cells), width), ErrorCode.ROW_TOO_LONG, line, width + 1
            )
        if len(cells) < width:
            raise self._error(
                block,
                messages.row_too_short(len(cells), width),
                ErrorCode.ROW_TOO_SHORT,
                line,
                len(cells) + 1,
            )
        return cells[:width]

    def _cell(self, block: Block, line: Line, column: int, raw: str) -> Cell:
        try:
            return parse_cell(raw)
        except ValueError as exc:
            raise self._error(block, str(exc), ErrorCode.NOT_A_NUMBER, line, column) from None

    def _register(self, block: Block, key: str) -> None:
        if key in self.seen_blocks:
            raise self._error(
                block, messages.duplicate_block(self.seen_blocks[key]), ErrorCode.DUPLICATE_BLOCK
            )
        self.seen_blocks[key] = block.header.number

    def _row_label(self, block: Block, line: Line, labels: dict[str, str], seen: dict[str, int]) -> str:
        printed = line.cells[0].strip()
        code = labels.get(name_key(printed))
        if code is None:
            known = sorted(_display_labels(labels))
            raise self._error(
                block, messages.unknown_indicator(printed, known), ErrorCode.UNKNOWN_INDICATOR, line, 1
            )
        if code in seen:
            raise self._error(
                block, messages.duplicate_row(printed, seen[code]), ErrorCode.DUPLICATE_ROW, line, 1
            )
        seen[code] = line.number
        return code

    @staticmethod
    def _is_heading(line: Line) -> str | None:
        section = SECTION_HEADINGS.get(name_key(line.cells[0]))
        if section is not None and all(c.strip() == "" for c in line.cells[1:]):
            return section
        return None

    def _require_rows(self, block: Block, seen: dict[str, int], expected: tuple[str, ...]) -> None:
        missing = [c for c in expected if c not in seen]
        if missing:
            raise self._error(
                block, messages.rows_missing([label(c) for c in missing]), ErrorCode.ROW_MISSING
            )

    def _single_column(
        self,
        block: Block,
        labels: dict[str, str],
        *,
        sections: bool = False,
        seen: dict[str, int] | None = None,
    ) -> Iterator[tuple[Line, str, Cell, str | None]]:
        """Yield (line, code, cell, section) for a block with one figure column.

        ``seen`` (filled as rows are read) maps each indicator code to its line.
        """
        seen = {} if seen is None else seen
        section: str | None = None
        for line in block.rows:
            heading = self._is_heading(line) if sections else None
            if heading:
                section = heading
                continue
            item = None
            with self._keep_going_row(line, labels, seen):
                cells = self._cells(block, line, 2)
                code = self._row_label(block, line, labels, seen)
                item = (line, code, self._cell(block, line, 2, cells[1]), section)
            if item is not None:
                yield item


def _display_labels(labels: dict[str, str]) -> list[str]:
    return [BY_CODE[code].label for code in set(labels.values())]
