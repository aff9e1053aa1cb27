"""The intake template: the dashboard's blocks as an Excel workbook, and writers back from a tidy table.

One sheet per block of the published layout (the five districts, then ``TOTAAL EENHEID
ONL``, ``CASUSTAFELS``, ``COMENSHA``, ``B8 aangiftes`` and ``AZC's``), preceded by an
instruction sheet in Dutch. Cell A1 of every block sheet holds the block name, row 1 is
the block's header row, column A the row labels: exactly the layout that
:func:`analysis.parser.parse_layout` reads, so :mod:`analysis.intake` can turn a filled
workbook back into layout text.

Three writers share one description of the blocks (:func:`blocks_from_tidy`):

* :func:`template_workbook`: the empty template, with the structure (named
  municipalities, AZC locations) of the latest bundled year;
* :func:`workbook_from_tidy`: the same workbook filled with a tidy year;
* :func:`layout_from_tidy`: the tab-separated layout text.

Pure Python: no Streamlit.
"""

import io
from dataclasses import dataclass

import polars as pl
import xlsxwriter

from analysis.geography import UNIT
from analysis.indicators import (
    BY_CODE,
    COMENSHA_PRINTED,
    DISTRICT_INDICATORS,
    SECTION_ADMIN,
    SECTION_AWARENESS,
    SECTION_CRIMINAL,
    SECTION_SUPPLY,
    label,
)
from analysis.parser import (
    AREA_MUNICIPALITY,
    AREA_OTHER,
    AREA_TOTAL,
    NOT_APPLICABLE,
    NOT_REPORTED,
    REPORTED,
    STATUS_MARK,
)

INSTRUCTION_SHEET = "Uitleg"
UNIT_BLOCK = "TOTAAL EENHEID ONL"
CASUSTAFEL_BLOCK = "CASUSTAFELS"
COMENSHA_BLOCK = "COMENSHA"
B8_BLOCK = "B8 aangiftes"
AZC_BLOCK = "AZC's"

#: Block (and sheet) name of each district, as the published dashboard prints it.
DISTRICT_BLOCKS: dict[str, str] = {
    "IJsselland": "IJSSELLAND",
    "Gelderland-Zuid": "GLD-ZUID",
    "Twente": "TWENTE",
    "Noord- en Oost-Gelderland": "NOG",
    "Gelderland-Midden": "GLD-MIDDEN",
}
#: The unit-level blocks, in the published order.
UNIT_BLOCKS: tuple[str, ...] = (UNIT_BLOCK, CASUSTAFEL_BLOCK, COMENSHA_BLOCK, B8_BLOCK, AZC_BLOCK)
#: Every block sheet of the template, in the published order.
BLOCK_SHEETS: tuple[str, ...] = (*DISTRICT_BLOCKS.values(), *UNIT_BLOCKS)

TOTAL_COLUMN = "Totaal"
OTHER_COLUMN = "Overig"
CASUSTAFEL_HEADERS: tuple[str, str] = (
    "Aantal vergaderingen (Casustafel MH)",
    "Aantal casus (Casustafel of RIEC)",
)

#: The heading row printed above each section (the parser skips these rows).
SECTION_TITLES: dict[str, str] = {
    SECTION_SUPPLY: "Zichtbaar aanbod seksuele dienstverlening",
    SECTION_CRIMINAL: "Opsporing en vervolging",
    SECTION_ADMIN: "Bestuurlijke opvolging",
    SECTION_AWARENESS: "Bewustwordingspresentaties",
}

AWARENESS: tuple[str, ...] = ("bewustwording_om", "bewustwording_politie")
COMENSHA: tuple[str, ...] = COMENSHA_PRINTED
CASUSTAFEL: tuple[str, ...] = (
    "casustafel_vergaderingen",
    "casustafel_casus",
    "casustafel_casus_mh",
    "casustafel_casus_riec",
)

#: A cell of a block: a count, a mark ('?', '-', '17+3'), or ``None`` for an empty cell.
CellValue = int | str | None

