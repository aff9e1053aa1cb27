"""Every Dutch sentence of the intake: what a user reads about an upload, a year and a comparison.

Nothing here decides anything: the other modules find a problem and choose its
:class:`~analysis.intake.findings.FindingCode`; these functions only say it. A change of
wording stays in this file. Messages name where the problem is (sheet, cell, block,
row) and what was expected.
"""

import re
from collections.abc import Sequence

from analysis.checks import KIND_BREAKDOWN, KIND_DISTRICT_SUM, KIND_TEXT, KIND_UNIT_SUM
from analysis.dutch import fmt_dec, fmt_int, join_words, signed
from analysis.geography import UNIT
from analysis.parser import STATUS_LABELS

#: What the app can read, as named in messages.
ACCEPTED = "het Excel-sjabloon (.xlsx) of de tabellen als tekst (.txt, .tsv of .csv)"
#: At most this many cell references are listed in one message.
MAX_LISTED = 8

# -- the file as a whole -----------------------------------------------------------------

EMPTY_FILE = (
    "Het bestand is leeg: er staat niets in. Verwacht: het ingevulde sjabloon of de tabellen als tekst."
)
OLD_EXCEL = (
    "Dit is een oud Excel-bestand (.xls) of een bestand met een wachtwoord. Sla het op als "
    "Excel-werkmap (.xlsx) zonder wachtwoord en probeer het opnieuw."
)
NAMED_XLSX_NOT_EXCEL = (
    "Het bestand heet .xlsx maar is geen Excel-werkmap: het is beschadigd of een ander soort "
    "bestand. Verwacht: een werkmap opgeslagen vanuit Excel (Opslaan als > Excel-werkmap)."
)
UNREADABLE_UTF16 = (
    "Het bestand begint als UTF-16-tekst maar is niet goed te lezen. Verwacht: "
    f"{ACCEPTED}; sla het bij twijfel opnieuw op als 'CSV UTF-8'."
)
NOT_DECODABLE = (
    f"Het bestand bevat geen leesbare tekst (het lijkt een ander soort bestand). Verwacht: {ACCEPTED}."
)
BINARY_TEXT = (
    "Het bestand bevat geen leesbare tekst (het lijkt een ander soort bestand, zoals een afbeelding "
    f"of pdf). Verwacht: {ACCEPTED}."
)
WINDOWS_1252 = (
    "Het bestand is niet als UTF-8 opgeslagen; de app heeft het gelezen als Windows-1252 (ANSI), "
    "zoals oudere Excel-versies opslaan. Controleer of namen met een accent (zoals ë of é) goed "
    "zijn overgekomen. Opslaan als 'CSV UTF-8' of .xlsx voorkomt dit."
)
UTF16_WITHOUT_BOM = (
    "Het bestand is UTF-16-tekst zonder de markering die dat aangeeft; de app heeft het als UTF-16 gelezen. "
    "Controleer of namen met een accent (zoals ë of é) goed zijn overgekomen. Opslaan als 'CSV UTF-8' of "
    ".xlsx voorkomt dit."
)
WORKBOOK_TOO_LARGE = (
    "De werkmap is uitgepakt veel te groot voor de tabellen van één jaar. Verwacht: alleen het "
    "ingevulde sjabloon, zonder afbeeldingen of grote extra tabbladen."
)
UNREADABLE_WORKBOOK = (
    "Het bestand is geen leesbare Excel-werkmap (.xlsx): het is beschadigd of een ander soort "
    "bestand. Verwacht: een werkmap opgeslagen vanuit Excel (Opslaan als > Excel-werkmap)."
)
EXCEL_UNAVAILABLE = (
    "Excel-bestanden kan deze installatie niet lezen (het onderdeel fastexcel ontbreekt). Lever de "
    "tabellen als tekst (.txt of .csv) of vraag de beheerder fastexcel te installeren."
)


def megabytes(size: int) -> str:
    """A size in bytes as Dutch megabytes: ``5,0 MB``."""
    return f"{fmt_dec(size / (1024 * 1024), 1)} MB"


def file_type(suffix: str) -> str:
    """A file of a type the app does not read (``suffix`` like ``'.pdf'``, or empty)."""
    shown = f"'{suffix}'" if suffix else "zonder extensie"
    return f"Een bestand van het type {shown} kan de app niet lezen. Verwacht: {ACCEPTED}."


def file_too_large(size: int, limit: int) -> str:
    """An upload of ``size`` bytes over the ``limit``."""
    return (
        f"Het bestand is {megabytes(size)}; de grens is {megabytes(limit)}. "
        "De tabellen van één jaar zijn veel kleiner: staat er iets anders in, zoals afbeeldingen of "
        "andere tabbladen? Verwacht: alleen het ingevulde sjabloon."
    )


