"""Property tests for the intake: writers and reader agree, and no input makes it crash.

* Any tidy year over the 2022 structure (counts 0..10^6 and every status), written as
  layout text or as the template workbook and read back, is unchanged.
* Whatever bytes are uploaded, :func:`check_upload` returns findings and never raises;
  :func:`read_upload` returns text or raises :class:`IntakeError`, nothing else.
* A broken file is refused with the finding its kind calls for (the wrong file type, an
  empty file, an old Excel file, no workbook, no text), and a damaged workbook is either
  refused as unreadable or, where the damage hits a part the figures do not come from,
  read with exactly the figures it holds.
"""

import io
import zipfile
from datetime import date
from functools import cache
from pathlib import PurePosixPath

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from analysis import default_gazetteer, load_context, load_dashboard, parse_layout
from analysis.intake import (
    Finding,
    FindingCode,
    IntakeError,
    IntakeResult,
    check_upload,
    read_upload,
    validate,
)
from analysis.parser import EMPTY, NOT_APPLICABLE, NOT_REPORTED, REPORTED
from analysis.template import layout_from_tidy, workbook_from_tidy

YEAR = 2023
TODAY = date(2026, 11, 28)
SPLIT = ("casustafel_casus_mh", "casustafel_casus_riec")

SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
#: Writing and reading a workbook takes a fraction of a second: fewer examples.
SLOW_SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@cache
def gazetteer():
    return default_gazetteer()


@cache
def structure() -> pl.DataFrame:
    return load_dashboard(2022).with_columns(jaar=pl.lit(YEAR, dtype=pl.Int64))


@cache
def context() -> pl.DataFrame:
    return load_context()


@st.composite
def tidy_years(draw: st.DrawFn) -> pl.DataFrame:
    """A tidy year with the 2022 structure and arbitrary counts and statuses.

    A casustafel cell written as '17+3' exists only with two reported parts, and its
    total is their sum; everything else may take any status.
    """
    base = structure()
    n = base.height
    counts = draw(st.lists(st.integers(min_value=0, max_value=10**6), min_size=n, max_size=n))
    drawn = draw(
        st.lists(
            st.sampled_from([REPORTED, REPORTED, EMPTY, NOT_REPORTED, NOT_APPLICABLE]), min_size=n, max_size=n
        )
    )
    values: list[int | None] = []
    statuses: list[str] = []
    parts: dict[str, int] = {}
    for indicator, value, chosen in zip(base["indicator"], counts, drawn, strict=True):
        if indicator in SPLIT:
            parts[indicator] = value
            chosen = REPORTED
        statuses.append(chosen)
        values.append(value if chosen == REPORTED else None)
    frame = base.with_columns(pl.Series("waarde", values, dtype=pl.Int64), pl.Series("status", statuses))
    split_total = sum(parts.values())
    return frame.with_columns(
        pl.when((pl.col("indicator") == "casustafel_casus") & (pl.col("district") == "IJsselland"))
        .then(pl.lit(split_total, dtype=pl.Int64))
        .otherwise(pl.col("waarde"))
        .alias("waarde"),
        pl.when((pl.col("indicator") == "casustafel_casus") & (pl.col("district") == "IJsselland"))
        .then(pl.lit(REPORTED))
        .otherwise(pl.col("status"))
        .alias("status"),
    )


@settings(SETTINGS, max_examples=50)
@given(tidy_years())
def test_layout_text_round_trip(tidy: pl.DataFrame) -> None:
    assert_frame_equal(parse_layout(layout_from_tidy(tidy), YEAR, gazetteer()), tidy)


@SLOW_SETTINGS
@given(tidy_years())
def test_workbook_round_trip(tidy: pl.DataFrame) -> None:
    text = read_upload(f"cijfers_{YEAR}.xlsx", workbook_from_tidy(tidy))
    assert_frame_equal(parse_layout(text, YEAR, gazetteer()), tidy)


