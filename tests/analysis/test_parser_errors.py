"""Error handling of the layout parser.

Three groups of tests:

* broken layouts, made from the real 2022 text by one small edit, must raise a
  :class:`LayoutError` with the right code, block, line and column, and a Dutch
  message that names them;
* harmless variants (CRLF, a BOM, non-breaking spaces, other dashes) must parse to
  exactly the same tidy table as the original;
* property tests: whatever text comes in, the parser either returns a table or
  raises ``LayoutError``; ``parse_cell`` either returns a ``Cell`` or raises
  ``ValueError``.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from analysis.geography import Gazetteer, default_gazetteer
from analysis.indicators import DISTRICT_INDICATORS, label
from analysis.parser import (
    EMPTY,
    NOT_APPLICABLE,
    NOT_REPORTED,
    REPORTED,
    STATUSES,
    TIDY_SCHEMA,
    Cell,
    LayoutError,
    parse_cell,
    parse_layout,
)
from analysis.paths import dashboard_file

YEAR = 2022


@cache
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@cache
def original_text() -> str:
    return dashboard_file(YEAR).read_text(encoding="utf-8")


@cache
def original_frame() -> pl.DataFrame:
    return parse_layout(original_text(), YEAR, gazetteer())


def parse(text: str) -> pl.DataFrame:
    return parse_layout(text, YEAR, gazetteer())


def expect_error(text: str) -> LayoutError:
    with pytest.raises(LayoutError) as info:
        parse(text)
    return info.value


# -- helpers to break the real text ---------------------------------------------


def replace_once(old: str, new: str) -> Callable[[str], str]:
    """Return an edit that replaces ``old``, which must occur exactly once."""

    def edit(text: str) -> str:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the fixture"
        return text.replace(old, new)

    return edit


def blocks(text: str) -> list[str]:
    return text.rstrip("\n").split("\n\n")


def block_starting(text: str, header_start: str) -> str:
    (found,) = [b for b in blocks(text) if b.startswith(header_start)]
    return found


def drop_block(header_start: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        kept = [b for b in blocks(text) if not b.startswith(header_start)]
        assert len(kept) == len(blocks(text)) - 1
        return "\n\n".join(kept) + "\n"

    return edit


def append_copy_of_block(header_start: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        return text.rstrip("\n") + "\n\n" + block_starting(text, header_start) + "\n"

    return edit


def line_cells(text: str, line: int) -> list[str]:
    """The cells of a 1-based line, as an editor or spreadsheet would show them."""
    return text.split("\n")[line - 1].split("\t")


def test_fixture_is_the_2022_layout() -> None:
    """The hard-coded line numbers below assume this layout; fail loudly if it changes."""
    text = original_text()
    assert line_cells(text, 1)[:5] == ["IJSSELLAND", "Kampen", "Steen-wijkerland", "Harden-berg", "Zwol-le"]
    assert line_cells(text, 3)[:5] == ["Actieve seksadvertenties", "391", "440", "480", "3013"]
    assert line_cells(text, 18)[0] == "GLD-ZUID"
    assert line_cells(text, 69)[:2] == ["GLD-MIDDEN", "Arnhem"]
    assert line_cells(text, 86) == ["TOTAAL EENHEID ONL", "Totaal"]
    assert line_cells(text, 106)[0] == "CASUSTAFELS"
    assert line_cells(text, 113) == ["COMENSHA", "Totaal"]
    assert line_cells(text, 123) == ["B8 aangiftes", "Totaal"]
    assert line_cells(text, 127) == ["Almelo", "2"]
    assert original_frame().height > 0


# -- broken layouts with a location ----------------------------------------------

IJSSELLAND_ROW_4 = "Prostitutiecontroles\t2\t0\t0\t20\t7\t0\t29"
DISTRICT_LABELS = [label(code) for code in DISTRICT_INDICATORS]


@dataclass(frozen=True)
class Broken:
    """One broken layout and the error it must give."""

    edit: Callable[[str], str]
    code: str
    block: str
    line: int
    column: int | None
    #: the header cell of ``column``; for column 1 the block name is expected instead
    column_name: str | None = None
    #: the raw text that must stand at (line, column) in the broken file, if any
    cell: str | None = None
    #: fragments that must appear in the Dutch message
    says: tuple[str, ...] = field(default_factory=tuple)


BROKEN = {
    "unknown municipality in header": Broken(
        replace_once("Zwol-le", "Zwolel"),
        "onbekende_gemeente",
        "IJSSELLAND",
        1,
        5,
        "Zwolel",
        cell="Zwolel",
        says=("onbekende gemeente 'Zwolel'", "bedoelt u 'Zwolle'?"),
    ),
    "unknown municipality in a later block": Broken(
        replace_once("GLD-MIDDEN\tArnhem", "GLD-MIDDEN\tArnhme"),
        "onbekende_gemeente",
        "GLD-MIDDEN",
        69,
        2,
        "Arnhme",
        cell="Arnhme",
        says=("bedoelt u 'Arnhem'?",),
    ),
    "unknown municipality in AZC block": Broken(
        replace_once("\nAlmelo\t2\n", "\nAlmleo\t2\n"),
        "onbekende_gemeente",
        "AZC's",
        127,
        1,
        cell="Almleo",
        says=("bedoelt u 'Almelo'?",),
    ),
    "letter in a number": Broken(
        replace_once("3013", "30x3"),
        "geen_getal",
        "IJSSELLAND",
        3,
        5,
        "Zwol-le",
        cell="30x3",
        says=("'30x3' is geen geheel getal",),
    ),
    "letter in a number, unit block": Broken(
        replace_once("29.764", "29.76A"),
        "geen_getal",
        "TOTAAL EENHEID ONL",
        88,
        2,
        "Totaal",
        cell="29.76A",
        says=("geen geheel getal",),
    ),
    "letter in a casustafel sum": Broken(
        replace_once("17+3", "17+x"),
        "geen_getal",
        "CASUSTAFELS",
        107,
        3,
        "Aantal casus (Casustafel of RIEC)",
        cell="17+x",
        says=("geen geheel getal",),
    ),
    "negative number": Broken(
        replace_once("\t391\t", "\t-391\t"),
        "geen_getal",
        "IJSSELLAND",
        3,
        2,
        "Kampen",
        cell="-391",
        says=("negatief",),
    ),
    "negative number with unicode minus": Broken(
        replace_once("Dwangsommen\t14\t", "Dwangsommen\t\u22125\t"),
        "geen_getal",
        "TWENTE",
        47,
        2,
        "Enschede",
        cell="\u22125",
        says=("negatief",),
    ),
    "decimal comma": Broken(
        replace_once(IJSSELLAND_ROW_4, IJSSELLAND_ROW_4.replace("\t2\t", "\t1,5\t")),
        "geen_getal",
        "IJSSELLAND",
        4,
        2,
        "Kampen",
        cell="1,5",
        says=("'1,5' is geen geheel getal",),
    ),
    "decimal point": Broken(
        replace_once(IJSSELLAND_ROW_4, IJSSELLAND_ROW_4.replace("\t2\t", "\t1.5\t")),
        "geen_getal",
        "IJSSELLAND",
        4,
        2,
        "Kampen",
        cell="1.5",
        says=("geen geheel getal",),
    ),
    "row with an extra cell": Broken(
        replace_once(IJSSELLAND_ROW_4, IJSSELLAND_ROW_4 + "\t5"),
        "rij_te_lang",
        "IJSSELLAND",
        4,
        9,
        None,
        cell="5",
        says=("9 cellen", "de kop heeft er 8"),
    ),
    "row with an extra cell, unit block": Broken(
        replace_once("Politie\t38", "Politie\t38\t1"),
        "rij_te_lang",
        "TOTAAL EENHEID ONL",
        104,
        3,
        None,
        cell="1",
        says=("3 cellen", "de kop heeft er 2"),
    ),
    "row with a missing cell": Broken(
        replace_once(IJSSELLAND_ROW_4, IJSSELLAND_ROW_4.removesuffix("\t29")),
        "rij_te_kort",
        "IJSSELLAND",
        4,
        8,
        "Totaal",
        says=("7 cellen", "de kop heeft er 8"),
    ),
    "row with a missing cell, unit block": Broken(
        replace_once("Prostitutiecontroles\t154", "Prostitutiecontroles"),
        "rij_te_kort",
        "TOTAAL EENHEID ONL",
        89,
        2,
        "Totaal",
        says=("1 cellen", "de kop heeft er 2"),
    ),
    "duplicate block": Broken(
        append_copy_of_block("B8 aangiftes"),
        "dubbel_blok",
        "B8 aangiftes",
        134,
        None,
        says=("twee keer", "eerder op regel 123"),
    ),
    "duplicate district block": Broken(
        append_copy_of_block("TWENTE\t"),
        "dubbel_blok",
        "TWENTE",
        134,
        None,
        says=("twee keer", "eerder op regel 35"),
    ),
    "unknown block name": Broken(
        replace_once("COMENSHA\tTotaal", "COMMENSHA\tTotaal"),
        "onbekend_blok",
        "COMMENSHA",
        113,
        1,
        cell="COMMENSHA",
        says=("onbekende bloknaam 'COMMENSHA'", "CASUSTAFELS", "TOTAAL EENHEID ONL"),
    ),
    "misspelt district block": Broken(
        replace_once("GLD-ZUID\t", "GLD-ZUIT\t"),
        "onbekend_blok",
        "GLD-ZUIT",
        18,
        1,
        cell="GLD-ZUIT",
        says=("bedoelt u 'Gelderland-Zuid'?",),
    ),
    "unknown indicator": Broken(
        replace_once(IJSSELLAND_ROW_4, IJSSELLAND_ROW_4.replace("controles", "controle")),
        "onbekende_indicator",
        "IJSSELLAND",
        4,
        1,
        cell="Prostitutiecontrole",
        says=("onbekende indicator 'Prostitutiecontrole'", "Bekend in dit blok:", *DISTRICT_LABELS),
    ),
    "unknown indicator, COMENSHA block": Broken(
        replace_once("\nVrouw\t62", "\nVrouwen\t62"),
        "onbekende_indicator",
        "COMENSHA",
        119,
        1,
        cell="Vrouwen",
        says=("onbekende indicator 'Vrouwen'", "Vrouw", "Minderjarig"),
    ),
    "municipality in the wrong district": Broken(
        replace_once("IJSSELLAND\tKampen", "IJSSELLAND\tEnschede"),
        "gemeente_verkeerd_district",
        "IJSSELLAND",
        1,
        2,
        "Enschede",
        cell="Enschede",
        says=("Enschede hoort bij district Twente, niet bij IJsselland",),
    ),
    "duplicate row": Broken(
        replace_once(
            IJSSELLAND_ROW_4, IJSSELLAND_ROW_4.replace("Prostitutiecontroles", "Actieve seksadvertenties")
        ),
        "dubbele_rij",
        "IJSSELLAND",
        4,
        1,
        cell="Actieve seksadvertenties",
        says=("twee keer", "eerder op regel 3"),
    ),
    "duplicate row, spelled differently": Broken(
        replace_once(
            IJSSELLAND_ROW_4, IJSSELLAND_ROW_4.replace("Prostitutiecontroles", "ACTIEVE SEKS-ADVERTENTIES")
        ),
        "dubbele_rij",
        "IJSSELLAND",
        4,
        1,
        cell="ACTIEVE SEKS-ADVERTENTIES",
        says=("eerder op regel 3",),
    ),
    "duplicate AZC municipality": Broken(
        replace_once("\nWageningen\t1", "\nHarden-berg\t1"),
        "dubbele_rij",
        "AZC's",
        132,
        1,
        cell="Harden-berg",
        says=("Hardenberg staat twee keer",),
    ),
    "duplicate municipality column": Broken(
        replace_once("TWENTE\tEnschede\tAlmelo", "TWENTE\tEnschede\tENSCHEDE"),
        "dubbele_kolom",
        "TWENTE",
        35,
        3,
        "ENSCHEDE",
        cell="ENSCHEDE",
        says=("Enschede staat twee keer",),
    ),
    "header cell without a name": Broken(
        replace_once("GLD-ZUID\tNijme-gen\tTiel", "GLD-ZUID\tNijme-gen\t "),
        "kolom_zonder_naam",
        "GLD-ZUID",
        18,
        3,
        None,
        cell=" ",
    ),
    "district block without Totaal column": Broken(
        replace_once("Barne-velde\tOverig\tTotaal", "Barne-velde\tOverig\tSom"),
        "totaal_ontbreekt",
        "GLD-MIDDEN",
        69,
        6,
        "Som",
        cell="Som",
        says=("'Totaal'",),
    ),
    "missing row in a district block": Broken(
        replace_once("Dwangsommen\t8\t0\t0\t0\t8\n", ""),
        "rij_ontbreekt",
        "GLD-ZUID",
        18,
        None,
        says=("Lasten onder dwangsom",),
    ),
    "awareness row outside its section": Broken(
        replace_once("Bewustwordingspresentaties\t\n", ""),
        "rij_buiten_sectie",
        "TOTAAL EENHEID ONL",
        102,
        1,
        cell="Openbaar Ministerie",
        says=("Bewustwordingspresentaties",),
    ),
    "unknown district in casustafels": Broken(
        replace_once("\nTwente\t4\t6", "\nTwenthe\t4\t6"),
        "onbekend_district",
        "CASUSTAFELS",
        108,
        1,
        cell="Twenthe",
        says=("bedoelt u 'Twente'?",),
    ),
}


@pytest.mark.parametrize("case", BROKEN.values(), ids=BROKEN.keys())
def test_broken_layout_names_block_line_and_column(case: Broken) -> None:
    text = case.edit(original_text())
    error = expect_error(text)

    assert isinstance(error, ValueError)
    assert (error.code, error.block, error.line, error.column) == (
        case.code,
        case.block,
        case.line,
        case.column,
    )
    # Column 1 holds the row labels; its header cell is the block name, so the parser
    # gives no column name there.
    expected_name = None if case.column == 1 else case.column_name
    assert error.column_name == expected_name
    if case.cell is not None:
        # The location must point at the offending cell in the file as the user sees it.
        assert line_cells(text, case.line)[case.column - 1] == case.cell

    message = str(error)
    assert message.startswith(f"Blok '{case.block}', regel {case.line}")
    assert f"regel {case.line}" in message
    if case.column is None:
        assert "kolom" not in message.split(":")[0]
    else:
        assert f"kolom {case.column}" in message
        if expected_name:
            assert f"kolom {case.column} ('{expected_name}')" in message
    assert error.message in message
    for fragment in case.says:
        assert fragment in error.message


def test_unknown_indicator_lists_every_known_label_once() -> None:
    error = expect_error(BROKEN["unknown indicator"].edit(original_text()))
    known = error.message.split("Bekend in dit blok: ", 1)[1].rstrip(".").split(", ")
    assert sorted(known) == sorted(DISTRICT_LABELS)


# -- broken layouts without a location -------------------------------------------

UNLOCATED = {
    "empty file": (lambda _text: "", "leeg_bestand", ("leeg",)),
    "whitespace only": (lambda _text: "  \n\t\t\n\r\n   \t\n", "leeg_bestand", ("leeg",)),
    "BOM only": (lambda _text: "\ufeff\n", "leeg_bestand", ("leeg",)),
    "non-breaking spaces only": (lambda _text: "\u00a0\t\u00a0\n", "leeg_bestand", ("leeg",)),
    "missing district block": (drop_block("TWENTE\t"), "district_ontbreekt", ("Twente", "ontbreekt")),
    "two missing district blocks": (
        lambda text: drop_block("NOG\t")(drop_block("GLD-ZUID\t")(text)),
        "district_ontbreekt",
        ("Gelderland-Zuid", "Noord- en Oost-Gelderland"),
    ),
    "missing unit block": (drop_block("TOTAAL EENHEID"), "eenheid_ontbreekt", ("TOTAAL EENHEID ONL",)),
}


@pytest.mark.parametrize(("edit", "code", "says"), UNLOCATED.values(), ids=UNLOCATED.keys())
def test_whole_file_errors(edit: Callable[[str], str], code: str, says: tuple[str, ...]) -> None:
    error = expect_error(edit(original_text()))
    assert error.code == code
    assert (error.block, error.line, error.column, error.column_name) == (None, None, None, None)
    assert str(error) == error.message
    for fragment in says:
        assert fragment in str(error)


# -- limits and line breaks ---------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "block", "line", "column"),
    [
        ("\t391\t", "\t99999999999999999999\t", "IJSSELLAND", 3, 2),
        ("17+3", "99999999999999999999+1", "CASUSTAFELS", 107, 3),
    ],
    ids=["plain cell", "casustafel sum"],
)
def test_number_too_large_is_a_layout_error(old: str, new: str, block: str, line: int, column: int) -> None:
    text = replace_once(old, new)(original_text())
    try:
        parse(text)
    except LayoutError as error:
        assert (error.block, error.line, error.column) == (block, line, column)
    else:
        pytest.fail("a count that does not fit in the table must be rejected")


def test_number_with_thousands_of_digits_has_a_dutch_message() -> None:
    error = expect_error(replace_once("\t391\t", "\t" + "9" * 5000 + "\t")(original_text()))
    assert (error.code, error.block, error.line, error.column) == ("geen_getal", "IJSSELLAND", 3, 2)
    assert "set_int_max_str_digits" not in str(error)
    assert "Exceeds the limit" not in str(error)


@pytest.mark.parametrize(
    "separator",
    [
        pytest.param("", id="empty"),
        pytest.param(" \t ", id="spaces and tabs"),
        pytest.param("\f", id="form feed"),
        pytest.param("\v", id="vertical tab"),
        pytest.param("\x85", id="next line"),
        pytest.param("\u2028", id="line separator"),
    ],
)
def test_line_numbers_count_only_newlines(separator: str) -> None:
    """A blank separator line holding stray whitespace must not shift later line numbers."""
    text = replace_once("\n\nGLD-ZUID\t", f"\n{separator}\nGLD-ZUIT\t")(original_text())
    assert line_cells(text, 18)[0] == "GLD-ZUIT"
    error = expect_error(text)
    assert (error.code, error.block, error.line) == ("onbekend_blok", "GLD-ZUIT", 18)


# -- accepted variants ------------------------------------------------------------


def nbsp_around_numbers(text: str) -> str:
    changed = re.sub(r"(?m)(?<=\t)(\d[\d.]*)(?=\t|$)", "\u00a0\\1\u00a0", text)
    assert changed.count("\u00a0") > 100
    return changed


def dash(replacement: str) -> Callable[[str], str]:
    return replace_once("\t?\t-\t1\n", f"\t?\t{replacement}\t1\n")


VARIANTS = {
    "CRLF line endings": lambda text: text.replace("\n", "\r\n"),
    "CR line endings": lambda text: text.replace("\n", "\r"),
    "UTF-8 BOM": lambda text: "\ufeff" + text,
    "BOM and CRLF": lambda text: "\ufeff" + text.replace("\n", "\r\n"),
    "non-breaking spaces around numbers": nbsp_around_numbers,
    "en dash as not applicable": dash("\u2013"),
    "em dash as not applicable": dash("\u2014"),
    "minus sign as not applicable": dash("\u2212"),
    "spaces around a dash": dash(" - "),
    "no trailing newline": lambda text: text.rstrip("\n"),
    "extra blank lines between blocks": lambda text: text.replace("\n\n", "\n\n\n\n"),
    "blank lines made of tabs": lambda text: text.replace("\n\n", "\n\t\t\t\n"),
    "trailing empty cells": lambda text: text.replace(IJSSELLAND_ROW_4, IJSSELLAND_ROW_4 + "\t\t"),
}


@pytest.mark.parametrize("edit", VARIANTS.values(), ids=VARIANTS.keys())
def test_accepted_variant_parses_to_the_same_table(edit: Callable[[str], str]) -> None:
    text = edit(original_text())
    assert text != original_text()
    assert_frame_equal(parse(text), original_frame())


def test_original_contains_every_status() -> None:
    """The variants above are only meaningful if the original uses these statuses."""
    statuses = set(original_frame()["status"])
    assert {REPORTED, EMPTY, NOT_REPORTED, NOT_APPLICABLE} <= statuses


# -- property tests ---------------------------------------------------------------

PROPERTY_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def check_outcome(text: str) -> None:
    """Parse ``text``: it must give a tidy table or a well-formed LayoutError."""
    try:
        frame = parse(text)
    except LayoutError as error:
        assert isinstance(error.code, str) and error.code
        assert isinstance(str(error), str) and str(error)
        n_lines = len(text.lstrip("\ufeff").splitlines())
        if error.line is not None:
            assert 1 <= error.line <= n_lines
            assert f"regel {error.line}" in str(error)
        if error.column is not None:
            assert error.column >= 1
            assert f"kolom {error.column}" in str(error)
        return
    assert frame.schema == pl.Schema(TIDY_SCHEMA)
    assert set(frame["status"]) <= set(STATUSES)
    assert frame.filter(pl.col("waarde").is_null() != (pl.col("status") != REPORTED)).is_empty()


TABULAR_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    include_characters="\t\n\r\ufeff\u00a0\u2013\u2028\x0c",
)


@PROPERTY_SETTINGS
@given(st.text(alphabet=TABULAR_ALPHABET, max_size=400))
def test_arbitrary_text_raises_only_layout_error(text: str) -> None:
    check_outcome(text)


@st.composite
def token_layouts(draw: st.DrawFn) -> str:
    """Layouts assembled from real tokens, so that more text gets past the first checks."""
    text = original_text()
    tokens = sorted({cell for line in text.splitlines() for cell in line.split("\t")})
    tokens += ["-", "–", "?", "1,5", "-3", "1.000", "12+4", " ", "Overig", "Totaal", "Zwolle"]
    cell = st.sampled_from(tokens)
    row = st.lists(cell, min_size=1, max_size=9).map("\t".join)
    block = st.lists(row, min_size=1, max_size=6).map("\n".join)
    parts = draw(st.lists(block, min_size=1, max_size=8))
    return "\n\n".join(parts)


@PROPERTY_SETTINGS
@given(token_layouts())
def test_token_layouts_raise_only_layout_error(text: str) -> None:
    check_outcome(text)


MUTATION_CHARS = st.text(alphabet=TABULAR_ALPHABET, min_size=1, max_size=2)


@st.composite
def mutated_original(draw: st.DrawFn) -> str:
    """The real 2022 text after a few random edits: deletions, insertions, line swaps."""
    text = original_text()
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["delete", "insert", "swap_lines", "drop_line", "duplicate_line"]))
        if kind == "delete" and text:
            start = draw(st.integers(0, len(text) - 1))
            length = draw(st.integers(1, 5))
            text = text[:start] + text[start + length :]
        elif kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(MUTATION_CHARS) + text[at:]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            if kind == "swap_lines":
                j = draw(st.integers(0, len(lines) - 1))
                lines[i], lines[j] = lines[j], lines[i]
            elif kind == "drop_line":
                del lines[i]
            else:
                lines.insert(i, lines[i])
            text = "\n".join(lines)
    return text


@PROPERTY_SETTINGS
@given(mutated_original())
def test_mutated_original_raises_only_layout_error(text: str) -> None:
    check_outcome(text)


@PROPERTY_SETTINGS
@given(st.text(max_size=40) | st.from_regex(r"\s*[-\u2212\u2013]?\s*[\d.,+?x ]{0,12}\s*", fullmatch=True))
def test_parse_cell_returns_cell_or_raises_value_error(raw: str) -> None:
    try:
        cell = parse_cell(raw)
    except ValueError as error:
        assert str(error)
        return
    assert isinstance(cell, Cell)
    assert cell.status in STATUSES
    if cell.status == REPORTED:
        assert isinstance(cell.value, int) and cell.value >= 0
    else:
        assert cell.value is None


def dutch_thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@PROPERTY_SETTINGS
@given(st.integers(min_value=0, max_value=10**9 - 1), st.booleans(), st.sampled_from(["", " ", "\u00a0"]))
def test_parse_cell_reads_counts(n: int, thousands: bool, pad: str) -> None:
    raw = dutch_thousands(n) if thousands else str(n)
    assert parse_cell(f"{pad}{raw}{pad}") == Cell(n, REPORTED)


@PROPERTY_SETTINGS
@given(st.integers(min_value=10**9, max_value=10**30), st.booleans())
def test_parse_cell_refuses_implausibly_large_counts(n: int, thousands: bool) -> None:
    raw = dutch_thousands(n) if thousands else str(n)
    with pytest.raises(ValueError, match="onwaarschijnlijk groot"):
        parse_cell(raw)
