"""Page views: one call gathers what a page shows, with the same figures as the separate functions.

Figures come from the published 2022 tables (188 signals, 22 investigations, 63 reports,
29.764 ads, 154 controls; Arnhem 46 signals) and the CBS population.
"""

import polars as pl
import pytest

from analysis import UNIT, Tables
from analysis.blocks import data_view
from analysis.casustafel import casustafel_view, ratio_key
from analysis.followup import followup_view
from analysis.interventions import intervention_view
from analysis.scenario import ScenarioControls, scenario_defaults, scenario_page
from analysis.summary import start_view
from analysis.supply import MEASURE_COUNT, MEASURE_RATE, funnel_view, indicator_view, supply_overview
from analysis.trends import KEY_FIGURES, trends_view


@pytest.fixture(scope="module")
def tables(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame) -> Tables:
    return Tables(tidy, population, context)


def test_supply_overview_counts_and_controls(tables: Tables) -> None:
    overview = supply_overview(tables, UNIT)
    counts = {f.indicator: f.count for f in overview.figures}
    assert counts == {"seksadvertenties": 29_764, "prostitutiecontroles": 154, "signalen": 188}
    assert overview.answer.startswith(
        "188 signalen van mensenhandel in Oost-Nederland in 2022: 5,7 per 100.000"
    )
    assert overview.unit_controls.numerator == 154 and overview.unit_controls.denominator == 29_764
    assert 2 <= len(overview.prompts) <= 4


def test_indicator_view_has_areas_districts_and_titles(tables: Tables) -> None:
    view = indicator_view(tables, UNIT, "signalen")
    arnhem = view.areas.filter(pl.col("gebied") == "Arnhem").row(0, named=True)
    assert arnhem["waarde"] == 46
    assert view.areas.height == 25 and view.districts.height == 5
    assert view.districts["waarde"].sum() == 188
    assert view.area_titles[MEASURE_COUNT] == "De meeste signalen: Arnhem (46)"
    assert view.area_titles[MEASURE_RATE].startswith("De meeste signalen per 100.000 inwoners:")
    # The published table leaves the signals cell empty for West-Betuwe, Hof van Twente and Barneveld.
    empty = view.areas.filter(pl.col("status") == "leeg")["gebied"].to_list()
    assert empty == ["West Betuwe", "Hof van Twente", "Barneveld"]
    assert view.empty_note.startswith(
        "Bij West Betuwe, Hof van Twente en Barneveld is het vak voor signalen leeg. Dat is geen nul"
    )
    assert view.ads_note is None  # only for the ads indicator


def test_funnel_view_for_districts(tables: Tables) -> None:
    view = funnel_view(tables, "Twente", "district")
    assert view.points.height == 5
    assert view.points.filter(pl.col("gekozen"))["gebied"].to_list() == ["Twente"]
    assert view.overall == pytest.approx(188 / 3_282_382 * 100_000, rel=1e-3)
    assert view.grid.height > 0 and view.display.height == 5


def test_followup_view(tables: Tables) -> None:
    view = followup_view(tables, UNIT)
    assert view.unit_share == pytest.approx(22 / 188)
    unit = view.table.filter(pl.col("gebied") == UNIT).row(0, named=True)
    assert (unit["signalen"], unit["onderzoeken"]) == (188, 22)
    assert view.share_display.columns[:3] == ["gebied", "signalen", "onderzoeken"]
    assert view.answer == (
        "22 van de 188 signalen (11,7%) leidden in Oost-Nederland tot een strafrechtelijk onderzoek; "
        "het OM besliste over 44 verdachten."
    )
    assert followup_view(tables, "Gelderland-Midden").answer.startswith("4 van de 64 signalen (6,3%) leidden")
    # The text says 32 investigations, the table 22: the caveat names both, from the data.
    assert (
        view.caveats[-1]
        == "De toelichting noemt 32 onderzoeken in 2022, de tabel 22. Deze pagina rekent met de tabel."
    )
    assert view.decisions["rij"].unique().to_list() == ["OM 2022"]


