"""Dates on the werksessie page in Dutch: day-month-year, and no empty date field with an English 'dd-mm-yyyy'.

An empty ``st.date_input`` (``value=None``) shows the placeholder 'dd-mm-yyyy' whatever the
browser's language. The action point's deadline is therefore a switch plus a filled-in date
that counts only when the switch is on.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from components import werksessie_views as views
from storage import make_engine, migrate
from storage.models import Note
from tests.pages.conftest import run_app, submit_button

PAGE = "pages/werksessie.py"


@pytest.fixture(autouse=True)
def _temp_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", f"sqlite:///{tmp_path / 'werksessies.sqlite'}")


def _session() -> AppTest:
    """A new werksessie, opened at its board with the note form."""
    at = run_app(PAGE)
    at.text_input(key="_ws_titel").input("Sessie Twente")
    submit_button(at, "ws_start", "Werksessie starten").click().run()
    assert not at.exception
    participant = run_app(PAGE, sessie=str(at.query_params["sessie"]))  # the note form is on the phone view
    assert not participant.exception
    return participant


def _deadlines(tmp_path: Path) -> list[dt.date | None]:
    engine = make_engine(f"sqlite:///{tmp_path / 'werksessies.sqlite'}")
    migrate(engine)
    with engine.connect() as connection:
        found = list(connection.execute(select(Note.deadline).order_by(Note.id)).scalars())
    engine.dispose()
    return found


def _post_action(at: AppTest, text: str, *, with_deadline: bool) -> None:
    at.text_area(key="_ws_tekst_signalen").input(text)
    at.radio(key="_ws_soort_signalen").set_value("actiepunt")
    at.checkbox(key="_ws_met_deadline_signalen").set_value(with_deadline)
    submit_button(at, "ws_notitie_signalen", "Plaatsen").click().run()
    assert not at.exception


def test_every_date_field_is_filled_and_day_month_year() -> None:
    start = run_app(PAGE)
    assert [f.key for f in start.date_input] == ["_ws_datum"]
    at = _session()
    fields = [*start.date_input, *at.date_input]
    assert {f.key for f in fields} >= {"_ws_deadline_signalen"}
    for field in fields:
        assert field.value is not None, f"{field.key} would show an English 'dd-mm-yyyy'"
        assert field.proto.format == "DD-MM-YYYY"
    deadline = at.date_input(key="_ws_deadline_signalen")
    assert deadline.label == views.DEADLINE_LABEL
    assert deadline.value == dt.date.today() + dt.timedelta(weeks=4)
    assert "Dag-maand-jaar" in deadline.help


def test_deadline_counts_only_with_its_switch(tmp_path: Path) -> None:
    at = _session()
    _post_action(at, "Registratie afstemmen", with_deadline=False)
    _post_action(at, "Tweede overleg plannen", with_deadline=True)
    assert _deadlines(tmp_path) == [None, dt.date.today() + dt.timedelta(weeks=4)]