ROW_HEADER = "kop"
ROW_SECTION = "tussenkop"
ROW_FIGURES = "cijfers"


@dataclass(frozen=True)
class Block:
    """One block of the layout: its name (cell A1, also the sheet name) and its rows.

    ``rows[0]`` is the header row; ``kinds`` says for each row whether it is the header,
    a section heading or a row of figures. ``text_columns`` are the (0-based) columns
    where a figure may be text such as ``17+3``.
    """

    name: str
    rows: tuple[tuple[CellValue, ...], ...]
    kinds: tuple[str, ...]
    text_columns: tuple[int, ...] = ()

    @property
    def width(self) -> int:
        """The number of columns of the header row."""
        return len(self.rows[0])


def district_block_name(district: str) -> str:
    """Return the block (and sheet) name of a district, e.g. ``IJSSELLAND``."""
    return DISTRICT_BLOCKS.get(district, district.upper())


def block_of(district: str, indicator: str) -> str:
    """Return the name of the block that holds a tidy row with this district and indicator."""
    if indicator in CASUSTAFEL:
        return CASUSTAFEL_BLOCK
    if indicator in COMENSHA:
        return COMENSHA_BLOCK
    if indicator == "b8_aangiftes":
        return B8_BLOCK
    if indicator == "b8_azc":
        return AZC_BLOCK
    if district == UNIT:
        return UNIT_BLOCK
    return district_block_name(district)


def _mark(status: str, value: int | None) -> CellValue:
    if status == REPORTED:
        return value
    if status in (NOT_REPORTED, NOT_APPLICABLE):
        return STATUS_MARK[status]
    return None


