"""The key figure of each question slide: the published number, large, with its counts in words."""

from __future__ import annotations

import pytest

from analysis import key_figures as kf
from analysis.casustafel import DEFAULT_CHOICE, casustafel_view, ratio_key
from analysis.dataset import Tables
from analysis.followup import followup_view
from analysis.interventions import intervention_view
from analysis.scenario import scenario_page
from analysis.scenario.compare import ScenarioControls
from analysis.summary import start_view
from analysis.supply import supply_overview
from analysis.trends import KEY_FIGURES, trends_view


@pytest.fixture(scope="module")
def tables() -> Tables:
    from analysis import load_context, load_dashboard, load_population

    return Tables(load_dashboard(2022), load_population(), load_context())


def test_start_shows_the_signals(tables: Tables) -> None:
    assert kf.chain_key(start_view(tables).steps) == kf.KeyNumber(
        "188", "signalen van mensenhandel registreerde de politie"
    )


def test_aard_en_omvang_shows_signals_per_inhabitant_with_the_counts(tables: Tables) -> None:
    assert kf.supply_key(supply_overview(tables).figures) == kf.KeyNumber(
        "5,7", "signalen per 100.000 inwoners: 188 signalen op 3.282.382 inwoners"
    )


def test_opvolging_shows_the_share_with_its_counts(tables: Tables) -> None:
    view = followup_view(tables)
    assert kf.followup_key(view.table) == kf.KeyNumber(
        "11,7%", "22 van de 188 signalen leidden tot een strafrechtelijk onderzoek"
    )
    assert kf.followup_key(view.table, "Gelderland-Midden") == kf.KeyNumber(
        "6,3%", "4 van de 64 signalen leidden tot een strafrechtelijk onderzoek"
    )


def test_rapportage_shows_interventions_per_report(tables: Tables) -> None:
    summary = intervention_view(tables, "Oost-Nederland", False).summary
    assert kf.ratio_key(summary.ratio) == kf.KeyNumber(
        "1,30", "bestuurlijke interventies per rapportage: 78 interventies op 60 rapportages"
    )


def test_casustafels_shows_both_groups_with_their_counts(tables: Tables) -> None:
    comparison = casustafel_view(tables, ratio_key(DEFAULT_CHOICE), False).comparison
    figure = kf.comparison_key(comparison.with_ratio, comparison.without_ratio)
    assert figure.value == "1,24 tegen 1,42"
    assert (
        "(51 interventies op 41 rapportages) tegen zonder (27 interventies op 19 rapportages)" in figure.words
    )


def test_onzichtbare_slachtoffers_shows_the_hidden_share_the_answer_leads_with(tables: Tables) -> None:
    page = scenario_page(tables, (ScenarioControls(5500, False, None),))
    figure = kf.hidden_key(page.view)
    assert figure.value == "minstens 81%"
    assert figure.words == (
        "van de ongeveer 1.026 verwachte slachtoffers in Oost-Nederland blijft buiten beeld; "
        "de politie registreerde 188 signalen"
    )
    assert page.answer.startswith("Minstens 81% van de ongeveer 1.026 verwachte slachtoffers")


def test_onzichtbare_slachtoffers_compared_takes_the_lowest_estimate_like_the_answer(tables: Tables) -> None:
    controls = (ScenarioControls(8000, False, None, "Hoog"), ScenarioControls(4000, True, 20.0, "Laag"))
    page = scenario_page(tables, controls)
    figure = kf.hidden_key(page.view)
    assert "minstens 76%" in page.answer and "(B)" in page.answer
    assert figure.value == "minstens 76%"
    assert "ongeveer 800 verwachte slachtoffers in Oost-Nederland (laagste schatting, B)" in figure.words


def test_onzichtbare_slachtoffers_district_without_enough_expected(tables: Tables) -> None:
    """A tiny national estimate puts the district's signals above its expectation: the slide shows the expectation."""
    page = scenario_page(tables, (ScenarioControls(500, False, None),), "Twente")
    figure = kf.hidden_key(page.view, "Twente")
    assert figure.words == "verwachte slachtoffers volgens de landelijke schatting"
    assert "meer dan de ongeveer" in page.answer


def test_ontwikkeling_shows_signals_then_and_now(tables: Tables) -> None:
    view = trends_view([tables], 2022, "Oost-Nederland", KEY_FIGURES)
    assert kf.change_key(view.table, "signalen") == kf.KeyNumber(
        "203 → 188", "signalen in 2019 en in 2022 (−7,4%)"
    )


def test_ontwikkeling_leads_with_what_the_answer_names_first(tables: Tables) -> None:
    view = trends_view([tables], 2022, "Oost-Nederland", KEY_FIGURES)
    assert view.answer.startswith(
        "Sinds 2019 daalden de strafrechtelijke onderzoeken (54 → 32, in de tabel 22)"
    )
    assert kf.change_key(view.table) == kf.KeyNumber(
        "54 → 32",
        "strafrechtelijke onderzoeken in 2019 en in 2022 volgens de toelichting (−40,7%); de tabel telt er 22 "
        "(−59,3%)",
    )
