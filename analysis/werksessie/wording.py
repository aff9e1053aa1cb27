"""The Dutch wording of a werksessie: notices, refusals, the figures' questions and the round sentences.

Nothing here computes: the functions take the numbers the other modules of
:mod:`analysis.werksessie` computed and put them into words, so a change of wording stays
within this file. The report exports have their own headings in
:mod:`analysis.werksessie.report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis.dutch import fmt_dec, fmt_int, fmt_pct, join_words
from analysis.geography import UNIT
from analysis.indicators import SOURCE_DASHBOARD
from analysis.werksessie.session import RATE_LIMIT_POSTS, RATE_LIMIT_WINDOW_S, FigureUnit, NoteKind

if TYPE_CHECKING:
    from analysis.ratios import Ratio
    from analysis.werksessie.estimates import EstimateStats
    from analysis.werksessie.figures import Figure

# ---------------------------------------------------------------------------
# Notices and refusals
# ---------------------------------------------------------------------------

PRIVACY_NOTICE = (
    "Deel hier geen persoonsgegevens en geen casusdetails: geen namen, geboortedata, BSN's, "
    "telefoonnummers, e-mailadressen of details waarmee iemand te herkennen is. Je bijdrage is anoniem; "
    "alleen het type organisatie dat je zelf kiest wordt getoond."
)

RATE_LIMIT_MESSAGE = (
    f"Je hebt in korte tijd al {RATE_LIMIT_POSTS} bijdragen geplaatst. Wacht even "
    f"(maximaal {int(RATE_LIMIT_WINDOW_S)} seconden) en probeer het dan opnieuw; je tekst blijft staan."
)

#: What a text check calls the text when the caller names nothing else.
YOUR_TEXT = "Je tekst"

#: What in a text looks like personal data, as phrases for the refusal.
REASON_EMAIL = "een e-mailadres"
REASON_PHONE = "een telefoonnummer"
REASON_BSN = "een nummer dat op een BSN lijkt"
REASON_NAME_AND_DATE = "een naam met een (geboorte)datum"
REASON_IBAN = "een rekeningnummer (IBAN)"
REASON_ADDRESS = "een postcode met huisnummer"
REASON_PLATE = "een kenteken"


def names_confirmation_message(what: str, names: Sequence[str]) -> str:
    """The warning for a text that may name a person: the writer must confirm before it is placed."""
    quoted = join_words([f"'{name}'" for name in names])
    return (
        f"{what} noemt misschien een persoon: {quoted}. Namen van slachtoffers, verdachten of "
        "hulpverleners horen hier niet. Is het een organisatie, plaats of iets anders, vink dan aan dat het "
        "geen naam van een persoon is; anders: pas de tekst aan."
    )


#: The label of the box the writer ticks to confirm that a text names no person.
NAMES_CONFIRM_LABEL = "Dit is geen naam van een persoon"


def empty_message(what: str) -> str:
    """The refusal of an empty text."""
    return f"{what} is leeg."


def too_long_message(what: str, length: int, max_chars: int) -> str:
    """The refusal of a text longer than ``max_chars``."""
    return f"{what} is {fmt_int(length)} tekens lang; het maximum is {fmt_int(max_chars)}. Maak hem korter."


def hidden_characters_message(what: str) -> str:
    """The refusal of a text with invisible control or format characters."""
    return (
        f"{what} bevat onzichtbare stuurtekens (bijvoorbeeld tekens die de leesrichting omdraaien). "
        "Typ de tekst opnieuw zonder te plakken."
    )


def personal_data_message(what: str, reasons: Sequence[str]) -> str:
    """The refusal of a text that looks like it holds personal data, naming what was found."""
    return (
        f"{what} lijkt persoonsgegevens te bevatten ({join_words(reasons)}). Deel geen gegevens waarmee iemand te "
        "herkennen is; beschrijf het patroon in algemene woorden."
    )


#: The kinds of note as the form offers them, and as headings above the notes.
NOTE_KIND_LABELS: dict[NoteKind, str] = {NoteKind.OBSERVATION: "Observatie", NoteKind.ACTION: "Actiepunt"}
NOTE_KIND_TITLES: dict[NoteKind, str] = {NoteKind.OBSERVATION: "Observaties", NoteKind.ACTION: "Actiepunten"}

# ---------------------------------------------------------------------------
# The published figures participants estimate
# ---------------------------------------------------------------------------

#: The figures' names in the facilitator's choice and the question tabs.
FIGURE_LABELS: dict[str, str] = {
    "signalen": "Signalen van mensenhandel",
    "onderzoek": "Aandeel signalen met een strafrechtelijk onderzoek",
    "interventies": "Interventies per 100 bestuurlijke rapportages",
    "slachtoffers": "Verwachte slachtoffers in Oost-Nederland",
}

#: The question of each figure; ``{year}`` and ``{where}`` are filled in for the session.
FIGURE_QUESTIONS: dict[str, str] = {
    "signalen": "Hoeveel signalen van mensenhandel registreerde de politie in {year} in {where}?",
    "onderzoek": "Welk deel van de signalen in {where} leidde in {year} tot een strafrechtelijk onderzoek?",
    "interventies": "Hoeveel bestuurlijke interventies volgden in {year} in {where} op 100 bestuurlijke rapportages?",
    "slachtoffers": "Hoeveel slachtoffers van mensenhandel zijn er naar verwachting per jaar in Oost-Nederland?",
}

#: Where the interventions figure comes from.
INTERVENTIONS_SOURCE = SOURCE_DASHBOARD + " (gemeenten, eigen opgave)"
#: What the expected number of victims is (and is not).
EXPECTED_NOTE = "Een verwachting naar inwoners, geen telling."

_UNIT_PHRASES: dict[FigureUnit, str] = {
    FigureUnit.PERCENT: "een percentage",
    FigureUnit.PER_100: "een aantal per 100",
    FigureUnit.COUNT: "een aantal",
}


def area_text(area: str) -> str:
    """The area in a sentence: ``Oost-Nederland`` or ``district Twente``."""
    return "Oost-Nederland" if area == UNIT else f"district {area}"


def figure_question(key: str, year: int, area: str) -> str:
    """The question participants answer with their estimate of figure ``key``."""
    return FIGURE_QUESTIONS[key].format(year=year, where=area_text(area))


def signals_counts_text(signals: int) -> str:
    """The count behind the signals figure."""
    return f"{fmt_int(signals)} geregistreerde signalen"


def share_counts_text(ratio: Ratio) -> str:
    """The counts behind a share, with its margin: ``22 onderzoeken van 188 signalen (marge 7,5% tot 17,2%)``."""
    return f"{ratio.counts_text()} (marge {fmt_pct(ratio.lower)} tot {fmt_pct(ratio.upper)})"


def expected_counts_text(national_estimate: float, region_share: float) -> str:
    """How the expected number of victims is made: the national estimate times the population share."""
    return f"landelijke schatting {fmt_int(national_estimate)} × inwonersaandeel {fmt_pct(region_share)}"


def left_out_note(left_out: Sequence[str]) -> str:
    """The note on the municipalities without figures, or empty when none was left out."""
    return "Zonder " + ", ".join(left_out) + " (geen opgave)." if left_out else ""


def estimate_bounds_text(figure: Figure) -> str:
    """Help text for the estimate input: unit and range."""
    unit = _UNIT_PHRASES[figure.unit]
    return f"Vul {unit} in tussen {fmt_dec(figure.low, 0)} en {fmt_dec(figure.high, 0)}."


# ---------------------------------------------------------------------------
# What the group estimated
# ---------------------------------------------------------------------------


def round_label(round_no: int) -> str:
    """A round as the chart and table name it: ``Ronde 1``."""
    return f"Ronde {round_no}"


def middle_phrase(n: int) -> str:
    """The middle (median) of ``n`` estimates in words, right for every ``n``.

    One estimate is ``de enige schatting``; an odd number has a middle one (``de middelste
    van 5 schattingen``); an even number has two, whose average is the middle
    (``het gemiddelde van de 2 schattingen``, ``het gemiddelde van de twee middelste van 4 schattingen``).
    """
    if n == 1:
        return "de enige schatting"
    if n == 2:
        return "het gemiddelde van de 2 schattingen"
    if n % 2:
        return f"de middelste van {fmt_int(n)} schattingen"
    return f"het gemiddelde van de twee middelste van {fmt_int(n)} schattingen"


def lower_first_letter(text: str, *, upper: bool = False) -> str:
    """``text`` with its first letter in upper case (``upper``) or lower case."""
    if not text:
        return text
    return (text[0].upper() if upper else text[0].lower()) + text[1:]


def participants(n: int) -> str:
    """``1 deelnemer``, ``3 deelnemers``."""
    return f"{fmt_int(n)} {'deelnemer' if n == 1 else 'deelnemers'}"


def figure_is(figure: Figure) -> str:
    """The figure's value with where it comes from: 'gepubliceerd is 188', 'berekend door de app: 1.026'."""
    if figure.published:
        return f"gepubliceerd is {figure.value_text}"
    return f"{figure.value_label.lower()}: {figure.value_text}"


