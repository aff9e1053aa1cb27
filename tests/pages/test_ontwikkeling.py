"""The page 'Ontwikkeling sinds 2019': every figure known for 2019 and 2022, text and table apart."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis import load_context, load_dashboard
from analysis.trends import trend_table
from components.trend_charts import slope_data
from tests.pages.conftest import all_text, chart_specs, run_app

PAGE = "pages/ontwikkeling.py"


@pytest.fixture(scope="module")
def tidy():
    return load_dashboard(2022)


@pytest.fixture(scope="module")
def context():
    return load_context()


@pytest.fixture(scope="module")
def default() -> AppTest:
    return run_app(PAGE)


def test_runs_without_exception(default: AppTest) -> None:
    assert not default.exception


def test_question_and_answer(default: AppTest) -> None:
    assert default.title[0].value == "Wat is er veranderd?"
    answer = default.info[0].value
    assert answer == (
        "Sinds 2019 daalden de strafrechtelijke onderzoeken (54 → 32, in de tabel 22) en de B8-aangiftes "
        "(126 → 14, in de tabel 13) sterk; de signalen daalden licht (203 → 188, −7,4%)."
    )


def test_table_shows_text_and_table_figures() -> None:
    frame = run_app(PAGE, weergave="Tabel").dataframe[0].value
    rows = {r["label"]: r for r in frame.to_dict("records")}
    assert rows["Signalen"]["waarde_2019"] == 203 and rows["Signalen"]["tekst_2022"] == 188
    assert rows["Strafrechtelijke onderzoeken"]["tekst_2022"] == 32
    assert rows["Strafrechtelijke onderzoeken"]["tabel_2022"] == 22
    assert rows["B8-aangiftes"]["waarde_2019"] == 126
    assert rows["B8-aangiftes"]["tekst_2022"] == 14 and rows["B8-aangiftes"]["tabel_2022"] == 13


def test_crawler_change_is_marked(default: AppTest) -> None:
    assert any("Web-IQ" in w.value for w in default.warning)


def test_charts(default: AppTest) -> None:
    specs = chart_specs(default)
    titles = [s["title"]["text"] for s in specs]
    assert titles[:2] == [
        "Wat is er sinds 2019 veranderd?",
        "Groter dan toeval? Aantal 2022 gedeeld door aantal 2019",
    ]
    # The view over every loaded year follows (one small chart per indicator; with one year of tables
    # there is no year-to-year chart yet).
    assert titles[2:] == ["Kerncijfers: hoe ontwikkelde elk cijfer zich door de jaren?"]
    assert specs[1]["layer"][0]["encoding"]["x"]["scale"]["type"] == "log"


def test_slope_labels_keep_text_and_table_apart(tidy, context) -> None:
    _, labels = slope_data(trend_table(tidy, context), 2022)
    texts = labels["etiket"].to_list()
    assert "Strafrechtelijke onderzoeken: 54 → 32 (tekst)" in texts
    assert "Strafrechtelijke onderzoeken: 22 (tabel 2022)" in texts
    assert "B8-aangiftes: 126 → 14 (tekst) / 13 (tabel)" in texts
    assert "Seksadvertenties: bijna +30% (andere crawler)" in texts
    assert "Signalen: 203 → 188 (−7,4%)" in texts
    # Labels never sit on top of each other.
    placed = sorted(labels["label_y"].to_list())
    assert all(b - a >= 9.99 for a, b in zip(placed, placed[1:], strict=False))


def test_prompts_for_the_unit(default: AppTest) -> None:
    text = all_text(default)
    assert "Gespreksvragen" in text
    assert "van 54 naar 32 (tekst) of 22 (tabel)" in text
    assert "ongeveer 25% minder slachtoffers" in text


def test_district_choice() -> None:
    at = run_app(PAGE, district="Twente")
    assert not at.exception
    infos = [i.value for i in at.info]
    assert any("41 van de 188 signalen en 5 van de 22 onderzoeken uit Twente" in i for i in infos)
    assert "In 2022 kwamen 41 van de 188 signalen uit Twente (21,8%)" in all_text(at)