def _first_seen(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _with_sections(codes: list[str], width: int) -> tuple[list[tuple[CellValue, ...]], list[str], list[str]]:
    """Return (rows, kinds, codes-or-'') for indicator rows, inserting a heading per section."""
    rows: list[tuple[CellValue, ...]] = []
    kinds: list[str] = []
    row_codes: list[str] = []
    section = None
    for code in codes:
        if BY_CODE[code].section != section:
            section = BY_CODE[code].section
            if section in SECTION_TITLES:
                rows.append((SECTION_TITLES[section],) + (None,) * (width - 1))
                kinds.append(ROW_SECTION)
                row_codes.append("")
        rows.append((label(code),) + (None,) * (width - 1))
        kinds.append(ROW_FIGURES)
        row_codes.append(code)
    return rows, kinds, row_codes


def _district_block(name: str, district: str, part: pl.DataFrame, values: bool) -> Block:
    areas = _first_seen(part["gebied"].to_list())
    kinds_of = dict(zip(part["gebied"], part["gebiedstype"], strict=False))
    header: list[CellValue] = [name]
    for area in areas:
        kind = kinds_of[area]
        header.append(TOTAL_COLUMN if kind == AREA_TOTAL else OTHER_COLUMN if kind == AREA_OTHER else area)
    codes = _first_seen(part["indicator"].to_list())
    rows, kinds, row_codes = _with_sections(codes, len(header))
    cells = {
        (r["indicator"], r["gebied"]): _mark(r["status"], r["waarde"]) for r in part.iter_rows(named=True)
    }
    filled = [
        row if not code else (row[0], *[cells.get((code, a)) if values else None for a in areas])
        for row, code in zip(rows, row_codes, strict=True)
    ]
    return Block(name, (tuple(header), *filled), (ROW_HEADER, *kinds))


def _single_column_block(name: str, part: pl.DataFrame, values: bool, *, sections: bool) -> Block:
    codes = _first_seen(part["indicator"].to_list())
    if sections:
        rows, kinds, row_codes = _with_sections(codes, 2)
    else:
        rows = [(label(c), None) for c in codes]
        kinds, row_codes = [ROW_FIGURES] * len(codes), list(codes)
    cells = {r["indicator"]: _mark(r["status"], r["waarde"]) for r in part.iter_rows(named=True)}
    filled = [
        row if not code else (row[0], cells.get(code) if values else None)
        for row, code in zip(rows, row_codes, strict=True)
    ]
    return Block(name, ((name, TOTAL_COLUMN), *filled), (ROW_HEADER, *kinds))


def _casustafel_block(part: pl.DataFrame, values: bool) -> Block:
    rows: list[tuple[CellValue, ...]] = [(CASUSTAFEL_BLOCK, *CASUSTAFEL_HEADERS)]
    for district in _first_seen(part["district"].to_list()):
        mine = part.filter(pl.col("district") == district)
        cells = {r["indicator"]: (r["status"], r["waarde"]) for r in mine.iter_rows(named=True)}
        meetings = _mark(*cells["casustafel_vergaderingen"]) if "casustafel_vergaderingen" in cells else None
        cases = _mark(*cells["casustafel_casus"]) if "casustafel_casus" in cells else None
        first, second = cells.get("casustafel_casus_mh"), cells.get("casustafel_casus_riec")
        if first and second and first[0] == REPORTED and second[0] == REPORTED:
            cases = f"{first[1]}+{second[1]}"
        rows.append((district, meetings, cases) if values else (district, None, None))
    return Block(CASUSTAFEL_BLOCK, tuple(rows), (ROW_HEADER,) + (ROW_FIGURES,) * (len(rows) - 1), (2,))


def _azc_block(part: pl.DataFrame, values: bool) -> Block:
    rows: list[tuple[CellValue, ...]] = [(AZC_BLOCK, TOTAL_COLUMN)]
    for r in part.iter_rows(named=True):
        rows.append((r["gebied"], _mark(r["status"], r["waarde"]) if values else None))
    return Block(AZC_BLOCK, tuple(rows), (ROW_HEADER,) + (ROW_FIGURES,) * (len(rows) - 1))


def blocks_from_tidy(tidy: pl.DataFrame, *, values: bool = True) -> list[Block]:
    """Describe a tidy year as the blocks of the layout, in the order the tidy table has them.

    With ``values=False`` every figure cell is empty (the template). Counts become
    integers, ``?`` and ``-`` stay marks, an empty cell is ``None``, and a casustafel
    count with both parts (``casustafel_casus_mh`` and ``_riec``) becomes ``'17+3'``.
    Raises ``ValueError`` for a table with more than one year.
    """
    if tidy["jaar"].n_unique() > 1:
        raise ValueError("blocks_from_tidy needs the tidy table of a single year")
    names = [block_of(d, i) for d, i in zip(tidy["district"], tidy["indicator"], strict=True)]
    keyed = tidy.with_columns(pl.Series("_block", names, dtype=pl.String))
    blocks: list[Block] = []
    for name in _first_seen(keyed["_block"].to_list()):
        part = keyed.filter(pl.col("_block") == name)
        if name == UNIT_BLOCK:
            blocks.append(_single_column_block(name, part, values, sections=True))
        elif name in (COMENSHA_BLOCK, B8_BLOCK):
            blocks.append(_single_column_block(name, part, values, sections=False))
        elif name == CASUSTAFEL_BLOCK:
            blocks.append(_casustafel_block(part, values))
        elif name == AZC_BLOCK:
            blocks.append(_azc_block(part, values))
        else:
            blocks.append(_district_block(name, part["district"][0], part, values))
    return blocks


def _text(value: CellValue) -> str:
    return "" if value is None else str(value)


def layout_from_tidy(tidy: pl.DataFrame) -> str:
    """Write a tidy year as the tab-separated layout text that :func:`parse_layout` reads.

    Blocks are separated by a blank line; counts are written without a thousands
    separator (``29764``), empty cells stay empty, ``?`` and ``-`` as they are.
    """
    parts = []
    for block in blocks_from_tidy(tidy):
        parts.append("\n".join("\t".join(_text(c) for c in row) for row in block.rows))
    return "\n\n".join(parts) + "\n"


# -- the workbook -------------------------------------------------------------------

_FIGURE_RULE = (
    "Typ een heel getal (0 of meer), '?' (niet gerapporteerd) of '-' (niet van toepassing). "
    "Laat het vak leeg als er geen signaal aan deze gemeente te koppelen is."
)


def instructions(example_year: int | None = None) -> list[tuple[str, str]]:
    """The rows of the instruction sheet 'Uitleg': (topic, explanation), in Dutch."""
    structure = (
        f"De kolommen met gemeenten en de AZC-locaties zijn die van het dashboard {example_year}."
        if example_year
        else "De kolommen met gemeenten en de AZC-locaties zijn die van het laatste dashboard."
    )
    return [
        (
            "Waarvoor",
            "Met dit bestand zet u de cijfers van een nieuw jaar van het Dashboard mensenhandel "
            "Oost-Nederland in de app Ketendialoog. Neem de getallen over uit de gepubliceerde tabellen. "
            "De app controleert het bestand bij het inlezen en noemt elk probleem met tabblad, rij en kolom.",
        ),
        (
            "Eén blok per tabblad",
            "Elk tabblad is één tabel van het dashboard: de vijf districten ("
            + ", ".join(DISTRICT_BLOCKS.values())
            + ") en de tabellen van de eenheid ("
            + ", ".join(UNIT_BLOCKS)
            + "). Rij 1 is de kopregel, kolom A de namen van de rijen.",
        ),
        (
            "Niet veranderen",
            "Hernoem, verwijder of verplaats geen tabbladen en laat cel A1 van elk tabblad staan. "
            "Laat de namen in kolom A staan en voeg geen lege rijen of kolommen tussen de cijfers in.",
        ),
        (
            "Gemeenten",
            structure + " Noemt het nieuwe dashboard een andere gemeente apart, verander dan de naam in "
            "de kopregel of voeg een kolom toe vóór 'Overig'. 'Overig' is de rest van het district, "
            "'Totaal' het districtstotaal.",
        ),
        (
            "Een getal",
            "Een heel getal van 0 of meer, zonder decimalen: 29764 of 29.764. Ook 0 is een echt aantal: "
            "typ 0 als het aantal nul is.",
        ),
        (
            "Een leeg vak",
            "Betekent: er kon geen signaal aan deze gemeente worden gekoppeld; het telt mee in 'Overig' of "
            "'Totaal'. Leeg is dus niet hetzelfde als 0.",
        ),
        (
            "?",
            "De gemeente heeft geen opgave gedaan (niet gerapporteerd). Een totaal met een '?' is een ondergrens.",
        ),
        ("-", "Niet van toepassing."),
        (
            "Totalen",
            "Neem elk totaal over zoals het dashboard het publiceert, ook als het niet gelijk is aan de som "
            "van de delen. Tel niet zelf op: de app laat zulke verschillen zien en verbetert niets.",
        ),
        (
            "Waarden, geen formules",
            "Plak waarden, geen formules: kopieer de cijfers en kies Plakken speciaal > Waarden. Een formule "
            "rekent iets uit; het dashboard publiceert een getal.",
        ),
        ("Geen samengevoegde cellen", "Voeg geen cellen samen; vul elk vak apart in."),
        (
            CASUSTAFEL_BLOCK,
            "Per district het aantal vergaderingen van de casustafel mensenhandel en het aantal besproken "
            "casussen. Noemt het dashboard twee getallen in één vak (casustafel en RIEC), typ dan bijvoorbeeld "
            "17+3.",
        ),
        (
            AZC_BLOCK,
            "Eén rij per gemeente met een AZC en het aantal B8-aangiftes daar. Voeg rijen toe of verwijder ze "
            "als het dashboard andere gemeenten noemt.",
        ),
        (
            "Inlezen",
            "Sla het bestand op als Excel-werkmap (.xlsx) en lees het in via de app. Een ontwikkelaar kan het "
            "ook controleren met: python -m analysis validate bestand.xlsx --jaar 2023",
        ),
    ]


def _write_block(workbook: xlsxwriter.Workbook, block: Block, formats: dict) -> None:
    sheet = workbook.add_worksheet(block.name)
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, block.width - 1, 16)
    sheet.freeze_panes(1, 1)
    for r, (row, kind) in enumerate(zip(block.rows, block.kinds, strict=True)):
        for c, value in enumerate(row):
            if kind == ROW_HEADER:
                fmt = formats["header"]
            elif kind == ROW_SECTION:
                fmt = formats["section"]
            elif c == 0:
                fmt = formats["label"]
            else:
                fmt = formats["input"]
            if value is None:
                sheet.write_blank(r, c, None, fmt)
            elif isinstance(value, int):
                sheet.write_number(r, c, value, fmt)
            else:
                sheet.write_string(r, c, value, fmt)
    figure_rows = [r for r, kind in enumerate(block.kinds) if kind == ROW_FIGURES]
    for r in figure_rows:
        for c in range(1, block.width):
            if c in block.text_columns:
                continue
            cell = xlsxwriter.utility.xl_rowcol_to_cell(r, c)
            sheet.data_validation(
                r,
                c,
                r,
                c,
                {
                    "validate": "custom",
                    "value": f'=OR({cell}="?",{cell}="-",AND(ISNUMBER({cell}),{cell}>=0,{cell}=INT({cell})))',
                    "ignore_blank": True,
                    "error_title": "Geen geldig aantal",
                    "error_message": _FIGURE_RULE,
                },
            )


