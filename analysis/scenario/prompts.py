"""Workshop prompts for the page 'Onzichtbare slachtoffers', from the scenario in use and the registered figures.

Each prompt sets two figures side by side and ends in a question. Names of scenarios A
and B appear escaped for Markdown.
"""

import polars as pl

from analysis.dutch import fmt_int, fmt_pct, join_words
from analysis.geography import UNIT
from analysis.scenario.compare import ScenarioView
from analysis.scenario.labels import SINGLE_NAME
from analysis.scenario.model import ScenarioResult, area_figures, district_extremes, visible_share
from analysis.scenario.wording import area_name, share_assumption, short_assumption


def _visibility_prompt(result: ScenarioResult, district: str) -> str | None:
    expected, _, signals = area_figures(result, district)
    visible, _, _ = visible_share(signals, expected)
    if visible is None:
        return None
    return (
        f"In jouw scenario ({fmt_int(result.national_estimate)} landelijk, "
        f"{share_assumption(result, short=True)}) "
        f"ziet de politie {fmt_pct(visible)} van de verwachte slachtoffers in {area_name(district)}: "
        f"{fmt_int(signals)} signalen op ongeveer {fmt_int(expected)}. Welke slachtoffers blijven het "
        "vaakst buiten beeld, en bij welke partner zouden zij wél opduiken?"
    )


def _comparison_prompt(view: ScenarioView, district: str) -> str | None:
    a, b = view.scenarios
    expected_a, _, signals = area_figures(a.result, district)
    expected_b = area_figures(b.result, district)[0]
    visible_a, visible_b = visible_share(signals, expected_a)[0], visible_share(signals, expected_b)[0]
    if visible_a is None or visible_b is None:
        return None
    gap = abs(round(expected_a) - round(expected_b))
    return (
        f"{a.name_md} ({short_assumption(a.result)}) en {b.name_md} ({short_assumption(b.result)}) verwachten "
        f"in {area_name(district)} ongeveer {fmt_int(expected_a)} en {fmt_int(expected_b)} slachtoffers, "
        f"{fmt_int(gap)} uit elkaar; de {fmt_int(signals)} signalen van de politie zijn daarvan "
        f"{fmt_pct(visible_a)} of {fmt_pct(visible_b)}. Welk scenario past het best bij wat jullie in de "
        "praktijk zien, en wat zouden jullie moeten weten om tussen A en B te kiezen?"
    )


def _district_prompt(result: ScenarioResult, district: str, label: str | None = None) -> str | None:
    """Districts set against each other; ``label`` (Markdown) names the scenario when comparing."""
    within = "" if label is None else f" in {label}"
    expected, _, signals = area_figures(result, district)
    visible, _, _ = visible_share(signals, expected)
    extremes = district_extremes(result) if district == UNIT else None
    if extremes is not None:
        low, high = extremes
        return (
            f"In {low['district']} staan {fmt_int(low['signalen'])} signalen tegenover ongeveer "
            f"{fmt_int(low['verwacht'])} verwachte slachtoffers{within} ({fmt_pct(low['zichtbaar_aandeel'])}), in "
            f"{high['district']} {fmt_int(high['signalen'])} tegenover ongeveer {fmt_int(high['verwacht'])} "
            f"({fmt_pct(high['zichtbaar_aandeel'])}). Wordt er in {low['district']} minder gezien, of "
            "gebeurt er minder?"
        )
    if district != UNIT and visible is not None and result.expected_unit > 0:
        unit_visible = visible_share(area_figures(result, UNIT)[2], result.expected_unit)[0]
        comparison = "meer" if visible > (unit_visible or 0) else "minder"
        return (
            f"In {district} komt{within} met {fmt_pct(visible)} naar verhouding {comparison} van de verwachte "
            f"slachtoffers als signaal in beeld dan in heel Oost-Nederland ({fmt_pct(unit_visible)}). "
            "Herkennen jullie dat, en welke werkwijze of welke registratie verklaart het verschil?"
        )
    return None


def _text_prompt(result: ScenarioResult, baseline: ScenarioResult) -> str:
    return (
        f"De toelichting gaat uit van ongeveer {fmt_int(result.text_regional_figure)} slachtoffers in "
        f"Oost-Nederland ({fmt_pct(result.text_implied_share)} van de landelijke schatting), een verdeling "
        f"naar inwoners geeft ongeveer {fmt_int(baseline.expected_unit)}. Is er reden om Oost-Nederland een "
        "groter aandeel te geven dan zijn inwonertal, en welke?"
    )


def _comensha_prompt(breakdown: pl.DataFrame, scenarios: list[tuple[str, ScenarioResult]]) -> str | None:
    counts = {r["indicator"]: r["aantal"] for r in breakdown.iter_rows(named=True)}
    total = breakdown["totaal"][0] if not breakdown.is_empty() else None
    minors, unknown = counts.get("comensha_minderjarig"), counts.get("comensha_nationaliteit_onbekend")
    if not total or minors is None or unknown is None or any(r.expected_unit <= 0 for _, r in scenarios):
        return None
    shares = join_words(f"in {label} {fmt_pct(total / result.expected_unit)}" for label, result in scenarios)
    return (
        f"Bij CoMensHa staan {fmt_int(total)} slachtoffers uit Oost-Nederland, {shares} van de "
        f"verwachte; {fmt_int(minors)} van hen zijn minderjarig en bij {fmt_int(unknown)} is de nationaliteit "
        "onbekend. Wie ziet minderjarige slachtoffers het eerst, en komen die meldingen bij CoMensHa terecht?"
    )


def scenario_prompts(
    result: ScenarioResult,
    baseline: ScenarioResult,
    breakdown: pl.DataFrame,
    district: str = UNIT,
) -> list[str]:
    """Two to four workshop prompts from the scenario in use and the registered figures."""
    prompts = [
        _visibility_prompt(result, district),
        _district_prompt(result, district),
        _text_prompt(result, baseline),
        _comensha_prompt(breakdown, [(SINGLE_NAME, result)]),
    ]
    return [p for p in prompts if p is not None][:4]


def view_prompts(view: ScenarioView, breakdown: pl.DataFrame, district: str = UNIT) -> list[str]:
    """The page's prompts: for 'jouw scenario', or, when comparing, a first prompt that sets A against B.

    When comparing, the district prompt uses scenario A's expectation and the
    CoMensHa prompt gives the share for A and B. Names are escaped for Markdown.
    """
    if not view.comparing:
        return scenario_prompts(view.first, view.baseline, breakdown, district)
    prompts = [
        _comparison_prompt(view, district),
        _district_prompt(view.first, district, view.scenarios[0].name_md),
        _text_prompt(view.first, view.baseline),
        _comensha_prompt(breakdown, [(s.name_md, s.result) for s in view.scenarios]),
    ]
    return [p for p in prompts if p is not None][:4]
