"""Controls whose value travels in the link, and a record of what each one holds now.

Every control that changes what a page shows goes through :func:`bound`: it creates the
Streamlit widget with ``bind="query-params"`` (Streamlit keeps the address bar in step)
and records the value the way the link writes it, so that the share box can give a link
that includes values equal to their defaults (Streamlit leaves those out of the address).
"""

from collections.abc import Callable
from typing import Any

import streamlit as st

from components.streamlit_internals import url_values

_RECORD_KEY = "_link_controls"
_KNOWN_KEY = "_link_known"
#: True while the share box is open (set by ``components.share``).
SHARE_OPEN_KEY = "_link_share_open"


def start_recording() -> None:
    """Forget the controls of the previous run; call once at the start of every run.

    The keys of the previous run stay known for one more run, so that a control that
    was just hidden (its value still in the address) is not reported as unknown.
    """
    previous = set(st.session_state.get(_RECORD_KEY, {}))
    st.session_state[_KNOWN_KEY] = sorted(previous)
    st.session_state[_RECORD_KEY] = {}


def known(*keys: str) -> None:
    """Declare link keys of controls this page shows only sometimes (e.g. scenario B when not comparing)."""
    st.session_state[_KNOWN_KEY] = sorted({*st.session_state.get(_KNOWN_KEY, []), *keys})


def known_keys() -> list[str]:
    """Keys the page knows but does not show now: declared, or shown in the previous run."""
    return list(st.session_state.get(_KNOWN_KEY, []))


def record(key: str, values: list[str] | None) -> None:
    """Put ``key`` with ``values`` in the share link as if a control held them (None: take it out).

    For link values that no widget holds, such as the ids of this session's own years.
    """
    current = st.session_state.setdefault(_RECORD_KEY, {})
    if values:
        current[key] = list(values)
    else:
        current.pop(key, None)


def recorded() -> dict[str, list[str]]:
    """The controls of this run and their values as the link writes them."""
    return dict(st.session_state.get(_RECORD_KEY, {}))


def bound(widget: Callable[..., Any], *args: Any, key: str, **kwargs: Any) -> Any:
    """Create ``widget`` bound to the link under ``key`` and record its value; return what it returns.

    ``widget`` is a Streamlit widget function or container method, e.g. ``st.toggle`` or
    ``left.slider``. For ``st.tabs`` the chosen tab's label is recorded.
    """
    result = widget(*args, key=key, bind="query-params", **kwargs)
    name = getattr(widget, "__name__", "")
    if name == "tabs":
        labels = list(args[0] if args else kwargs["tabs"])
        current = st.session_state.get(key) or kwargs.get("default") or labels[0]
        values = [str(current)]
    else:
        values = url_values(name, result, kwargs.get("format_func"))
    record = st.session_state.setdefault(_RECORD_KEY, {})
    before = record.get(key)
    record[key] = values
    if before is not None and before != values and st.session_state.get(SHARE_OPEN_KEY):
        # Only a fragment rerun finds its controls already recorded (a full run starts a new
        # record). The open share box outside the fragment would keep the old link, so the
        # whole page runs again and the box shows the new one.
        st.rerun(scope="app")
    return result
