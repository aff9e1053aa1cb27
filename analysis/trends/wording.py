"""The Dutch words of the trend view: labels, notes, phrases and titles, as functions of figures and years.

Nothing here counts or compares: the functions that compute (:mod:`.base_years`,
:mod:`.series`) call these for every text they put in a table, and the page and its
charts take their titles and captions from here with the years of the loaded data, so
that a change of wording never touches a function that computes.
"""

import math
from collections.abc import Sequence

from analysis.dutch import fmt_dec, fmt_int, fmt_pct, join_words
from analysis.geography import UNIT
from analysis.indicators import SOURCE_DASHBOARD
from analysis.parser import EMPTY, NOT_APPLICABLE, NOT_REPORTED, REPORTED
from analysis.trends.sources import BASE_YEAR, TEXT_YEAR

# -- categories shown on screen ---------------------------------------------------------

KIND_COUNT = "aantal in beide jaren"
KIND_STATEMENT = f"uitspraak zonder aantal voor {BASE_YEAR}"

#: The topic of the trend view that follows the figures the text compares with 2019.
KEY_FIGURES = "Kerncijfers"

#: Where a figure of a loaded year comes from: that year's tables, or a dashboard's text.
SOURCE_TABLE = "tabel"
SOURCE_TEXT = "toelichting"
#: Status of an indicator that a year's tables do not have at all.
ABSENT = "ontbreekt"

#: The rate ratio against chance, from its exact interval (:func:`analysis.trends.base_years.judgement`).
JUDGEMENT_NONE = "niet te beoordelen"
JUDGEMENT_FALL = "daling groter dan toeval"
JUDGEMENT_RISE = "stijging groter dan toeval"
JUDGEMENT_CHANCE = "past binnen toeval"

#: A ratio row whose figure is the same in the text and the table.
BOTH_SOURCES = "tekst en tabel"
TEXT_SOURCE = "tekst"
TABLE_SOURCE = "tabel"

TREND_SOURCE = (
    f"{SOURCE_DASHBOARD}: toelichting (cijfers {BASE_YEAR} en uitspraken over de ontwikkeling) en tabellen"
)
YEARS_SOURCE = (
    f"Dashboard mensenhandel Oost-Nederland: tabellen van elk geladen jaar; {BASE_YEAR} uit de toelichting bij "
    f"het dashboard {TEXT_YEAR}"
)

#: Words for how the text qualifies a figure (``benadering`` in context.csv).
APPROXIMATION_WORDS: dict[str, str] = {
    "exact": "",
    "ongeveer": "ongeveer ",
    "bijna": "bijna ",
    "meer_dan": "ruim ",
}

MISSING_WORDS: dict[str, str] = {
    EMPTY: "leeg (geen getal)",
    NOT_REPORTED: "? (geen opgave)",
    NOT_APPLICABLE: "- (niet van toepassing)",
}

# -- figures --------------------------------------------------------------------------------


def signed_pct(change: float | None, digits: int = 1, approximation: str = "exact") -> str:
    """A relative change in Dutch with its sign and qualifier: ``−7,4%``, ``bijna +30%``, ``ongeveer 0%``."""
    if change is None:
        return "–"
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return f"{APPROXIMATION_WORDS.get(approximation, '')}{sign}{fmt_pct(abs(change), digits)}"


def approximate_pct(change: float, approximation: str) -> str:
    """The size of a change as the text words it, without sign: ``bijna 30%``, ``ongeveer 25%``."""
    return f"{APPROXIMATION_WORDS.get(approximation, '')}{fmt_pct(abs(change), 0)}"


def margin_text(ratio: float | None, low: float | None, high: float | None) -> str:
    """A rate ratio against the base year with its margin: ``0,93 (marge 0,76–1,13)``."""
    return f"{fmt_dec(ratio, 2)} (marge {fmt_dec(low, 2)}–{fmt_dec(high, 2)})"


