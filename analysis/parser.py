"""Parse the published dashboard layout (tab-separated blocks) into one tidy table.

The layout is what the partners keep in Excel and what the published dashboard
prints: blocks separated by blank lines, each starting with a header row. A district
block has one column per named municipality, then ``Overig`` and ``Totaal``; the
unit-level blocks have a single ``Totaal`` column (casustafels have two).

Every problem raises :class:`LayoutError` with a Dutch message that names the block,
the line and the column, so that a non-programmer can find and fix it.
"""

import re
from collections.abc import Callable, Iterator
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


def other_area(district: str) -> str:
    """Return the area name used for a district's "Overig" column."""
    return f"Overig {district}"


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
                "controleer of hier twee vakken aan elkaar geplakt zijn."
            )
        return Cell(int(digits), REPORTED)
    if _NEGATIVE.fullmatch(text):
        raise ValueError(f"'{_shorten(text)}' is negatief; een aantal kan niet kleiner zijn dan 0.")
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
    def __init__(self, gazetteer: Gazetteer, year: int) -> None:
        self.gaz = gazetteer
        self.out = _Collector(year)
        self.seen_blocks: dict[str, int] = {}

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
                f"dit blok staat twee keer in het bestand (eerder op regel {self.seen_blocks[key]}).",
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
                f"de rij '{_shorten(label)}' staat twee keer in dit blok (eerder op regel {seen[code]}).",
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
            raise LayoutError("het bestand is leeg: er staan geen tabellen in.", code="leeg_bestand")
        handlers: dict[str, Callable[[_Block], None]] = {
            "casustafels": self._casustafels,
            "comensha": self._comensha,
            "b8aangiftes": self._b8,
            "azcs": self._azc,
            "azc": self._azc,
        }
        for block in _split_blocks(text):
            key = name_key(block.name)
            if key.startswith("totaaleenheid"):
                self._unit(block)
            elif key in handlers:
                handlers[key](block)
            else:
                match = self.gaz.district(block.name)
                if match.name is None:
                    known = ", ".join(
                        [
                            "een district (bijv. IJSSELLAND, TWENTE)",
                            "TOTAAL EENHEID ONL",
                            "CASUSTAFELS",
                            "COMENSHA",
                            "B8 aangiftes",
                            "AZC's",
                        ]
                    )
                    raise self._error(
                        block,
                        f"onbekende bloknaam '{_shorten(block.name)}'"
                        + (f"; bedoelt u '{match.suggestion}'?" if match.suggestion else "")
                        + f" Een blok begint met: {known}.",
                        "onbekend_blok",
                        column=1,
                    )
                self._district(block, match.name)
        self._require_complete()
        return self.out.frame()

    def _require_complete(self) -> None:
        missing = [d for d in self.gaz.districts if f"district:{d}" not in self.seen_blocks]
        if missing:
            raise LayoutError(
                f"het blok van district {', '.join(missing)} ontbreekt. Elk van de vijf "
                "districten heeft een eigen blok met gemeenten, Overig en Totaal.",
                code="district_ontbreekt",
            )
        if "eenheid" not in self.seen_blocks:
            raise LayoutError(
                "het blok 'TOTAAL EENHEID ONL' met de totalen van de eenheid ontbreekt.",
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
                        block, "'Overig' staat twee keer in de kop.", "dubbele_kolom", column=col
                    )
                areas.append((other_area(district), AREA_OTHER))
                continue
            if printed == "":
                raise self._error(
                    block, "deze kolom heeft geen gemeentenaam.", "kolom_zonder_naam", column=col
                )
            match = self.gaz.municipality(printed)
            if match.name is None:
                raise self._error(
                    block,
                    f"onbekende gemeente '{_shorten(printed)}'; bedoelt u '{match.suggestion}'?",
                    "onbekende_gemeente",
                    column=col,
                )
            home = self.gaz.district_of(match.name)
            if home != district:
                raise self._error(
                    block,
                    f"{match.name} hoort bij district {home}, niet bij {district}.",
                    "gemeente_verkeerd_district",
                    column=col,
                )
            if match.name in seen_names:
                raise self._error(
                    block, f"{match.name} staat twee keer in de kop.", "dubbele_kolom", column=col
                )
            seen_names.add(match.name)
            areas.append((match.name, AREA_MUNICIPALITY))
        areas.append((district, AREA_TOTAL))

        labels = labels_for(DISTRICT_INDICATORS)
        seen: dict[str, int] = {}
        for line in block.rows:
            if self._is_heading(line):
                continue
            cells = self._cells(block, line, width)
            code = self._row_label(block, line, labels, seen)
            for col, ((area, kind), raw) in enumerate(zip(areas, cells[1:], strict=True), start=2):
                self.out.add(district, area, kind, code, self._cell(block, line, col, raw))
        self._require_rows(block, seen, DISTRICT_INDICATORS)

    def _require_rows(self, block: _Block, seen: dict[str, int], expected: tuple[str, ...]) -> None:
        missing = [c for c in expected if c not in seen]
        if missing:
            raise self._error(
                block,
                "deze rijen ontbreken: " + ", ".join(label(c) for c in missing) + ".",
                "rij_ontbreekt",
            )

    def _single_column(
        self, block: _Block, labels: dict[str, str], *, sections: bool = False
    ) -> Iterator[tuple[_Line, str, Cell, str | None]]:
        """Yield (line, code, cell, section) for a block with one figure column."""
        seen: dict[str, int] = {}
        section: str | None = None
        for line in block.rows:
            heading = self._is_heading(line) if sections else None
            if heading:
                section = heading
                continue
            cells = self._cells(block, line, 2)
            code = self._row_label(block, line, labels, seen)
            yield line, code, self._cell(block, line, 2, cells[1]), section

    def _unit(self, block: _Block) -> None:
        self._register(block, "eenheid")
        awareness = ("bewustwording_om", "bewustwording_politie")
        labels = labels_for(DISTRICT_INDICATORS) | labels_for(awareness)
        seen: list[str] = []
        for line, code, cell, section in self._single_column(block, labels, sections=True):
            if code in awareness and section != SECTION_AWARENESS:
                raise self._error(
                    block,
                    "deze rij hoort onder het kopje 'Bewustwordingspresentaties'.",
                    "rij_buiten_sectie",
                    line,
                    1,
                )
            seen.append(code)
            self.out.add(UNIT, UNIT, AREA_TOTAL, code, cell)
        self._require_rows(block, dict.fromkeys(seen, 0), DISTRICT_INDICATORS)

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
            cells = self._cells(block, line, 2)
            match = self.gaz.municipality(cells[0].strip())
            if match.name is None:
                raise self._error(
                    block,
                    f"onbekende gemeente '{_shorten(cells[0].strip())}'; bedoelt u '{match.suggestion}'?",
                    "onbekende_gemeente",
                    line,
                    1,
                )
            if match.name in seen:
                raise self._error(block, f"{match.name} staat twee keer in dit blok.", "dubbele_rij", line, 1)
            seen.add(match.name)
            cell = self._cell(block, line, 2, cells[1])
            self.out.add(self.gaz.district_of(match.name), match.name, AREA_MUNICIPALITY, "b8_azc", cell)

    def _casustafels(self, block: _Block) -> None:
        self._register(block, "casustafels")
        seen: set[str] = set()
        for line in block.rows:
            cells = self._cells(block, line, 3)
            match = self.gaz.district(cells[0].strip())
            if match.name is None:
                raise self._error(
                    block,
                    f"onbekend district '{_shorten(cells[0].strip())}'; bedoelt u '{match.suggestion}'?",
                    "onbekend_district",
                    line,
                    1,
                )
            if match.name in seen:
                raise self._error(block, f"{match.name} staat twee keer in dit blok.", "dubbele_rij", line, 1)
            seen.add(match.name)
            district = match.name
            meetings = self._cell(block, line, 2, cells[1])
            self.out.add(district, district, AREA_TOTAL, "casustafel_vergaderingen", meetings)
            split = _SUM_CELL.fullmatch(cells[2].strip())
            if split:
                first = self._cell(block, line, 3, split.group(1))
                second = self._cell(block, line, 3, split.group(2))
                total = Cell((first.value or 0) + (second.value or 0), REPORTED)
                self.out.add(district, district, AREA_TOTAL, "casustafel_casus", total)
                self.out.add(district, district, AREA_TOTAL, "casustafel_casus_mh", first)
                self.out.add(district, district, AREA_TOTAL, "casustafel_casus_riec", second)
            else:
                self.out.add(
                    district, district, AREA_TOTAL, "casustafel_casus", self._cell(block, line, 3, cells[2])
                )


def _display_labels(labels: dict[str, str]) -> list[str]:
    return [BY_CODE[code].label for code in set(labels.values())]


def parse_layout(text: str, year: int, gazetteer: Gazetteer) -> pl.DataFrame:
    """Parse the published layout into the tidy table.

    Columns: ``jaar, district, gebied, gebiedstype, indicator, waarde, status``.
    ``waarde`` is null unless ``status`` is ``gerapporteerd``. Raises
    :class:`LayoutError` on anything it cannot read with certainty.
    """
    return _LayoutParser(gazetteer, year).parse(text)
