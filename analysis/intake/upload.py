"""Reading an upload: which kind of file it is, and its layout text.

:func:`read_upload` / :func:`load_upload` turn an uploaded file into the layout text that
:func:`analysis.parser.parse_layout` reads: tab-separated text (``.txt``, ``.tsv``), CSV
(``;`` or ``,`` separated, :mod:`analysis.intake.text`) or the Excel template
(``.xlsx``, :mod:`analysis.intake.workbook`). Whole-file problems (empty, too large,
not text, not a workbook, a missing sheet) raise :class:`IntakeError`; problems in
single Excel cells are collected. The uploaded bytes are never changed; the caller
keeps the original.
"""

from pathlib import PurePosixPath

from analysis.intake import wording
from analysis.intake.findings import FindingCode, IntakeError, Upload, fail
from analysis.intake.text import read_text
from analysis.intake.workbook import read_workbook

#: Largest upload accepted, in bytes.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".tsv", ".csv")
EXCEL_SUFFIXES = (".xlsx",)

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def file_name(name: str) -> PurePosixPath:
    """An uploaded file's name as a path, with Windows separators read as such."""
    return PurePosixPath(name.replace("\\", "/"))


def read_upload(name: str, content: bytes) -> str:
    """Turn an uploaded file into the layout text (tab-separated blocks).

    Raises :class:`IntakeError` with a Dutch message when the file cannot be read or, for
    a workbook, when a cell cannot be taken over as it is (a formula without a stored
    result, an error value, merged cells). Notes such as a Windows-1252 encoding are
    available through :func:`load_upload`.
    """
    upload = load_upload(name, content)
    if upload.errors:
        raise IntakeError(upload.errors)
    return upload.text


def load_upload(name: str, content: bytes) -> Upload:
    """Read an upload into an :class:`Upload`; raises :class:`IntakeError` for whole-file problems."""
    content = bytes(content)
    suffix = file_name(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES + EXCEL_SUFFIXES:
        raise fail(FindingCode.FILE_TYPE, wording.file_type(suffix))
    if len(content) > MAX_UPLOAD_BYTES:
        raise fail(FindingCode.FILE_TOO_LARGE, wording.file_too_large(len(content), MAX_UPLOAD_BYTES))
    if not content.strip():
        raise fail(FindingCode.EMPTY_FILE, wording.EMPTY_FILE)
    if content.startswith(_OLE_MAGIC):
        raise fail(FindingCode.OLD_EXCEL, wording.OLD_EXCEL)
    if content.startswith(_ZIP_MAGIC):
        return read_workbook(name, content)
    if suffix in EXCEL_SUFFIXES:
        raise fail(FindingCode.NOT_EXCEL, wording.NAMED_XLSX_NOT_EXCEL)
    return read_text(name, content)
