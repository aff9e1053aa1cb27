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


def test_onzichtbare_slachtoffers_shows_the_registered_share_without_its_margin(tables: Tables) -> None:
    page = scenario_page(tables, (ScenarioControls(5500, False, None),))
    figure = kf.outcome_key(page.outcome)
    assert figure.value == "18,3%"
    assert figure.words.startswith("188 signalen op ongeveer 1.026 verwachte slachtoffers")
    assert "marge" not in figure.words


def test_ontwikkeling_shows_signals_then_and_now(tables: Tables) -> None:
    view = trends_view([tables], 2022, "Oost-Nederland", KEY_FIGURES)
    assert kf.change_key(view.table) == kf.KeyNumber("203 → 188", "signalen in 2019 en in 2022 (−7,4%)")
