"""The Dutch words of the page *Data en kwaliteit*: status names, headings, notes, answer and prompts.

Nothing here computes a figure: every function takes counts and rows that
:mod:`analysis.blocks.published`, :mod:`analysis.blocks.quality` and
:mod:`analysis.blocks.population` worked out and writes them the Dutch way, so a change
of wording never touches a calculation.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.dutch import count_noun, fmt_int, fmt_pct, join_words, lower_first
from analysis.geography import UNIT
from analysis.indicators import label
from analysis.parser import EMPTY, NOT_APPLICABLE, NOT_REPORTED, REPORTED, STATUS_MARK

#: One row of a frame, as ``DataFrame.iter_rows(named=True)`` gives it.
Row = Mapping[str, Any]

#: How each status is written in a displayed cell: the number itself, or a visible mark.
STATUS_TEXT: dict[str, str] = {status: mark for status, mark in STATUS_MARK.items() if mark}

#: Short Dutch names of the statuses, used in filters and tables (and safe in a link).
STATUS_NAMES: dict[str, str] = {
    REPORTED: "gerapporteerd",
    EMPTY: "leeg",
    NOT_REPORTED: "niet gerapporteerd",
    NOT_APPLICABLE: "niet van toepassing",
}


@dataclass(frozen=True)
class StatusExplanation:
    """One status as the legend explains it: its code, how it looks, a title and the meaning."""

    status: str
    mark: str
    title: str
    meaning: str


#: The legend of the four statuses, in the app's own words.
STATUS_LEGEND: tuple[StatusExplanation, ...] = (
    StatusExplanation(
        REPORTED,
        "een getal",
        "Getal: gerapporteerd",
        "Het aantal zoals het dashboard het noemt. Ook 0 is een echte opgave: er is geteld en er was niets.",
    ),
    StatusExplanation(
        EMPTY,
        "leeg",
        "Leeg vak",
        "Er kon geen signaal aan deze gemeente worden gekoppeld, meestal omdat de plaats van uitbuiting "
        "niet vast te stellen was. Zulke signalen zitten in 'Overig' of in het totaal. Een leeg vak is "
        "dus niet 0.",
    ),
    StatusExplanation(
        NOT_REPORTED,
        "?",
        "?: niet gerapporteerd",
        "De gemeente heeft geen opgave gedaan. Het echte aantal is onbekend; elk totaal waarin zo'n vak "
        "zit is een ondergrens ('minstens').",
    ),
    StatusExplanation(
        NOT_APPLICABLE,
        "-",
        "-: niet van toepassing",
        "Het dashboard vindt dit cijfer hier niet van toepassing. Ook dit is geen 0.",
    ),
)

#: Column headings of the wide blocks (the dashboard's own 'Overig' and 'Totaal' among them).
INDICATOR = "Indicator"
SECTION = "Sectie"
OTHER = "Overig"
TOTAL = "Totaal"
DISTRICT = "District"
BELONGS_TO = "Hoort bij"
CASUSTAFEL_MEETINGS = "Vergaderingen casustafel"
CASUSTAFEL_PRINTED = "Casussen (casustafel of RIEC), zoals gedrukt"
CASUSTAFEL_SUMMED = "Casussen, opgeteld"
BREAKDOWN_COLUMNS = ("Uitsplitsing", "Delen", "Som van de delen", "Met 'Onbekend' erbij", "Totaal")
B8_COLUMNS = ("Regel", "District", "Aantal")
B8_TOTAL_ROW = "Totaal per eenheid (B8-aangiftes)"
B8_SUM_ROW = "Som over de AZC-locaties"

#: Titles of the blocks that are not a district.
UNIT_BLOCK = "Totaal eenheid"
CASUSTAFEL_BLOCK = "Casustafels"
COMENSHA_BLOCK = "CoMensHa"
B8_BLOCK = "B8 en AZC's"

#: Who gave the awareness presentations, by indicator.
AWARENESS_BY: dict[str, str] = {"bewustwording_om": "OM", "bewustwording_politie": "politie"}

#: Headings of the consistency checks on screen, by column of the checks table.
CHECK_COLUMNS: dict[str, str] = {
    "uitkomst": "Uitkomst",
    "onderwerp": "Onderwerp",
    "waarde_a": "Getal A",
    "waarde_b": "Getal B",
    "verschil": "Verschil",
    "omschrijving_a": "Wat is A",
    "omschrijving_b": "Wat is B",
    "toelichting": "Toelichting",
    "soort": "Soort",
    "gebied": "Gebied",
}


def dashboard_source(year: int) -> str:
    """The source line under a chart of this page: the published dashboard of ``year``."""
    return f"Dashboard mensenhandel Oost-Nederland {year}"


def cell_text(value: int | None, status: str) -> str:
    """Write one cell as the dashboard shows it: ``29.764``, ``leeg``, ``?`` or ``-``."""
    if status == REPORTED:
        return fmt_int(value)
    return STATUS_TEXT[status]


def place(district: str) -> str:
    """The name of the selection in a sentence: the district, or ``Oost-Nederland`` for the unit."""
    return "Oost-Nederland" if district == UNIT else district


def azc_row(location: str) -> str:
    """The row label of one AZC location in the B8 block."""
    return f"AZC {location}"


def missing_label(cells: int, status: str) -> str:
    """A chart label for cells without a number: ``12 × ?``."""
    return f"{fmt_int(cells)} × {STATUS_TEXT[status]}"


# -- the answer and the title ------------------------------------------------


def counts_phrase(counts: Mapping[str, int]) -> str:
    """The cells per status in words: ``1.234 gerapporteerd, 3 lege vakken, 12 keer '?' en 1 keer '-'``."""
    return (
        f"{fmt_int(counts[REPORTED])} gerapporteerd, {count_noun(counts[EMPTY], 'leeg vak', 'lege vakken')}, "
        f"{fmt_int(counts[NOT_REPORTED])} keer '?' en {fmt_int(counts[NOT_APPLICABLE])} keer '-'"
    )


def answer_text(figures: int, year: int, counts: Mapping[str, int], held: int, checked: int) -> str:
    """The page's answer: the figures of ``year`` by status, and how many of the checks hold."""
    return (
        f"De tabel telt {fmt_int(figures)} cijfers over {year}: {counts_phrase(counts)}; "
        f"{fmt_int(held)} van {fmt_int(checked)} controles kloppen."
    )


