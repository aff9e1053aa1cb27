"""The Dutch wording of the report-to-intervention page: type names, outcomes and every sentence.

Nothing here computes a figure. The functions take the counts that
:mod:`analysis.interventions.ratios` and :mod:`analysis.interventions.prompts` selected and
put them into words, so a change of wording stays within this file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analysis.dutch import count_noun, fmt_int, join_words, lower_first
from analysis.geography import UNIT
from analysis.headlines import fitting
from analysis.indicators import CARE

if TYPE_CHECKING:
    from analysis.interventions.ratios import InterventionSummary
    from analysis.ratios import Ratio

#: One area's row of :func:`analysis.interventions.ratios.area_table`, as a dict.
Row = dict[str, Any]

INTERVENTION_SOURCE = (
    "Dashboard mensenhandel Oost-Nederland; rapportages: politie en OM; "
    "interventies en zorgtrajecten: gemeenten (eigen opgave)"
)

#: Short Dutch names of the intervention types, for legends and table headers.
TYPE_LABELS: dict[str, str] = {
    "waarschuwingen": "Waarschuwingen",
    "bestuurlijke_boetes": "Bestuurlijke boetes",
    "dwangsommen": "Lasten onder dwangsom",
    "sluitingen": "Sluitingen",
    "interventies_overig": "Overige interventies",
    CARE: "Zorgtrajecten",
}

#: Singular and plural nouns of each type, for generated sentences.
TYPE_NOUNS: dict[str, tuple[str, str]] = {
    "waarschuwingen": ("waarschuwing", "waarschuwingen"),
    "bestuurlijke_boetes": ("bestuurlijke boete", "bestuurlijke boetes"),
    "dwangsommen": ("last onder dwangsom", "lasten onder dwangsom"),
    "sluitingen": ("sluiting", "sluitingen"),
    "interventies_overig": ("overige interventie", "overige interventies"),
    CARE: ("zorgtraject", "zorgtrajecten"),
}

#: What an area's figures say about the question, in Dutch.
OUTCOME_NO_INTERVENTION = "rapportage, geen interventie"
OUTCOME_NOT_REPORTED = "geen opgave (?)"
OUTCOME_WITHOUT_REPORT = "interventie zonder rapportage"
OUTCOME_BOTH = "rapportage en interventie"
OUTCOME_NEITHER = "geen rapportage, geen interventie"


def intervention_noun(include_care: bool) -> str:
    """How the counted interventions are named in a sentence."""
    return "interventies (zorgtrajecten meegeteld)" if include_care else "interventies"


def type_word(code: str) -> str:
    """A type's name inside a sentence or list: ``lasten onder dwangsom``."""
    return lower_first(TYPE_LABELS[code])


def at_least(count: int, lower_bound: bool) -> str:
    """A total, with 'minstens' in front when areas without figures were left out of it."""
    return ("minstens " if lower_bound else "") + fmt_int(count)


def composition_text(counts: dict[str, int | None], codes: tuple[str, ...]) -> str:
    """The mix of an area's interventions in words: ``1 waarschuwing, 3 lasten onder dwangsom``.

    Types with 0 or a missing count are left out; an empty mix reads ``geen``.
    """
    parts = []
    for code in codes:
        value = counts.get(code)
        if value:
            singular, plural = TYPE_NOUNS[code]
            parts.append(count_noun(value, singular, plural))
    return ", ".join(parts) if parts else "geen"


def _reports(n: int | None) -> str:
    """``1 rapportage``, ``7 rapportages``."""
    return count_noun(n, "rapportage", "rapportages")


def _interventions(n: int | None) -> str:
    """``1 interventie``, ``4 interventies``."""
    return count_noun(n, "interventie", "interventies")


def _gave(count: int) -> str:
    """The verb 'gave' for one area or more."""
    return "gaf" if count == 1 else "gaven"


def _where(district: str) -> str:
    """The selection in a sentence: ``Oost-Nederland`` or ``district Twente``."""
    return "Oost-Nederland" if district == UNIT else f"district {district}"


# ---------------------------------------------------------------------------
# The answer, the lists and the key figures
# ---------------------------------------------------------------------------


