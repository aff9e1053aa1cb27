"""The page 'Casustafels': the comparison, the ratio choice, the care toggle and the district choice."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import all_text, metric_values, run_app

PAGE = "pages/casustafels.py"


@pytest.fixture(scope="module")
def page() -> AppTest:
    """The page with default choices: interventions per report, care trajectories not counted."""
    return run_app(PAGE)


def test_runs_without_exception(page: AppTest) -> None:
    assert not page.exception
    assert "Maakt een casustafel verschil?" in all_text(page)


def test_default_comparison(page: AppTest) -> None:
    values = metric_values(page)
    assert values["Met casustafel"] == "1,24"
    assert values["Zonder casustafel"] == "1,42"
    assert values["Verhouding met / zonder"] == "0,88"
    text = all_text(page)
    assert "51 interventies op 41 rapportages" in text
    assert "27 interventies op 19 rapportages" in text
    assert "0,54–1,45" in text
    assert "aanwijzing, geen bewijs" in text


def test_explanation_and_prompts(page: AppTest) -> None:
    text = all_text(page)
    assert "De toelichting bij het dashboard stelt" in text
    assert "17+3" in text
    assert "Gespreksvragen" in text
    assert "besprak wel 3 casussen" in text


def test_ratio_choice_from_link_changes_the_verdict() -> None:
    at = run_app(PAGE, verhouding="Interventies per 100 signalen")
    assert not at.exception
    values = metric_values(at)
    assert values["Met casustafel"] == "42,9 per 100"
    assert values["Zonder casustafel"] == "50,0 per 100"
    assert values["Verhouding met / zonder"] == "0,86"
    text = all_text(at)
    assert "51 interventies op 119 signalen" in text
    assert "verhouding 0,86" in text


def test_ratio_choice_on_the_page_changes_the_numbers() -> None:
    at = run_app(PAGE)
    at.button_group(key="verhouding").set_value("Zorgtrajecten per 100 signalen").run()
    assert not at.exception
    values = metric_values(at)
    assert values["Met casustafel"] == "37,8 per 100"
    assert values["Verhouding met / zonder"] == "1,36"
    assert "verandert hier niets" in all_text(at)


def test_care_toggle_changes_the_numbers() -> None:
    at = run_app(PAGE, zorg="true")
    assert not at.exception
    values = metric_values(at)
    assert values["Met casustafel"] == "2,34"
    assert values["Zonder casustafel"] == "2,21"
    assert values["Verhouding met / zonder"] == "1,06"
    assert "96 interventies op 41 rapportages" in all_text(at)


def test_district_twente() -> None:
    at = run_app(PAGE, district="Twente")
    assert not at.exception
    text = all_text(at)
    assert "Gekozen gebied: Twente hoort bij de groep met casustafel" in text
    assert "Twente hield 4 casustafelvergaderingen" in text
    # The comparison itself stays the five districts.
    assert metric_values(at)["Verhouding met / zonder"] == "0,88"


def test_invalid_link_values_fall_back() -> None:
    at = run_app(PAGE, verhouding="<script>", zorg="nee")
    assert not at.exception
    assert metric_values(at)["Met casustafel"] == "1,24"