def _workbook(blocks: list[Block], example_year: int | None) -> bytes:
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as workbook:
        formats = {
            "header": workbook.add_format({"bold": True, "bg_color": "#DDE4EE", "border": 1}),
            "section": workbook.add_format({"italic": True, "font_color": "#44546A"}),
            "label": workbook.add_format({"border": 1}),
            "input": workbook.add_format({"bg_color": "#FFF8DC", "border": 1}),
        }
        readme = workbook.add_worksheet(INSTRUCTION_SHEET)
        readme.set_column(0, 0, 28)
        readme.set_column(1, 1, 110)
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        bold = workbook.add_format({"bold": True, "valign": "top"})
        readme.write_string(0, 0, "Onderwerp", bold)
        readme.write_string(0, 1, "Uitleg", bold)
        for r, (topic, text) in enumerate(instructions(example_year), start=1):
            readme.write_string(r, 0, topic, bold)
            readme.write_string(r, 1, text, wrap)
        for block in blocks:
            _write_block(workbook, block, formats)
    return buffer.getvalue()


def workbook_from_tidy(tidy: pl.DataFrame) -> bytes:
    """Write a tidy year into the template workbook (.xlsx bytes), figures filled in."""
    return _workbook(blocks_from_tidy(tidy, values=True), int(tidy["jaar"][0]))


def template_workbook(structure: pl.DataFrame | None = None) -> bytes:
    """The empty template (.xlsx bytes): an instruction sheet 'Uitleg' and one sheet per block.

    The named municipalities per district and the AZC locations come from
    ``structure`` (a tidy year), by default the latest bundled dashboard; every figure
    cell is empty.
    """
    if structure is None:
        from analysis.dataset import available_years, load_dashboard

        structure = load_dashboard(max(available_years()))
    return _workbook(blocks_from_tidy(structure, values=False), int(structure["jaar"][0]))


def municipality_columns(tidy: pl.DataFrame) -> dict[str, list[str]]:
    """The municipalities each district block names in its own column, in the printed order."""
    named = tidy.filter(
        pl.col("gebiedstype") == AREA_MUNICIPALITY, pl.col("indicator").is_in(DISTRICT_INDICATORS)
    )
    return {
        d: _first_seen(named.filter(pl.col("district") == d)["gebied"].to_list())
        for d in _first_seen(named["district"].to_list())
    }