def intervention_answer(summary: InterventionSummary) -> str:
    """The page's answer, counts first: ``78 interventies op 60 bestuurlijke rapportages (1,30 per rapportage) ...``.

    Then the areas with a report and no intervention, and those without figures (``?``):
    by name where the sentence stays within 30 words, else by number.
    """
    ratio = summary.ratio
    noun = intervention_noun(summary.include_care)
    if ratio.value is None:
        head = (
            f"{fmt_int(ratio.numerator)} {noun} bij 0 rapportages in {_where(summary.area)} "
            "(zonder de gemeenten die geen opgave deden)."
        )
    else:
        head = (
            f"{fmt_int(ratio.numerator)} {noun} op {fmt_int(ratio.denominator)} bestuurlijke rapportages "
            f"({ratio.value_text()} per rapportage) in {_where(summary.area)}."
        )
    silent = summary.no_intervention["gebied"].to_list()
    left_out = summary.left_out

    def silent_part(named: bool) -> str:
        if not silent:
            return " Elke gemeente met een rapportage registreerde minstens één interventie"
        who = join_words(silent) if named else count_noun(len(silent), "gemeente", "gemeenten")
        plural = len(silent) > 1
        return (
            f" {who} {'kregen' if plural else 'kreeg'} een rapportage maar "
            f"{'registreerden' if plural else 'registreerde'} geen interventie"
        )

    def left_out_part(named: bool) -> str:
        if not left_out:
            return "."
        who = join_words(left_out) if named else count_noun(len(left_out), "gemeente", "gemeenten")
        return f"; {who} {_gave(len(left_out))} geen opgave (?)."

    return fitting(
        head + silent_part(True) + left_out_part(True),
        head + silent_part(True) + left_out_part(False),
        head + silent_part(False) + left_out_part(False),
    )


def no_intervention_lines(summary: InterventionSummary) -> list[str]:
    """One Dutch line per area that had reports but recorded 0 interventions."""
    return [
        f"**{r['gebied']}** ({r['district']}): {_reports(r['rapportages'])}; "
        f"opgegeven: 0 {intervention_noun(summary.include_care)}"
        for r in summary.no_intervention.iter_rows(named=True)
    ]


def not_reported_lines(summary: InterventionSummary) -> list[str]:
    """One Dutch line per area that gave no figures on interventions (``?``)."""
    lines = []
    for r in summary.not_reported.iter_rows(named=True):
        signals = "" if r["signalen"] is None else f", {count_noun(r['signalen'], 'signaal', 'signalen')}"
        lines.append(
            f"**{r['gebied']}** ({r['district']}): {_reports(r['rapportages'])}{signals}; interventies: ?"
        )
    return lines


def not_applicable_lines(summary: InterventionSummary) -> list[str]:
    """One Dutch line per area with a type marked ``-`` (not applicable)."""
    return [
        f"**{r['gebied']}**: {r['niet_van_toepassing']} staat op '-' (niet van toepassing). Dat telt "
        "niet mee in de som, maar betekent niet dat er 0 waren."
        for r in summary.not_applicable.iter_rows(named=True)
    ]


def without_report_lines(summary: InterventionSummary) -> list[str]:
    """One Dutch line per area with interventions but no report in the same year."""
    return [
        f"**{r['gebied']}**: {_interventions(r['interventies'])} ({r['samenstelling']}) bij 0 rapportages"
        for r in summary.without_report.iter_rows(named=True)
    ]


def summary_metrics(summary: InterventionSummary) -> list[tuple[str, str, str]]:
    """The key figures of the page as (label, value, caption), every ratio with its counts."""
    ratio = summary.ratio
    left_out = f" Zonder {join_words(summary.left_out)}: geen opgave (?)." if summary.left_out else ""
    care = "Zorgtrajecten meegeteld. " if summary.include_care else ""
    reports_left_out = summary.reports_total - ratio.denominator
    reports_caption = "Door politie en OM aan de gemeenten gestuurd."
    if reports_left_out > 0:
        reports_caption += (
            f" Daarvan gingen er {fmt_int(reports_left_out)} naar gemeenten zonder opgave van interventies; "
            "die tellen niet mee in de verhouding."
        )
    total_caption = "Som over de gemeenten en Overig met een opgave."
    if summary.lower_bound:
        total_caption += " Een ondergrens: niet elke gemeente gaf een opgave."
    return [
        (
            "Interventies per rapportage",
            ratio.value_text(),
            f"{care}{ratio.counts_text()}; marge {ratio.interval_text()}.{left_out}",
        ),
        ("Bestuurlijke interventies", summary.total_text(), care + total_caption),
        ("Bestuurlijke rapportages", fmt_int(summary.reports_total), reports_caption),
    ]