def district_text(district: str, figures: int, counts: Mapping[str, int]) -> str:
    """The answer's count for one district."""
    return f"In {district} gaat het om {fmt_int(figures)} cijfers: {counts_phrase(counts)}."


def missing_title_text(unknown: int, districts: Sequence[str]) -> str:
    """The title of the missing-cells chart: how many '?' there are and in which ``districts``."""
    if not districts:
        return "Waar de tabel geen getal heeft: geen enkele '?'"
    return f"Waar de tabel geen getal heeft: de {fmt_int(unknown)} keer '?' zitten in {join_words(districts)}"


# -- discussion prompts ------------------------------------------------------


def prompt_all_reported(where: str) -> str:
    """The prompt when no municipality anywhere left its figures out."""
    return (
        f"In {where} gaf elke gemeente een opgave van de bestuurlijke opvolging. Hoe houden we "
        "dat volgend jaar zo?"
    )


def prompt_reported_here(where: str, elsewhere: int, names: Sequence[str]) -> str:
    """The prompt when ``where`` is complete but ``elsewhere`` cells elsewhere have '?'."""
    return (
        f"In {where} gaf elke gemeente een opgave van de bestuurlijke opvolging; elders staat "
        f"{fmt_int(elsewhere)} keer '?' ({join_words(names)}). Wat kunnen andere districten leren van "
        f"hoe {where} de opgave verzamelt?"
    )


