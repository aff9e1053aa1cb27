"""The page "Aard en omvang": figures, the count/rate toggle, the indicator choice, the funnel, a district."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import all_text, chart_specs, metric_values, run_app, tables_open

PAGE = "pages/aard-en-omvang.py"
#: The four charts of the page shown as tables (areas, districts, controls, funnel).
TABLES = tables_open("weergave", "weergave2", "controles", "trechter")


@pytest.fixture(scope="module")
def page() -> AppTest:
    """The page with default choices, run once for the read-only tests."""
    return run_app(PAGE, **TABLES)


def table(at: AppTest, index: int) -> list[dict]:
    """Rows of the index-th table on the page (0: areas, 1: districts, 2: controls, 3: funnel)."""
    return at.dataframe[index].value.to_dict("records")


def by_area(rows: list[dict], area: str) -> dict:
    return next(r for r in rows if r["Gebied"] == area)


def test_page_runs_without_a_district(page: AppTest) -> None:
    assert not page.exception
    assert "Wat is de aard en omvang?" in all_text(page)


def test_page_shows_unit_counts(page: AppTest) -> None:
    assert metric_values(page) == {
        "Actieve seksadvertenties": "29.764",
        "Prostitutiecontroles": "154",
        "Signalen mensenhandel": "188",
    }
    assert page.info[0].value.startswith("188 signalen van mensenhandel in Oost-Nederland in 2022")
    assert "29.764 seksadvertenties" in page.info[0].value
    areas = table(page, 0)
    assert len(areas) == 25
    assert by_area(areas, "Arnhem")["Aantal"] == "46"
    assert by_area(areas, "West Betuwe")["Aantal"] == "leeg"


def test_page_explains_empty_cells_and_funnel(page: AppTest) -> None:
    text = all_text(page)
    assert "Bij West Betuwe, Hof van Twente en Barneveld is het vak voor signalen leeg" in text
    assert "kleine gebieden wijken door toeval sterker af" in text
    assert "154 controles op 29.764 advertenties" in text


def test_page_flags_areas_outside_the_funnel(page: AppTest) -> None:
    funnel = table(page, 3)
    assert by_area(funnel, "Arnhem")["Positie"] == "▲ ver boven de trechter"
    assert by_area(funnel, "Hof van Twente")["Positie"] == "niet in de trechter (leeg)"
    controls = table(page, 2)
    assert by_area(controls, "Nijmegen")["Verhouding"] == "16 controles op 2.766 advertenties"


def test_page_prompts_name_areas(page: AppTest) -> None:
    text = all_text(page)
    assert "Arnhem ligt met 46 signalen op 163.888 inwoners" in text
    assert "1 controle op 1.169 advertenties" in text


def test_rate_toggle_from_link_changes_the_numbers() -> None:
    at = run_app(PAGE, **TABLES, maat="Per 100.000 inwoners")
    assert not at.exception
    assert metric_values(at) == {
        "Advertenties per 100.000 inwoners": "907",
        "Controles per 100.000 inwoners": "4,7",
        "Signalen per 100.000 inwoners": "5,7",
    }
    assert by_area(table(at, 0), "Arnhem")["Per 100.000 inwoners"] == "28,1"


def test_rate_toggle_in_session_changes_the_numbers() -> None:
    at = run_app(PAGE, **TABLES)
    assert metric_values(at)["Signalen mensenhandel"] == "188"
    at.session_state["maat"] = "Per 100.000 inwoners"
    at.run()
    assert not at.exception
    assert metric_values(at)["Signalen per 100.000 inwoners"] == "5,7"


def test_indicator_choice_changes_the_table() -> None:
    at = run_app(PAGE, **TABLES, indicator="Advertenties")
    assert not at.exception
    areas = table(at, 0)
    assert by_area(areas, "Zwolle")["Aantal"] == "3.013"
    assert by_area(areas, "West Betuwe")["Aantal"] == "202"
    assert "De vijf districten tellen samen 29.765 advertenties" in all_text(at)


def test_district_twente() -> None:
    at = run_app(PAGE, **TABLES, district="Twente")
    assert not at.exception
    assert metric_values(at) == {
        "Actieve seksadvertenties": "5.171",
        "Prostitutiecontroles": "25",
        "Signalen mensenhandel": "41",
    }
    assert at.info[0].value.startswith("41 signalen van mensenhandel in Twente in 2022")
    areas = table(at, 0)
    assert [r["Gebied"] for r in areas] == [
        "Enschede",
        "Almelo",
        "Hengelo",
        "Hof van Twente",
        "Tubbergen",
        "Overig Twente",
    ]
    text = all_text(at)
    assert "Bij Hof van Twente is het vak voor signalen leeg" in text
    assert "Hengelo (10 op 81.476" in text
    assert "Arnhem ligt met" not in text


def test_district_twente_with_rates_and_district_funnel() -> None:
    at = run_app(PAGE, **TABLES, district="Twente", maat="Per 100.000 inwoners", niveau="Districten")
    assert not at.exception
    assert metric_values(at)["Signalen per 100.000 inwoners"] == "6,5"
    funnel = table(at, 3)
    assert len(funnel) == 5
    assert by_area(funnel, "Gelderland-Midden")["Positie"] == "▲ ver boven de trechter"
    assert by_area(funnel, "Twente")["Positie"] == "binnen de trechter"


def test_invalid_link_values_fall_back_to_defaults() -> None:
    at = run_app(PAGE, **TABLES, maat="onzin", indicator="niets", niveau="x")
    assert not at.exception
    assert metric_values(at)["Signalen mensenhandel"] == "188"
    assert len(table(at, 3)) == 25


def test_only_the_open_tab_is_drawn() -> None:
    charts = run_app(PAGE)
    assert len(chart_specs(charts)) == 4
    assert len(charts.dataframe) == 0
    tables = run_app(PAGE, **TABLES)
    assert len(chart_specs(tables)) == 0
    assert len(tables.dataframe) == 4
