"""The page 'Onzichtbare slachtoffers': sliders in the link change the expected number shown.

Hard-coded expectations: CBS share 3.282.382 / 17.590.672; 5.500 × share ≈ 1.026,
8.000 × share ≈ 1.493, 4.000 × share ≈ 746, 5.500 × 20% = 1.100; Twente has 633.917
inhabitants, so 5.500 × 633.917 / 17.590.672 ≈ 198, and 41 signals (20,7%).
Comparison: A at 8.000 ≈ 1.493 (12,6% seen), B at 4.000 ≈ 746 (25,2%); in Twente 288 and 144.
"""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import all_text, chart_specs, metric_values, run_app

PAGE = "pages/onzichtbare-slachtoffers.py"
UNIT_MINE = "Verwacht in Oost-Nederland (jouw scenario)"
UNIT_BASE = "Verwacht in Oost-Nederland (basis)"
VISIBLE_MINE = "Signalen als deel van verwacht (jouw scenario)"


def chart_titles(at: AppTest) -> list[str]:
    titles = []
    for spec in chart_specs(at):
        title = spec.get("title", {})
        titles.append(title.get("text") if isinstance(title, dict) else title)
    return titles


@pytest.fixture(scope="module")
def default() -> AppTest:
    return run_app(PAGE)


def test_runs_without_exception(default: AppTest) -> None:
    assert not default.exception


def test_default_figures(default: AppTest) -> None:
    values = metric_values(default)
    assert values[UNIT_BASE] == "1.026"
    assert values[UNIT_MINE] == "1.026"
    assert values[VISIBLE_MINE] == "18,3%"
    text = all_text(default)
    assert default.title[0].value == "Hoeveel slachtoffers zien we niet?"
    assert default.info[0].value == (
        "Minstens 81% van de ongeveer 1.026 verwachte slachtoffers in Oost-Nederland blijft buiten beeld, "
        "ook als elk van de 188 signalen een ander slachtoffer is (landelijke schatting 5.500)."
    )
    assert "188 signalen op ongeveer 1.026 verwachte slachtoffers" in text


def test_assumptions_and_text_figure(default: AppTest) -> None:
    text = all_text(default)
    assert "Aannames" in text and "Uitkomst" in text
    assert "5.500 × 18,66% ≈ **1.026**" in text
    assert "1.150 / 5.500 ≈ 20,9%" in text
    assert "ongeveer 124 hoger" in text


def test_comensha_sums_shown(default: AppTest) -> None:
    text = all_text(default)
    assert "Leeftijd: 12 minderjarig + 59 meerderjarig = 71" in text
    assert "Geslacht: 9 man + 62 vrouw = 71" in text
    assert "Nationaliteit: 19 Nederlands + 25 niet-Nederlands + 27 onbekend = 71" in text
    assert "12 + 59 + 27 = 98" in text


def test_charts_and_prompts(default: AppTest) -> None:
    assert chart_titles(default) == [
        "Hoeveel van de verwachte slachtoffers in Oost-Nederland komen in beeld?",
        "Per district: verwachte slachtoffers tegenover signalen van de politie",
        "Wie staan er bij CoMensHa geregistreerd? Elke indeling telt op tot 71",
    ]
    text = all_text(default)
    assert "Gespreksvragen" in text
    assert "ziet de politie 18,3% van de verwachte slachtoffers in Oost-Nederland" in text


def test_estimate_from_link_changes_the_expectation() -> None:
    at = run_app(PAGE, schatting="8000")
    assert not at.exception
    values = metric_values(at)
    assert values[UNIT_MINE] == "1.493"
    assert values[UNIT_BASE] == "1.026"
    assert values[VISIBLE_MINE] == "12,6%"
    assert "ziet de politie 12,6%" in all_text(at)


def test_estimate_via_session_state() -> None:
    at = run_app(PAGE)
    at.session_state["schatting"] = 4000
    at.run()
    assert not at.exception
    assert metric_values(at)[UNIT_MINE] == "746"


def test_share_override_needs_the_toggle() -> None:
    at = run_app(PAGE, eigen_aandeel="true", aandeel="20,0%")
    assert not at.exception
    assert metric_values(at)[UNIT_MINE] == "1.100"
    assert "ongeveer 1.100 verwachte slachtoffers" in at.info[0].value
    assert "Jouw scenario: 5.500 slachtoffers per jaar landelijk × een eigen aandeel van 20,0%" in all_text(
        at
    )
    ignored = run_app(PAGE, aandeel="20,0%")
    assert metric_values(ignored)[UNIT_MINE] == "1.026"


