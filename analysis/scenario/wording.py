"""The scenario page's Dutch sentences: assumptions, answers, outcome, funnel, text figure, CoMensHa, caveats.

Functions here only look figures up (:mod:`analysis.scenario.model`) and put them into
words; the arithmetic is in the model. Names of scenarios A and B are user text: in
Markdown they appear as :attr:`~analysis.scenario.compare.NamedScenario.name_md`.
"""

import math
from collections.abc import Sequence
from typing import Any

import polars as pl

from analysis.dutch import fmt_int, fmt_pct, join_words, signed
from analysis.frames import unit_value
from analysis.geography import UNIT
from analysis.headlines import fitting
from analysis.indicators import COMENSHA_TOTAL
from analysis.scenario.compare import NamedScenario, ScenarioView, short_name
from analysis.scenario.labels import BASELINE_HEADING, COMENSHA_CATEGORIES, SINGLE_NAME
from analysis.scenario.model import (
    PUBLISHED_ESTIMATE_CODES,
    ScenarioResult,
    area_figures,
    estimate_period,
    text_figure,
    visible_share,
)

#: A share with its margin, as :func:`analysis.scenario.model.visible_share` gives it.
Share = tuple[float | None, float | None, float | None]


# ---------------------------------------------------------------------------
# Years and sources
# ---------------------------------------------------------------------------


def scenario_source(year: int, estimate_year: int) -> str:
    """The sources of the scenario's charts, for tables of ``year`` and the text's estimate of ``estimate_year``."""
    periods = join_words(estimate_period(code) for code in PUBLISHED_ESTIMATE_CODES)
    return (
        f"Nationaal Rapporteur Mensenhandel (schatting {estimate_year}, via de toelichting van het dashboard; "
        f"MSE-schattingen {periods}); CBS StatLine 37259 (inwoners); Dashboard mensenhandel "
        f"Oost-Nederland {year} (signalen, CoMensHa, B8-aangiftes)"
    )


def comensha_source(year: int) -> str:
    """The source of the CoMensHa chart for tables of ``year``."""
    return f"CoMensHa, via het Dashboard mensenhandel Oost-Nederland {year}"


def scenario_caveats(year: int, estimate_year: int) -> list[str]:
    """What to keep in mind when reading the scenario, in the app's own words."""
    periods = ", ".join(estimate_period(code) for code in PUBLISHED_ESTIMATE_CODES)
    return [
        "Een signaal is een registratie bij de politie die op mensenhandel wijst; het is geen vastgesteld "
        "slachtoffer. Eén slachtoffer kan meer signalen geven, en één signaal kan over meer mensen gaan.",
        "Politie, CoMensHa en de B8-regeling tellen deels dezelfde mensen. Tel de registraties dus niet op.",
        "De landelijke schatting naar inwoners verdelen veronderstelt dat mensenhandel net zo verspreid is als "
        "de bevolking. Grensregio's, AZC's of grote steden kunnen daarvan afwijken.",
        f"De schatting van de Nationaal Rapporteur gaat over {estimate_year}, de geregistreerde aantallen over "
        f"{year}. De eerdere MSE-schattingen ({periods}) staan er als band bij om de onzekerheid te tonen.",
    ]


def estimate_help(estimate_year: int) -> str:
    """The help text of the national-estimate slider."""
    return f"Basis: de schatting die de toelichting noemt (Nationaal Rapporteur, {estimate_year})."


# The texts above for the bundled edition (tables of 2022, the estimate of 2021), for callers
# without tables at hand; analysis.werksessie imports SCENARIO_SOURCE. Pages use ScenarioPage.
SCENARIO_SOURCE = scenario_source(2022, 2021)
COMENSHA_SOURCE = comensha_source(2022)
SCENARIO_CAVEATS: tuple[str, ...] = tuple(scenario_caveats(2022, 2021))


# ---------------------------------------------------------------------------
# Assumptions and the one-sentence answer
# ---------------------------------------------------------------------------


def area_name(district: str) -> str:
    """The area as a sentence names it: the unit's name, or the district."""
    return "Oost-Nederland" if district == UNIT else district


def share_percent_text(percent: float) -> str:
    """Format a share given in percent the Dutch way: ``18.7`` -> ``18,7%``."""
    return fmt_pct(percent / 100)


def at_least_pct(fraction: float) -> str:
    """A share rounded down to a whole percent, for 'minstens ...': 81,7% gives ``81%``."""
    return fmt_pct(math.floor(fraction * 100 + 1e-9) / 100, 0)


