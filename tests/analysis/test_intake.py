"""Bringing in next year's figures (analysis.intake): reading uploads, validating, comparing years.

The published 2022 tables are the fixture: as text (data/dashboard/2022.txt), as the
template workbook, and as the built-in tidy table. Broken inputs are made from them by
one small edit each, and every one must give its own Dutch message, never another
exception type. Expected numbers are the published figures, typed over by hand.
"""

import dataclasses
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import polars as pl
import pytest
import xlsxwriter
from polars.testing import assert_frame_equal

from analysis import default_gazetteer, load_context, load_dashboard
from analysis.intake import (
    MAX_UPLOAD_BYTES,
    Finding,
    FindingCode,
    IntakeError,
    IntakeResult,
    area_changes,
    check_upload,
    column_letter,
    compare_years,
    load_upload,
    read_upload,
    validate,
    year_from_name,
)
from analysis.parser import MAX_ERRORS, parse_layout_all
from analysis.paths import dashboard_file
from analysis.stats import rate_ratio_interval
from analysis.template import blocks_from_tidy, layout_from_tidy, template_workbook, workbook_from_tidy

TODAY = date(2026, 11, 28)
NEW = 2023


@cache
def gazetteer():
    return default_gazetteer()


@cache
def text_2022() -> str:
    return dashboard_file(2022).read_text(encoding="utf-8")


@cache
def tidy_2022() -> pl.DataFrame:
    return load_dashboard(2022)


def check(
    name: str, content: bytes, year: int = NEW, existing: tuple[int, ...] = (2022,), **options
) -> IntakeResult:
    options.setdefault("gazetteer", gazetteer())
    options.setdefault("today", TODAY)
    return check_upload(name, content, year, list(existing), **options)


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def as_year(tidy: pl.DataFrame, year: int) -> pl.DataFrame:
    return tidy.with_columns(jaar=pl.lit(year, dtype=pl.Int64))


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


# -- workbooks made for the tests ------------------------------------------------------


def workbook(
    edit: Callable[[str, object, object], None] | None = None,
    *,
    skip: tuple[str, ...] = (),
    tidy: pl.DataFrame | None = None,
) -> bytes:
    """The 2022 figures in the template layout; ``edit(sheet, worksheet, workbook)`` may change a sheet."""
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        book.add_worksheet("Uitleg").write_string(0, 0, "Uitleg")
        for block in blocks_from_tidy(tidy if tidy is not None else tidy_2022()):
            if block.name in skip:
                continue
            sheet = book.add_worksheet(block.name)
            for r, row in enumerate(block.rows):
                for c, value in enumerate(row):
                    if isinstance(value, int):
                        sheet.write_number(r, c, value)
                    elif value is not None:
                        sheet.write_string(r, c, value)
            if edit is not None:
                edit(block.name, sheet, book)
    return buffer.getvalue()


def on_sheet(name: str, action: Callable[[object], None]) -> Callable[[str, object, object], None]:
    def edit(sheet: str, worksheet: object, _book: object) -> None:
        if sheet == name:
            action(worksheet)

    return edit