def upload_refused(limit: int) -> str:
    """A file the upload box refused before the app saw it: larger than ``limit`` bytes."""
    return (
        f"Dit bestand is groter dan {megabytes(limit)} en is daarom niet doorgestuurd. De tabellen van één "
        "jaar zijn veel kleiner: staat er iets anders in, zoals afbeeldingen of andere tabbladen? Verwacht: "
        "alleen het ingevulde sjabloon of de tabellen als tekst. Haal het bestand weg met het kruisje en "
        "kies een ander."
    )


def upload_limit(limit: int) -> str:
    """The short limit shown in an empty upload box."""
    return f"Eén bestand, tot {megabytes(limit)}"


def csv_unreadable(line: int, delimiter: str) -> str:
    """A CSV file with a field that never ends, from ``line`` of the file on."""
    return (
        f"Het CSV-bestand is vanaf regel {line} niet te lezen: daar begint een veld dat niet "
        'ophoudt. Staat er een aanhalingsteken (") zonder afsluitend aanhalingsteken? Verwacht: velden '
        f"gescheiden door '{delimiter}', aanhalingstekens alleen in paren."
    )


# -- sheets and cells of a workbook -------------------------------------------------------


def listed(refs: Sequence[str]) -> str:
    """Cell references for a message: the first :data:`MAX_LISTED`, then how many more."""
    shown = ", ".join(refs[:MAX_LISTED])
    return shown + (f" en nog {len(refs) - MAX_LISTED}" if len(refs) > MAX_LISTED else "")


def sheets_missing(missing: Sequence[str], found: Sequence[str]) -> str:
    """Template sheets that are not in the workbook, and the sheets that are."""
    plural = len(missing) > 1
    return (
        ("De tabbladen " if plural else "Het tabblad ")
        + ", ".join(f"'{s}'" for s in missing)
        + (" ontbreken" if plural else " ontbreekt")
        + " in de werkmap. Gevonden: "
        + (", ".join(f"'{s}'" for s in found) or "geen tabbladen")
        + ". Verwacht: de tabbladen van het sjabloon met hun oorspronkelijke namen; hernoem een "
        "tabblad terug of begin met een nieuw sjabloon."
    )


def sheet_skipped(sheet: str) -> str:
    """A sheet that is not part of the template and was not read."""
    return (
        f"Tabblad '{sheet}' hoort niet bij het sjabloon en is niet gelezen. Staan daar cijfers die "
        "meetellen, zet ze dan op het juiste tabblad."
    )


def cell_outside_table(sheet: str, ref: str) -> str:
    """Something in a cell far outside the table."""
    return (
        f"Tabblad '{sheet}', cel {ref}: hier staat iets, ver buiten de tabel. Verwacht: alleen de tabel "
        "vanaf cel A1. Maak de cellen buiten de tabel leeg (Start > Wissen > Alles wissen)."
    )


def a1_empty(sheet: str, expected: str) -> str:
    """A sheet whose cell A1 (the block's name) is empty."""
    return (
        f"Tabblad '{sheet}', cel A1 is leeg. Verwacht: de naam van het blok, '{expected}', zoals in het "
        "sjabloon; de kopregel staat in rij 1 en de namen van de rijen in kolom A."
    )


def block_mismatch(sheet: str, found: str, expected: str) -> str:
    """A sheet whose cell A1 names another block than the sheet's."""
    return (
        f"Tabblad '{sheet}', cel A1: hier staat '{found[:60]}'. Verwacht: '{expected}'. Staat dit blok "
        "op het verkeerde tabblad?"
    )


def formula_without_value(sheet: str, refs: Sequence[str]) -> str:
    """Formulas whose result the file does not hold."""
    return (
        f"Tabblad '{sheet}', cel {listed(refs)}: een formule waarvan het bestand geen "
        "berekende uitkomst bewaart, dus de app kan het getal niet lezen. Verwacht: waarden, geen "
        "formules. Kopieer de cellen, kies Plakken speciaal > Waarden en sla op in Excel."
    )


def formula_in_cell(sheet: str, refs: Sequence[str]) -> str:
    """Formulas whose saved result is taken over."""
    return (
        f"Tabblad '{sheet}', cel {listed(refs)}: een formule. De app neemt de laatst "
        "berekende uitkomst over. Verwacht: de getallen zoals het dashboard ze publiceert; een zelf "
        "opgeteld totaal kan afwijken van het gepubliceerde."
    )


