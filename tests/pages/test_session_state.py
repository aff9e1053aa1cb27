"""Everything the app keeps in ``st.session_state`` can be pickled.

``runner.enforceSerializableSessionState`` used to check this on every run, but it also
read the states of widgets a session never drew (a tab open across a server restart, a
crafted message) and failed on them with a KeyError traceback (issue 14). The option is
off (``.streamlit/config.toml``); this test keeps the promise instead: every page, and the
flows that store the most (a year added in the session, a werksessie started and joined),
leave only picklable values behind.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.questions import QUESTIONS
from storage.yearstore import ENV_DATA_DIR
from tests.pages.conftest import run_app, submit_button

#: The 2022 tables with one figure changed: a year the nieuw-jaar page accepts as 2023.
NEW_YEAR = (Path(__file__).resolve().parents[2] / "data" / "dashboard" / "2022.txt").read_text(
    encoding="utf-8"
)


@pytest.fixture(autouse=True)
def _temporary_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KETENDIALOOG_DATABASE_URL", f"sqlite:///{tmp_path / 'werksessies.sqlite'}")
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "jaren"))


def assert_picklable(at: AppTest) -> None:
    """Pickle every value the session holds (as Streamlit's check did), naming the first that fails."""
    assert not at.exception, [e.message for e in at.exception]
    state = at.session_state.to_dict()
    assert state, "the app keeps nothing in session state: the check would prove nothing"
    for key, value in state.items():
        try:
            pickle.dumps(value)
        except Exception as error:  # pickle raises many kinds
            pytest.fail(f"st.session_state[{key!r}] ({type(value).__name__}) cannot be pickled: {error}")


@pytest.mark.parametrize("page", [q.page_file for q in QUESTIONS], ids=[q.slug for q in QUESTIONS])
def test_every_page_keeps_only_picklable_state(page: str) -> None:
    assert_picklable(run_app(page))


def test_a_year_added_in_the_session_is_picklable() -> None:
    at = run_app("pages/nieuw-jaar.py")
    at.text_area(key="plak").input(NEW_YEAR.replace("\t25\t", "\t35\t", 1))
    at.button(key="controleer_plak").click().run()
    at.button(key="gebruik_sessie").click().run()
    assert "2023" in at.session_state["_sessie_jaren"]
    assert_picklable(at)


def test_a_started_werksessie_is_picklable() -> None:
    at = run_app("pages/werksessie.py")
    at.text_input(key="_ws_titel").input("Picklen")
    submit_button(at, "ws_start", "Werksessie starten").click().run()
    assert at.query_params["sessie"]  # the console of the new session (the code is in the link, not a widget)
    assert_picklable(at)
