"""What the intake hands back: findings (errors and warnings), their codes, and the results.

A finding's ``code`` is a short Dutch identifier that the screen, the command line and
the tests may rely on; :class:`FindingCode` names every code this package gives itself
(a :class:`~enum.StrEnum`, so a code is still the same plain string when stored, compared
or printed). Findings taken over from :mod:`analysis.parser` keep the parser's codes.
"""

from dataclasses import dataclass, field
from enum import StrEnum

import polars as pl


class FindingCode(StrEnum):
    """The code of a finding; the value is what is stored and shown."""

    # The file as a whole (raised as IntakeError).
    FILE_TYPE = "bestandstype"
    FILE_TOO_LARGE = "bestand_te_groot"
    EMPTY_FILE = "leeg_bestand"
    OLD_EXCEL = "oud_excel"
    NOT_EXCEL = "geen_excel"
    NOT_TEXT = "geen_tekst"
    CSV_UNREADABLE = "csv_onleesbaar"
    WORKBOOK_TOO_LARGE = "werkmap_te_groot"
    EXCEL_UNAVAILABLE = "excel_niet_beschikbaar"
    SHEET_MISSING = "tabblad_ontbreekt"
    CELL_OUTSIDE_TABLE = "cel_buiten_tabel"
    # Noticed while reading a text file or a workbook.
    WINDOWS_1252 = "codering_windows1252"
    UTF16_WITHOUT_BOM = "codering_utf16_zonder_bom"
    BLOCK_SHIFTED = "blok_verschoven"
    SHEET_SKIPPED = "tabblad_overgeslagen"
    A1_EMPTY = "a1_leeg"
    BLOCK_MISMATCH = "blok_past_niet"
    FORMULA_WITHOUT_VALUE = "formule_zonder_waarde"
    FORMULA_IN_CELL = "formule_in_cel"
    ERROR_VALUE = "foutwaarde"
    MERGED_CELLS = "samengevoegde_cellen"
    # The year and the figures.
    YEAR_IMPLAUSIBLE = "jaar_onwaarschijnlijk"
    YEAR_EXISTS = "jaar_bestaat_al"
    YEAR_SKIPPED = "jaar_overgeslagen"
    SAME_AS_YEAR = "zelfde_als_ander_jaar"
    NO_FIGURES = "geen_cijfers"
    BLOCK_WITHOUT_FIGURES = "blok_zonder_cijfers"
    TOTAL_LOWER_BOUND = "totaal_ondergrens"
    TOTAL_DIFFERS = "totaal_wijkt_af"
    BREAKDOWN_DIFFERS = "uitsplitsing_wijkt_af"
    TEXT_DIFFERS = "tekst_wijkt_af"
    # Municipalities compared with the year before.
    MUNICIPALITIES_CHANGED = "gemeenten_gewijzigd"
    MUNICIPALITY_GONE = "gemeente_niet_meer_apart"
    MUNICIPALITY_ADDED = "gemeente_nieuw_apart"
    MUNICIPALITY_MOVED = "gemeente_ander_district"
    # Codes of analysis.parser that the intake acts on.
    DISTRICT_MISSING = "district_ontbreekt"
    UNIT_MISSING = "eenheid_ontbreekt"


#: Problems for which a sheet is left out of the layout text.
SKIPPED_SHEET = frozenset({FindingCode.A1_EMPTY, FindingCode.BLOCK_MISMATCH})
#: Problems in a sheet that do not block the year.
SHEET_WARNINGS = frozenset({FindingCode.FORMULA_IN_CELL})
#: Layout errors that repeat a sheet that was left out (its block is then missing too).
MISSING_BLOCK = frozenset({FindingCode.DISTRICT_MISSING, FindingCode.UNIT_MISSING})


class UploadKind(StrEnum):
    """What an upload was read as."""

    TEXT = "tekst"
    EXCEL = "excel"


@dataclass(frozen=True)
class Finding:
    """One error or warning, with a Dutch message that says where and what was expected.

    ``block``, ``line`` and ``column`` locate it in the layout text (1-based);
    ``sheet`` and ``cell`` (``'E3'``) locate it in an uploaded workbook.
    """

    code: str
    message: str
    block: str | None = None
    line: int | None = None
    column: int | None = None
    column_name: str | None = None
    sheet: str | None = None
    cell: str | None = None


class IntakeError(ValueError):
    """An upload that cannot be read at all. Holds one or more :class:`Finding`."""

    def __init__(self, findings: list[Finding]) -> None:
        """Store the findings; the message is their Dutch messages, one per line."""
        self.findings = findings
        self.code = findings[0].code
        super().__init__("\n".join(f.message for f in findings))


def fail(
    code: FindingCode, message: str, *, sheet: str | None = None, cell: str | None = None
) -> IntakeError:
    """An :class:`IntakeError` holding one finding (raise it)."""
    return IntakeError([Finding(code, message, sheet=sheet, cell=cell)])


@dataclass
class Upload:
    """An upload turned into layout text, with what was noticed on the way.

    ``sheet_rows`` maps a line of ``text`` to (sheet, row in the sheet) for a workbook;
    ``source_lines`` maps a line of ``text`` to the line of the uploaded file where they
    differ (a CSV field spanning lines).
    """

    name: str
    kind: UploadKind
    text: str
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    sheet_rows: dict[int, tuple[str, int]] = field(default_factory=dict)
    source_lines: dict[int, int] = field(default_factory=dict)


@dataclass
class IntakeResult:
    """The outcome of validating one year: the tidy table (``None`` on errors) and the findings."""

    year: int
    tidy: pl.DataFrame | None
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the year can be added: a tidy table and no errors."""
        return self.tidy is not None and not self.errors
