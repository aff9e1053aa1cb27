"""The Dutch words of the exports (Markdown report, CSV, printable hand-out).

Nothing here computes. The sentences about the estimates name the figure's origin
(``Gepubliceerd cijfer``, ``Berekend door de app``...) instead of calling every figure published.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.dutch import fmt_int, signed
from analysis.werksessie.wording import middle_phrase, round_comparison, round_label, spread_text, the_figure

if TYPE_CHECKING:
    from analysis.werksessie.estimates import EstimateStats
    from analysis.werksessie.export_data import QuestionReport
    from analysis.werksessie.figures import Figure

TITLE_PREFIX = "Werksessie: "
DATE_LABEL = "Datum"
AREA_LABEL = "Gebied"
SOURCE_LABEL = "Bron"
VIEW_LABEL = "Weergave in de app"
ESTIMATES_TITLE = "Schatten eerst, dan zien"
NOT_REVEALED = "Schattingen nog niet getoond in de sessie."
NO_ESTIMATES = "Geen schattingen."
NO_OBSERVATIONS = "Geen observaties."
NO_ACTIONS = "Geen actiepunten."
OWNER_LABEL = "eigenaar"
DEADLINE_LABEL = "uiterlijk"
NO_QUESTIONS = "Deze sessie heeft geen vragen."
#: Column heads of the hand-out's tables.
ESTIMATE_HEADS = ("", "Midden", "Lager / hoger", "Spreiding")
ACTION_HEADS = ("Actiepunt", "Eigenaar", "Uiterlijk", "Steun")


def strip_caption(with_reference: bool) -> str:
    """What the hand-out's bar chart shows, for readers who do not see it (and for print in grey)."""
    reference = " (gestreept: het cijfer uit de toelichting)" if with_reference else ""
    return (
        f"Oranje streep: het cijfer{reference}. Per ronde: blauwe streep het midden van de schattingen, balk "
        "de middelste helft, dunne lijn van de laagste tot de hoogste schatting."
    )


def support_text(n: int) -> str:
    """The +1s a note got, after its text: `` (+3)``; nothing without support."""
    return "" if n == 0 else f" ({signed(n)})"


def reference_source_text(label: str, value_text: str, source: str) -> str:
    """The source of a number shown beside the figure: ``Bron van 'Gepubliceerd in de toelichting' (ongeveer 1.150): ...``."""
    return f"Bron van '{label}' ({value_text}): {source}."


def question_counter(number: int, total: int) -> str:
    """``Vraag 2 van 4``."""
    return f"Vraag {number} van {total}"


def figure_line(figure: Figure) -> str:
    """The figure with what it is and its counts: ``Gepubliceerd cijfer: 188 — 188 geregistreerde signalen``."""
    return f"{figure.value_label}: {figure.value_text} — {figure.counts_text}"


def estimate_sentence(stats: EstimateStats, figure: Figure, round_no: int) -> str:
    """What the group estimated in one round, against the figure and what it is."""
    if stats.n == 0:
        return f"{round_label(round_no)}: geen schattingen."
    spread = spread_text(stats, figure)
    verb = "lag" if stats.below == 1 else "lagen"
    return (
        f"{round_label(round_no)}: {middle_phrase(stats.n)} was {figure.format(stats.median)}{spread}. "
        f"{fmt_int(stats.below)} van {fmt_int(stats.n)} {verb} lager dan {the_figure(figure)} "
        f"({figure.value_text}), {fmt_int(stats.above)} hoger."
    )


def estimate_row_label(round_no: int, n: int) -> str:
    """A round's row in the hand-out's table: ``Ronde 1: 5 schattingen``."""
    return f"{round_label(round_no)}: {fmt_int(n)} {'schatting' if n == 1 else 'schattingen'}"


def below_above_text(below: int, above: int) -> str:
    """How many estimates lay below and above the figure: ``4 lager, 1 hoger``."""
    return f"{fmt_int(below)} lager, {fmt_int(above)} hoger"


def more_notes_text(count: int, kind: str) -> str:
    """What did not fit on the printed page, and where it is: ``Nog 4 observaties: ...``."""
    noun = {"observatie": ("observatie", "observaties"), "actiepunt": ("actiepunt", "actiepunten")}[kind]
    return (
        f"Nog {fmt_int(count)} {noun[0] if count == 1 else noun[1]}: te veel tekst voor deze pagina. "
        "Ze staan in het verslag (Markdown) en in de CSV."
    )


def page_footer(number: int, total: int, title: str) -> str:
    """The running line under each printed page: ``Werksessie: titel · pagina 2 van 4``."""
    return f"{TITLE_PREFIX}{title} · pagina {number} van {total}"


def estimate_lines(q: QuestionReport) -> list[str]:
    """What the group estimated on one question: a sentence per round and one comparing them."""
    if not q.revealed:
        return [NOT_REVEALED]
    lines = [estimate_sentence(stats, q.figure, i) for i, stats in enumerate(q.rounds, start=1) if stats.n]
    if len(q.rounds) >= 2 and q.rounds[0].n and q.rounds[1].n:
        lines.append(round_comparison(q.rounds[0], q.rounds[1], q.figure))
    return lines or [NO_ESTIMATES]


def comparison_lines(q: QuestionReport) -> list[str]:
    """The sentence comparing round 1 and round 2, when both have estimates (the hand-out's table shows the rest)."""
    if len(q.rounds) >= 2 and q.rounds[0].n and q.rounds[1].n:
        return [round_comparison(q.rounds[0], q.rounds[1], q.figure)]
    return []