def prompt_unknown(
    names: Sequence[str], indicators: int, cells: int, year: int, where: str, biggest: Row | None
) -> str:
    """The prompt on the municipalities that gave no figures ('?').

    ``biggest`` is the largest published total of ``where`` that the '?' make a lower bound.
    """
    total_text = ""
    if biggest is not None:
        total_text = (
            f" Het totaal van {where} aan {lower_first(label(biggest['indicator']))} is daardoor "
            f"minstens {fmt_int(biggest['waarde'])}, niet precies {fmt_int(biggest['waarde'])}."
        )
    verb = "gaven" if len(names) > 1 else "gaf"
    return (
        f"{join_words(names)} {verb} voor {count_noun(indicators, 'indicator', 'indicatoren')} geen opgave "
        f"('?', {fmt_int(cells)} vakken).{total_text} Wat deden deze gemeenten in "
        f"{year} wel, en wat is nodig om de opgave volgend jaar compleet te krijgen?"
    )


def prompt_text_differs(differs: Sequence[Row]) -> str:
    """The prompt on figures in the dashboard's text that differ from its tables."""
    text = join_words(f"{fmt_int(r['waarde_a'])} {lower_first(label(r['indicator']))}" for r in differs)
    table = join_words(fmt_int(r["waarde_b"]) for r in differs)
    plural = len(differs) > 1
    return (
        f"De toelichting van het dashboard noemt {text}, de {'tabellen' if plural else 'tabel'} "
        f"{table}. Welk getal is juist, en wie past {'de andere' if plural else 'het andere'} aan?"
    )


def prompt_sum_differs(row: Row) -> str:
    """The prompt on a published total that differs from the sum of its parts."""
    return (
        f"Het gepubliceerde totaal aan {lower_first(label(row['indicator']))} voor {row['gebied']} is "
        f"{fmt_int(row['waarde_a'])}, de delen tellen op tot {fmt_int(row['waarde_b'])}. Een tikfout of een "
        "bewuste correctie: wie stelt de totalen vast, en hoe controleren we ze voor publicatie?"
    )


def prompt_empty(indicator: str, names: Sequence[str]) -> str:
    """The prompt on the empty cells of one indicator."""
    return (
        f"Bij {lower_first(label(indicator))} is het vak leeg voor {join_words(names)}: daar kon geen "
        "signaal aan de gemeente worden gekoppeld. Speelt er daar niets, of wordt de plaats van uitbuiting "
        "niet vastgelegd en telt het signaal mee in 'Overig'?"
    )


def prompt_dash(row: Row, district_total: int | None) -> str:
    """The prompt on a '-' (not applicable), with its district's total when that is reported."""
    total_text = ""
    if district_total is not None:
        total_text = f", terwijl het totaal van {row['district']} {fmt_int(district_total)} is"
    return (
        f"Bij {lower_first(label(row['indicator']))} staat voor {row['gebied']} een '-' (niet van "
        f"toepassing){total_text}. Wat betekent 'niet van toepassing' hier: had er 0 of '?' moeten staan?"
    )


# -- notes under the published blocks ----------------------------------------


def district_block_note(district: str, marks: Mapping[str, int]) -> str:
    """The note under a district block: its columns, and how many cells have no number."""
    missing = [
        f"{fmt_int(marks[s])} keer '{STATUS_TEXT[s]}'"
        for s in (EMPTY, NOT_REPORTED, NOT_APPLICABLE)
        if marks[s]
    ]
    return (
        f"Gemeenten die het dashboard apart noemt, dan 'Overig' (de rest van {district}) en het totaal. "
        + (f"Zonder getal: {join_words(missing)}." if missing else "Elk vak heeft een getal.")
        + (
            " Een totaal in een rij met '?' is een ondergrens: minstens het getal dat er staat."
            if marks[NOT_REPORTED]
            else ""
        )
    )


def unit_block_note(awareness: Sequence[Row]) -> str:
    """The note under the unit's block, with the awareness presentations (rows of the tidy table)."""
    given = ", ".join(
        f"{AWARENESS_BY[r['indicator']]} {cell_text(r['waarde'], r['status'])}" for r in awareness
    )
    return "De totalen van de hele eenheid zoals gedrukt, niet opnieuw opgeteld" + (
        f", met de bewustwordingspresentaties ({given})." if given else "."
    )


CASUSTAFEL_NOTE = (
    "Een cel als '17+3' noemt twee aantallen; de kolomkop doet vermoeden: eerst de casustafel, dan "
    "het RIEC. De app rekent met de som en bewaart beide delen."
)


