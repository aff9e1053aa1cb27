"""The peak memory of checking an ``.xlsx`` zip bomb whose header lies about its size.

A deflated stream of zeros inflates about 1.000 times; 1 GB of zeros fits in a 1 MB upload.
The bombs below are real workbooks (the published 2022 tables, written by the template
writer) with one part replaced by such a stream, its header patched to declare a small
size and the CRC of that many zeros, so that a reader that trusts the header finds nothing
wrong until it has inflated everything.

``python -m bench.upload_bomb`` checks each bomb, and the largest honest workbooks the app
still reads (:func:`extremes`), with :func:`analysis.intake.load_upload` in this process and
prints, per upload, the growth of the resident set size at its peak
(Linux ``VmHWM``, reset before each check through ``/proc/self/clear_refs``), the peak of
Python's own allocations (``tracemalloc``, measured in a second run), the time, and the
Dutch finding. ``tests/analysis/test_upload_limits.py`` builds the same bombs and asserts
the ceiling.
"""

from __future__ import annotations

import argparse
import functools
import io
import struct
import sys
import threading
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

MIB = 1024 * 1024
GIB = 1024 * MIB
#: What the bombs inflate to.
INFLATED_BYTES = GIB
#: The ceiling the issue sets for checking any upload.
CEILING_MB = 100.0

_DEFLATED = 8
_STORED = 0


@dataclass(frozen=True)
class Member:
    """One part of a zip archive as it is written: raw data, CRC and the sizes the header declares."""

    name: str
    data: bytes
    crc: int
    declared_size: int
    method: int = _DEFLATED


@dataclass(frozen=True)
class Bomb:
    """A workbook with one part replaced by inflating zeros, and the size its header declares."""

    part: str
    declared_size: int
    inflated_size: int = INFLATED_BYTES


#: The bombs measured, by name: which part explodes, and what its header says.
BOMBS: dict[str, Bomb] = {
    "sheet, header says 4 kB": Bomb("xl/worksheets/sheet1.xml", 4 * 1024),
    "shared strings, header says 4 kB": Bomb("xl/sharedStrings.xml", 4 * 1024),
    "workbook part, header says 4 kB": Bomb("xl/workbook.xml", 4 * 1024),
    "sheet, header says 50 MB": Bomb("xl/worksheets/sheet1.xml", 50 * MIB),
    "sheet, honest header of 1 GB": Bomb("xl/worksheets/sheet1.xml", INFLATED_BYTES, INFLATED_BYTES),
}


@functools.lru_cache(maxsize=4)
def deflated_zeros(size: int) -> bytes:
    """A raw deflate stream that inflates to ``size`` zero bytes, made in milliseconds.

    After a full flush the compressor starts afresh, byte-aligned, so every MiB of zeros
    compresses to the same bytes: one MiB is compressed and its output repeated.
    """
    whole, rest = divmod(size, MIB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(bytes(rest)) + compressor.flush() if rest else compressor.flush()
    return block * whole + tail


def zeros_crc(size: int) -> int:
    """The CRC-32 of ``size`` zero bytes, computed a MiB at a time."""
    crc, chunk, left = 0, bytes(MIB), size
    while left:
        step = min(left, MIB)
        crc = zlib.crc32(chunk[:step], crc)
        left -= step
    return crc


def zip_bytes(members: list[Member]) -> bytes:
    """A zip archive written by hand, so that every header says exactly what ``members`` declare."""
    out = io.BytesIO()
    central = io.BytesIO()
    for member in members:
        name = member.name.encode("utf-8")
        offset = out.tell()
        sizes = (member.crc, len(member.data), member.declared_size)
        out.write(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, member.method, 0, 0x21, *sizes, len(name), 0)
        )
        out.write(name)
        out.write(member.data)
        central.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                member.method,
                0,
                0x21,
                *sizes,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
        )
        central.write(name)
    start = out.tell()
    directory = central.getvalue()
    out.write(directory)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), start, 0)
    )
    return out.getvalue()


def honest_member(name: str, content: bytes) -> Member:
    """A part as any zip writer would store it (deflated, true size and CRC)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return Member(name, data, zlib.crc32(content), len(content))


@functools.lru_cache(maxsize=1)
def workbook_parts() -> tuple[tuple[str, bytes], ...]:
    """The parts of a real workbook: the published 2022 tables, written by the template writer."""
    from analysis import load_dashboard
    from analysis.template import workbook_from_tidy

    archive = zipfile.ZipFile(io.BytesIO(workbook_from_tidy(load_dashboard(2022))))
    return tuple((info.filename, archive.read(info)) for info in archive.infolist())


def bomb_bytes(bomb: Bomb) -> bytes:
    """The workbook of :func:`workbook_parts` with ``bomb.part`` replaced by inflating zeros.

    The header declares ``bomb.declared_size`` and the CRC of that many zeros, so a reader
    that stops where the header says sees a consistent, harmless part.
    """
    parts = dict(workbook_parts())
    if bomb.part not in parts:
        raise KeyError(f"no part {bomb.part!r} in the workbook; parts: {sorted(parts)}")
    members = [honest_member(name, content) for name, content in parts.items() if name != bomb.part]
    crc = zeros_crc(min(bomb.declared_size, bomb.inflated_size))
    members.append(Member(bomb.part, deflated_zeros(bomb.inflated_size), crc, bomb.declared_size))
    return zip_bytes(members)


def rebuilt(changes: dict[str, bytes]) -> bytes:
    """The workbook of :func:`workbook_parts` with some parts replaced (honest headers)."""
    parts = dict(workbook_parts())
    parts.update(changes)
    return zip_bytes([honest_member(name, content) for name, content in parts.items()])


#: The block sheet IJSSELLAND, and another block sheet.
SHEET = "xl/worksheets/sheet2.xml"
OTHER_SHEET = "xl/worksheets/sheet3.xml"


def with_comment(size: int, sheet: str = SHEET) -> bytes:
    """The workbook with an XML comment of ``size`` bytes in ``sheet`` (one text node the parser holds whole)."""
    content = dict(workbook_parts())[sheet]
    return rebuilt({sheet: content.replace(b"</worksheet>", b"<!--" + b" " * size + b"--></worksheet>")})


def many_cells(count: int, sheet: str = SHEET) -> bytes:
    """``sheet`` with ``count`` more numeric cells inside the table's bounds (rows 101 on), as XML."""
    columns = [chr(65 + i) for i in range(26)] + ["A" + chr(65 + i) for i in range(24)]
    rows, left, row = [], count, 101
    while left > 0:
        cells = b"".join(b'<c r="%s%d"><v>7</v></c>' % (c.encode(), row) for c in columns[: min(left, 50)])
        rows.append(b'<row r="%d">%s</row>' % (row, cells))
        left -= 50
        row += 1
    return dict(workbook_parts())[sheet].replace(b"</sheetData>", b"".join(rows) + b"</sheetData>")


