"""The start page shows the unit's key figures, a district's figures, and the data findings."""

from streamlit.testing.v1 import AppTest

from tests.pages.conftest import all_text, metric_values, run_app


def test_start_page_runs_without_exception(app: AppTest) -> None:
    assert not app.exception


def test_start_page_shows_unit_key_figures(app: AppTest) -> None:
    values = metric_values(app)
    assert values["Signalen mensenhandel"] == "188"
    assert values["Bestuurlijke rapportages politie/OM"] == "63"
    assert values["Actieve seksadvertenties"] == "29.764"
    assert values["Strafrechtelijke onderzoeken"] == "22"
    assert values["Instroom OM (vervolging)"] == "44"
    assert values["Gemelde (unieke) slachtoffers bij CoMensHa"] == "71"
    assert values["B8-aangiftes"] == "13"
    # A total that adds up municipalities with '?' is a lower bound, and says so.
    assert values["Bestuurlijke interventies"] == "minstens 78"


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
    values = metric_values(at)
    assert values["Signalen mensenhandel"] == "41"
    assert values["Actieve seksadvertenties"] == "5.171"
    # Unit-only blocks are not shown for a district.
    assert "B8-aangiftes" not in values


def test_changing_district_updates_figures(app: AppTest) -> None:
    app.selectbox(key="district").select("IJsselland").run()
    assert metric_values(app)["Signalen mensenhandel"] == "25"
    # AppTest drops the entry point's sidebar from its element tree after a rerun of a
    # file-based page (the browser keeps it), so the second change goes via session state.
    app.session_state["district"] = "Oost-Nederland"
    app.run()
    assert metric_values(app)["Signalen mensenhandel"] == "188"


def test_tampered_district_in_link_falls_back_to_unit() -> None:
    at = run_app(district="<script>alert(1)</script>")
    assert not at.exception
    assert metric_values(at)["Signalen mensenhandel"] == "188"