def breakdown_parts(values: Sequence[int | None]) -> str:
    """The parts of a CoMensHa breakdown as a sum: ``12 + 30``."""
    return " + ".join(fmt_int(v) for v in values)


def breakdown_row(
    name: str, values: Sequence[int | None], summed: int, unknown: int, total: int
) -> dict[str, str]:
    """One row of the CoMensHa breakdowns table (headings :data:`BREAKDOWN_COLUMNS`)."""
    cells = (name, breakdown_parts(values), fmt_int(summed), fmt_int(summed + unknown), fmt_int(total))
    return dict(zip(BREAKDOWN_COLUMNS, cells, strict=True))


def comensha_no_unknown() -> str:
    """The CoMensHa note when the year names no 'Onbekend'."""
    return "CoMensHa noemt dit jaar geen aantal 'Onbekend'."


def comensha_ambiguous(unknown: int) -> str:
    """The CoMensHa note when 'Onbekend' fits no single breakdown."""
    return (
        f"'Onbekend' ({fmt_int(unknown)}) is niet eenduidig aan één uitsplitsing toe te wijzen; "
        "de app toont het getal zoals gedrukt."
    )


def comensha_explained(
    complete: Sequence[tuple[str, Sequence[int | None]]],
    needs_unknown: tuple[str, Sequence[int | None]],
    unknown: int,
    total: int,
) -> str:
    """Why 'Onbekend' is nationality: the ``complete`` breakdowns reach ``total`` without it, one needs it."""
    whole = join_words(f"{name} ({breakdown_parts(values)})" for name, values in complete)
    name, values = needs_unknown
    return (
        f"Het dashboard zet 'Onbekend' ({fmt_int(unknown)}) tussen leeftijd en geslacht. Maar "
        f"{whole} {'komen' if len(complete) > 1 else 'komt'} zonder 'Onbekend' al uit op "
        f"{fmt_int(total)}; alleen {name} ({breakdown_parts(values)} + {fmt_int(unknown)}) komt pas mét "
        f"'Onbekend' op {fmt_int(total)}. Daarom leest de app 'Onbekend' als nationaliteit onbekend."
    )


def b8_missing() -> str:
    """The B8 note when the year names no B8 declarations."""
    return "Dit jaar noemt het dashboard geen B8-aangiftes."


def b8_text(locations: int, summed: int, total: int, text_figure: float | None) -> str:
    """Whether the AZC locations add up to the B8 total; ``text_figure`` when the text differs."""
    same = "gelijk aan" if summed == total else "niet gelijk aan"
    sentence = (
        f"De {fmt_int(locations)} AZC-locaties tellen op tot {fmt_int(summed)}, {same} het totaal van "
        f"{fmt_int(total)} B8-aangiftes; daarom leest de app ze als de verdeling van die aangiftes."
    )
    if text_figure is not None:
        sentence += f" De toelichting noemt {fmt_int(text_figure)}; de app toont beide."
    return sentence


# -- population ----------------------------------------------------------------

NETHERLANDS = "Nederland"
AREA = "Gebied"
MUNICIPALITIES = "Gemeenten"
MUNICIPALITY_COLUMNS: dict[str, str] = {
    "gemeente": "Gemeente",
    "gemeentecode": "CBS-code",
    "provincie": "Provincie",
    "district": "District",
}


def inhabitants_heading(year: int | str) -> str:
    """The heading of a population column: ``Inwoners 1 januari 2022``."""
    return f"Inwoners 1 januari {year}"


def share_heading(year: int) -> str:
    """The heading of the share-of-the-Netherlands column."""
    return f"Aandeel van Nederland {year}"


def population_text(year: int, municipalities: int, inhabitants: int, national: int | None) -> str:
    """One sentence on the unit's size: inhabitants, municipalities and share of the Netherlands."""
    share = f", {fmt_pct(inhabitants / national)} van Nederland ({fmt_int(national)})" if national else ""
    return (
        f"Op 1 januari {year} woonden in de {fmt_int(municipalities)} gemeenten van Oost-Nederland "
        f"{fmt_int(inhabitants)} mensen{share}."
    )