def assert_well_formed(result: IntakeResult) -> None:
    assert isinstance(result, IntakeResult)
    for finding in result.errors + result.warnings:
        assert isinstance(finding, Finding)
        assert finding.code and isinstance(finding.code, str)
        assert finding.message and isinstance(finding.message, str)
    if result.errors:
        assert result.tidy is None
        assert not result.ok


def upload_never_crashes(name: str, content: bytes) -> IntakeResult:
    """Check an upload and read it alone: findings, never another exception. Returns the check."""
    result = check_upload(name, content, YEAR, [2022], gazetteer=gazetteer(), context=context(), today=TODAY)
    assert_well_formed(result)
    try:
        text = read_upload(name, content)
    except IntakeError as error:
        assert error.findings and str(error)
        assert error.code == result.errors[0].code
    else:
        assert isinstance(text, str)
    return result


def codes(result: IntakeResult) -> list[str]:
    return [f.code for f in result.errors]


def assert_refused(result: IntakeResult, code: FindingCode) -> None:
    """The upload is refused as a whole with ``code`` alone (the year itself, 2023, is fine)."""
    assert codes(result) == [code], [e.message for e in result.errors]
    assert result.tidy is None
    assert result.warnings == []


NAMES = st.sampled_from(
    ["cijfers.txt", "cijfers.csv", "cijfers.tsv", "cijfers.xlsx", "cijfers.pdf", "cijfers", "a.TXT"]
)
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UTF16 = (b"\xff\xfe", b"\xfe\xff")
PREFIXES = st.sampled_from([b"", *ZIP, OLE, b"\xef\xbb\xbf", *UTF16])


def refusal_for(name: str, content: bytes) -> FindingCode | None:
    """The finding that refuses these bytes as a whole, or None when they are read as text.

    Random bytes after a zip signature are no readable archive; bytes with a NUL (and no
    UTF-16 byte order mark) are no text.
    """
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in (".txt", ".csv", ".tsv", ".xlsx"):
        return FindingCode.FILE_TYPE
    if not content.strip():
        return FindingCode.EMPTY_FILE
    if content.startswith(OLE):
        return FindingCode.OLD_EXCEL
    if content.startswith(ZIP) or suffix == ".xlsx":
        return FindingCode.NOT_EXCEL
    if b"\x00" in content and not content.startswith(UTF16):
        return FindingCode.NOT_TEXT
    return None


@SETTINGS
@given(NAMES, PREFIXES, st.binary(max_size=3000))
def test_garbage_bytes_are_refused_with_the_finding_for_their_kind(
    name: str, prefix: bytes, body: bytes
) -> None:
    content = prefix + body
    result = upload_never_crashes(name, content)
    refusal = refusal_for(name, content)
    if refusal is not None:
        assert_refused(result, refusal)
    else:  # read as text: random bytes are never a year
        assert not result.ok and result.errors


@cache
def workbook_bytes() -> bytes:
    return workbook_from_tidy(structure())


def assert_refused_or_unchanged(result: IntakeResult, refusals: set[FindingCode]) -> None:
    """A damaged workbook is refused with one of ``refusals``, or read with exactly its figures."""
    if result.ok:
        assert result.tidy is not None
        assert_frame_equal(result.tidy, structure())
    else:
        assert len(result.errors) == 1 and result.errors[0].code in refusals, codes(result)


@SLOW_SETTINGS
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=6))
def test_damaged_workbook_is_refused_or_read_unchanged(flips: list[tuple[int, int]]) -> None:
    content = bytearray(workbook_bytes())
    for position, value in flips:
        content[position % len(content)] = value
    result = upload_never_crashes("cijfers.xlsx", bytes(content))
    # A flipped size in the zip directory may make the workbook look huge once unpacked.
    assert_refused_or_unchanged(result, {FindingCode.NOT_EXCEL, FindingCode.WORKBOOK_TOO_LARGE})