def share_assumption(result: ScenarioResult, *, short: bool = False) -> str:
    """The share a scenario uses: its own, or the CBS population share (with its year unless ``short``)."""
    if result.share_is_override:
        return f"een eigen aandeel van {fmt_pct(result.region_share)}"
    if short:
        return f"aandeel inwoners {fmt_pct(result.region_share)}"
    return f"{fmt_pct(result.region_share)} van de inwoners (CBS, {result.population_year})"


def short_assumption(result: ScenarioResult) -> str:
    """``8.000 landelijk``, with ``, een eigen aandeel van 25,0%`` when the share is not the CBS share."""
    own = f", {share_assumption(result, short=True)}" if result.share_is_override else ""
    return f"{fmt_int(result.national_estimate)} landelijk{own}"


def scenario_assumptions(result: ScenarioResult) -> str:
    """The assumptions of a scenario in one line: ``5.500 landelijk × 18,7% van de inwoners (CBS, 2022)``."""
    return f"{fmt_int(result.national_estimate)} slachtoffers per jaar landelijk × {share_assumption(result)}"


def scenario_heading(scenario: NamedScenario, *, comparing: bool) -> str:
    """A scenario's heading (Markdown): 'Jouw scenario', or its letter and escaped name when comparing."""
    return f"{scenario.letter} · {scenario.name_md}" if comparing else "Jouw scenario"


def view_assumptions(view: ScenarioView) -> list[str]:
    """The assumptions of every scenario shown, one Markdown line each (names escaped)."""
    baseline = f"{BASELINE_HEADING}: {scenario_assumptions(view.baseline)}"
    scenarios = [
        f"{scenario_heading(s, comparing=view.comparing)}: {scenario_assumptions(s.result)}"
        for s in view.scenarios
    ]
    return [*scenarios, baseline] if not view.comparing else [baseline, *scenarios]


def scenario_answer(result: ScenarioResult, district: str = UNIT) -> str:
    """The page's answer, key figure first: ``Minstens 81% van de ongeveer 1.026 verwachte slachtoffers ...``.

    At most 30 words: the other registrations (CoMensHa, B8) are in the funnel below.
    """
    expected, _, signals = area_figures(result, district)
    area = area_name(district)
    visible, _, _ = visible_share(signals, expected)
    if visible is None:
        return (
            f"In {area} verwacht je ongeveer {fmt_int(expected)} slachtoffers; de politie gaf voor dit gebied "
            "geen aantal signalen."
        )
    if visible >= 1:
        return (
            f"{fmt_int(signals)} signalen in {area} is meer dan de ongeveer {fmt_int(expected)} verwachte "
            "slachtoffers: de schatting is hier te laag, of een signaal staat niet voor één slachtoffer."
        )
    sentence = (
        f"Minstens {at_least_pct(1 - visible)} van de ongeveer {fmt_int(expected)} verwachte slachtoffers in "
        f"{area} blijft buiten beeld, ook als elk van de {fmt_int(signals)} signalen een ander slachtoffer is"
    )
    own = f", {share_assumption(result, short=True)}" if result.share_is_override else ""
    return fitting(
        f"{sentence} (landelijke schatting {fmt_int(result.national_estimate)}{own}).", f"{sentence}."
    )


def _seen_against_expected(
    view: ScenarioView, entries: Sequence[tuple[str, ScenarioResult]], district: str
) -> tuple[int | None, list[float], list[float | None]]:
    """The area's police signals, each entry's expected victims, and the signals as a share of each."""
    signals = area_figures(view.baseline, district)[2]
    expected = [area_figures(result, district)[0] for _, result in entries]
    return signals, expected, [visible_share(signals, value)[0] for value in expected]


def comparison_answer(view: ScenarioView, district: str = UNIT) -> str:
    """The answer for the basis, A and B side by side: how much stays out of sight, and what each expects.

    A and B are named by their letter (their names head the outcome columns), so the
    sentence stays within 30 words whatever the names are.
    """
    entries = [("de basis", view.baseline)] + [(s.letter, s.result) for s in view.scenarios]
    signals, expected, visible = _seen_against_expected(view, entries, district)
    listed = "Verwacht: " + ", ".join(
        f"{'basis ongeveer' if i == 0 else label} {fmt_int(value)}"
        for i, ((label, _), value) in enumerate(zip(entries, expected, strict=True))
    )
    area = area_name(district)
    if signals is None or any(v is None for v in visible):
        return f"{listed} slachtoffers in {area}; de politie gaf voor dit gebied geen aantal signalen."
    shares = [v for v in visible if v is not None]
    over = [label for (label, _), v in zip(entries, shares, strict=True) if v >= 1]
    if over:
        return (
            f"Bij {join_words(over)} registreerde de politie in {area} meer signalen ({fmt_int(signals)}) dan "
            f"verwachte slachtoffers: die schatting is hier te laag. {listed}."
        )
    best = max(range(len(shares)), key=lambda i: shares[i])
    return (
        f"Ook bij de laagste schatting ({entries[best][0]}) blijft in {area} minstens "
        f"{at_least_pct(1 - shares[best])} van de verwachte slachtoffers buiten beeld. {listed}."
    )


