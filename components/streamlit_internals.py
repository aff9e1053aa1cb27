"""Everything in the app that leans on Streamlit internals, in one place.

Streamlit's public API does not cover four things the app needs. Each item below says
what it uses, what breaks on an upgrade, and how to check it. ``tests/components/
test_streamlit_internals.py`` checks all four against the installed Streamlit and fails
(never skips) when an upgrade removes or changes one of them.

1. The legacy pages-directory switch (:func:`leave_legacy_page_mode`).
2. The form in which Streamlit writes a bound widget's value into the link
   (:func:`url_values`), mirrored so that the share box can name values Streamlit leaves out.
3. The ``data-testid`` names of Streamlit's own markup that the presentation style hides or
   enlarges (:data:`TESTIDS`, :func:`testid`).
4. Widget states the browser sent for widgets this session never drew
   (:func:`unclaimed_widget_ids`): a tab still open across a server restart, or a crafted message.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st

if TYPE_CHECKING:
    from streamlit.runtime.state.session_state import SessionState

# -- 1. The legacy pages-directory switch --------------------------------------------------
#
# Uses: ``streamlit.runtime.pages_manager.PagesManager.uses_pages_directory``, a class
# attribute Streamlit sets once per server process when the app has a ``pages/`` folder,
# and clears when ``st.navigation`` runs for the first time.
# Breaks on an upgrade: if the attribute is renamed or removed, the import or the attribute
# read fails; if Streamlit stops auto-discovering ``pages/``, the switch is no longer needed.
# Check: the test asserts the attribute exists and is a bool; the browser test
# ``test_cold_deep_link_runs_inside_the_frame`` opens a deep link as the very first visitor
# of a fresh server (tried without the switch on streamlit 1.67: the page then runs without
# the frame and its sidebar, so the switch stays).


def leave_legacy_page_mode() -> None:
    """Make sure a page runs inside the frame, also for the very first visitor.

    Streamlit decides once per server process whether an app with a ``pages/`` folder is a
    legacy multipage app; only a call to ``st.navigation`` switches that off. If the first
    visitor opens a deep link (``/opvolging``) before the entry point has ever run,
    Streamlit runs the page file on its own, without the frame. Switching the flag off and
    rerunning lets the entry point take over.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def no_legacy_page_mode() -> None:
    """Before the first session exists, tell Streamlit that this app is not a legacy multipage app.

    Streamlit sets the flag on the first session only when it is still unset, so setting it
    first (``serve.py`` does, when the server starts) means no visitor ever meets the legacy
    mode: not even the very first one, who would otherwise see an English 'Page not found'
    for an unknown address. :func:`leave_legacy_page_mode` stays for ``streamlit run
    streamlit_app.py``.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory is None:
        PagesManager.uses_pages_directory = False


# -- 2. How a bound widget's value is written in the link ----------------------------------
#
# Uses: nothing at run time; mirrors ``_coerce_value_for_query_url`` in
# ``streamlit.runtime.state.query_params`` (booleans as ``true``/``false``, whole floats
# without ``.0``, lists as repeated parameters, everything else as ``str``).
# Breaks on an upgrade: if Streamlit writes values differently, the share box's full link
# would carry values that Streamlit reads back differently.
# Check: the test feeds the same values to Streamlit's function and to this one.

#: Widgets whose value is a bool in the link, and widgets whose value is a number.
_BOOLEAN_WIDGETS = ("toggle", "checkbox")
_NUMBER_WIDGETS = ("slider", "number_input")
_LIST_WIDGETS = ("multiselect", "pills", "select_slider")


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def url_values(widget_name: str, value: Any, format_func: Callable[[Any], str] | None = None) -> list[str]:
    """How a widget's value is written in the link (the same form Streamlit reads back)."""
    fmt = format_func or str
    if widget_name in _BOOLEAN_WIDGETS:
        return ["true" if value else "false"]
    if widget_name in _NUMBER_WIDGETS:
        values = value if isinstance(value, (list, tuple)) else [value]
        return [_number(v) for v in values]
    if widget_name in _LIST_WIDGETS and isinstance(value, (list, tuple)):
        return [fmt(v) for v in value]
    if value is None:
        return [""]
    return [fmt(value)]


# -- 3. data-testid names of Streamlit's own markup -----------------------------------------
#
# Uses: the ``data-testid`` attributes of Streamlit's frontend, which are test hooks, not a
# documented API.
# Breaks on an upgrade: a renamed test id makes a CSS rule match nothing, silently (the
# sidebar would show on the projector, or the type would not grow).
# Check: the test looks for every name below in the installed frontend bundle
# (``streamlit/static``). Two names the presentation style used before
# (``stSidebarCollapsedControl``, ``stDecoration``) no longer exist in 1.67 and were dropped.

TESTIDS: dict[str, str] = {
    "app": "stApp",
    "sidebar": "stSidebar",
    "expand_sidebar": "stExpandSidebarButton",
    "header": "stHeader",
    "toolbar": "stToolbar",
    "main": "stMain",
    "main_block": "stMainBlockContainer",
    "metric_value": "stMetricValue",
    # The upload boxes of 'Nieuw jaar toevoegen' (components/year_views.py): a file the box
    # refuses as too large shows an invalid chip with an English tooltip; the page puts Dutch
    # beside it and replaces the English limit under the button.
    "upload_instructions": "stFileUploaderDropzoneInstructions",
    "file_chip": "stFileChip",
    "file_chip_delete": "stFileChipDeleteBtn",
    "error_hover": "stTooltipErrorHoverTarget",
}


def testid(name: str) -> str:
    """A CSS attribute selector for one of Streamlit's own elements: ``[data-testid="stMain"]``."""
    return f'[data-testid="{TESTIDS[name]}"]'


# -- 4. Widget states no widget of this session has drawn ----------------------------------
#
# Uses: ``get_script_run_ctx().session_state`` (a ``SafeSessionState``), its ``_state`` (the
# ``SessionState``) and that one's ``_new_widget_state`` (``WStates``: ``states`` by widget id,
# ``widget_metadata`` for every widget drawn in this session).
# Why: the browser sends the state of every widget on its screen. After a server restart it
# sends them to a new session that has drawn none of them, and a crafted message can send any
# id. Streamlit keeps such states until the end of the run and its check of
# ``runner.enforceSerializableSessionState`` then fails on them with a KeyError (it cannot
# decode a value without the widget's metadata), also in a fragment run the app never sees.
# That check is therefore off (.streamlit/config.toml); the app notices these states here
# and starts over once with a Dutch notice (components/frame.py).
# Breaks on an upgrade: renamed attributes make this raise AttributeError.
# Check: the test feeds a ``SessionState`` a widget state without a widget and asserts it is
# found; the browser test ``test_faults`` restarts the server under an open tab.


def unclaimed_widget_ids(state: "SessionState | None" = None) -> list[str]:
    """Ids of widget states the browser sent for widgets this session has not drawn (yet), sorted.

    ``state`` is the session's ``SessionState``; by default the one of the running script.
    Called before any widget of the run is drawn, a non-empty answer means: a tab from
    before a server restart, or a crafted message.
    """
    if state is None:
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None:
            return []
        state = ctx.session_state._state
    widgets = state._new_widget_state
    return sorted(wid for wid in widgets.states if wid not in widgets.widget_metadata)
