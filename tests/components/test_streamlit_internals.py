"""The Streamlit internals the app leans on still exist in the installed Streamlit.

These tests never skip: a Streamlit upgrade that removes or changes one of them must fail
here, loudly, before it fails silently in a room (see components/streamlit_internals.py).
"""

import re
from pathlib import Path

import pytest
import streamlit

from components import streamlit_internals as internals

STATIC_JS = Path(streamlit.__file__).parent / "static" / "static" / "js"


def test_pages_manager_still_has_the_pages_directory_switch() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    assert isinstance(PagesManager.uses_pages_directory, bool | None), (
        "PagesManager.uses_pages_directory changed type; check leave_legacy_page_mode"
    )
    assert "uses_pages_directory" in vars(PagesManager), "the pages-directory switch is gone"


def test_setting_the_switch_first_keeps_legacy_mode_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """serve.py relies on Streamlit setting the flag only while it is unset (None)."""
    from streamlit.runtime.pages_manager import PagesManager

    app = Path(__file__).resolve().parents[2] / "streamlit_app.py"
    assert (app.parent / "pages").is_dir()
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    PagesManager(str(app))
    assert PagesManager.uses_pages_directory is True, "Streamlit no longer detects pages/: drop the switches"
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    internals.no_legacy_page_mode()
    PagesManager(str(app))
    assert PagesManager.uses_pages_directory is False


@pytest.mark.parametrize(
    ("widget", "value", "value_type"),
    [
        ("toggle", True, "bool_value"),
        ("checkbox", False, "bool_value"),
        ("slider", 5500.0, "double_array_value"),
        ("slider", 0.25, "double_array_value"),
        ("slider", [2.0, 7.5], "double_array_value"),
        ("number_input", 12, "int_value"),
        ("multiselect", ["Twente", "IJsselland"], "string_array_value"),
        ("selectbox", "Oost-Nederland", "string_value"),
    ],
)
def test_url_values_write_what_streamlit_writes(widget: str, value: object, value_type: str) -> None:
    from streamlit.runtime.state.query_params import _coerce_value_for_query_url

    theirs = _coerce_value_for_query_url(value, value_type)
    theirs_list = theirs if isinstance(theirs, list) else [theirs]
    assert internals.url_values(widget, value) == theirs_list


def test_every_testid_exists_in_the_installed_frontend() -> None:
    bundle = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in STATIC_JS.glob("*.js"))
    assert bundle, f"no frontend bundle found in {STATIC_JS}"
    missing = [
        name
        for name in internals.TESTIDS.values()
        if not re.search(rf"[`\"']{re.escape(name)}[`\"']", bundle)
    ]
    assert missing == [], f"data-testid names no longer in Streamlit's frontend: {missing}"


def test_the_check_would_notice_a_removed_testid() -> None:
    """The bundle search finds names that exist and not the two that 1.67 dropped."""
    bundle = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in STATIC_JS.glob("*.js"))
    for gone in ("stSidebarCollapsedControl", "stDecoration"):
        assert not re.search(rf"[`\"']{gone}[`\"']", bundle), gone


def test_unclaimed_widget_states_are_found() -> None:
    """A widget state the browser sent for a widget this session never drew (after a restart)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetStates
    from streamlit.runtime.state.session_state import SessionState

    state = SessionState()
    sent = WidgetStates()
    stale = sent.widgets.add()
    stale.id = "$$ID-0123456789abcdef0123456789abcdef-jaar"
    stale.string_value = "2022"
    state.on_script_will_rerun(sent)
    assert internals.unclaimed_widget_ids(state) == [stale.id]
    assert internals.unclaimed_widget_ids(SessionState()) == []