def test_followup_caveat_follows_the_year(tables: Tables) -> None:
    """A later year without a text figure gets no text-versus-table caveat and its own bar label."""
    later = Tables(
        tidy=tables.tidy.with_columns(jaar=pl.lit(2023, dtype=pl.Int64)),
        population=tables.population,
        context=tables.context,
    )
    view = followup_view(later, UNIT)
    assert not any("toelichting noemt" in caveat for caveat in view.caveats)
    assert view.decisions["rij"].unique().to_list() == ["OM 2023"]


def test_intervention_view(tables: Tables) -> None:
    view = intervention_view(tables, UNIT, False)
    assert view.summary.reports_total == 63
    assert view.summary.interventions_known == 78 and view.summary.lower_bound
    assert (view.summary.ratio.numerator, view.summary.ratio.denominator) == (78, 60)
    with_care = intervention_view(tables, UNIT, True)
    assert with_care.summary.interventions_known > view.summary.interventions_known


def test_casustafel_view(tables: Tables) -> None:
    view = casustafel_view(tables, ratio_key(None), False, UNIT)
    assert (view.comparison.with_ratio.numerator, view.comparison.with_ratio.denominator) == (51, 41)
    assert (view.comparison.without_ratio.numerator, view.comparison.without_ratio.denominator) == (27, 19)
    districts = view.districts.filter(pl.col("soort") == "district")
    assert districts["teller"].to_list() == [13, 21, 17, 12, 15]
    assert view.districts.filter(pl.col("soort") == "groep")["teller"].to_list() == [51, 27]
    assert view.answer and view.prompts


def test_start_view(tables: Tables) -> None:
    view = start_view(tables, UNIT)
    assert view.headline.startswith("22 van de 188 signalen van mensenhandel (11,7%) leidden in 2022")
    # Both chains, with the unit totals of the 2022 dashboard (interventions 20 + 0 + 50 + 2 + 6 = 78).
    assert view.steps["aantal"].to_list() == [29_764, 154, 63, 78, 188, 22, 44]
    assert view.checks.height == 99
    # "Slachtoffers in beeld": 71 unique victims reported to CoMensHa and 13 B8 reports (2022 dashboard).
    victims = {f.code: (f.value, f.source) for f in view.victims}
    assert victims == {
        "comensha_slachtoffers": (71, "CoMensHa"),
        "b8_aangiftes": (13, "Politie Oost-Nederland (BVH)"),
    }


def test_data_view(tables: Tables) -> None:
    view = data_view(tables, 2022, UNIT)
    assert view.answer.startswith("De tabel telt 401 cijfers over 2022: 373 gerapporteerd, 3 lege vakken")
    assert view.status_counts == {
        "gerapporteerd": 373,
        "leeg": 3,
        "niet_gerapporteerd": 24,
        "niet_van_toepassing": 1,
    }
    assert len(view.blocks) >= 6


def test_scenario_page_default_and_named_scenarios(tables: Tables) -> None:
    start = scenario_defaults(tables, 2022)
    one = scenario_page(tables, (ScenarioControls(start.default_estimate, False, None),), UNIT)
    assert round(one.view.first.expected_unit) == 1026
    two = scenario_page(
        tables,
        (ScenarioControls(5500, False, None, "Midden"), ScenarioControls(4000, False, None, "Laag")),
        UNIT,
    )
    assert two.view.comparing
    assert round(two.view.scenarios[1].result.expected_unit) == 746


def test_trends_view(tables: Tables) -> None:
    view = trends_view([tables], 2022, UNIT, KEY_FIGURES)
    assert "203 → 188, −7,4%" in view.answer
    assert view.steps.is_empty()  # one year of tables
    assert 2 <= len(view.prompts) <= 4
