"""Checking an upload has a hard memory ceiling, whatever the zip headers say.

Each bomb is a real workbook (the published 2022 tables) with one part replaced by a
deflated stream of zeros that inflates to 1 GB, its header patched to declare a small
size (``bench/upload_bomb.py`` builds them; the upload is about 1 MB). Before the fix,
checking the sheet bomb grew this process by 2 GB. Each case asserts the finding and a
peak growth of the resident set under 100 MB, measured in this process (the kernel's
high-water mark, reset before the check); the bombs that zipfile used to inflate in one
piece also assert the peak of Python's own allocations (tracemalloc).
"""

from __future__ import annotations

import functools
import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from analysis.intake import IntakeError, check_upload, load_upload
from analysis.intake.xlsx import MAX_CELLS, MAX_PART_BYTES, MAX_UNPACKED_BYTES
from bench.upload_bomb import (
    BOMBS,
    CEILING_MB,
    GIB,
    MIB,
    OTHER_SHEET,
    SHEET,
    Bomb,
    Member,
    bomb_bytes,
    check_bomb,
    honest_member,
    many_cells,
    peak_rss_growth_mb,
    python_peak_mb,
    rebuilt,
    with_comment,
    workbook_parts,
    zip_bytes,
)


def with_lzma_part(name: str, size: int) -> bytes:
    """The 2022 workbook plus a part compressed with LZMA, which zipfile inflates in one go per read."""
    buffer = io.BytesIO(rebuilt({}))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(name, bytes(size), compress_type=zipfile.ZIP_LZMA)
    return buffer.getvalue()


BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + ']><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c>'
    "</row></sheetData></worksheet>"
)


@dataclass(frozen=True)
class Attack:
    """An upload built in the test, and the finding it must get ('' for a workbook that is read)."""

    build: Callable[[], bytes]
    code: str


# A part that inflates past its header is a damaged workbook ('geen_excel'); a header that
# declares more than the app reads is too large before anything is inflated.
BOMB_CODES = {
    "sheet, header says 4 kB": "geen_excel",
    "shared strings, header says 4 kB": "geen_excel",
    "workbook part, header says 4 kB": "geen_excel",
    "sheet, header says 50 MB": "werkmap_te_groot",
    "sheet, honest header of 1 GB": "werkmap_te_groot",
}