def extremes() -> dict[str, Callable[[], bytes]]:
    """The largest honest uploads the app still reads: the most it ever holds while checking one."""
    from analysis.intake.xlsx import MAX_CELLS, MAX_PART_BYTES

    return {
        "largest part the app reads (a 4 MB comment)": lambda: with_comment(MAX_PART_BYTES - 40_000),
        "most cells the app reads (90.000)": lambda: rebuilt({SHEET: many_cells(MAX_CELLS - 10_000)}),
    }


# -- measuring ----------------------------------------------------------------------------------


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> bool:
    """Reset the kernel's peak resident set size (VmHWM) to the current one; False where not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Measurement:
    """What checking one upload cost: peak growth of the resident set and of Python's allocations."""

    rss_growth_mb: float
    python_peak_mb: float
    seconds: float
    outcome: str


def peak_rss_growth_mb(action: Callable[[], object]) -> float:
    """How far the resident set size of this process grows above its level before ``action``, in MB.

    On Linux the kernel's high-water mark is reset first, so the peak is exact; elsewhere a
    thread samples the resident set every millisecond.
    """
    exact = _reset_peak()
    before = _status_kb("VmRSS")
    sampled = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            sampled.append(_status_kb("VmRSS"))
            time.sleep(0.001)

    sampler = None if exact else threading.Thread(target=sample, daemon=True)
    if sampler is not None:
        sampler.start()
    try:
        action()
    finally:
        done.set()
        if sampler is not None:
            sampler.join()
    peak = _status_kb("VmHWM") if exact else max(sampled)
    return max(0, peak - before) / 1024


def python_peak_mb(action: Callable[[], object]) -> float:
    """The peak of Python's own allocations while ``action`` runs, in MB (tracemalloc)."""
    tracemalloc.start()
    try:
        action()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / MIB


def check_bomb(content: bytes) -> str:
    """Check ``content`` as an uploaded workbook; return the finding code it gets ('' when accepted)."""
    from analysis.intake import IntakeError, load_upload

    try:
        upload = load_upload("bom.xlsx", content)
    except IntakeError as error:
        return str(error.code)
    return str(upload.errors[0].code) if upload.errors else ""


def measure(content: bytes) -> Measurement:
    """Check ``content`` twice: once for the resident set and the time, once under tracemalloc."""
    outcome: list[str] = []
    start = time.perf_counter()
    rss = peak_rss_growth_mb(lambda: outcome.append(check_bomb(content)))
    seconds = time.perf_counter() - start
    python = python_peak_mb(lambda: check_bomb(content))
    return Measurement(rss, python, seconds, outcome[0])


def main(argv: list[str] | None = None) -> int:
    """Build every bomb, check it, and print the table (markdown)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="measure only the bomb whose name contains this text")
    args = parser.parse_args(argv)
    check_bomb(bomb_bytes(Bomb("xl/worksheets/sheet2.xml", 4 * 1024, 4 * 1024)))  # warm up imports
    print("| bomb | upload | RSS peak growth | Python peak | time | finding |")
    print("|---|---:|---:|---:|---:|---|")
    worst = 0.0
    for name, bomb in BOMBS.items():
        if args.only and args.only not in name:
            continue
        content = bomb_bytes(bomb)
        result = measure(content)
        worst = max(worst, result.rss_growth_mb)
        print(
            f"| {name} | {len(content) / MIB:.2f} MB | {result.rss_growth_mb:.1f} MB | "
            f"{result.python_peak_mb:.1f} MB | {result.seconds:.2f} s | {result.outcome or 'accepted'} |",
            flush=True,
        )
    print("\n| largest honest upload | upload | RSS peak growth | Python peak | time | finding |")
    print("|---|---:|---:|---:|---:|---|")
    for name, build in extremes().items():
        if args.only and args.only not in name:
            continue
        content = build()
        result = measure(content)
        worst = max(worst, result.rss_growth_mb)
        print(
            f"| {name} | {len(content) / MIB:.2f} MB | {result.rss_growth_mb:.1f} MB | "
            f"{result.python_peak_mb:.1f} MB | {result.seconds:.2f} s | {result.outcome or 'read'} |",
            flush=True,
        )
    print(f"\nworst RSS growth {worst:.1f} MB (ceiling {CEILING_MB:.0f} MB)")
    return 0 if worst < CEILING_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
