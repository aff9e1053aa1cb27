"""What a layout problem is: its code, where it is, and the Dutch message that names both."""

from enum import StrEnum

from analysis.parser.messages import location


class ErrorCode(StrEnum):
    """The code of a :class:`LayoutError`; the values are the codes the intake and tests know."""

    EMPTY_FILE = "leeg_bestand"
    UNKNOWN_BLOCK = "onbekend_blok"
    DUPLICATE_BLOCK = "dubbel_blok"
    DISTRICT_MISSING = "district_ontbreekt"
    UNIT_MISSING = "eenheid_ontbreekt"
    TOTAL_MISSING = "totaal_ontbreekt"
    DUPLICATE_COLUMN = "dubbele_kolom"
    COLUMN_WITHOUT_NAME = "kolom_zonder_naam"
    UNKNOWN_MUNICIPALITY = "onbekende_gemeente"
    MUNICIPALITY_WRONG_DISTRICT = "gemeente_verkeerd_district"
    UNKNOWN_DISTRICT = "onbekend_district"
    ROW_TOO_LONG = "rij_te_lang"
    ROW_TOO_SHORT = "rij_te_kort"
    UNKNOWN_INDICATOR = "onbekende_indicator"
    DUPLICATE_ROW = "dubbele_rij"
    ROW_MISSING = "rij_ontbreekt"
    ROW_OUTSIDE_SECTION = "rij_buiten_sectie"
    NOT_A_NUMBER = "geen_getal"
    TOO_MANY_ERRORS = "te_veel_fouten"


class TooManyErrorsError(Exception):
    """Raised internally when the collecting parser has seen enough errors."""


class LayoutError(ValueError):
    """A problem in the published layout, with a Dutch message naming where it is."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        block: str | None = None,
        line: int | None = None,
        column: int | None = None,
        column_name: str | None = None,
    ) -> None:
        """Store where the problem is and build the full Dutch message.

        ``code`` is kept as a plain string (an :class:`ErrorCode` is turned into its value),
        so that it reads, compares and serialises as it always has.
        """
        self.message = message
        self.code: str = str(code)
        self.block = block
        self.line = line
        self.column = column
        self.column_name = column_name
        super().__init__(location(message, block, line, column, column_name))