def intervention_caveats(summary: InterventionSummary) -> list[str]:
    """What to keep in mind when reading the page, in the app's own words, with the selection's figures."""
    items = [
        "Het dashboard telt rapportages en interventies per gemeente per jaar, maar koppelt ze niet aan "
        "elkaar. Een verhouding boven 1 betekent dus niet dat op elke rapportage iets volgde.",
    ]
    without = [
        f"{r['gebied']} ({_interventions(r['interventies'])})"
        for r in summary.without_report.iter_rows(named=True)
    ]
    if without:
        items.append(
            "Een interventie kan ook een andere aanleiding hebben dan een rapportage uit hetzelfde jaar. "
            f"Zonder enige rapportage registreerden interventies: {join_words(without)}."
        )
    items += [
        "De interventies zijn een eigen opgave van de gemeenten. Wat de ene gemeente als waarschuwing "
        "vastlegt, noteert een andere misschien niet; verschillen kunnen dus ook uit de registratie komen.",
        "Of een zorgtraject een interventie is, is een keuze. Zet de schakelaar om en kijk welke getallen "
        "meebewegen.",
        "De marges gaan over toeval in kleine aantallen; fouten of verschillen in registratie vangen ze "
        "niet. Bron: Dashboard mensenhandel Oost-Nederland.",
    ]
    return items


# ---------------------------------------------------------------------------
# Workshop questions (the areas are chosen in analysis.interventions.prompts)
# ---------------------------------------------------------------------------


def prompt_gap(r: Row) -> str:
    """The question for the area with the most reports left without an intervention."""
    return (
        f"{r['gebied']} kreeg {_reports(r['rapportages'])}; de gemeente "
        f"registreerde {_interventions(r['interventies'])} "
        f"({r['samenstelling']}). Volgde op elke rapportage iets, of bleven er rapportages zonder vervolg, "
        "en waarom?"
    )


def prompt_example(r: Row) -> str:
    """The question for the busiest area where every report was followed: what can others learn?"""
    return (
        f"{r['gebied']} kreeg {_reports(r['rapportages'])} en registreerde "
        f"{_interventions(r['interventies'])} ({r['samenstelling']}). Wat "
        "maakt dat hier op een rapportage een interventie volgt, en wat kunnen anderen daarvan leren?"
    )


def prompt_no_intervention(rows: list[Row]) -> str:
    """The question for the areas that had reports and recorded 0 interventions."""
    names = join_words(r["gebied"] for r in rows)
    if len(rows) == 1:
        verb, each = "kreeg", _reports(rows[0]["rapportages"])
    elif len({r["rapportages"] for r in rows}) == 1:
        verb, each = "kregen", "elk " + _reports(rows[0]["rapportages"])
    else:
        verb, each = "kregen", "rapportages"
    return (
        f"{names} {verb} {each} en {_gave(len(rows))} 0 interventies op. Was er geen "
        "aanleiding, loopt de zaak nog, of is een interventie niet geregistreerd?"
    )


def prompt_not_reported(area: Row, others: list[str]) -> str:
    """The question for an area without figures (``?``); ``others`` are the other areas without."""
    also = f" Ook {join_words(others)} {_gave(len(others))} geen opgave." if others else ""
    if (area["rapportages"] or 0) > 0:
        what = (
            f"{area['gebied']} kreeg {_reports(area['rapportages'])}, "
            "maar gaf niet op welke interventies volgden (?): daar verbergt de '?' het antwoord."
        )
    else:
        what = (
            f"{area['gebied']} gaf geen opgave van interventies (?), terwijl de politie daar "
            f"{count_noun(area['signalen'] or 0, 'signaal', 'signalen')} registreerde."
        )
    return f"{what}{also} Wat is nodig om volgend jaar van elke gemeente cijfers te krijgen?"


def prompt_without_report(r: Row) -> str:
    """The question for an area with interventions but no report in the same year."""
    return (
        f"{r['gebied']} registreerde {_interventions(r['interventies'])} "
        f"({r['samenstelling']}) zonder rapportage in hetzelfde jaar. Waar kwam de aanleiding vandaan: "
        "eigen toezicht, een melding, een rapportage van het jaar ervoor?"
    )


def prompt_care(strict: Ratio, care: Ratio) -> str:
    """The question whether a care trajectory counts as an intervention, with both counts."""
    return (
        f"Met zorgtrajecten meegeteld stijgt het aantal van {fmt_int(strict.numerator)} naar "
        f"{fmt_int(care.numerator)} interventies op {fmt_int(strict.denominator)} rapportages. Is een "
        "zorgtraject voor jullie een interventie, of een ander soort opvolging?"
    )
