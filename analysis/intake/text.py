"""Reading an uploaded text file: tab-separated text or CSV (``;`` or ``,``), in any usual encoding.

UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are; UTF-16 without a
BOM (recognised by its zero bytes) is read with a note, and anything else as Windows-1252,
with a note. CSV is turned into tab-separated lines; a line
of the result that began on another line of the file is remembered, so messages can
name the line the user sees.
"""

import codecs
import csv
import io

from analysis.intake import wording
from analysis.intake.findings import Finding, FindingCode, Upload, UploadKind, fail


def clean_field(value: str) -> str:
    """A cell value on one line: line breaks and tabs inside it become spaces."""
    return value.replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _utf16_without_bom(content: bytes) -> str | None:
    """``'utf-16-le'`` or ``'utf-16-be'`` for UTF-16 text without a byte-order mark, else None.

    Text in a Latin script stored as UTF-16 has a zero byte in (nearly) every pair, always
    on the same side; any other file has them at random, or not at all.
    """
    if content.startswith(codecs.BOM_UTF8):
        return None
    sample = content[:4096]
    pairs = len(sample) // 2
    if pairs < 16:  # far less than a table
        return None
    low = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)  # zero high byte: little-endian
    high = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    if low >= 0.5 * pairs and high <= 0.02 * pairs:
        return "utf-16-le"
    if high >= 0.5 * pairs and low <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _decode(content: bytes) -> tuple[str, list[Finding]]:
    """The text of the file, and a note when it was not UTF-8 or UTF-16."""
    notes: list[Finding] = []
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16"), notes
        except UnicodeDecodeError:
            raise fail(FindingCode.NOT_TEXT, wording.UNREADABLE_UTF16) from None
    utf16 = _utf16_without_bom(content)
    if utf16 is not None:
        try:
            text = content.decode(utf16)
        except UnicodeDecodeError:
            raise fail(FindingCode.NOT_TEXT, wording.UNREADABLE_UTF16) from None
        return text, [Finding(FindingCode.UTF16_WITHOUT_BOM, wording.UTF16_WITHOUT_BOM)]
    body = content.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        raise fail(FindingCode.NOT_TEXT, wording.NOT_DECODABLE) from None
    notes.append(Finding(FindingCode.WINDOWS_1252, wording.WINDOWS_1252))
    return text, notes


def _looks_binary(text: str) -> bool:
    """True for text with a NUL or more than a few control characters: another kind of file."""
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v") + text.count("\ufffd")
    return controls > max(2, len(text) // 100)


def _delimiter(text: str) -> str | None:
    """The CSV separator, judged by the first line that is not blank; None for tab-separated text."""
    if "\t" in text:
        return None
    first = next((line for line in text.splitlines() if line.strip()), "")
    if ";" in first:
        return ";"
    if "," in first:
        return ","
    return None


def read_text(name: str, content: bytes) -> Upload:
    """Read a text upload into layout text; raises :class:`IntakeError` when it is not text."""
    text, notes = _decode(content)
    if _looks_binary(text):
        raise fail(FindingCode.NOT_TEXT, wording.BINARY_TEXT)
    text = text.lstrip("\ufeff")
    delimiter = _delimiter(text)
    if delimiter is None:
        return Upload(name, UploadKind.TEXT, text, warnings=notes)
    lines: list[str] = []
    source_lines: dict[int, int] = {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    previous_end = 0
    try:
        for record in reader:
            lines.append("\t".join(clean_field(v) for v in record))
            source_lines[len(lines)] = previous_end + 1
            previous_end = reader.line_num
    except csv.Error:  # in practice: a field longer than csv's limit, after a quote that is never closed
        raise fail(FindingCode.CSV_UNREADABLE, wording.csv_unreadable(previous_end + 1, delimiter)) from None
    if all(k == v for k, v in source_lines.items()):
        source_lines = {}
    return Upload(name, UploadKind.TEXT, "\n".join(lines) + "\n", warnings=notes, source_lines=source_lines)
