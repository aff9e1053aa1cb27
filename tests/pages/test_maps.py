"""The 'Kaart' tab: opened from the link, 76 municipalities with their area's figure, the credit under it."""

import pytest

from tests.pages.conftest import all_text, chart_specs, run_app


def _map_spec(specs: list[dict]) -> dict:
    maps = [s for s in specs if s.get("mark", {}).get("type") == "geoshape" or s.get("mark") == "geoshape"]
    assert len(maps) == 1, [s.get("mark") for s in specs]
    return maps[0]


def _features(spec: dict) -> list[dict]:
    values = (
        spec["data"]["values"] if "values" in spec.get("data", {}) else spec["datasets"][spec["data"]["name"]]
    )
    return values


def test_signal_map_from_the_link_shows_76_municipalities_with_statuses() -> None:
    at = run_app("pages/aard-en-omvang.py", weergave="Kaart", maat="Per 100.000 inwoners")
    assert not at.exception
    spec = _map_spec(chart_specs(at))
    features = _features(spec)
    assert len(features) == 76
    by_name = {f["properties"]["gemeente"]: f["properties"] for f in features}
    assert (
        by_name["Enschede"]["waarde"] == 19
        and by_name["Enschede"]["waarde_tekst"] == "19 signalen mensenhandel"
    )
    assert by_name["Hof van Twente"]["waarde"] is None
    assert by_name["Hof van Twente"]["klasse"].startswith("leeg vak")
    assert by_name["Losser"]["gebied_tekst"].startswith("Overig Twente")
    legend = spec["encoding"]["color"]["scale"]["domain"]
    assert set(legend) == {f["properties"]["klasse"] for f in features}, "the legend lists only used classes"
    assert "Kaart: CBS/PDOK gebiedsindelingen 2022" in all_text(at)


def test_intervention_map_marks_question_marks_and_reports_without_intervention() -> None:
    at = run_app("pages/rapportage-interventie.py", weergave="Kaart")
    assert not at.exception
    features = _features(_map_spec(chart_specs(at)))
    by_name = {f["properties"]["gemeente"]: f["properties"] for f in features}
    assert len(features) == 76
    for unknown in ("Hengelo", "Tubbergen"):
        assert by_name[unknown]["klasse"] == "geen opgave (?)" and by_name[unknown]["waarde"] is None
    for silent in ("Barneveld", "Doetinchem"):
        assert by_name[silent]["klasse"] == "rapportage, geen interventie" and by_name[silent]["waarde"] == 0


@pytest.mark.parametrize("page", ["pages/aard-en-omvang.py", "pages/rapportage-interventie.py"])
def test_map_follows_the_sidebar_district(page: str) -> None:
    at = run_app(page, weergave="Kaart", district="Twente")
    assert not at.exception
    features = _features(_map_spec(chart_specs(at)))
    chosen = {f["properties"]["district"] for f in features if f["properties"]["gekozen"]}
    assert chosen == {"Twente"}


def test_casustafel_map_shows_the_districts_with_their_figures() -> None:
    at = run_app("pages/casustafels.py", weergave="Kaart")
    assert not at.exception
    features = _features(_map_spec(chart_specs(at)))
    assert len(features) == 76
    by_district = {f["properties"]["district"]: f["properties"] for f in features}
    assert len(by_district) == 5
    ijsselland = by_district["IJsselland"]
    assert ijsselland["groep"] == "met casustafel"
    assert ijsselland["tekst"] == "1,00 (13 interventies op 13 rapportages)"
    assert ijsselland["groep_tekst"].startswith("1,24 (51 interventies op 41")
    assert by_district["Gelderland-Zuid"]["groep"] == "zonder casustafel"


def test_victims_map_shows_expected_next_to_registered() -> None:
    at = run_app("pages/onzichtbare-slachtoffers.py", weergave2="Kaart")
    assert not at.exception
    features = _features(_map_spec(chart_specs(at)))
    by_district = {f["properties"]["district"]: f["properties"] for f in features}
    assert len(features) == 76 and len(by_district) == 5
    midden = by_district["Gelderland-Midden"]
    assert midden["signalen_tekst"] == "64 signalen geregistreerd"
    assert midden["verwacht_tekst"] == "ongeveer 221 slachtoffers verwacht"
    assert midden["gezien_tekst"] == "29%" and midden["klasse"] == "20% tot 40% gezien"


def test_start_page_has_a_small_orientation_map_with_the_chosen_district() -> None:
    at = run_app(district="Twente")
    assert not at.exception
    spec = _map_spec(chart_specs(at))
    assert spec["usermeta"]["kaart"] == "klein"
    features = _features(spec)
    assert {f["properties"]["district"] for f in features if f["properties"]["gekozen"]} == {"Twente"}
