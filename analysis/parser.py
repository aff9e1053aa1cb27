"""Parse the published dashboard layout (tab-separated blocks) into one tidy table.

The layout is what the partners keep in Excel and what the published dashboard
prints: blocks separated by blank lines, each starting with a header row. A district
block has one column per named municipality, then ``Overig`` and ``Totaal``; the
unit-level blocks have a single ``Totaal`` column (casustafels have two).

Every problem raises :class:`LayoutError` with a Dutch message that names the block,
the line and the column, so that a non-programmer can find and fix it.
:func:`parse_layout` stops at the first problem; :func:`parse_layout_all` keeps going
and returns all of them (the intake uses it, so a user can fix everything in one go).
"""

import difflib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import polars as pl

from analysis.geography import UNIT, Gazetteer
from analysis.indicators import (
    BY_CODE,
    DISTRICT_INDICATORS,
    SECTION_AWARENESS,
    SECTION_HEADINGS,
    label,
    labels_for,
)
from analysis.names import name_key

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

_INTEGER = re.compile(r"\d+|\d{1,3}(?:\.\d{3})+")
_NEGATIVE = re.compile(r"[-−–]\s*\d[\d.,]*")
_SUM_CELL = re.compile(r"(\d+)\s*\+\s*(\d+)")
_DASHES = {"-", "–", "—", "−"}
_MAX_CELL = 60
_MAX_DIGITS = 9
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: In collecting mode (:func:`parse_layout_all`), stop after this many errors.
MAX_ERRORS = 50


#: The names of the unit-level blocks, as the published layout prints them.
_UNIT_BLOCK_NAMES = ("TOTAAL EENHEID ONL", "CASUSTAFELS", "COMENSHA", "B8 aangiftes", "AZC's")


OTHER_PREFIX = "Overig"


def other_area(district: str) -> str:
    """Return the area name used for a district's "Overig" column."""
    return f"{OTHER_PREFIX} {district}"


class _TooManyErrorsError(Exception):
    """Raised internally when the collecting parser has seen enough errors."""


class LayoutError(ValueError):
    """A problem in the published layout, with a Dutch message naming where it is."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        block: str | None = None,
        line: int | None = None,
        column: int | None = None,
        column_name: str | None = None,
    ) -> None:
        """Store where the problem is and build the full Dutch message."""
        self.message = message
        self.code = code
        self.block = block
        self.line = line
        self.column = column
        self.column_name = column_name
        super().__init__(self._full_message())

    def _full_message(self) -> str:
        where = []
        if self.block is not None:
            where.append(f"blok '{_shorten(self.block)}'")
        if self.line is not None:
            where.append(f"regel {self.line}")
        if self.column is not None:
            name = f" ('{_shorten(self.column_name)}')" if self.column_name else ""
            where.append(f"kolom {self.column}{name}")
        prefix = ", ".join(where)
        return f"{prefix[:1].upper()}{prefix[1:]}: {self.message}" if prefix else self.message


def _shorten(text: str, limit: int = _MAX_CELL) -> str:
    """Shorten user text for a message, so a huge cell cannot flood the screen."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


@dataclass
class _Line:
    number: int
    cells: list[str]


@dataclass
class _Block:
    header: _Line
    rows: list[_Line] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.header.cells[0].strip()


@dataclass(frozen=True)
class Cell:
    """One parsed figure: its value (``None`` when missing) and its status."""

    value: int | None
    status: str