def hidden_figure(view: ScenarioView, district: str = UNIT) -> tuple[str, str] | None:
    """The figure the page's answer leads with, large on the question slide: value and words with counts.

    Not comparing: ``('minstens 81%', 'van de ongeveer 1.026 verwachte slachtoffers blijft buiten
    beeld; de politie registreerde 188 signalen')``. Comparing: the same for the lowest
    estimate, as the answer names it. None when the area has no signals or more signals than
    expected victims (the answer then says so in words).
    """
    entries = [("de basis", view.baseline)] + [(s.letter, s.result) for s in view.scenarios]
    if not view.comparing:
        entries = [("", view.first)]
    signals, expected, shares = _seen_against_expected(view, entries, district)
    if signals is None or any(share is None or share >= 1 for share in shares):
        return None
    best = max(range(len(shares)), key=lambda i: shares[i] or 0.0)
    lowest = f" (laagste schatting, {entries[best][0]})" if view.comparing else ""
    return (
        f"minstens {at_least_pct(1 - (shares[best] or 0.0))}",
        f"van de ongeveer {fmt_int(expected[best])} verwachte slachtoffers in {area_name(district)}{lowest} blijft "
        f"buiten beeld; de politie registreerde {fmt_int(signals)} signalen",
    )


def view_answer(view: ScenarioView, district: str = UNIT) -> str:
    """The page's one-sentence answer: about 'jouw scenario', or about the basis, A and B when comparing."""
    return comparison_answer(view, district) if view.comparing else scenario_answer(view.first, district)


# ---------------------------------------------------------------------------
# The outcome box
# ---------------------------------------------------------------------------


def expected_label(district: str, which: str) -> str:
    """The label of an expected number in the outcome box, e.g. ``Verwacht in Twente (jouw scenario)``."""
    return f"Verwacht in {area_name(district)} ({which})"


def expected_detail(result: ScenarioResult) -> str:
    """The arithmetic behind the unit's expectation: ``5.500 × 18,7% van de inwoners (CBS, 2022)``."""
    return f"{fmt_int(result.national_estimate)} × {share_assumption(result)}"


def district_share_detail(share_in_unit: float) -> str:
    """How a district's expectation follows from the unit's: its share of the inhabitants."""
    return f"{fmt_pct(share_in_unit)} van de inwoners van de eenheid"


def baseline_delta(difference: int) -> str:
    """A rounded expectation's difference from the basis (the baseline): ``+467 t.o.v. basis``."""
    return f"{signed(difference)} t.o.v. basis"


def visible_label(which: str) -> str:
    """The label of the visible share in the outcome box."""
    return f"Signalen als deel van verwacht ({which})"


def visible_detail(signals: int | None, expected: float, district: str, share: Share) -> str:
    """The arithmetic behind the visible share, with its margin."""
    _, low, high = share
    return (
        f"{fmt_int(signals)} signalen op ongeveer {fmt_int(expected)} verwachte slachtoffers in "
        f"{area_name(district)}; marge {fmt_pct(low)}–{fmt_pct(high)}"
    )


# ---------------------------------------------------------------------------
# The funnel and the district chart
# ---------------------------------------------------------------------------


def about(value: float | None) -> str:
    """An expectation as the funnel writes it: ``ongeveer 1.026``."""
    return f"ongeveer {fmt_int(value)}"


def estimate_step(period: str) -> str:
    """The funnel step of a published estimate: ``Schatting 2014–2015``."""
    return f"Schatting {period}"


def estimate_range(low: float, high: float) -> str:
    """A published estimate's range: ``954–1.400``."""
    return f"{fmt_int(low)}–{fmt_int(high)}"