def test_district_choice() -> None:
    at = run_app(PAGE, district="Twente")
    assert not at.exception
    values = metric_values(at)
    assert values["Verwacht in Twente (jouw scenario)"] == "198"
    assert values[VISIBLE_MINE] == "20,7%"
    assert at.info[0].value.startswith("Minstens 79% van de ongeveer 198 verwachte slachtoffers in Twente")
    assert chart_titles(at)[0] == "Hoeveel van de verwachte slachtoffers in Twente komen in beeld?"
    assert "in Twente: 41 signalen op ongeveer 198" in all_text(at)


def test_district_and_estimate_together() -> None:
    at = run_app(PAGE, district="Twente", schatting="8000")
    assert metric_values(at)["Verwacht in Twente (jouw scenario)"] == "288"


@pytest.mark.parametrize("value", ["abc", "999999", "-5"])
def test_tampered_estimate_is_ignored(value: str) -> None:
    at = run_app(PAGE, schatting=value, eigen_aandeel="misschien", aandeel="20")
    assert not at.exception
    assert metric_values(at)[UNIT_MINE] == "1.026"


# ---------------------------------------------------------------------------
# Comparison: two named scenarios (A and B) in the link.
# ---------------------------------------------------------------------------


def outcome_headings(at: AppTest) -> list[str]:
    bold = [m.value for m in at.markdown if m.value.startswith("**") and m.value.endswith("**")]
    return [b for b in bold if b != "**Weergave**"]


def funnel_table(at: AppTest):
    """The funnel as a table (its 'Tabel' tab opened by the link)."""
    return at.dataframe[0].value


def test_comparison_from_link_shows_both_scenarios() -> None:
    at = run_app(PAGE, vergelijk="true", schatting_b="4000", naam_b="Laag", weergave="Tabel")
    assert not at.exception
    assert {w.key: w.value for w in at.text_input} == {"naam_a": "Scenario A", "naam_b": "Laag"}
    values = metric_values(at)
    assert values["Verwacht in Oost-Nederland (basis)"] == "1.026"
    assert values["Verwacht in Oost-Nederland (Scenario A)"] == "1.026"
    assert values["Verwacht in Oost-Nederland (Laag)"] == "746"
    assert values["Signalen als deel van verwacht (Laag)"] == "25,2%"
    assert outcome_headings(at) == ["**Basis**", "**A · Scenario A**", "**B · Laag**"]
    answer = at.info[0].value
    assert answer == (
        "Ook bij de laagste schatting (B) blijft in Oost-Nederland minstens 74% van de verwachte slachtoffers "
        "buiten beeld. Verwacht: basis ongeveer 1.026, A 1.026, B 746."
    )
    text = all_text(at)
    assert "B · Laag: 4.000 slachtoffers per jaar landelijk" in text
    assert "Scenario A (5.500 landelijk) en Laag (4.000 landelijk) verwachten in Oost-Nederland" in text
    assert "Verwacht: Laag" in funnel_table(at)["stap"].to_list()
    assert "aandeel_b" in funnel_table(at).columns
    assert not at.warning  # every part of the link was understood


def test_comparison_with_both_estimates_and_an_own_share() -> None:
    at = run_app(
        PAGE,
        vergelijk="true",
        schatting="8000",
        naam_a="Hoog",
        schatting_b="4000",
        naam_b="Laag",
        eigen_aandeel_b="true",
        aandeel_b="20,0%",
    )
    assert not at.exception
    values = metric_values(at)
    assert values["Verwacht in Oost-Nederland (Hoog)"] == "1.493"
    assert values["Signalen als deel van verwacht (Hoog)"] == "12,6%"
    assert values["Verwacht in Oost-Nederland (Laag)"] == "800"  # 4.000 × 20%
    assert at.info[0].value.endswith("Verwacht: basis ongeveer 1.026, A 1.493, B 800.")


def test_comparison_for_a_district() -> None:
    at = run_app(PAGE, district="Twente", vergelijk="true", schatting="8000", schatting_b="4000")
    assert not at.exception
    values = metric_values(at)
    assert values["Verwacht in Twente (Scenario A)"] == "288"
    assert values["Verwacht in Twente (Scenario B)"] == "144"
    assert at.info[0].value == (
        "Ook bij de laagste schatting (B) blijft in Twente minstens 71% van de verwachte slachtoffers buiten "
        "beeld. Verwacht: basis ongeveer 198, A 288, B 144."
    )