def rezip(content: bytes, transform: Callable[[str, bytes], bytes]) -> bytes:
    """Rewrite every part of a workbook through ``transform(path, data)``."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, transform(info.filename, source.read(info.filename)))
    return buffer.getvalue()


def without_recalculation(content: bytes) -> bytes:
    """As Excel saves it: cached formula results are trusted (no fullCalcOnLoad)."""
    return rezip(content, lambda path, data: data.replace(b' fullCalcOnLoad="1"', b""))


# -- round trip ------------------------------------------------------------------------


def test_text_workbook_and_builtin_give_identical_tidy_tables() -> None:
    builtin = tidy_2022()
    from_text = validate(text_2022(), 2022, [], gazetteer=gazetteer(), today=TODAY)
    from_workbook_text = read_upload("dashboard_2022.xlsx", workbook_from_tidy(builtin))
    from_workbook = validate(from_workbook_text, 2022, [], gazetteer=gazetteer(), today=TODAY)
    assert from_text.ok and from_workbook.ok, (from_text.errors, from_workbook.errors)
    assert_frame_equal(from_text.tidy, builtin)
    assert_frame_equal(from_workbook.tidy, builtin)
    assert_frame_equal(from_workbook.tidy, from_text.tidy)


def test_uploaded_text_and_layout_writer_round_trip() -> None:
    assert read_upload("2022.txt", text_2022().encode()) == text_2022()
    result = check("dashboard_2023.txt", layout_from_tidy(as_year(tidy_2022(), NEW)).encode())
    assert result.ok
    assert_frame_equal(result.tidy, as_year(tidy_2022(), NEW))


def test_workbook_lines_map_to_sheet_rows() -> None:
    upload = load_upload("x.xlsx", workbook_from_tidy(tidy_2022()))
    assert upload.kind == "excel"
    assert upload.sheet_rows[1] == ("IJSSELLAND", 1)
    assert upload.sheet_rows[3] == ("IJSSELLAND", 3)
    assert upload.sheet_rows[18] == ("GLD-ZUID", 1)  # line 17 separates the blocks
    assert upload.text.splitlines()[2] == "Actieve seksadvertenties\t391\t440\t480\t3013\t1579\t780\t6683"


def test_original_bytes_are_untouched() -> None:
    content = bytearray(workbook_from_tidy(tidy_2022()))
    before = bytes(content)
    check("x.xlsx", content)
    assert bytes(content) == before


# -- broken inputs ---------------------------------------------------------------------


@dataclass(frozen=True)
class Broken:
    """An upload that cannot be taken over, and the Dutch error it must give."""

    name: str
    content: Callable[[], bytes]
    code: str
    says: tuple[str, ...] = field(default_factory=tuple)


def shifted_row(text: str) -> str:
    return replace_once(text, "Signalen mensenhandel\t1\t1\t3\t13", "Signalen mensenhandel\t\t1\t1\t3\t13")


def shifted_block(text: str, name: str) -> str:
    """``text`` with the block ``name`` pasted one column to the right (an empty first cell on every line)."""
    blocks = text.split("\n\n")
    return "\n\n".join(
        "\n".join("\t" + line for line in block.splitlines()) if block.startswith(name + "\t") else block
        for block in blocks
    )


def shifted_sheet_row(_sheet: str, worksheet, _book) -> None:  # noqa: ANN001
    if _sheet == "IJSSELLAND":
        worksheet.write_string(6, 1, "")
        for c, v in enumerate((1, 1, 3, 13, 5, 2, 25), start=2):
            worksheet.write_number(6, c, v)


BROKEN = {
    "empty text file": Broken("leeg.txt", lambda: b"", "leeg_bestand", ("Het bestand is leeg",)),
    "empty workbook file": Broken("leeg.xlsx", lambda: b"", "leeg_bestand", ("Het bestand is leeg",)),
    "only blank lines": Broken("leeg.csv", lambda: b"\r\n \t\n", "leeg_bestand", ("leeg",)),
    "only separators": Broken(
        "leeg.csv", lambda: b";;;\n;;\n", "leeg_bestand", ("het bestand is leeg: er staan geen tabellen in",)
    ),
    "binary garbage": Broken(
        "cijfers.txt",
        lambda: bytes(range(256)) * 20,
        "geen_tekst",
        ("Het bestand bevat geen leesbare tekst", "Verwacht: het Excel-sjabloon (.xlsx)"),
    ),
    "binary garbage named xlsx": Broken(
        "cijfers.xlsx",
        lambda: bytes(range(256)) * 20,
        "geen_excel",
        ("Het bestand heet .xlsx maar is geen Excel-werkmap",),
    ),
    "a zip that is no workbook": Broken(
        "cijfers.xlsx",
        lambda: rezip(workbook_from_tidy(tidy_2022()), lambda p, d: b"" if p.endswith("workbook.xml") else d),
        "geen_excel",
        ("geen leesbare Excel-werkmap",),
    ),
    "old Excel format": Broken(
        "cijfers.xlsx",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "oud_excel",
        ("(.xlsx) zonder wachtwoord",),
    ),
    "a pdf": Broken(
        "cijfers.pdf", lambda: b"%PDF-1.4", "bestandstype", ("'.pdf'", "Verwacht: het Excel-sjabloon")
    ),
    "a 20 MB file": Broken(
        "groot.txt",
        lambda: text_2022().encode() * (20 * 1024 * 1024 // len(text_2022().encode()) + 1),
        "bestand_te_groot",
        ("Het bestand is 20,0 MB; de grens is 5,0 MB",),
    ),
    "a workbook that unpacks to 60 MB": Broken(
        "bom.xlsx",
        lambda: rezip(
            workbook_from_tidy(tidy_2022()),
            lambda p, d: (
                d + b"<!-- " + b" " * (61 * 1024 * 1024) + b" -->" if p.endswith("sheet1.xml") else d
            ),
        ),
        "werkmap_te_groot",
        ("uitgepakt veel te groot",),
    ),
    "an XML entity in a sheet": Broken(
        "entiteit.xlsx",
        lambda: rezip(
            workbook_from_tidy(tidy_2022()),
            lambda p, d: (
                d.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "b">]>', 1) if p.endswith("sheet2.xml") else d
            ),
        ),
        "geen_excel",
        ("geen leesbare Excel-werkmap",),
    ),
    "a stray cell far outside the table": Broken(
        "ver.xlsx",
        lambda: workbook(on_sheet("B8 aangiftes", lambda ws: ws.write_string(1048575, 16383, "x"))),
        "cel_buiten_tabel",
        ("Tabblad 'B8 aangiftes', cel XFD1048576: hier staat iets, ver buiten de tabel.",),
    ),
    "a missing sheet": Broken(
        "cijfers_2023.xlsx",
        lambda: workbook(skip=("TWENTE",)),
        "tabblad_ontbreekt",
        (
            "Het tabblad 'TWENTE' ontbreekt in de werkmap",
            "Gevonden: 'Uitleg', 'IJSSELLAND', 'GLD-ZUID', 'NOG'",
        ),
    ),
    "two missing sheets": Broken(
        "cijfers_2023.xlsx",
        lambda: workbook(skip=("COMENSHA", "AZC's")),
        "tabblad_ontbreekt",
        ("De tabbladen 'COMENSHA', 'AZC's' ontbreken",),
    ),
    "shifted columns in text": Broken(
        "cijfers.txt",
        lambda: shifted_row(text_2022()).encode(),
        "rij_te_lang",
        ("Blok 'IJSSELLAND', regel 7, kolom 9: deze rij heeft 9 cellen, maar de kop heeft er 8",),
    ),
    "a block shifted one column in text": Broken(
        "cijfers.txt",
        lambda: shifted_block(text_2022(), "GLD-ZUID").encode(),
        "blok_verschoven",
        (
            "Blok 'GLD-ZUID', regel 18, kolom 2: het blok 'GLD-ZUID' staat een kolom te ver naar rechts",
            "de naam van het blok staat in kolom B",
            "Verwacht: elk blok begint in kolom A",
        ),
    ),
    "shifted columns in a workbook": Broken(
        "cijfers.xlsx",
        lambda: workbook(shifted_sheet_row),
        "rij_te_lang",
        (
            "Tabblad 'IJSSELLAND', rij 7, kolom I: deze rij heeft 9 cellen",
            "Controleer of er een kolom is verschoven",
        ),
    ),
    "a formula without a stored result": Broken(
        "formule.xlsx",
        lambda: workbook(on_sheet("IJSSELLAND", lambda ws: ws.write_formula(2, 1, "=390+1"))),
        "formule_zonder_waarde",
        (
            "Tabblad 'IJSSELLAND', cel B3: een formule waarvan het bestand geen berekende uitkomst bewaart",
            "Plakken speciaal > Waarden",
        ),
    ),
    "a formula with an empty stored result": Broken(
        "formule.xlsx",
        lambda: without_recalculation(
            workbook(on_sheet("TWENTE", lambda ws: ws.write_formula(2, 7, "=SUM(B3:G3)", None, "")))
        ),
        "formule_zonder_waarde",
        ("Tabblad 'TWENTE', cel H3: een formule",),
    ),
    "an error value": Broken(
        "fout.xlsx",
        lambda: without_recalculation(
            workbook(on_sheet("NOG", lambda ws: ws.write_formula(3, 2, "=1/0", None, "#DIV/0!")))
        ),
        "foutwaarde",
        ("Tabblad 'NOG', cel C4: de foutwaarde #DIV/0!. Verwacht: een aantal, '?', '-' of een leeg vak.",),
    ),
    "merged figure cells": Broken(
        "samengevoegd.xlsx",
        lambda: workbook(on_sheet("IJSSELLAND", lambda ws: ws.merge_range(2, 1, 2, 2, 391))),
        "samengevoegde_cellen",
        ("Tabblad 'IJSSELLAND', cellen B3:C3: samengevoegd", "Samenvoegen en centreren"),
    ),
    "a merged header": Broken(
        "samengevoegd.xlsx",
        lambda: workbook(on_sheet("GLD-ZUID", lambda ws: ws.merge_range(0, 0, 0, 1, "GLD-ZUID"))),
        "samengevoegde_cellen",
        ("Tabblad 'GLD-ZUID', cellen A1:B1: samengevoegd",),
    ),
    "empty A1": Broken(
        "a1.xlsx",
        lambda: workbook(
            lambda s, ws, book: ws.write_blank(0, 0, None, book.add_format()) if s == "COMENSHA" else None
        ),
        "a1_leeg",
        ("Tabblad 'COMENSHA', cel A1 is leeg. Verwacht: de naam van het blok, 'COMENSHA'",),
    ),
    "a block on the wrong sheet": Broken(
        "verwisseld.xlsx",
        lambda: workbook(on_sheet("TWENTE", lambda ws: ws.write_string(0, 0, "IJSSELLAND"))),
        "blok_past_niet",
        ("Tabblad 'TWENTE', cel A1: hier staat 'IJSSELLAND'. Verwacht: 'TWENTE'.",),
    ),
    "Dutch decimals in text": Broken(
        "komma.txt",
        lambda: replace_once(
            text_2022(), "Prostitutiecontroles\t2\t", "Prostitutiecontroles\t1,5\t"
        ).encode(),
        "geen_getal",
        ("Blok 'IJSSELLAND', regel 4, kolom 2 ('Kampen'): '1,5' is geen geheel getal. Verwacht: een aantal",),
    ),
    "Dutch decimals in a semicolon CSV": Broken(
        "komma.csv",
        lambda: (
            replace_once(text_2022(), "Prostitutiecontroles\t2\t", 'Prostitutiecontroles\t"1,5"\t')
            .replace("\t", ";")
            .encode("cp1252")
        ),
        "geen_getal",
        ("Blok 'IJSSELLAND', regel 4, kolom 2 ('Kampen'): '1,5' is geen geheel getal",),
    ),
    "a decimal number in a workbook": Broken(
        "komma.xlsx",
        lambda: workbook(on_sheet("IJSSELLAND", lambda ws: ws.write_number(3, 1, 1.5))),
        "geen_getal",
        ("Tabblad 'IJSSELLAND', rij 4, kolom B ('Kampen'): '1,5' is geen geheel getal",),
    ),
    "a negative number in a workbook": Broken(
        "min.xlsx",
        lambda: workbook(on_sheet("TOTAAL EENHEID ONL", lambda ws: ws.write_number(3, 1, -154))),
        "geen_getal",
        (
            "Tabblad 'TOTAAL EENHEID ONL', rij 4, kolom B ('Totaal'): '-154' is negatief",
            "Verwacht: een aantal van 0 of meer",
        ),
    ),
    "letters in a number cell": Broken(
        "letters.xlsx",
        lambda: workbook(on_sheet("IJSSELLAND", lambda ws: ws.write_string(2, 4, "30x3"))),
        "geen_getal",
        ("Tabblad 'IJSSELLAND', rij 3, kolom E ('Zwolle'): '30x3' is geen geheel getal",),
    ),
    "a date in a number cell": Broken(
        "datum.xlsx",
        lambda: workbook(
            lambda s, ws, book: (
                ws.write_datetime(2, 4, date(2023, 1, 1), book.add_format({"num_format": "yyyy-mm-dd"}))
                if s == "IJSSELLAND"
                else None
            )
        ),
        "geen_getal",
        ("Tabblad 'IJSSELLAND', rij 3, kolom E ('Zwolle'): '2023-01-01",),
    ),
    "an unknown municipality": Broken(
        "gemeente.txt",
        lambda: replace_once(text_2022(), "Zwol-le", "Zwolel").encode(),
        "onbekende_gemeente",
        ("Blok 'IJSSELLAND', regel 1, kolom 5 ('Zwolel'): onbekende gemeente 'Zwolel'; bedoelt u 'Zwolle'?",),
    ),
    "an unknown indicator": Broken(
        "indicator.xlsx",
        lambda: workbook(on_sheet("IJSSELLAND", lambda ws: ws.write_string(3, 0, "Prostitutiecontrole"))),
        "onbekende_indicator",
        (
            "Tabblad 'IJSSELLAND', rij 4, kolom A: onbekende indicator 'Prostitutiecontrole'. Bekend in dit blok:",
        ),
    ),
    "a duplicate row": Broken(
        "dubbel.txt",
        lambda: replace_once(
            text_2022(), "Prostitutiecontroles\t2\t0", "Actieve seksadvertenties\t2\t0"
        ).encode(),
        "dubbele_rij",
        ("staat twee keer in dit blok (eerder op regel 3)",),
    ),
    "a missing district block in text": Broken(
        "district.txt",
        lambda: re.sub(r"TWENTE\t.*?\n\n", "", text_2022(), flags=re.S).encode(),
        "district_ontbreekt",
        ("het blok van district Twente ontbreekt",),
    ),
}


@pytest.mark.parametrize("case", BROKEN.values(), ids=BROKEN.keys())
def test_broken_upload_gives_its_dutch_message(case: Broken) -> None:
    content = case.content()
    result = check(case.name, content)
    assert not result.ok
    assert result.tidy is None
    assert case.code in codes(result.errors), [e.message for e in result.errors]
    message = next(e.message for e in result.errors if e.code == case.code)
    for fragment in case.says:
        assert fragment in message
    # reading alone: a text problem surfaces in validation; a file problem as IntakeError
    try:
        read_upload(case.name, content)
    except IntakeError as error:
        assert error.code in codes(result.errors)
        assert str(error)


def test_formula_with_a_result_saved_by_excel_is_taken_with_a_warning() -> None:
    content = without_recalculation(
        workbook(on_sheet("IJSSELLAND", lambda ws: ws.write_formula(2, 7, "=SUM(B3:G3)", None, 6683)))
    )
    result = check("formule.xlsx", content)
    assert result.ok, result.errors
    assert_frame_equal(result.tidy, as_year(tidy_2022(), NEW))
    (note,) = [w for w in result.warnings if w.code == "formule_in_cel"]
    assert note.message.startswith(
        "Tabblad 'IJSSELLAND', cel H3: een formule. De app neemt de laatst berekende"
    )
    assert note.cell == "H3"


def test_merged_section_heading_is_harmless() -> None:
    merged = workbook(
        on_sheet(
            "IJSSELLAND", lambda ws: ws.merge_range(1, 0, 1, 7, "Zichtbaar aanbod seksuele dienstverlening")
        )
    )
    result = check("kop.xlsx", merged)
    assert result.ok, result.errors


def test_windows_1252_text_is_read_with_a_note() -> None:
    text = replace_once(text_2022(), "Enschede\t", "Enschedé\t")
    content = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")
    result = check("cijfers_2023.txt", content)
    assert result.ok
    assert_frame_equal(result.tidy, as_year(tidy_2022(), NEW))
    assert result.warnings[0].code == "codering_windows1252"
    assert "gelezen als Windows-1252 (ANSI)" in result.warnings[0].message
    assert "Enschedé" in read_upload("x.txt", content)


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        pytest.param("bom.txt", lambda t: b"\xef\xbb\xbf" + t.encode(), id="UTF-8 BOM"),
        pytest.param("crlf.tsv", lambda t: t.replace("\n", "\r\n").encode(), id="CRLF"),
        pytest.param(
            "excel.csv",
            lambda t: t.replace("\t", ";").replace("\n", "\r\n").encode("cp1252"),
            id="semicolon CSV",
        ),
        pytest.param(
            "bom.csv", lambda t: b"\xef\xbb\xbf" + t.replace("\t", ";").encode(), id="CSV UTF-8 with BOM"
        ),
        pytest.param(
            "komma.csv", lambda t: t.replace("\t", ",").replace("29.764", '"29.764"').encode(), id="comma CSV"
        ),
        pytest.param(
            "unicode.txt", lambda t: t.encode("utf-16"), id="UTF-16 with BOM (Excel 'Unicode-tekst')"
        ),
        pytest.param("le.txt", lambda t: t.encode("utf-16-le"), id="UTF-16 little-endian without BOM"),
        pytest.param(
            "be.csv",
            lambda t: t.replace("\t", ";").encode("utf-16-be"),
            id="UTF-16 big-endian CSV without BOM",
        ),
    ],
)
def test_text_variants_read_to_the_same_table(name: str, encode: Callable[[str], bytes]) -> None:
    result = check(name, encode(text_2022()))
    assert result.ok, result.errors
    assert_frame_equal(result.tidy, as_year(tidy_2022(), NEW))
    assert "codering_windows1252" not in codes(result.warnings)


def test_csv_field_over_two_lines_keeps_file_line_numbers() -> None:
    text = replace_once(text_2022(), "Prostitutiecontroles\t2\t0", '"Prostitutie\ncontroles"\t2\t0')
    text = replace_once(text, "Signalen mensenhandel\t1\t1", "Signalen mensenhandel\tx\t1")
    result = check("regels.csv", text.replace("\t", ";").encode())
    (error,) = result.errors
    # 'Signalen mensenhandel' is on line 8 of the file (the quoted field spans lines 4 and 5)
    assert error.message.startswith(
        "Blok 'IJSSELLAND', regel 8, kolom 2 ('Kampen'): 'x' is geen geheel getal"
    )


def test_all_problems_are_reported_at_once() -> None:
    text = replace_once(text_2022(), "3013", "30x3")
    text = replace_once(text, "Nijme-gen", "Nijmgen")
    text = replace_once(text, "Prostitutiecontroles\t154", "Prostitutiecontroles\t-154")
    text = replace_once(text, "\nVrouw\t62", "\nVrouwen\t62")
    result = check("fouten.txt", text.encode())
    assert [(e.code, e.block, e.line, e.column) for e in result.errors] == [
        ("geen_getal", "IJSSELLAND", 3, 5),
        ("onbekende_gemeente", "GLD-ZUID", 18, 2),
        ("geen_getal", "TOTAAL EENHEID ONL", 89, 2),
        ("onbekende_indicator", "COMENSHA", 119, 1),
    ]
    # a wrong cell is not also reported as a missing row
    assert "rij_ontbreekt" not in codes(result.errors)


@pytest.mark.parametrize(
    ("printed", "suggestion"),
    [
        ("COMMENSHA", "COMENSHA"),
        ("CASUSTAFEL", "CASUSTAFELS"),
        ("B8 aangifte", "B8 aangiftes"),
        ("GLD-ZUIT", "Gelderland-Zuid"),
    ],
)
def test_misspelt_block_name_suggests_the_closest_block(printed: str, suggestion: str) -> None:
    header = {
        "COMMENSHA": "COMENSHA",
        "CASUSTAFEL": "CASUSTAFELS",
        "B8 aangifte": "B8 aangiftes",
        "GLD-ZUIT": "GLD-ZUID",
    }
    text = replace_once(text_2022(), f"\n{header[printed]}\t", f"\n{printed}\t")
    (error,) = check("blok.txt", text.encode()).errors
    assert error.code == "onbekend_blok"
    assert f"onbekende bloknaam '{printed}'; bedoelt u '{suggestion}'?" in error.message


def test_error_count_is_capped() -> None:
    text = replace_once(text_2022(), "COMENSHA\tTotaal\n", "COMENSHA\tTotaal\n" + "Onzin\t1\n" * 200)
    tidy, errors = parse_layout_all(text, NEW, gazetteer())
    assert tidy is None
    assert len(errors) == MAX_ERRORS + 1
    assert errors[-1].code == "te_veel_fouten"
    assert f"er zijn {MAX_ERRORS} of meer fouten" in str(errors[-1])


def test_earlier_line_refers_to_the_sheet_row() -> None:
    duplicate = workbook(on_sheet("TWENTE", lambda ws: ws.write_string(3, 0, "Actieve seksadvertenties")))
    error, missing = check("dubbel.xlsx", duplicate).errors
    assert missing.code == "rij_ontbreekt"  # the row that was overwritten
    assert error.message == (
        "Tabblad 'TWENTE', rij 4, kolom A: de rij 'Actieve seksadvertenties' staat twee keer in dit blok "
        "(eerder in rij 3). Verwacht: elke indicator één keer per blok."
    )
    assert (error.sheet, error.cell) == ("TWENTE", "A4")


def test_skipped_sheet_is_not_also_reported_missing() -> None:
    result = check(
        "verwisseld.xlsx", workbook(on_sheet("TWENTE", lambda ws: ws.write_string(0, 0, "IJSSELLAND")))
    )
    assert codes(result.errors) == ["blok_past_niet"]


def test_extra_sheet_is_skipped_with_a_note() -> None:
    content = workbook(lambda s, ws, book: book.add_worksheet("Notities") if s == "AZC's" else None)
    result = check("extra.xlsx", content)
    assert result.ok
    assert result.warnings[0] == Finding(
        "tabblad_overgeslagen",
        "Tabblad 'Notities' hoort niet bij het sjabloon en is niet gelezen. Staan daar cijfers die meetellen, "
        "zet ze dan op het juiste tabblad.",
        sheet="Notities",
    )


def test_sheet_names_may_differ_in_case() -> None:
    lower = rezip(
        workbook_from_tidy(tidy_2022()),
        lambda p, d: d.replace(b'name="TWENTE"', b'name="Twente"') if p == "xl/workbook.xml" else d,
    )
    assert check("x.xlsx", lower).ok


def test_empty_template_is_not_a_year() -> None:
    result = check("sjabloon_2023.xlsx", template_workbook())
    assert codes(result.errors) == ["geen_cijfers"]
    assert result.errors[0].message.startswith("Er staat geen enkel getal, '?' of '-' in het bestand")


def test_block_without_figures_is_a_warning() -> None:
    tidy = tidy_2022().with_columns(
        pl.when(pl.col("indicator").str.starts_with("comensha"))
        .then(pl.lit("leeg"))
        .otherwise(pl.col("status"))
        .alias("status"),
        pl.when(pl.col("indicator").str.starts_with("comensha"))
        .then(None)
        .otherwise(pl.col("waarde"))
        .alias("waarde"),
    )
    result = check("x.xlsx", workbook(tidy=tidy))
    assert result.ok
    (note,) = [w for w in result.warnings if w.code == "blok_zonder_cijfers"]
    assert note.message.startswith("In blok 'COMENSHA' zijn alle vakken leeg.")
    assert note.sheet == "COMENSHA"


# -- year -----------------------------------------------------------------------------


def test_existing_year_is_an_error() -> None:
    result = check("dashboard_2022.txt", text_2022().encode(), year=2022, existing=(2022,))
    assert codes(result.errors) == ["jaar_bestaat_al"]
    assert result.errors[0].message.startswith("Het jaar 2022 staat al in de app (aanwezig: 2022).")
    assert result.tidy is None


@pytest.mark.parametrize("year", [2018, 2026, 2031, 0])
def test_implausible_year_is_an_error(year: int) -> None:
    result = check("x.txt", text_2022().encode(), year=year)
    assert "jaar_onwaarschijnlijk" in codes(result.errors)
    message = next(e.message for e in result.errors if e.code == "jaar_onwaarschijnlijk")
    assert message.startswith(f"Het jaar {year} is niet aannemelijk. Verwacht: een jaar van 2019")
    assert "tot en met 2025" in message


def test_year_errors_come_with_file_errors() -> None:
    result = check("x.txt", b"", year=2022)
    assert codes(result.errors) == ["leeg_bestand", "jaar_bestaat_al"]


def test_skipped_years_are_a_warning() -> None:
    result = check("x.txt", text_2022().encode(), year=2025)
    assert result.ok
    (gap,) = [w for w in result.warnings if w.code == "jaar_overgeslagen"]
    assert gap.message == (
        "Tussen 2022 en 2025 ontbreekt: 2023, 2024. Dat mag; vergelijkingen met 2022 gaan dan over meer dan één jaar."
    )


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("dashboard_2023.xlsx", 2023),
        ("Dashboard mensenhandel ON 2023 (definitief).txt", 2023),
        ("C:\\Users\\x\\2019.csv", 2019),
        ("cijfers.xlsx", None),
        ("2022-2023.xlsx", None),
        ("versie20231.xlsx", None),
    ],
)
def test_year_from_name(name: str, year: int | None) -> None:
    assert year_from_name(name) == year


# -- warnings ---------------------------------------------------------------------------


def test_published_2022_warnings() -> None:
    result = validate(text_2022(), 2022, [], gazetteer=gazetteer(), today=TODAY)
    assert result.ok
    messages = {w.message for w in result.warnings}
    assert (
        "Blok 'TOTAAL EENHEID ONL', regel 88, kolom 2 ('Totaal'): Actieve seksadvertenties, Oost-Nederland: het "
        "eenheidstotaal is 29.764, de vijf districten tellen op tot 29.765 (verschil −1). Controleer of dit zo in "
        "het dashboard staat. Zo ja, dan is het goed: de app toont beide getallen en verbetert niets."
        in messages
    )
    assert (
        "Blok 'TWENTE', regel 45, kolom 8 ('Totaal'): Twente: Hengelo en Tubbergen gaven geen opgave (?); het "
        "totaal is daarom een ondergrens. Dit geldt voor: Waarschuwingen, Bestuurlijke boetes, Lasten onder "
        "dwangsom, Sluitingen van panden (bestuursdwang), Overige bestuurlijke interventies en Uitgezette "
        "zorgtrajecten." in messages
    )
    text_checks = [w.message for w in result.warnings if w.code == "tekst_wijkt_af"]
    assert any(
        "Strafrechtelijke onderzoeken, Oost-Nederland: de toelichting noemt 32, de tabel 22" in m
        for m in text_checks
    )
    assert any("B8-aangiftes, Oost-Nederland: de toelichting noemt 14, de tabel 13" in m for m in text_checks)
    assert sorted(codes(result.warnings)) == sorted(
        ["totaal_wijkt_af"] + ["totaal_ondergrens"] * 3 + ["tekst_wijkt_af"] * 2
    )


@pytest.mark.parametrize(
    "context",
    [
        pytest.param(pl.DataFrame(), id="no columns"),
        pytest.param(load_context().clear(), id="no rows"),
        pytest.param(load_context().filter(pl.col("jaar") != 2022), id="no figures for the year"),
    ],
)
def test_validation_works_without_text_figures(context: pl.DataFrame) -> None:
    result = validate(text_2022(), 2022, [], gazetteer=gazetteer(), context=context, today=TODAY)
    assert result.ok
    assert "tekst_wijkt_af" not in codes(result.warnings)
    assert codes(result.warnings).count("totaal_ondergrens") == 3


def test_warnings_in_a_workbook_point_at_the_cell() -> None:
    result = check("x.xlsx", workbook_from_tidy(tidy_2022()))
    unit = next(w for w in result.warnings if w.code == "totaal_wijkt_af")
    assert (unit.sheet, unit.cell) == ("TOTAAL EENHEID ONL", "B3")
    assert unit.message.startswith(
        "Tabblad 'TOTAAL EENHEID ONL', rij 3, kolom B ('Totaal'): Actieve seksadvertenties"
    )


# -- a synthetic 2023 ---------------------------------------------------------------------

ZWOLLE_SIGNALS = "Signalen mensenhandel\t1\t1\t3\t13\t5\t2\t25"
ZWOLLE_PLUS_TEN = "Signalen mensenhandel\t1\t1\t3\t23\t5\t2\t35"


@cache
def synthetic_2023() -> IntakeResult:
    """2022 with ten more signals in Zwolle and in the IJsselland total (the unit total unchanged)."""
    text = replace_once(text_2022(), ZWOLLE_SIGNALS, ZWOLLE_PLUS_TEN)
    return check("dashboard_2023.txt", text.encode(), previous=tidy_2022())


def test_synthetic_year_is_accepted_with_the_new_unit_difference() -> None:
    result = synthetic_2023()
    assert result.ok
    unit = [w.message for w in result.warnings if w.code == "totaal_wijkt_af"]
    assert any(
        "Signalen mensenhandel, Oost-Nederland: het eenheidstotaal is 188, de vijf districten tellen op tot 198 (verschil −10)"
        in m
        for m in unit
    )


def test_compare_years_shows_exactly_the_changes() -> None:
    comparison = compare_years(synthetic_2023().tidy, tidy_2022())
    # totals: 12 per district, 14 of the unit, 8 CoMensHa, 1 B8, 2 per casustafel row and the 17+3 parts
    assert comparison.height == 12 * 5 + 14 + 8 + 1 + 5 * 2 + 2
    changed = comparison.filter(pl.col("verschil") != 0)
    assert changed.select(
        "district", "gebied", "indicator", "waarde_vorig", "waarde_nieuw", "verschil"
    ).rows() == [("IJsselland", "IJsselland", "signalen", 25, 35, 10)]
    row = changed.row(0, named=True)
    assert row["verschil_relatief"] == pytest.approx(0.4)
    assert (row["ratio"], row["ratio_ondergrens"], row["ratio_bovengrens"]) == pytest.approx(
        rate_ratio_interval(35, 1, 25, 1)
    )
    assert row["ratio"] == pytest.approx(1.4)
    assert row["ratio_ondergrens"] < 1 < row["ratio_bovengrens"]  # ten more of 25 may well be chance
    unit = comparison.filter(pl.col("gebied") == "Oost-Nederland", pl.col("indicator") == "signalen").row(
        0, named=True
    )
    assert (unit["waarde_vorig"], unit["waarde_nieuw"], unit["verschil"]) == (188, 188, 0)

    with_municipalities = compare_years(synthetic_2023().tidy, tidy_2022(), include_municipalities=True)
    assert with_municipalities.filter(pl.col("verschil") != 0).select("gebied", "verschil").rows() == [
        ("Zwolle", 10),
        ("IJsselland", 10),
    ]


def test_compare_years_explains_rows_without_a_difference() -> None:
    comparison = compare_years(synthetic_2023().tidy, tidy_2022(), include_municipalities=True)
    hengelo = comparison.filter(pl.col("gebied") == "Hengelo", pl.col("indicator") == "waarschuwingen").row(
        0, named=True
    )
    assert hengelo["verschil"] is None
    assert hengelo["toelichting"] == "2022: ?: niet gerapporteerd; 2023: ?: niet gerapporteerd"
    twente = comparison.filter(pl.col("gebied") == "Twente", pl.col("indicator") == "waarschuwingen").row(
        0, named=True
    )
    assert twente["verschil"] == 0
    assert twente["toelichting"] == "ondergrens in 2022 en 2023 (een deel gaf geen opgave: '?')"
    zero = comparison.filter(
        pl.col("gebied") == "IJsselland", pl.col("indicator") == "bestuurlijke_boetes"
    ).row(0, named=True)
    assert (zero["verschil"], zero["verschil_relatief"], zero["ratio"], zero["ratio_bovengrens"]) == (
        0,
        None,
        None,
        float("inf"),
    )


def test_renamed_municipality_gives_a_note() -> None:
    text = replace_once(text_2022(), "Deven-ter", "Olst-Wijhe")
    result = check("dashboard_2023.txt", text.encode(), previous=tidy_2022())
    assert result.ok
    (note,) = [w for w in result.warnings if w.code == "gemeenten_gewijzigd"]
    assert note.message == (
        "District IJsselland: in 2022 stond Deventer apart, in 2023 niet meer; nieuw apart in 2023: Olst-Wijhe. "
        "Is dit een samenvoeging of naamswijziging, of noemt het dashboard andere gemeenten? De cijfers van deze "
        "gemeenten en van 'Overig IJsselland' zijn daardoor niet zonder meer te vergelijken met 2022; het "
        "districtstotaal wel."
    )
    comparison = compare_years(result.tidy, tidy_2022(), include_municipalities=True)
    assert comparison.filter(pl.col("gebied") == "Olst-Wijhe")["toelichting"].unique().to_list() == [
        "niet in 2022"
    ]
    assert comparison.filter(pl.col("gebied") == "Deventer")["toelichting"].unique().to_list() == [
        "niet in 2023"
    ]


def test_municipality_no_longer_named_and_newly_named() -> None:
    old = tidy_2022()
    fewer = old.filter(pl.col("gebied") != "Tiel")
    (gone,) = area_changes(as_year(fewer, NEW), old)
    assert gone.code == "gemeente_niet_meer_apart"
    assert gone.message.startswith("District Gelderland-Zuid: Tiel stond in 2022 apart, in 2023 niet meer.")
    (added,) = area_changes(as_year(old, NEW), fewer.with_columns(jaar=pl.lit(2021, dtype=pl.Int64)))
    assert added.code == "gemeente_nieuw_apart"
    assert added.message.startswith("District Gelderland-Zuid: Tiel staat in 2023 apart, in 2021 niet.")
    assert area_changes(as_year(old, NEW), old) == []


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 7, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "H",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_finding_codes_are_stored_and_shown_as_their_dutch_text() -> None:
    (finding,) = check("leeg.txt", b"").errors
    assert finding.code is FindingCode.EMPTY_FILE
    assert finding.code == "leeg_bestand"
    assert f"{finding.code}" == "leeg_bestand"
    assert json.loads(json.dumps(dataclasses.asdict(finding)))["code"] == "leeg_bestand"


def test_upload_limit_is_five_megabytes() -> None:
    assert MAX_UPLOAD_BYTES == 5 * 1024 * 1024
    just_too_big = text_2022().encode() + b" " * (MAX_UPLOAD_BYTES - len(text_2022().encode()) + 1)
    assert codes(check("x.txt", just_too_big).errors) == ["bestand_te_groot"]


# -- issue 14: the smaller problems ------------------------------------------------------------


def test_a_shifted_block_is_not_called_a_block_without_a_name() -> None:
    result = check("cijfers.txt", shifted_block(text_2022(), "GLD-ZUID").encode())
    assert codes(result.errors) == ["blok_verschoven"]
    assert not any("onbekende bloknaam" in e.message for e in result.errors)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_with_a_note_not_called_an_image(encoding: str) -> None:
    result = check("unicode.txt", text_2022().encode(encoding))
    assert result.ok, [e.message for e in result.errors]
    assert "codering_utf16_zonder_bom" in codes(result.warnings)
    note = next(w.message for w in result.warnings if w.code == "codering_utf16_zonder_bom")
    assert "als UTF-16 gelezen" in note
    assert not any("afbeelding of pdf" in f.message for f in result.errors + result.warnings)


def test_utf16_without_bom_that_is_broken_says_so() -> None:
    broken = text_2022().encode("utf-16-le")[:-1] + b"\x00\xd8"  # a lone surrogate at the end
    result = check("unicode.txt", broken)
    assert codes(result.errors) == ["geen_tekst"]
    assert "UTF-16" in result.errors[0].message


def test_published_tables_relabelled_as_a_new_year_get_a_warning() -> None:
    """The red team: the published 2022 tables offered as 2023 passed without a word."""
    result = check("dashboard.txt", text_2022().encode(), previous=tidy_2022())
    assert result.ok  # a warning, not an error: the app cannot know it is not a coincidence
    same = [w.message for w in result.warnings if w.code == "zelfde_als_ander_jaar"]
    assert same == [
        "De tabellen zijn precies dezelfde als die van 2022: elk vak heeft dezelfde waarde. Zijn dit echt de "
        "cijfers van 2023, of is het bestand van 2022 opnieuw gekozen? Controleer het jaar en het bestand."
    ]
    # Compared with every loaded year, not only the one before.
    later = check("dashboard.txt", text_2022().encode(), 2024, (2022, 2023), loaded={2022: tidy_2022()})
    assert "zelfde_als_ander_jaar" in codes(later.warnings)
    changed = replace_once(text_2022(), "Prostitutiecontroles\t2\t", "Prostitutiecontroles\t3\t")
    assert "zelfde_als_ander_jaar" not in codes(
        check("x.txt", changed.encode(), previous=tidy_2022()).warnings
    )