def estimate_note(estimate: dict[str, Any], share: float, district: str, *, cbs: bool) -> str:
    """How a published estimate (a row of :func:`~analysis.scenario.model.published_estimates`) became the band.

    ``cbs`` says that the share is the CBS population share (when comparing A and B).
    """
    return (
        f"Landelijk {estimate_range(estimate['landelijk_onder'], estimate['landelijk_boven'])} per jaar "
        f"(midden {fmt_int(estimate['landelijk'])}), omgerekend met {fmt_pct(share)}"
        + (" van de inwoners (CBS)" if cbs else "")
        + ("" if district == UNIT else f" en het aandeel van {district} in de eenheid")
    )


def expected_step(name: str) -> str:
    """The funnel step of a scenario's expectation: ``Verwacht: basis``."""
    return f"Verwacht: {name}"


def expected_note(result: ScenarioResult) -> str:
    """The arithmetic behind a scenario's expectation in the funnel."""
    return f"{fmt_int(result.national_estimate)} landelijk × {fmt_pct(result.region_share)}"


def text_note(result: ScenarioResult, national_estimate: float) -> str:
    """The text's regional figure as a share of the text's national estimate."""
    return f"{fmt_pct(result.text_implied_share)} van {fmt_int(national_estimate)}"


def _with_margin(share: Share) -> str:
    value, low, high = share
    return f"{fmt_pct(value)} (marge {fmt_pct(low)}–{fmt_pct(high)})"


def seen_note(count: int | None, expected: float, share: Share, name: str | None = None) -> str:
    """A registered count as a share of the expectation (of scenario ``name`` when comparing)."""
    within = "" if name is None else f" in {name}"
    return f"{fmt_int(count)} op ongeveer {fmt_int(expected)} verwacht{within} = {_with_margin(share)}"


def seen_note_compared(count: int | None, a: tuple[str, float, Share], b: tuple[str, float, Share]) -> str:
    """A registered count as a share of the expectations of A and B: ``(name, expected, share)`` each."""
    (name_a, expected_a, share_a), (name_b, expected_b, share_b) = a, b
    return (
        f"{seen_note(count, expected_a, share_a, name_a)}; op ongeveer {fmt_int(expected_b)} in "
        f"{name_b} = {_with_margin(share_b)}"
    )


def count_text(count: int | None) -> str:
    """A registered count in the funnel, a dash when it was not published."""
    return "–" if count is None else fmt_int(count)


def seen_label(count: int | None, share: float | None) -> str:
    """The chart label of a registered count: ``188 = 18,3% van verwacht``."""
    return f"{count_text(count)} = {fmt_pct(share)} van verwacht"


def seen_label_compared(count: int | None, a: tuple[str, float | None], b: tuple[str, float | None]) -> str:
    """The chart label of a registered count when comparing: its share of A and of B, ``(name, share)`` each."""
    (name_a, share_a), (name_b, share_b) = a, b
    return (
        f"{count_text(count)} = {fmt_pct(share_a)} van {short_name(name_a)} · {fmt_pct(share_b)} van "
        f"{short_name(name_b)}"
    )


def funnel_caption(view: ScenarioView) -> str:
    """What the shares and margins in the funnel table are."""
    margins = "de marges komen van het geregistreerde aantal."
    if not view.comparing:
        return f"Aandelen als fractie van het verwachte aantal in jouw scenario; {margins}"
    return (
        "aandeel_a en aandeel_b: fractie van het verwachte aantal in scenario A en B; de banden van de "
        f"schattingen zijn omgerekend met het aandeel in de inwoners (CBS); {margins}"
    )


def funnel_subtitle(view: ScenarioView) -> list[str]:
    """The funnel chart's subtitle lines (plain text, shown in the chart)."""
    if not view.comparing:
        return [
            "Lichte band: bandbreedte van de gepubliceerde landelijke schattingen, omgerekend naar het gebied.",
            "Percentages: deel van het verwachte aantal in jouw scenario.",
        ]
    a, b = view.scenarios
    return [
        "Lichte band: bandbreedte van de gepubliceerde landelijke schattingen, naar inwoners omgerekend.",
        f"Percentages: deel van het verwachte aantal in A ({short_name(a.name)}) en in B ({short_name(b.name)}).",
    ]


def funnel_title(district: str) -> str:
    """The funnel chart's title."""
    return f"Hoeveel van de verwachte slachtoffers in {area_name(district)} komen in beeld?"


def district_label(view: ScenarioView) -> str:
    """Which scenario the district chart shows, as plain text: 'jouw scenario' or A's name."""
    first = view.scenarios[0]
    return first.name if not view.comparing else f"A · {first.name}"


def district_subtitle(label: str, year: int) -> str:
    """The district chart's subtitle: scenario ``label`` expects, police signals of ``year`` are seen."""
    return f"Lichte balk: verwacht naar inwoners ({label}); donkere balk: signalen {year}"