def the_figure(figure: Figure) -> str:
    """The figure in a sentence: 'het gepubliceerde cijfer', or 'het berekende cijfer' when the app computed it."""
    return "het gepubliceerde cijfer" if figure.published else "het berekende cijfer"


def spread_text(stats: EstimateStats, figure: Figure) -> str:
    """The range of a round's estimates: `` (van 150 tot 240)``, or nothing when they were all the same."""
    if stats.low == stats.high:
        return ""
    return f" (van {figure.format(stats.low)} tot {figure.format(stats.high)})"


def reveal_summary(stats: EstimateStats, figure: Figure, round_no: int) -> str:
    """One Dutch sentence: what the group estimated in a round against the figure (and where it comes from)."""
    if stats.n == 0:
        return f"{round_label(round_no)}: nog geen schattingen. {lower_first_letter(figure_is(figure), upper=True)}."
    lower = "lag" if stats.below == 1 else "lagen"
    return (
        f"{round_label(round_no)}: {middle_phrase(stats.n)} was {figure.format(stats.median)}{spread_text(stats, figure)}; "
        f"{figure_is(figure)} ({figure.counts_text}). {fmt_int(stats.below)} van "
        f"{fmt_int(stats.n)} {lower} lager, {fmt_int(stats.above)} hoger."
    )


_DIRECTION = {-1: "dichter bij", 0: "even ver van", 1: "verder van"}
_AGREEMENT = {
    None: "",
    -1: " De schattingen liepen in ronde 2 minder uiteen.",
    0: " De spreiding bleef gelijk.",
    1: " De schattingen liepen in ronde 2 meer uiteen.",
}


def round_comparison(first: EstimateStats, second: EstimateStats, figure: Figure) -> str:
    """Dutch sentence comparing round 1 and round 2 (Delphi): did the group move and agree more?"""
    if first.n == 0 or second.n == 0:
        return "Voor een vergelijking van de rondes zijn in beide rondes schattingen nodig."
    direction = _DIRECTION[first.median_shift(second, figure.value)] + " " + the_figure(figure)
    agreement = _AGREEMENT[first.spread_shift(second)]
    return (
        f"Het midden van de schattingen ging van {figure.format(first.median)} ({participants(first.n)}) naar "
        f"{figure.format(second.median)} ({participants(second.n)}): {direction}.{agreement}"
    )