def ratio_text(ratio: float | None, low: float | None, high: float | None) -> str:
    """A rate ratio with its margin in Dutch: ``1,40 (marge 0,82–2,42)``; an open upper end is 'onbegrensd'."""
    if low is None or high is None:
        return "niet te berekenen"
    top = "onbegrensd" if math.isinf(high) else fmt_dec(high, 2)
    if ratio is None:
        return f"niet te berekenen (vorig jaar 0; marge {fmt_dec(low, 2)}–{top})"
    return f"{fmt_dec(ratio, 2)} (marge {fmt_dec(low, 2)}–{top})"


def ratio_phrase(ratio: float | None, low: float | None, high: float | None) -> str:
    """``verhouding 1,40, marge 0,81–2,44`` for use inside a sentence."""
    if ratio is None or low is None or high is None:
        return "verhouding niet te berekenen"
    top = "onbegrensd" if math.isinf(high) else fmt_dec(high, 2)
    return f"verhouding {fmt_dec(ratio, 2)}, marge {fmt_dec(low, 2)}–{top}"


def value_text(value: int | None, status: str, lower_bound: bool, year: int) -> str:
    """A year's value in Dutch: ``188``, ``minstens 25``, ``? (geen opgave)``, ``niet in 2023``."""
    if status == REPORTED:
        return ("minstens " if lower_bound else "") + fmt_int(value)
    if status == ABSENT:
        return f"niet in {year}"
    return MISSING_WORDS.get(status, status)


def status_text(value: int | None, status: str | None, year: int) -> str:
    """A value of the intake comparison: the count, why there is none, or ``niet in 2023``."""
    if status is None:
        return f"niet in {year}"
    if status == REPORTED:
        return fmt_int(value)
    return MISSING_WORDS.get(status, status)


# -- notes in the comparison with the base year -----------------------------------------------


def trend_notes(
    note: str,
    *,
    text_value: int | None,
    table_value: int | None,
    counted_and_differs: bool,
    stated: str | None,
    steady: bool,
) -> str:
    """The remark on one row of the comparison with 2019: the declared note, then what text and table say."""
    notes = [note] if note else []
    if counted_and_differs:
        notes.append(
            f"De tekst noemt voor {TEXT_YEAR} {fmt_int(text_value)}, de tabel {fmt_int(table_value)}; "
            "beide worden getoond."
        )
    if stated is not None:
        notes.append(f"Vindplaats: {stated}.")
    if steady and table_value is not None:
        notes.append(f"De tabel {TEXT_YEAR} noemt {fmt_int(table_value)}.")
    return " ".join(notes)


def change_text(
    change: float | None, change_table: float | None, *, counted: bool, differs: bool, approximation: str
) -> str:
    """The change since 2019 as shown: both sources where they differ, 'ongeveer gelijk' for a steady statement."""
    if change_table is not None and differs:
        return f"{signed_pct(change)} (tekst), {signed_pct(change_table)} (tabel)"
    if not counted and change == 0:
        return "ongeveer gelijk"
    return signed_pct(change, 1 if counted else 0, approximation)


def ratio_row_label(label: str, source: str, now: int | None, base: int | None, differs: bool) -> str:
    """``Signalen: 188 t.o.v. 203`` or ``B8-aangiftes, tabel 2022: 13 t.o.v. 126``."""
    suffix = f", {source} {TEXT_YEAR}" if differs else ""
    return f"{label}{suffix}: {fmt_int(now)} t.o.v. {fmt_int(base)}"


# -- notes on every loaded year -----------------------------------------------------------------

LOWER_BOUND_NOTE = "Ondergrens: een deel gaf geen opgave ('?')."
#: The note on a figure that only the whole unit has (also how a step recognises one).
UNIT_ONLY_NOTE = f"alleen voor heel {UNIT} bekend, niet per district"


def unit_only_label(name: str) -> str:
    """An indicator's name when the figure shown is the unit's, not the chosen district's."""
    return f"{name} (heel {UNIT})"