def district_caption(view: ScenarioView) -> str:
    """The caption of the district table (Markdown)."""
    which = SINGLE_NAME if not view.comparing else "scenario A"
    return f"Verwacht naar het aandeel van elk district in de inwoners van de eenheid ({which}); aandelen als fractie."


# ---------------------------------------------------------------------------
# The text's regional figure and CoMensHa
# ---------------------------------------------------------------------------


def text_figure_lines(result: ScenarioResult, population: pl.DataFrame, context: pl.DataFrame) -> list[str]:
    """The text's regional figure (about 1.150) next to the population-share computation, worked out."""
    f = text_figure(result, population, context)
    estimate, share, text = fmt_int(f.national_estimate), fmt_pct(f.share, 2), fmt_int(f.text_figure)
    relation = "hoger" if f.difference > 0 else "lager"
    return [
        f"Landelijke schatting van de Nationaal Rapporteur ({f.estimate_year}): meer dan {estimate} slachtoffers.",
        f"Aandeel van Oost-Nederland in de bevolking op 1 januari {f.population_year} (CBS): "
        f"{fmt_int(f.unit_population)} / {fmt_int(f.national_population)} = {share}.",
        f"Naar inwoners verdeeld: {estimate} × {share} ≈ **{fmt_int(f.computed)}**.",
        f"De toelichting noemt **ongeveer {text}**. Dat is {text} / {estimate} ≈ "
        f"{fmt_pct(f.text_share)} van de landelijke schatting.",
        f"Het getal in de toelichting is dus ongeveer {fmt_int(abs(f.difference))} {relation} dan een verdeling "
        f"naar inwonertal geeft ({fmt_pct(f.text_share)} in plaats van "
        f"{fmt_pct(f.share)}). Hoe de opstellers op {text} kwamen, staat er niet bij.",
    ]


def breakdown_share_text(count: int | None, total: int | None, share: Share) -> str:
    """A CoMensHa category as part of the total: ``62 van 71 (87,3%; marge 77,3%–94,0%)``."""
    value, low, high = share
    return f"{fmt_int(count)} van {fmt_int(total)} ({fmt_pct(value)}; marge {fmt_pct(low)}–{fmt_pct(high)})"


def comensha_sum_lines(breakdown: pl.DataFrame) -> list[str]:
    """Each characteristic as a visible sum: ``Leeftijd: 12 minderjarig + 59 meerderjarig = 71``."""
    lines = []
    for characteristic in breakdown["kenmerk"].unique(maintain_order=True):
        part = breakdown.filter(pl.col("kenmerk") == characteristic)
        terms = " + ".join(f"{fmt_int(r['aantal'])} {r['categorie']}" for r in part.iter_rows(named=True))
        summed, total = part["som_kenmerk"][0], part["totaal"][0]
        check = "" if summed == total else f" (het gepubliceerde totaal is {fmt_int(total)})"
        lines.append(f"{characteristic}: {terms} = {fmt_int(summed)}{check}")
    return lines


def _sum_text(values: Sequence[int]) -> str:
    return " + ".join(fmt_int(v) for v in values) + f" = {fmt_int(sum(values))}"


def unknown_assignment_text(tidy: pl.DataFrame) -> str:
    """Why 'Onbekend' in the CoMensHa block is read as 'nationality unknown', from the figures."""
    total = unit_value(tidy, COMENSHA_TOTAL)
    unknown = unit_value(tidy, "comensha_nationaliteit_onbekend")
    parts = {code: unit_value(tidy, code) for _, cats in COMENSHA_CATEGORIES for code, _ in cats}
    if total is None or unknown is None or any(v is None for v in parts.values()):
        return "De uitsplitsing van CoMensHa is niet volledig gerapporteerd."

    def with_unknown(*codes: str) -> str:
        return _sum_text([*(parts[c] or 0 for c in codes), unknown])

    return (
        f"In de tabel staat 'Onbekend' ({fmt_int(unknown)}) tussen leeftijd en geslacht, zonder te zeggen "
        f"waarbij het hoort. Alleen bij nationaliteit komt de som dan op het totaal van {fmt_int(total)}: "
        f"{with_unknown('comensha_nederlands', 'comensha_niet_nederlands')}. Bij leeftijd zou het "
        f"{with_unknown('comensha_minderjarig', 'comensha_meerderjarig')} zijn, bij geslacht "
        f"{with_unknown('comensha_man', 'comensha_vrouw')}. Daarom rekent deze app 'Onbekend' tot nationaliteit."
    )