ATTACKS: dict[str, Attack] = {
    **{
        f"bomb: {name}": Attack(functools.partial(bomb_bytes, bomb), BOMB_CODES[name])
        for name, bomb in BOMBS.items()
    },
    "bomb: a block sheet, header says 4 kB": Attack(lambda: bomb_bytes(Bomb(SHEET, 4 * 1024)), "geen_excel"),
    "bomb: a part no reader asks for": Attack(
        lambda: bomb_bytes(Bomb("docProps/app.xml", 4 * 1024)), "geen_excel"
    ),
    "a part compressed with LZMA": Attack(lambda: with_lzma_part("xl/media/image1.bin", 1024), "geen_excel"),
    "a sheet in UTF-16 with a billion laughs": Attack(
        lambda: rebuilt({SHEET: BILLION_LAUGHS.encode("utf-16")}), "geen_excel"
    ),
    "the largest part the app reads (a comment)": Attack(lambda: with_comment(MAX_PART_BYTES - 40_000), ""),
    "a part over the limit (a comment)": Attack(lambda: with_comment(MAX_PART_BYTES), "werkmap_te_groot"),
    "the most cells the app reads": Attack(lambda: rebuilt({SHEET: many_cells(MAX_CELLS - 10_000)}), ""),
    "more cells than the app reads": Attack(
        lambda: rebuilt(
            {SHEET: many_cells(MAX_CELLS // 2), OTHER_SHEET: many_cells(MAX_CELLS // 2, OTHER_SHEET)}
        ),
        "werkmap_te_groot",
    ),
}


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Check one real workbook first: imports and caches are not an upload's cost."""
    check_bomb(rebuilt({}))


@pytest.mark.parametrize("name", ATTACKS)
def test_checking_an_upload_stays_under_the_memory_ceiling(name: str) -> None:
    attack = ATTACKS[name]
    content = attack.build()
    outcome: list[str] = []
    growth = peak_rss_growth_mb(lambda: outcome.append(check_bomb(content)))
    assert outcome == [attack.code]
    assert growth < CEILING_MB, f"{name}: resident set grew {growth:.0f} MB"


@pytest.mark.parametrize("name", ["sheet, header says 4 kB", "workbook part, header says 4 kB"])
def test_python_allocations_stay_under_the_ceiling(name: str) -> None:
    # Before the fix zipfile inflated these in one bytes object of 1 GB (tracemalloc: 2.049 MB).
    content = bomb_bytes(BOMBS[name])
    peak = python_peak_mb(lambda: check_bomb(content))
    assert peak < CEILING_MB, f"{name}: Python allocated {peak:.0f} MB at the peak"


def test_the_bombs_really_inflate_to_a_gigabyte_in_a_small_upload() -> None:
    content = bomb_bytes(BOMBS["sheet, header says 4 kB"])
    assert len(content) < 1.1 * MIB  # well under the upload limit of 5 MB
    archive = zipfile.ZipFile(io.BytesIO(content))
    info = archive.getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size == 4 * 1024  # what the header says
    inflater = zlib.decompressobj(-15)
    raw = content[
        info.header_offset + 30 + len(info.filename) : info.header_offset
        + 30
        + len(info.filename)
        + info.compress_size
    ]
    inflated = 0
    while raw:
        inflated += len(inflater.decompress(raw, 16 * MIB))
        raw = inflater.unconsumed_tail
    assert inflated == GIB  # what it holds


def test_a_bomb_gets_a_dutch_message_in_the_full_check() -> None:
    result = check_upload("bom.xlsx", bomb_bytes(BOMBS["sheet, header says 4 kB"]), 2023, [2022])
    assert not result.ok
    assert [e.code for e in result.errors] == ["geen_excel"]
    assert "geen leesbare Excel-werkmap" in result.errors[0].message


def test_limits_leave_room_for_a_real_workbook() -> None:
    parts = dict(workbook_parts())
    assert sum(len(c) for c in parts.values()) * 50 < MAX_UNPACKED_BYTES
    assert max(len(c) for c in parts.values()) * 50 < MAX_PART_BYTES
    upload = load_upload("cijfers_2022.xlsx", rebuilt({}))
    assert not upload.errors
    assert upload.text.startswith("IJSSELLAND\t")


def test_a_stored_part_is_read_like_a_deflated_one() -> None:
    parts = dict(workbook_parts())
    members = [
        Member(name, content, zlib.crc32(content), len(content), method=0)
        if name == SHEET
        else honest_member(name, content)
        for name, content in parts.items()
    ]
    upload = load_upload("opgeslagen.xlsx", zip_bytes(members))
    assert not upload.errors
    assert upload.text == load_upload("gewoon.xlsx", rebuilt({})).text


def test_a_part_shorter_than_its_header_is_refused() -> None:
    parts = dict(workbook_parts())
    content = parts[SHEET]
    short = honest_member(SHEET, content)
    lying = Member(SHEET, short.data, short.crc, len(content) + 10)
    members = [lying if name == SHEET else honest_member(name, c) for name, c in parts.items()]
    with pytest.raises(IntakeError) as error:
        load_upload("kort.xlsx", zip_bytes(members))
    assert error.value.code == "geen_excel"


def test_streamlit_refuses_exactly_what_the_app_refuses() -> None:
    """Streamlit's upload limit is the app's own, so no file between them meets English."""
    import tomllib
    from pathlib import Path

    from analysis.intake import MAX_UPLOAD_BYTES

    config = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * MIB == MAX_UPLOAD_BYTES