def error_value(sheet: str, ref: str, error: str) -> str:
    """A cell holding an error value such as ``#DIV/0!``."""
    return (
        f"Tabblad '{sheet}', cel {ref}: de foutwaarde {error[:20]}. Verwacht: een aantal, '?', '-' of "
        "een leeg vak."
    )


def merged_cells(sheet: str, ref: str) -> str:
    """A merged range (``'B3:C3'``) that hides figures."""
    return (
        f"Tabblad '{sheet}', cellen {ref}: samengevoegd. Dan staat alleen in de eerste cel iets en "
        "lijken de andere leeg. Verwacht: elk vak apart. Maak de samenvoeging ongedaan (Start > "
        "Samenvoegen en centreren) en vul elk vak in."
    )


# -- locations in the terms of the upload -------------------------------------------------

#: How the parser refers to an earlier line of the layout text.
EARLIER_LINE = re.compile(r"eerder op regel ([0-9]+)")


def earlier_row(row: int, sheet: str | None = None) -> str:
    """An earlier row of the same sheet, or (with ``sheet``) of another one."""
    return f"eerder in rij {row}" if sheet is None else f"eerder op tabblad '{sheet}', rij {row}"


def earlier_line(line: int) -> str:
    """An earlier line of the uploaded text file."""
    return f"eerder op regel {line}"


def in_sheet(message: str, sheet: str, row: int, column: str | None, column_name: str | None) -> str:
    """A message preceded by its place in a workbook (``column`` is a letter)."""
    where = f"Tabblad '{sheet}', rij {row}"
    if column is not None:
        where += f", kolom {column}" + (f" ('{column_name}')" if column_name else "")
    return f"{where}: {message}"


# -- the year and its figures -------------------------------------------------------------

NO_FIGURES = (
    "Er staat geen enkel getal, '?' of '-' in het bestand: alle vakken zijn leeg. Verwacht: de "
    "cijfers van het dashboard. Is het sjabloon wel ingevuld en opgeslagen?"
)


def year_implausible(year: int, first: int, last: int) -> str:
    """A year outside ``first``..``last``."""
    return (
        f"Het jaar {year} is niet aannemelijk. Verwacht: een jaar van {first} (het eerste "
        f"dashboard) tot en met {last}; de cijfers van een jaar zijn pas compleet als dat jaar voorbij is."
    )


def year_exists(year: int, existing: Sequence[int]) -> str:
    """A year the app already has (``existing``, sorted)."""
    return (
        f"Het jaar {year} staat al in de app (aanwezig: {', '.join(map(str, existing))}). Verwacht: een "
        f"jaar dat er nog niet in staat. Moeten de cijfers van {year} worden vervangen, vraag dat dan "
        "aan de beheerder."
    )


def years_skipped(latest: int, year: int) -> str:
    """The years between the ``latest`` the app has and the new ``year``."""
    gap = ", ".join(str(y) for y in range(latest + 1, year))
    return (
        f"Tussen {latest} en {year} ontbreekt: {gap}. Dat mag; vergelijkingen met {latest} "
        "gaan dan over meer dan één jaar."
    )


def block_shifted(name: str, empty_columns: int, column: str) -> str:
    """A block whose name stands in ``column`` after ``empty_columns`` empty ones: shifted to the right."""
    shifted = "een kolom" if empty_columns == 1 else f"{empty_columns} kolommen"
    return (
        f"het blok '{name}' staat {shifted} te ver naar rechts: de naam van het blok staat in kolom {column} en "
        "de kolom ervoor is leeg. Verwacht: elk blok begint in kolom A, met de naam van het blok. Haal de lege "
        "kolom weg (of kopieer het blok vanaf kolom A) en controleer opnieuw."
    )


def same_as_year(year: int, other: int) -> str:
    """Tables offered as ``year`` that are exactly those of ``other``."""
    return (
        f"De tabellen zijn precies dezelfde als die van {other}: elk vak heeft dezelfde waarde. Zijn dit echt de "
        f"cijfers van {year}, of is het bestand van {other} opnieuw gekozen? Controleer het jaar en het bestand."
    )


def block_without_figures(block: str) -> str:
    """A block whose cells are all empty."""
    return (
        f"In blok '{block}' zijn alle vakken leeg. Een leeg vak betekent 'geen signaal aan deze "
        "gemeente te koppelen'. Heeft het dashboard hier cijfers, vul ze dan in; weet u ze niet, "
        "typ dan '?'."
    )


_CHECK_ADVICE = (
    " Controleer of dit zo in het dashboard staat. Zo ja, dan is het goed: de app toont beide getallen "
    "en verbetert niets."
)
#: The districts that a note of :mod:`analysis.checks` names between brackets.
_BRACKETED = re.compile(r"\((.+)\)")


