"""The parser's Dutch messages: what is wrong in the layout, and what was expected instead.

Only wording lives here; the parser decides *that* something is wrong and passes the facts
(names, counts, line numbers) in. Every message starts in lower case: :func:`location`
puts "Blok '…', regel …, kolom …:" in front of it.
"""

from collections.abc import Sequence

#: The longest piece of user text quoted in a message.
MAX_QUOTED = 60

#: How a district block is named in the list of names a block can start with.
DISTRICT_BLOCK_EXAMPLE = "een district (bijv. IJSSELLAND, TWENTE)"


def shorten(text: str, limit: int = MAX_QUOTED) -> str:
    """Shorten user text for a message, so a huge cell cannot flood the screen."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def location(
    message: str,
    block: str | None = None,
    line: int | None = None,
    column: int | None = None,
    column_name: str | None = None,
) -> str:
    """The full message: ``Blok 'X', regel 3, kolom 2 ('Zwolle'): …``, or the message alone."""
    where = []
    if block is not None:
        where.append(f"blok '{shorten(block)}'")
    if line is not None:
        where.append(f"regel {line}")
    if column is not None:
        name = f" ('{shorten(column_name)}')" if column_name else ""
        where.append(f"kolom {column}{name}")
    prefix = ", ".join(where)
    return f"{prefix[:1].upper()}{prefix[1:]}: {message}" if prefix else message


# -- one cell ------------------------------------------------------------------------------


def too_many_digits(text: str, max_digits: int) -> str:
    """A count with more digits than any dashboard figure can have."""
    return (
        f"'{shorten(text)}' is onwaarschijnlijk groot (meer dan {max_digits} cijfers); "
        "controleer of hier twee vakken aan elkaar geplakt zijn. Verwacht: één aantal per vak."
    )


def negative(text: str) -> str:
    """A negative count."""
    return (
        f"'{shorten(text)}' is negatief; een aantal kan niet kleiner zijn dan 0. "
        "Verwacht: een aantal van 0 of meer, '?' of '-'."
    )


def not_a_number(text: str) -> str:
    """A cell that is neither a count nor one of the marks."""
    return (
        f"'{shorten(text)}' is geen geheel getal. Verwacht: een aantal (zoals 29.764), "
        "een leeg vak, '?' (niet gerapporteerd) of '-' (niet van toepassing)."
    )


# -- rows and blocks -----------------------------------------------------------------------


def row_too_long(cells: int, width: int) -> str:
    """A row with more filled cells than its header."""
    return (
        f"deze rij heeft {cells} cellen, maar de kop heeft er {width}. "
        "Controleer of er een kolom is verschoven of te veel is geplakt."
    )


def row_too_short(cells: int, width: int) -> str:
    """A row with fewer cells than its header."""
    return (
        f"deze rij heeft {cells} cellen, maar de kop heeft er {width}. "
        "Vul ontbrekende vakken met een getal, '?', '-' of laat ze bewust leeg "
        "(met een tab)."
    )


def duplicate_block(first_line: int) -> str:
    """A block that appears twice."""
    return (
        f"dit blok staat twee keer in het bestand (eerder op regel {first_line}). "
        "Verwacht: elk blok één keer; verwijder een van beide."
    )


def unknown_indicator(label: str, known: Sequence[str]) -> str:
    """A row label that is not an indicator of this block."""
    return f"onbekende indicator '{shorten(label)}'. Bekend in dit blok: {', '.join(known)}."


def duplicate_row(label: str, first_line: int) -> str:
    """An indicator row that appears twice in one block."""
    return (
        f"de rij '{shorten(label)}' staat twee keer in dit blok (eerder op regel {first_line}). "
        "Verwacht: elke indicator één keer per blok."
    )


EMPTY_FILE = (
    "het bestand is leeg: er staan geen tabellen in. Verwacht: de tabellen van het "
    "dashboard, elk blok beginnend met een kopregel."
)


def unknown_block(name: str, suggestion: str | None, unit_blocks: Sequence[str]) -> str:
    """A block name that is neither a district nor one of the unit blocks."""
    known = ", ".join([DISTRICT_BLOCK_EXAMPLE, *unit_blocks])
    return (
        f"onbekende bloknaam '{shorten(name)}'"
        + (f"; bedoelt u '{suggestion}'?" if suggestion else "")
        + f" Een blok begint met: {known}."
    )


def districts_missing(missing: Sequence[str]) -> str:
    """Districts without a block."""
    return (
        f"het blok van district {', '.join(missing)} ontbreekt. Elk van de vijf "
        "districten heeft een eigen blok met gemeenten, Overig en Totaal."
    )


UNIT_MISSING = (
    "het blok 'TOTAAL EENHEID ONL' met de totalen van de eenheid ontbreekt. Verwacht: een "
    "blok met de kopregel 'TOTAAL EENHEID ONL' en 'Totaal'."
)


def rows_missing(labels: Sequence[str]) -> str:
    """Indicator rows a block lacks."""
    return (
        "deze rijen ontbreken: " + ", ".join(labels) + ". Verwacht: elke rij, ook als de vakken leeg blijven."
    )


ROW_OUTSIDE_SECTION = "deze rij hoort onder het kopje 'Bewustwordingspresentaties'."


# -- district header -----------------------------------------------------------------------

TOTAL_COLUMN_MISSING = "de laatste kolom van een districtsblok moet 'Totaal' heten."

DUPLICATE_OTHER = "'Overig' staat twee keer in de kop. Verwacht: één kolom 'Overig', vlak voor 'Totaal'."

COLUMN_WITHOUT_NAME = (
    "deze kolom heeft geen gemeentenaam. Verwacht: de naam van een gemeente uit dit "
    "district, 'Overig' of 'Totaal'."
)


def unknown_municipality(printed: str, suggestion: str | None, district: str) -> str:
    """A district column that names no known municipality."""
    return (
        f"onbekende gemeente '{shorten(printed)}'; bedoelt u '{suggestion}'? "
        f"Verwacht: een gemeente uit {district}, 'Overig' of 'Totaal'."
    )


def municipality_in_wrong_district(municipality: str, home: str | None, district: str) -> str:
    """A municipality in the block of a district it does not belong to."""
    return (
        f"{municipality} hoort bij district {home}, niet bij {district}. "
        f"Verwacht: alleen gemeenten uit {district}; de cijfers van {municipality} horen "
        f"in het blok van {home}."
    )


def duplicate_column(municipality: str) -> str:
    """A municipality named twice in a district header."""
    return f"{municipality} staat twee keer in de kop. Verwacht: elke gemeente één keer."


# -- AZC's and casustafels -----------------------------------------------------------------


def unknown_azc_municipality(name: str, suggestion: str | None) -> str:
    """An AZC row that names no known municipality."""
    return (
        f"onbekende gemeente '{shorten(name)}'; bedoelt u '{suggestion}'? "
        "Verwacht: één gemeente met een AZC per rij."
    )


def duplicate_municipality_row(municipality: str) -> str:
    """A municipality with two rows in the AZC block."""
    return f"{municipality} staat twee keer in dit blok. Verwacht: elke gemeente één keer."


def unknown_district(name: str, suggestion: str | None, districts: Sequence[str]) -> str:
    """A casustafel row that names no known district."""
    return (
        f"onbekend district '{shorten(name)}'; bedoelt u '{suggestion}'? "
        f"Verwacht: een van {', '.join(districts)}."
    )


def duplicate_district_row(district: str) -> str:
    """A district with two rows in the casustafel block."""
    return f"{district} staat twee keer in dit blok. Verwacht: elk district één keer."


def too_many_errors(max_errors: int) -> str:
    """The last error when the collecting parser gives up."""
    return (
        f"er zijn {max_errors} of meer fouten; alleen de eerste {max_errors} staan hierboven. "
        "Klopt de opmaak wel? Verwacht: de opmaak van het sjabloon, blok voor blok."
    )
