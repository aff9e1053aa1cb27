"""The page 'Van rapportage naar interventie': figures shown, the care toggle, and the district choice."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import all_text, metric_values, run_app

PAGE = "pages/rapportage-interventie.py"


@pytest.fixture(scope="module")
def page() -> AppTest:
    """The page with default choices (the unit, care trajectories not counted)."""
    return run_app(PAGE)


def test_runs_without_exception(page: AppTest) -> None:
    assert not page.exception
    assert "Volgt op een bestuurlijke rapportage een interventie?" in all_text(page)


def test_unit_figures(page: AppTest) -> None:
    values = metric_values(page)
    assert values["Interventies per rapportage"] == "1,30"
    assert values["Bestuurlijke interventies"] == "minstens 78"
    assert values["Bestuurlijke rapportages"] == "63"
    text = all_text(page)
    assert "78 interventies op 60 rapportages" in text
    assert "1,03–1,62" in text
    assert "Hengelo, Tubbergen, Harderwijk en Zutphen" in text


def test_two_separate_lists(page: AppTest) -> None:
    text = all_text(page)
    assert "Rapportage, maar 0 interventies opgegeven" in text
    assert "Geen opgave gedaan (?)" in text
    assert "**Doetinchem** (Noord- en Oost-Gelderland): 1 rapportage" in text
    assert "**Harderwijk** (Noord- en Oost-Gelderland): 3 rapportages" in text
    assert "Overig Twente" in text and "niet van toepassing" in text


def test_prompts_name_municipalities(page: AppTest) -> None:
    text = all_text(page)
    assert "Gespreksvragen" in text
    assert "Zwolle kreeg 7 rapportages" in text


def test_care_toggle_from_link_changes_the_numbers() -> None:
    at = run_app(PAGE, zorg="true")
    assert not at.exception
    values = metric_values(at)
    assert values["Bestuurlijke interventies"] == "minstens 138"
    assert values["Interventies per rapportage"] == "2,30"
    assert "138 interventies op 60 rapportages" in all_text(at)


def test_care_toggle_on_the_page_changes_the_numbers() -> None:
    at = run_app(PAGE)
    assert metric_values(at)["Bestuurlijke interventies"] == "minstens 78"
    at.toggle(key="zorg").set_value(True).run()
    assert not at.exception
    assert metric_values(at)["Bestuurlijke interventies"] == "minstens 138"
    at.toggle(key="zorg").set_value(False).run()
    assert metric_values(at)["Bestuurlijke interventies"] == "minstens 78"


def test_district_twente() -> None:
    at = run_app(PAGE, district="Twente")
    assert not at.exception
    values = metric_values(at)
    assert values["Interventies per rapportage"] == "1,31"
    assert values["Bestuurlijke interventies"] == "minstens 21"
    assert values["Bestuurlijke rapportages"] == "16"
    text = all_text(at)
    assert "Hengelo en Tubbergen gaven geen opgave" in text
    assert "Enschede kreeg 15 rapportages" in text
    assert "Zwolle" not in text


def test_district_without_question_marks_is_no_lower_bound() -> None:
    at = run_app(PAGE, district="IJsselland")
    assert not at.exception
    assert metric_values(at)["Bestuurlijke interventies"] == "13"


def test_invalid_link_values_fall_back() -> None:
    at = run_app(PAGE, zorg="banaan", district="Nergens")
    assert not at.exception
    assert metric_values(at)["Bestuurlijke interventies"] == "minstens 78"