def rebuilt_workbook(draw: st.DrawFn, insert: st.SearchStrategy[bytes]) -> tuple[str, bytes]:
    """The 2022 workbook with ``insert`` put somewhere into one part: (that part, the workbook)."""
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes()))
    names = source.namelist()
    victim = draw(st.sampled_from(names))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in names:
            data = source.read(name)
            if name == victim:
                cut = draw(st.integers(0, len(data)))
                data = data[:cut] + draw(insert) + data[cut:]
            target.writestr(name, data)
    return victim, buffer.getvalue()


@st.composite
def odd_workbooks(draw: st.DrawFn) -> bytes:
    """Valid zip archives whose parts hold arbitrary (often broken) XML."""
    return rebuilt_workbook(draw, st.binary(max_size=40))[1]


@SLOW_SETTINGS
@given(odd_workbooks())
def test_workbook_with_arbitrary_bytes_in_a_part_never_crashes(content: bytes) -> None:
    upload_never_crashes("cijfers.xlsx", content)


#: '<' followed by anything but '>' is never well-formed XML, wherever it is put.
MALFORMED = st.binary(max_size=40).map(lambda junk: b"<" + junk.replace(b">", b""))


@st.composite
def malformed_workbooks(draw: st.DrawFn) -> tuple[str, bytes]:
    """The 2022 workbook with one part made malformed XML: (that part, the workbook)."""
    return rebuilt_workbook(draw, MALFORMED)


def read_by_the_app(part: str) -> bool:
    """The parts the app parses itself: the relationships, the workbook and the sheets."""
    return part.endswith(".rels") or part == "xl/workbook.xml" or part.startswith("xl/worksheets/")


@SLOW_SETTINGS
@given(malformed_workbooks())
def test_workbook_with_a_malformed_part_is_refused_or_read_unchanged(case: tuple[str, bytes]) -> None:
    part, content = case
    result = upload_never_crashes("cijfers.xlsx", content)
    if read_by_the_app(part):
        assert_refused(result, FindingCode.NOT_EXCEL)
    else:  # fastexcel may or may not need the part (shared strings, styles, document properties)
        assert_refused_or_unchanged(result, {FindingCode.NOT_EXCEL})


TEXT = st.text(
    alphabet=st.characters(codec="utf-8", include_characters="\t\n\r;,?-+.\ufeff"),
    max_size=600,
)


@SETTINGS
@given(TEXT, st.sampled_from(["cijfers.txt", "cijfers.csv"]))
def test_arbitrary_text_is_never_accepted(text: str, name: str) -> None:
    content = text.encode("utf-8")
    result = upload_never_crashes(name, content)
    refusal = refusal_for(name, content)
    if refusal is not None:
        assert_refused(result, refusal)
    # 600 characters cannot hold the blocks of the five districts and the unit with all their rows.
    assert not result.ok and result.errors


@st.composite
def mutated_layouts(draw: st.DrawFn) -> str:
    """The real 2022 text with a few cells replaced by tokens that often break it."""
    lines = load_layout_lines()
    tokens = st.sampled_from(
        ["", "?", "-", "1,5", "-3", "x", "17+3", "Zwolle", "Totaal", "Overig", "99999999999"]
    )
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        cells = lines[i].split("\t")
        j = draw(st.integers(0, len(cells)))
        if draw(st.booleans()):
            cells.insert(j, draw(tokens))
        else:
            cells[min(j, len(cells) - 1)] = draw(tokens)
        lines[i] = "\t".join(cells)
    return "\n".join(lines) + "\n"


@cache
def _layout_lines() -> tuple[str, ...]:
    return tuple(layout_from_tidy(structure()).splitlines())


def load_layout_lines() -> list[str]:
    return list(_layout_lines())


@SETTINGS
@given(mutated_layouts(), st.integers(min_value=1990, max_value=2040))
def test_validate_never_raises(text: str, year: int) -> None:
    result = validate(text, year, [2022], gazetteer=gazetteer(), context=context(), today=TODAY)
    assert_well_formed(result)
    if result.tidy is not None:
        assert result.tidy.height > 0
        assert set(result.tidy["status"]) <= {REPORTED, EMPTY, NOT_REPORTED, NOT_APPLICABLE}
