"""AppTest of the werksessie page: create a session, join by link, post, and a wrong key refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import all_text, run_app, submit_button

PAGE = "pages/werksessie.py"


@pytest.fixture(autouse=True)
def _temp_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", f"sqlite:///{tmp_path / 'werksessies.sqlite'}")


def _create(title: str = "Sessie Twente") -> tuple[AppTest, str, str]:
    at = run_app(PAGE)
    assert not at.exception
    at.text_input(key="_ws_titel").input(title)
    submit_button(at, "ws_start", "Werksessie starten").click().run()
    assert not at.exception
    link, key, *_ = [c.value for c in at.code]
    code = link.rsplit("sessie=", 1)[1]
    return at, code, key


def test_page_runs_with_and_without_district() -> None:
    for query in ({}, {"district": "Twente"}):
        at = run_app(PAGE, **query)
        assert not at.exception
        assert "Werksessie: schat eerst, dan zien" in all_text(at)
        assert submit_button(at, "ws_start", "Werksessie starten")


def test_create_shows_link_and_key_once() -> None:
    at, code, key = _create()
    assert len(code) == 6
    assert len(key) == 19 and key.count("-") == 3
    assert "Sessie Twente" in all_text(at)
    at.button(key="ws_sleutel_bewaard").click().run()
    assert key not in [c.value for c in at.code]


def test_join_by_link_estimate_and_post() -> None:
    _, code, _ = _create()
    at = run_app(PAGE, sessie=code)
    assert not at.exception
    text = all_text(at)
    assert "Sessie Twente" in text and "geen persoonsgegevens" in text
    assert "188" not in text  # the published figure stays hidden until the reveal
    at.number_input(key="_ws_schatting_signalen").set_value(150)
    submit_button(at, "ws_schatting_signalen", "Schatting insturen (ronde 1)").click().run()
    assert "Je schatting voor ronde 1 is opgeslagen." in [s.value for s in at.success]
    at.text_area(key="_ws_tekst_signalen").input("Meer controles in de zomer <b>vet</b>")
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    assert not at.exception
    assert "Meer controles in de zomer <b>vet</b>" in [t.value for t in at.text]
    assert at.text_area(key="_ws_tekst_signalen").value == ""
    assert "1 schatting binnen" in all_text(at)


def test_personal_data_refused_and_text_kept() -> None:
    _, code, _ = _create()
    at = run_app(PAGE, sessie=code)
    typed = "Jan Jansen, geboren 12-03-1985, bel 06-12345678"
    at.text_area(key="_ws_tekst_signalen").input(typed)
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "persoonsgegevens" in errors
    assert at.text_area(key="_ws_tekst_signalen").value == typed


def test_wrong_key_refused_right_key_reveals() -> None:
    _, code, key = _create()
    at = run_app(PAGE, sessie=code)
    at.number_input(key="_ws_schatting_signalen").set_value(150)
    submit_button(at, "ws_schatting_signalen", "Schatting insturen (ronde 1)").click().run()
    at.text_input(key="_ws_sleutel").input("AAAA-BBBB-CCCC-DDDD").run()
    at.button(key="ws_tonen").click().run()
    assert any("alleen voor de gespreksleider" in e.value for e in at.error)
    assert "Gepubliceerd cijfer" not in [m.label for m in at.metric]
    at.text_input(key="_ws_sleutel").input(key).run()
    at.button(key="ws_tonen").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Gepubliceerd cijfer"] == "188"
    assert "de enige schatting was 150" in all_text(at)


def test_unknown_code_says_so() -> None:
    at = run_app(PAGE, sessie="ZZZZZZ")
    assert not at.exception
    assert any("geen werksessie met deze code" in w.value for w in at.warning)


def test_unreachable_database_keeps_app_working(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    at = run_app(PAGE, sessie="K7Q2MX")
    assert not at.exception
    assert any("niet bereikbaar" in e.value for e in at.error)
    other = run_app("pages/opvolging.py")
    assert not other.exception


def test_rate_limit_keeps_text() -> None:
    _, code, _ = _create()
    at = run_app(PAGE, sessie=code)
    for i in range(5):
        at.text_area(key="_ws_tekst_signalen").input(f"Observatie {i}")
        submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
        assert not at.error, [e.value for e in at.error]
    at.text_area(key="_ws_tekst_signalen").input("Nog een")
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    assert any("Wacht even" in e.value for e in at.error)
    assert at.text_area(key="_ws_tekst_signalen").value == "Nog een"
    assert "Nog een" not in [t.value for t in at.text]


def test_database_failure_while_posting_keeps_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from storage import Store, StoreUnavailableError
    from storage.repository import UNAVAILABLE_MESSAGE

    _, code, _ = _create()
    at = run_app(PAGE, sessie=code)

    def down(*_args: object, **_kwargs: object) -> None:
        raise StoreUnavailableError(UNAVAILABLE_MESSAGE)

    monkeypatch.setattr(Store, "add_note", down)
    monkeypatch.setattr(Store, "board", down)
    at.text_area(key="_ws_tekst_signalen").input("Dit mag niet verloren gaan")
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    assert not at.exception
    assert sum("niet bereikbaar" in e.value for e in at.error) >= 2  # the board and the post both say so
    assert at.text_area(key="_ws_tekst_signalen").value == "Dit mag niet verloren gaan"