def parse_cell(raw: str) -> Cell:
    """Parse one figure: a count (``29.764``), empty, ``?`` or ``-``.

    Raises ``ValueError`` with a Dutch explanation for anything else.
    """
    text = raw.replace("\u00a0", " ").strip()
    if text == "":
        return Cell(None, EMPTY)
    if text == "?":
        return Cell(None, NOT_REPORTED)
    if text in _DASHES:
        return Cell(None, NOT_APPLICABLE)
    if _INTEGER.fullmatch(text):
        digits = text.replace(".", "")
        if len(digits.lstrip("0")) > _MAX_DIGITS:
            raise ValueError(
                f"'{_shorten(text)}' is onwaarschijnlijk groot (meer dan {_MAX_DIGITS} cijfers); "
                "controleer of hier twee vakken aan elkaar geplakt zijn. Verwacht: één aantal per vak."
            )
        return Cell(int(digits), REPORTED)
    if _NEGATIVE.fullmatch(text):
        raise ValueError(
            f"'{_shorten(text)}' is negatief; een aantal kan niet kleiner zijn dan 0. "
            "Verwacht: een aantal van 0 of meer, '?' of '-'."
        )
    raise ValueError(
        f"'{_shorten(text)}' is geen geheel getal. Verwacht: een aantal (zoals 29.764), "
        "een leeg vak, '?' (niet gerapporteerd) of '-' (niet van toepassing)."
    )


def _split_blocks(text: str) -> Iterator[_Block]:
    block: _Block | None = None
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    for number, raw in enumerate(lines, start=1):
        cells = raw.split("\t")
        if all(c.strip() == "" for c in cells):
            if block is not None:
                yield block
            block = None
        elif block is None:
            block = _Block(_Line(number, cells))
        else:
            block.rows.append(_Line(number, cells))
    if block is not None:
        yield block


class _Collector:
    """Collects tidy rows for one year."""

    def __init__(self, year: int) -> None:
        self.year = year
        self.rows: list[tuple[int, str, str, str, str, int | None, str]] = []

    def add(self, district: str, area: str, area_type: str, indicator: str, cell: Cell) -> None:
        self.rows.append((self.year, district, area, area_type, indicator, cell.value, cell.status))

    def frame(self) -> pl.DataFrame:
        return pl.DataFrame(self.rows, schema=TIDY_SCHEMA, orient="row")