def test_comparison_is_off_by_default_and_b_needs_it() -> None:
    at = run_app(PAGE, schatting_b="4000", naam_b="Laag")
    assert not at.exception
    assert not at.text_input
    assert metric_values(at)[UNIT_MINE] == "1.026"
    assert "Laag" not in at.info[0].value


def test_switching_comparison_on_in_the_session() -> None:
    at = run_app(PAGE, schatting="8000")
    at.session_state["vergelijk"] = True
    at.run()
    assert not at.exception
    values = metric_values(at)
    assert values["Verwacht in Oost-Nederland (Scenario A)"] == "1.493"
    assert values["Verwacht in Oost-Nederland (Scenario B)"] == "1.026"


@pytest.mark.parametrize(
    "name",
    [
        "<script>alert(1)</script>",
        "[klik](https://evil.example)",
        "**vet** :red[rood] :material/home:",
        "$x^2$ <img src=x onerror=alert(1)>",
    ],
)
def test_hostile_names_are_shown_inert(name: str) -> None:
    at = run_app(PAGE, vergelijk="true", naam_b=name, schatting_b="4000")
    assert not at.exception
    assert at.text_input[1].value == name  # the field holds the text as given
    assert metric_values(at)[UNIT_MINE.replace("jouw scenario", "Scenario A")] == "1.026"
    markdown = [at.info[0].value, *[m.value for m in at.markdown], *[c.value for c in at.caption]]
    markdown += [m.label for m in at.metric]
    for text in markdown:
        # Shown literally: escaped, or (a word with a web address) inside a code span, never as markup.
        assert name not in re.sub(r"(`+).*?\1", "", text)
    assert any("746" in m.value for m in at.metric)


def test_overlong_name_from_the_link_is_cut_and_noticed() -> None:
    at = run_app(PAGE, vergelijk="true", naam_b="W" * 10_000, schatting_b="4000")
    assert not at.exception
    assert at.text_input[1].value == "W" * 40
    assert metric_values(at)["Verwacht in Oost-Nederland (" + "W" * 40 + ")"] == "746"
    assert "naam\\_b\\=WWW" in at.warning[0].value  # the notice (escaped Markdown) names the part


def test_typed_estimate_moves_the_slider_and_reset_returns_to_the_basis() -> None:
    at = run_app(PAGE, schatting="8000", eigen_aandeel="true", aandeel="20,0%")
    assert not at.exception
    assert (
        at.number_input(key="schatting_getal").value == 8000
    )  # the field beside the slider follows the link
    assert metric_values(at)[UNIT_MINE] == "1.600"  # 8.000 × 20%
    # Typing alone changes nothing; 'Zet' (the form's submit button) moves the slider.
    at.number_input(key="schatting_getal").set_value(6250)
    at.button(key="schatting_getal_zet").click().run()
    assert at.slider(key="schatting").value == 6250
    assert metric_values(at)[UNIT_MINE] == "1.250"  # 6.250 × 20%
    at.slider(key="schatting").set_value(7000).run()
    assert at.number_input(key="schatting_getal").value == 7000
    at.button(key="terug_naar_basis").click().run()
    assert not at.exception
    assert (at.slider(key="schatting").value, at.number_input(key="schatting_getal").value) == (5500, 5500)
    assert at.toggle(key="eigen_aandeel").value is False
    assert metric_values(at)[UNIT_MINE] == "1.026"
    assert at.info[0].value.startswith("Minstens 81% van de ongeveer 1.026 verwachte slachtoffers")


def test_reset_puts_both_scenarios_on_the_basis_and_keeps_their_names() -> None:
    at = run_app(PAGE, vergelijk="true", schatting="8000", schatting_b="4000", naam_b="Laag")
    at.button(key="terug_naar_basis").click().run()
    assert not at.exception
    values = metric_values(at)
    assert (
        values["Verwacht in Oost-Nederland (Scenario A)"]
        == values["Verwacht in Oost-Nederland (Laag)"]
        == "1.026"
    )
    assert {w.key: w.value for w in at.text_input} == {"naam_a": "Scenario A", "naam_b": "Laag"}
