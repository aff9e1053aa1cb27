"""The start page shows the unit's key figures, a district's figures, and the data findings."""

from streamlit.testing.v1 import AppTest

from tests.pages.conftest import all_text, metric_values, run_app


def test_start_page_runs_without_exception(app: AppTest) -> None:
    assert not app.exception


def chain_values(at: AppTest) -> dict[str, str]:
    """Metric values by label, without the chain arrow that marks a step after the first."""
    return {label.removeprefix("→ "): value for label, value in metric_values(at).items()}


def test_start_page_shows_unit_key_figures(app: AppTest) -> None:
    values = chain_values(app)
    assert values["Signalen"] == "188"
    assert values["Rapportages"] == "63"
    assert values["Seksadvertenties"] == "29.764"
    assert values["Onderzoeken"] == "22"
    assert values["Instroom OM"] == "44"
    assert values["Gemelde (unieke) slachtoffers bij CoMensHa"] == "71"
    assert values["B8-aangiftes"] == "13"
    # A total that adds up municipalities with '?' is a lower bound, and says so.
    assert values["Interventies"] == "≥ 78"
    assert "Minstens 78: niet elke gemeente gaf een opgave (?)." in all_text(app)


def test_start_page_shows_ratio_with_counts_and_interval(app: AppTest) -> None:
    text = all_text(app)
    assert "22 onderzoeken van 188 signalen" in text
    assert "11,7%" in text
    assert "7,5%–17,2%" in text


def test_start_page_lists_consistency_findings(app: AppTest) -> None:
    text = all_text(app)
    assert "29.764" in text and "29.765" in text
    assert "Strafrechtelijke onderzoeken, Oost-Nederland" in text
    assert "B8-aangiftes, Oost-Nederland" in text
    assert "77 van 99 controles kloppen" in text


def test_district_choice_from_link_shows_district_figures() -> None:
    at = run_app(district="Twente")
    assert not at.exception
    values = chain_values(at)
    assert values["Signalen"] == "41"
    assert values["Seksadvertenties"] == "5.171"
    # Unit-only blocks are not shown for a district.
    assert "B8-aangiftes" not in values


def test_changing_district_updates_figures(app: AppTest) -> None:
    app.selectbox(key="district").select("IJsselland").run()
    assert metric_values(app)["Signalen"] == "25"
    # AppTest drops the entry point's sidebar from its element tree after a rerun of a
    # file-based page (the browser keeps it), so the second change goes via session state.
    app.session_state["district"] = "Oost-Nederland"
    app.run()
    assert metric_values(app)["Signalen"] == "188"


def test_start_page_links_every_question_with_its_time(app: AppTest) -> None:
    text = all_text(app)
    assert "90 minuten" in text
    # The route's links in the page itself (the sidebar holds the menu's links as well).
    links = [link.value for link in app.main.page_link]
    assert any("Krijgen signalen de juiste opvolging?" in label for label in links)
    assert any("Hoeveel slachtoffers zien we niet?" in label for label in links)
    assert len(links) == 8


def test_tampered_district_in_link_falls_back_to_unit() -> None:
    at = run_app(district="<script>alert(1)</script>")
    assert not at.exception
    assert metric_values(at)["Signalen"] == "188"