class _LayoutParser:
    def __init__(self, gazetteer: Gazetteer, year: int, *, collect: bool = False) -> None:
        self.gaz = gazetteer
        self.out = _Collector(year)
        self.seen_blocks: dict[str, int] = {}
        self.collect = collect
        self.errors: list[LayoutError] = []

    @contextmanager
    def _keep_going(self) -> Iterator[None]:
        """In collecting mode, record a LayoutError and carry on after the guarded step.

        In the default (strict) mode the error propagates unchanged, so
        :func:`parse_layout` still stops at the first problem.
        """
        try:
            yield
        except LayoutError as error:
            if not self.collect:
                raise
            self.errors.append(error)
            if len(self.errors) >= MAX_ERRORS:
                raise _TooManyErrorsError from None

    @contextmanager
    def _keep_going_row(self, line: _Line, labels: dict[str, str], seen: dict[str, int]) -> Iterator[None]:
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
        self, block: _Block, message: str, code: str, line: _Line | None = None, column: int | None = None
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

    def _cells(self, block: _Block, line: _Line, width: int) -> list[str]:
        """Return exactly ``width`` cells, or raise on a ragged row."""
        cells = line.cells
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            raise self._error(
                block,
                f"deze rij heeft {len(cells)} cellen, maar de kop heeft er {width}. "
                "Controleer of er een kolom is verschoven of te veel is geplakt.",
                "rij_te_lang",
                line,
                width + 1,
            )
        if len(cells) < width:
            raise self._error(
                block,
                f"deze rij heeft {len(cells)} cellen, maar de kop heeft er {width}. "
                "Vul ontbrekende vakken met een getal, '?', '-' of laat ze bewust leeg "
                "(met een tab).",
                "rij_te_kort",
                line,
                len(cells) + 1,
            )
        return cells[:width]

    def _cell(self, block: _Block, line: _Line, column: int, raw: str) -> Cell:
        try:
            return parse_cell(raw)
        except ValueError as exc:
            raise self._error(block, str(exc), "geen_getal", line, column) from None

    def _register(self, block: _Block, key: str) -> None:
        if key in self.seen_blocks:
            raise self._error(
                block,
                f"dit blok staat twee keer in het bestand (eerder op regel {self.seen_blocks[key]}). "
                "Verwacht: elk blok één keer; verwijder een van beide.",
                "dubbel_blok",
            )
        self.seen_blocks[key] = block.header.number

    def _row_label(self, block: _Block, line: _Line, labels: dict[str, str], seen: dict[str, int]) -> str:
        label = line.cells[0].strip()
        code = labels.get(name_key(label))
        if code is None:
            known = sorted(_display_labels(labels))
            raise self._error(
                block,
                f"onbekende indicator '{_shorten(label)}'. Bekend in dit blok: {', '.join(known)}.",
                "onbekende_indicator",
                line,
                1,
            )
        if code in seen:
            raise self._error(
                block,
                f"de rij '{_shorten(label)}' staat twee keer in dit blok (eerder op regel {seen[code]}). "
                "Verwacht: elke indicator één keer per blok.",
                "dubbele_rij",
                line,
                1,
            )
        seen[code] = line.number
        return code

    @staticmethod
    def _is_heading(line: _Line) -> str | None:
        section = SECTION_HEADINGS.get(name_key(line.cells[0]))
        if section is not None and all(c.strip() == "" for c in line.cells[1:]):
            return section
        return None

    # -- blocks --------------------------------------------------------------
    def parse(self, text: str) -> pl.DataFrame:
        text = text.lstrip("\ufeff")
        if not text.strip():
            raise LayoutError(
                "het bestand is leeg: er staan geen tabellen in. Verwacht: de tabellen van het "
                "dashboard, elk blok beginnend met een kopregel.",
                code="leeg_bestand",
            )
        handlers: dict[str, Callable[[_Block], None]] = {
            "casustafels": self._casustafels,
            "comensha": self._comensha,
            "b8aangiftes": self._b8,
            "azcs": self._azc,
            "azc": self._azc,
        }
        for block in _split_blocks(text):
            with self._keep_going():
                self._block(block, handlers)
        # A misnamed block is most likely one of the "missing" ones: in collecting mode,
        # do not report it twice.
        if not any(e.code == "onbekend_blok" for e in self.errors):
            with self._keep_going():
                self._require_districts()
            with self._keep_going():
                self._require_unit()
        return self.out.frame()

    def _block(self, block: _Block, handlers: dict[str, Callable[[_Block], None]]) -> None:
        key = name_key(block.name)
        if key.startswith("totaaleenheid"):
            self._unit(block)
        elif key in handlers:
            handlers[key](block)
        else:
            match = self.gaz.district(block.name)
            if match.name is None:
                known = ", ".join(["een district (bijv. IJSSELLAND, TWENTE)", *_UNIT_BLOCK_NAMES])
                # A misspelt unit block ('COMMENSHA') should not be taken for a district.
                unit_blocks = {name_key(n): n for n in _UNIT_BLOCK_NAMES}
                close = difflib.get_close_matches(name_key(block.name), list(unit_blocks), n=1, cutoff=0.75)
                suggestion = unit_blocks[close[0]] if close else match.suggestion
                raise self._error(
                    block,
                    f"onbekende bloknaam '{_shorten(block.name)}'"
                    + (f"; bedoelt u '{suggestion}'?" if suggestion else "")
                    + f" Een blok begint met: {known}.",
                    "onbekend_blok",
                    column=1,
                )
            self._district(block, match.name)

    def _require_districts(self) -> None:
        missing = [d for d in self.gaz.districts if f"district:{d}" not in self.seen_blocks]
        if missing:
            raise LayoutError(
                f"het blok van district {', '.join(missing)} ontbreekt. Elk van de vijf "
                "districten heeft een eigen blok met gemeenten, Overig en Totaal.",
                code="district_ontbreekt",
            )

    def _require_unit(self) -> None:
        if "eenheid" not in self.seen_blocks:
            raise LayoutError(
                "het blok 'TOTAAL EENHEID ONL' met de totalen van de eenheid ontbreekt. Verwacht: een "
                "blok met de kopregel 'TOTAAL EENHEID ONL' en 'Totaal'.",
                code="eenheid_ontbreekt",
            )

    def _district(self, block: _Block, district: str) -> None:
        self._register(block, f"district:{district}")
        header = [c.strip() for c in block.header.cells]
        while header and header[-1] == "":
            header.pop()
        width = len(header)
        if width < 2 or name_key(header[-1]) != "totaal":
            raise self._error(
                block,
                "de laatste kolom van een districtsblok moet 'Totaal' heten.",
                "totaal_ontbreekt",
                column=width or 1,
            )
        areas: list[tuple[str, str]] = []
        seen_names: set[str] = set()
        for col, printed in enumerate(header[1:-1], start=2):
            if name_key(printed) == "overig":
                if any(kind == AREA_OTHER for _, kind in areas):
                    raise self._error(
                        block,
                        "'Overig' staat twee keer in de kop. Verwacht: één kolom 'Overig', vlak voor 'Totaal'.",
                        "dubbele_kolom",
                        column=col,
                    )
                areas.append((other_area(district), AREA_OTHER))
                continue
            if printed == "":
                raise self._error(
                    block,
                    "deze kolom heeft geen gemeentenaam. Verwacht: de naam van een gemeente uit dit "
                    "district, 'Overig' of 'Totaal'.",
                    "kolom_zonder_naam",
                    column=col,
                )
            match = self.gaz.municipality(printed)
            if match.name is None:
                raise self._error(
                    block,
                    f"onbekende gemeente '{_shorten(printed)}'; bedoelt u '{match.suggestion}'? "
                    f"Verwacht: een gemeente uit {district}, 'Overig' of 'Totaal'.",
                    "onbekende_gemeente",
                    column=col,
                )
            home = self.gaz.district_of(match.name)
            if home != district:
                raise self._error(
                    block,
                    f"{match.name} hoort bij district {home}, niet bij {district}. "
                    f"Verwacht: alleen gemeenten uit {district}; de cijfers van {match.name} horen "
                    f"in het blok van {home}.",
                    "gemeente_verkeerd_district",
                    column=col,
                )
            if match.name in seen_names:
                raise self._error(
                    block,
                    f"{match.name} staat twee keer in de kop. Verwacht: elke gemeente één keer.",
                    "dubbele_kolom",
                    column=col,
                )
            seen_names.add(match.name)
            areas.append((match.name, AREA_MUNICIPALITY))
        areas.append((district, AREA_TOTAL))

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

    def _require_rows(self, block: _Block, seen: dict[str, int], expected: tuple[str, ...]) -> None:
        missing = [c for c in expected if c not in seen]
        if missing:
            raise self._error(
                block,
                "deze rijen ontbreken: "
                + ", ".join(label(c) for c in missing)
                + ". Verwacht: elke rij, ook als de vakken leeg blijven.",
                "rij_ontbreekt",
            )

    def _single_column(
        self,
        block: _Block,
        labels: dict[str, str],
        *,
        sections: bool = False,
        seen: dict[str, int] | None = None,
    ) -> Iterator[tuple[_Line, str, Cell, str | None]]:
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

    def _unit(self, block: _Block) -> None:
        self._register(block, "eenheid")
        awareness = ("bewustwording_om", "bewustwording_politie")
        labels = labels_for(DISTRICT_INDICATORS) | labels_for(awareness)
        seen: dict[str, int] = {}
        for line, code, cell, section in self._single_column(block, labels, sections=True, seen=seen):
            if code in awareness and section != SECTION_AWARENESS:
                with self._keep_going():
                    raise self._error(
                        block,
                        "deze rij hoort onder het kopje 'Bewustwordingspresentaties'.",
                        "rij_buiten_sectie",
                        line,
                        1,
                    )
                continue
            self.out.add(UNIT, UNIT, AREA_TOTAL, code, cell)
        self._require_rows(block, seen, DISTRICT_INDICATORS)

    def _comensha(self, block: _Block) -> None:
        self._register(block, "comensha")
        codes = (
            "comensha_slachtoffers",
            "comensha_minderjarig",
            "comensha_meerderjarig",
            "comensha_nationaliteit_onbekend",
            "comensha_man",
            "comensha_vrouw",
            "comensha_nederlands",
            "comensha_niet_nederlands",
        )
        for _line, code, cell, _ in self._single_column(block, labels_for(codes)):
            self.out.add(UNIT, UNIT, AREA_TOTAL, code, cell)

    def _b8(self, block: _Block) -> None:
        self._register(block, "b8")
        for _line, code, cell, _ in self._single_column(block, labels_for(("b8_aangiftes",))):
            self.out.add(UNIT, UNIT, AREA_TOTAL, code, cell)

    def _azc(self, block: _Block) -> None:
        self._register(block, "azc")
        seen: set[str] = set()
        for line in block.rows:
            with self._keep_going():
                self._azc_row(block, line, seen)

    def _azc_row(self, block: _Block, line: _Line, seen: set[str]) -> None:
        cells = self._cells(block, line, 2)
        match = self.gaz.municipality(cells[0].strip())
        if match.name is None:
            raise self._error(
                block,
                f"onbekende gemeente '{_shorten(cells[0].strip())}'; bedoelt u '{match.suggestion}'? "
                "Verwacht: één gemeente met een AZC per rij.",
                "onbekende_gemeente",
                line,
                1,
            )
        if match.name in seen:
            raise self._error(
                block,
                f"{match.name} staat twee keer in dit blok. Verwacht: elke gemeente één keer.",
                "dubbele_rij",
                line,
                1,
            )
        seen.add(match.name)
        cell = self._cell(block, line, 2, cells[1])
        self.out.add(self.gaz.district_of(match.name), match.name, AREA_MUNICIPALITY, "b8_azc", cell)

    def _casustafels(self, block: _Block) -> None:
        self._register(block, "casustafels")
        seen: set[str] = set()
        for line in block.rows:
            with self._keep_going():
                self._casustafel_row(block, line, seen)

    def _casustafel_row(self, block: _Block, line: _Line, seen: set[str]) -> None:
        cells = self._cells(block, line, 3)
        match = self.gaz.district(cells[0].strip())
        if match.name is None:
            raise self._error(
                block,
                f"onbekend district '{_shorten(cells[0].strip())}'; bedoelt u '{match.suggestion}'? "
                f"Verwacht: een van {', '.join(self.gaz.districts)}.",
                "onbekend_district",
                line,
                1,
            )
        if match.name in seen:
            raise self._error(
                block,
                f"{match.name} staat twee keer in dit blok. Verwacht: elk district één keer.",
                "dubbele_rij",
                line,
                1,
            )
        seen.add(match.name)
        district = match.name
        meetings = self._cell(block, line, 2, cells[1])
        split = _SUM_CELL.fullmatch(cells[2].strip())
        if split:
            first = self._cell(block, line, 3, split.group(1))
            second = self._cell(block, line, 3, split.group(2))
            total = Cell((first.value or 0) + (second.value or 0), REPORTED)
            figures = [
                ("casustafel_casus", total),
                ("casustafel_casus_mh", first),
                ("casustafel_casus_riec", second),
            ]
        else:
            figures = [("casustafel_casus", self._cell(block, line, 3, cells[2]))]
        self.out.add(district, district, AREA_TOTAL, "casustafel_vergaderingen", meetings)
        for code, cell in figures:
            self.out.add(district, district, AREA_TOTAL, code, cell)


def _display_labels(labels: dict[str, str]) -> list[str]:
    return [BY_CODE[code].label for code in set(labels.values())]


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
    except _TooManyErrorsError:
        parser.errors.append(
            LayoutError(
                f"er zijn {MAX_ERRORS} of meer fouten; alleen de eerste {MAX_ERRORS} staan hierboven. "
                "Klopt de opmaak wel? Verwacht: de opmaak van het sjabloon, blok voor blok.",
                code="te_veel_fouten",
            )
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