def lower_bound(area: str, note: str, labels: Sequence[str]) -> str:
    """A total that is a lower bound (``note`` from the consistency check), for the indicators ``labels``."""
    applies = f" Dit geldt voor: {join_words(labels)}."
    districts = _BRACKETED.search(note)
    if area == UNIT and districts:
        return (
            f"{UNIT}: het eenheidstotaal telt districtstotalen mee waarin een '?' zit "
            f"({districts.group(1)}); het is daarom een ondergrens.{applies}"
        )
    return f"{area}: {note}{applies}"


def check_differs(
    kind: str, subject: str, a: int | None, b: int | None, difference: int | None, parts: str
) -> str:
    """A consistency check of ``kind`` (see :mod:`analysis.checks`) that does not hold.

    ``a`` is the published figure, ``b`` what it is compared with, ``parts`` the check's
    description of ``b``.
    """
    first = fmt_int(a, missing="geen getal")
    second = fmt_int(b, missing="geen getal")
    diff = "" if difference is None else f" (verschil {signed(difference)})"
    if kind == KIND_DISTRICT_SUM:
        said = f"het districtstotaal is {first}, de gemeenten en Overig tellen op tot {second}"
    elif kind == KIND_UNIT_SUM:
        said = f"het eenheidstotaal is {first}, de vijf districten tellen op tot {second}"
    elif kind == KIND_BREAKDOWN:
        shown = parts.removeprefix("som: ").removeprefix("som ")
        said = f"het totaal is {first}, de uitsplitsing ({shown}) telt op tot {second}"
    elif kind == KIND_TEXT:
        said = f"de toelichting noemt {first}, de tabel {second}"
    else:
        raise ValueError(f"no wording for checks of kind {kind!r}")
    return f"{subject}: {said}{diff}.{_CHECK_ADVICE}"


# -- comparing years ----------------------------------------------------------------------


def comparison_note(unreported: Sequence[tuple[int, str | None]], bound_years: Sequence[int]) -> str:
    """Why a compared row has no difference, and in which years its total is a lower bound.

    ``unreported`` holds (year, status) for each year without a reported count; status
    ``None`` means the row is absent that year.
    """
    parts = [
        f"niet in {year}" if status is None else f"{year}: {STATUS_LABELS[status]}"
        for year, status in unreported
    ]
    if bound_years:
        parts.append(
            f"ondergrens in {join_words(str(y) for y in bound_years)} (een deel gaf geen opgave: '?')"
        )
    return "; ".join(parts)


def municipalities_changed(
    district: str, gone: list[str], added: list[str], old_year: int, new_year: int
) -> str:
    """A district that names other municipalities than the year before (a merger or a renaming?)."""
    return (
        f"District {district}: in {old_year} stond {join_words(gone)} apart, in {new_year} niet meer; "
        f"nieuw apart in {new_year}: {join_words(added)}. Is dit een samenvoeging of naamswijziging, of "
        f"noemt het dashboard andere gemeenten? De cijfers van deze gemeenten en van {_other(district)} zijn "
        f"daardoor niet zonder meer te vergelijken met {old_year}; het districtstotaal wel."
    )


def municipalities_gone(district: str, gone: list[str], old_year: int, new_year: int) -> str:
    """Municipalities no longer named apart."""
    other = _other(district)
    return (
        f"District {district}: {join_words(gone)} stond in {old_year} apart, in {new_year} niet meer. "
        f"Die cijfers tellen in {new_year} vermoedelijk mee in {other}, dat daardoor niet te "
        f"vergelijken is met {old_year}. Is de gemeente samengevoegd, zet haar dan onder de nieuwe "
        "naam in de kopregel."
    )


def municipalities_added(district: str, added: list[str], old_year: int, new_year: int) -> str:
    """Municipalities newly named apart."""
    other = _other(district)
    return (
        f"District {district}: {join_words(added)} staat in {new_year} apart, in {old_year} niet. In "
        f"{old_year} telde die gemeente mee in {other}; {other} is daardoor niet te vergelijken "
        f"met {old_year}."
    )


def municipality_moved(
    municipality: str, old_district: str, district: str, old_year: int, new_year: int
) -> str:
    """A municipality that moved to another district."""
    return (
        f"{municipality} stond in {old_year} in district {old_district}, in {new_year} in {district}. De "
        "districtstotalen van beide districten zijn daardoor niet zonder meer te vergelijken."
    )


def _other(district: str) -> str:
    return f"'Overig {district}'"