def district_sum_note(unknown: Sequence[str]) -> str:
    """The note on a unit total made from its districts, naming those without a figure."""
    note = "som van de districten"
    if unknown:
        note += f" ({', '.join(unknown)}: geen opgave, niet meegeteld)"
    return note


def base_figure_note() -> str:
    """The note on a 2019 figure: where it comes from."""
    return f"Uit de toelichting bij het dashboard {TEXT_YEAR}; de tabellen van {BASE_YEAR} zitten niet in de app."


def text_figure_note(text_value: int | None, table_value: int | None) -> str:
    """The note on a text figure beside the table's: both are shown."""
    return (
        f"De toelichting noemt {fmt_int(text_value)}, de tabel {fmt_int(table_value)}; beide worden getoond."
    )


def step_notes(
    *,
    missing: Sequence[tuple[int, str]],
    source_note: str | None,
    lower_bounds: Sequence[int],
    skipped: Sequence[int],
    unit_only: bool,
) -> str:
    """The remark on one step: why there is no comparison, a changed source, lower bounds, skipped years."""
    notes = []
    if missing:
        notes.append("Geen vergelijking: " + "; ".join(f"{year}: {text}" for year, text in missing) + ".")
    if source_note is not None:
        notes.append(source_note)
    if lower_bounds:
        notes.append(
            f"Ondergrens in {join_words(str(y) for y in lower_bounds)}: een deel gaf geen opgave ('?')."
        )
    if skipped:
        notes.append(f"Geen tabellen van {', '.join(str(y) for y in skipped)}.")
    if unit_only:
        notes.append(f"Alleen voor heel {UNIT} bekend.")
    return " ".join(notes)


def step_row_label(label: str, before: int, after: int, text_before: str, text_after: str) -> str:
    """``Signalen mensenhandel 2022 → 2023: 25 → 35``."""
    return f"{label} {before} → {after}: {text_before} → {text_after}"


def area_phrase(area: str) -> str:
    """``in heel Oost-Nederland`` or ``in Twente``."""
    return f"in heel {UNIT}" if area == UNIT else f"in {area}"


# -- what to keep in mind ---------------------------------------------------------------------


def trend_caveats(differing: Sequence[tuple[str, int | None, int | None]]) -> list[str]:
    """What to keep in mind when comparing with 2019.

    ``differing`` names each figure whose text and table disagree: (noun, text figure,
    table figure). Without one, the caveat about two figures is left out.
    """
    between = join_words(str(year) for year in range(BASE_YEAR + 1, TEXT_YEAR))
    pairs = ", ".join(f"{noun} {fmt_int(text)} of {fmt_int(table)}" for noun, text, table in differing)
    two_figures = (
        f"Waar de toelichting een ander getal voor {TEXT_YEAR} noemt dan de tabel ({pairs}), tonen we beide. "
        f"Welke telling met {BASE_YEAR} overeenkomt, staat er niet bij."
    )
    return [
        f"Van {BASE_YEAR} kent deze app alleen wat de toelichting van {TEXT_YEAR} erover zegt; de tabellen van "
        f"{BASE_YEAR} zitten er niet in. Per district of gemeente is daarom niets te vergelijken.",
        *([two_figures] if differing else []),
        f"Twee jaren zijn geen trend. Wat er in {between} gebeurde (bijvoorbeeld door corona) is niet zichtbaar.",
        "Uitspraken als 'bijna 30%' of 'met een kwart' zijn afgeronde woorden uit de tekst, geen exacte aantallen; "
        "de stippellijnen tonen ze bij benadering.",
        "De marge bij een verhouding gaat alleen over toeval in de aantallen, niet over veranderde definities of "
        "registratiegewoonten.",
    ]


