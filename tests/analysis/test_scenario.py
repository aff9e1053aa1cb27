"""The scenario model with the dashboard's own assumptions.

The text: the Nationaal Rapporteur estimates "meer dan 5500" victims in the Netherlands
(2021); "het aandeel voor Oost-Nederland (afgezet tegen het inwonersaantal) [zou]
ongeveer 1150 moeten zijn". With CBS population (3.282.382 of 17.590.672 on 1 January
2022) the population share gives about 1026 instead.
"""

import polars as pl
import pytest

from analysis import default_national_estimate, run_scenario

SHARE = 3282382 / 17590672
EXPECTED_UNIT = 5500 * SHARE


@pytest.fixture(scope="module")
def scenario(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame):
    return run_scenario(tidy, population, context)


def test_default_national_estimate(context: pl.DataFrame) -> None:
    assert default_national_estimate(context) == 5500


def test_defaults(scenario) -> None:
    assert scenario.national_estimate == 5500
    assert scenario.region_share == pytest.approx(SHARE, rel=1e-12)
    assert scenario.computed_share == pytest.approx(SHARE, rel=1e-12)
    assert scenario.share_is_override is False
    assert scenario.population_year == 2022
    assert scenario.expected_unit == pytest.approx(EXPECTED_UNIT, rel=1e-12)
    assert scenario.expected_unit == pytest.approx(1026.29, abs=0.005)


def test_text_figure(scenario) -> None:
    assert scenario.text_regional_figure == 1150
    assert scenario.text_implied_share == pytest.approx(1150 / 5500)
    assert scenario.text_implied_share == pytest.approx(0.2091, abs=5e-5)
    # The text's 1150 lies about 124 above the population-share computation.
    assert scenario.text_difference == pytest.approx(1150 - EXPECTED_UNIT)
    assert scenario.text_difference == pytest.approx(123.71, abs=0.005)


def test_visibility_rows(scenario) -> None:
    visibility = scenario.visibility
    assert visibility.columns == ["indicator", "bron", "aantal", "verwacht", "zichtbaar_aandeel"]
    assert visibility["indicator"].to_list() == ["signalen", "comensha_slachtoffers", "b8_aangiftes"]
    assert visibility["aantal"].to_list() == [188, 71, 13]
    assert visibility["verwacht"].to_list() == pytest.approx([EXPECTED_UNIT] * 3)
    assert visibility["zichtbaar_aandeel"].to_list() == pytest.approx(
        [188 / EXPECTED_UNIT, 71 / EXPECTED_UNIT, 13 / EXPECTED_UNIT]
    )
    # About 18%, 7% and 1% of the expected victims are visible in these sources.
    assert visibility["zichtbaar_aandeel"].to_list() == pytest.approx([0.1832, 0.0692, 0.0127], abs=5e-4)


def test_district_expectations(scenario) -> None:
    districts = scenario.districts
    assert districts.columns == [
        "district",
        "inwoners",
        "aandeel_inwoners",
        "verwacht",
        "signalen",
        "zichtbaar_aandeel",
    ]
    got = {r["district"]: r for r in districts.iter_rows(named=True)}
    assert {d: r["inwoners"] for d, r in got.items()} == {
        "Gelderland-Midden": 706374,
        "Gelderland-Zuid": 568951,
        "IJsselland": 537993,
        "Noord- en Oost-Gelderland": 835147,
        "Twente": 633917,
    }
    assert {d: r["signalen"] for d, r in got.items()} == {
        "Gelderland-Midden": 64,
        "Gelderland-Zuid": 18,
        "IJsselland": 25,
        "Noord- en Oost-Gelderland": 40,
        "Twente": 41,
    }
    ijsselland = got["IJsselland"]
    assert ijsselland["aandeel_inwoners"] == pytest.approx(537993 / 3282382)
    assert ijsselland["verwacht"] == pytest.approx(537993 / 3282382 * EXPECTED_UNIT)
    assert ijsselland["zichtbaar_aandeel"] == pytest.approx(25 / (537993 / 3282382 * EXPECTED_UNIT))


def test_district_expectations_sum_to_the_unit(scenario) -> None:
    assert scenario.districts["verwacht"].sum() == pytest.approx(scenario.expected_unit, rel=1e-12)
    assert scenario.districts["aandeel_inwoners"].sum() == pytest.approx(1.0, rel=1e-12)


def test_share_override(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame) -> None:
    result = run_scenario(tidy, population, context, share_override=0.2)
    assert result.expected_unit == pytest.approx(1100)
    assert result.region_share == 0.2
    assert result.share_is_override is True
    assert result.computed_share == pytest.approx(SHARE)
    assert result.districts["verwacht"].sum() == pytest.approx(1100)
    assert result.visibility["zichtbaar_aandeel"][0] == pytest.approx(188 / 1100)


def test_national_estimate_override(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    result = run_scenario(tidy, population, context, national_estimate=10000)
    assert result.national_estimate == 10000
    assert result.expected_unit == pytest.approx(10000 * SHARE)
    # The text comparison keeps using the text's own estimate.
    assert result.text_implied_share == pytest.approx(1150 / 5500)


def test_zero_estimate_gives_no_visible_share(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame
) -> None:
    result = run_scenario(tidy, population, context, national_estimate=0)
    assert result.expected_unit == 0
    assert result.visibility["zichtbaar_aandeel"].null_count() == 3
    assert result.districts["zichtbaar_aandeel"].null_count() == 5


@pytest.mark.parametrize(
    "kwargs",
    [
        {"national_estimate": -1},
        {"share_override": 0},
        {"share_override": -0.1},
        {"share_override": 1.5},
    ],
)
def test_invalid_inputs(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame, kwargs: dict
) -> None:
    with pytest.raises(ValueError):
        run_scenario(tidy, population, context, **kwargs)


def test_share_of_one_is_allowed(tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame) -> None:
    assert run_scenario(tidy, population, context, share_override=1).expected_unit == pytest.approx(5500)
