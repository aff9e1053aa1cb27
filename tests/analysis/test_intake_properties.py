"""Property tests for the intake: writers and reader agree, and no input makes it crash.

* Any tidy year over the 2022 structure (counts 0..10^6 and every status), written as
  layout text or as the template workbook and read back, is unchanged.
* Whatever bytes are uploaded, :func:`check_upload` returns findings and never raises;
  :func:`read_upload` returns text or raises :class:`IntakeError`, nothing else.
"""

import io
import zipfile
from datetime import date
from functools import cache

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

from analysis import default_gazetteer, load_context, load_dashboard, parse_layout
from analysis.intake import Finding, IntakeError, IntakeResult, check_upload, read_upload, validate
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


def upload_never_crashes(name: str, content: bytes) -> None:
    result = check_upload(name, content, YEAR, [2022], gazetteer=gazetteer(), context=context(), today=TODAY)
    assert_well_formed(result)
    try:
        text = read_upload(name, content)
    except IntakeError as error:
        assert error.findings and str(error)
    else:
        assert isinstance(text, str)


NAMES = st.sampled_from(
    ["cijfers.txt", "cijfers.csv", "cijfers.tsv", "cijfers.xlsx", "cijfers.pdf", "cijfers", "a.TXT"]
)
PREFIXES = st.sampled_from(
    [
        b"",
        b"PK\x03\x04",
        b"PK\x05\x06",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
    ]
)


@SETTINGS
@given(NAMES, PREFIXES, st.binary(max_size=3000))
def test_garbage_bytes_give_findings(name: str, prefix: bytes, body: bytes) -> None:
    upload_never_crashes(name, prefix + body)


@cache
def workbook_bytes() -> bytes:
    return workbook_from_tidy(structure())


@SLOW_SETTINGS
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=6))
def test_damaged_workbook_gives_findings(flips: list[tuple[int, int]]) -> None:
    content = bytearray(workbook_bytes())
    for position, value in flips:
        content[position % len(content)] = value
    upload_never_crashes("cijfers.xlsx", bytes(content))


@st.composite
def odd_workbooks(draw: st.DrawFn) -> bytes:
    """Valid zip archives whose parts hold arbitrary (often broken) XML."""
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes()))
    names = source.namelist()
    victim = draw(st.sampled_from(names))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in names:
            data = source.read(name)
            if name == victim:
                cut = draw(st.integers(0, len(data)))
                data = data[:cut] + draw(st.binary(max_size=40)) + data[cut:]
            target.writestr(name, data)
    return buffer.getvalue()


@SLOW_SETTINGS
@given(odd_workbooks())
def test_workbook_with_broken_parts_gives_findings(content: bytes) -> None:
    upload_never_crashes("cijfers.xlsx", content)


TEXT = st.text(
    alphabet=st.characters(codec="utf-8", include_characters="\t\n\r;,?-+.\ufeff"),
    max_size=600,
)


@SETTINGS
@given(TEXT, st.sampled_from(["cijfers.txt", "cijfers.csv"]))
def test_arbitrary_text_gives_findings(text: str, name: str) -> None:
    upload_never_crashes(name, text.encode("utf-8"))


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