#: What to keep in mind when comparing loaded years, in the app's own words.
YEARS_CAVEATS: tuple[str, ...] = (
    "Een verschil tussen twee jaren kan toeval zijn, zeker bij kleine aantallen; de marge bij de verhouding "
    "laat zien hoe groot dat toeval kan zijn. Een marge die 1 omvat betekent: niet te onderscheiden van "
    "gelijk gebleven.",
    "Een jaar dat in deze sessie is toegevoegd, is niet door een beheerder nagekeken. Kijk bij twijfel op de "
    "pagina 'Nieuw jaar toevoegen' naar de controles.",
    "Als een gemeente in een jaar niet meer apart staat (samenvoeging, andere keuze), zijn de cijfers per "
    "gemeente en 'Overig' niet te vergelijken; de district- en eenheidstotalen wel.",
)


# -- titles and captions of the page and its charts, with the years of the data -------------------


def since_heading(year: int) -> str:
    """The heading over the comparison with the base year: ``2019 tegenover 2022, volgens de toelichting``."""
    return f"{BASE_YEAR} tegenover {year}, volgens de toelichting"


def ratio_caption(year: int) -> str:
    """The caption under the rate ratios against the base year."""
    return (
        f"Verhouding = aantal {year} / aantal {BASE_YEAR}, met marge. Omvat de marge 1, dan is de verandering "
        "niet te onderscheiden van toeval."
    )


def slope_title() -> str:
    """The title of the chart of every figure known for the base year."""
    return f"Wat is er sinds {BASE_YEAR} veranderd?"


def slope_subtitle(year: int) -> list[str]:
    """The lines under :func:`slope_title`, for the tables of ``year``."""
    return [
        f"Index: {BASE_YEAR} = 100. Stip: het getal uit de toelichting; open ruit: de tabel {year} waar die "
        "afwijkt.",
        f"Stippellijn: alleen een uitspraak in de tekst, geen aantal voor {BASE_YEAR}.",
    ]


def index_axis_title() -> str:
    """The axis of the slope chart: ``Index (2019 = 100)``."""
    return f"Index ({BASE_YEAR} = 100)"


def ratio_title(year: int) -> str:
    """The title of the chart of rate ratios against the base year."""
    return f"Groter dan toeval? Aantal {year} gedeeld door aantal {BASE_YEAR}"


def ratio_axis_title(year: int) -> str:
    """The axis of the rate ratios against the base year (its log scale is explained under "Hoe berekend?")."""
    return f"Aantal {year} gedeeld door aantal {BASE_YEAR} (1 = gelijk)"


def ratio_legend_title(year: int) -> str:
    """The legend of the rate ratios: which source gave the figure of ``year``."""
    return f"Getal {year} uit"


def text_point_label(text_year: int) -> str:
    """The legend entry of a figure from a dashboard's text: ``toelichting dashboard 2022``."""
    return f"toelichting dashboard {text_year}"


def years_subtitle(area: str, text_year: int) -> list[str]:
    """The lines under the chart of every loaded year."""
    return [
        f"{area}. Cirkel: de tabel van dat jaar; ruit: een getal uit de toelichting bij het dashboard {text_year}.",
        "Stippellijn: jaren ertussen zonder tabellen, of een andere bron. Grijs teken: geen aantal "
        "('?', 'leeg', '-', × = niet in de tabellen van dat jaar), geen 0.",
    ]


def no_previous_year_caption(year: int, page_label: str) -> str:
    """The caption of a question page without an earlier year to compare ``year`` with."""
    return (
        f"Er is geen eerder jaar met tabellen geladen om {year} mee te vergelijken. Van {BASE_YEAR} zijn alleen "
        f"enkele cijfers uit de toelichting bekend: zie de pagina '{page_label}'."
    )


def step_ratio_caption(year: int, previous: int) -> str:
    """The caption under the comparison of ``year`` with ``previous`` on a question page."""
    return (
        f"Verhouding = aantal per inwoner in {year} / in {previous}, met marge. Een marge die 1 omvat: niet te "
        "onderscheiden van gelijk gebleven. 'minstens' = een deel gaf geen opgave ('?')."
    )
