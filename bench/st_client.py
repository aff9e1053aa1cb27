"""A small Streamlit client that speaks the websocket protocol, for load tests without browsers.

It opens ``ws://HOST:PORT/_stcore/stream`` with the subprotocol ``streamlit`` (the first
entry of ``Sec-WebSocket-Protocol``, see ``streamlit/web/server/starlette/starlette_websocket.py``),
sends ``BackMsg.rerun_script`` with a ``ClientState`` (query string, page, widget states,
browser context) and reads ``ForwardMsg`` frames until ``script_finished``. Like the browser it:

* keeps every element of the last complete run by its delta path, so the numbers shown
  (metric values, markdown, alerts, headings) can be read back;
* remembers the value of every widget it changed and sends all of them on each rerun;
* follows the query string the server writes (``page_info_changed``), as the address bar does;
* keeps cacheable element messages and announces their hashes (``cached_message_hashes``),
  so the server may answer with ``ref_hash`` references, as it does for a browser.

No Origin header is sent, so the server's XSRF check (which only guards the auth cookie)
does not apply and the app's own ``.streamlit/config.toml`` can stay as it is.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.typing import Subprotocol

FINISHED_OK = "FINISHED_SUCCESSFULLY"
RUN_TIMEOUT_S = 120.0
CONNECT_TIMEOUT_S = 30.0
ID_PREFIX = "$$ID-"


class ProtocolError(RuntimeError):
    """The server answered in a way this client does not understand, or not in time."""


@dataclass
class RunResult:
    """One script run as the client saw it."""

    status: str
    #: Seconds from sending the rerun request to receiving ``script_finished``.
    elapsed: float
    #: Seconds from sending to the first element delta (``None`` when none arrived).
    first_delta: float | None
    messages: int
    payload_bytes: int
    ref_hits: int = 0


@dataclass
class Widget:
    """A widget element seen in the last run: its id, user key, kind and proto."""

    id: str
    key: str | None
    kind: str
    proto: Any
    #: The ``st.fragment`` the widget was drawn in ("" for none): a change reruns only that part.
    fragment_id: str = ""


def user_key(element_id: str) -> str | None:
    """The user key in a generated element id ``$$ID-<hash>-<key>`` (``None`` without a key)."""
    if not element_id.startswith(ID_PREFIX):
        return None
    parts = element_id[len(ID_PREFIX) :].split("-", 1)
    if len(parts) != 2 or parts[1] in ("", "None"):
        return None
    return parts[1]


def widget_state(widget: Widget, value: Any) -> WidgetState:
    """The ``WidgetState`` the browser sends for ``widget`` holding ``value``.

    Values are given as shown on screen (formatted option strings) or as numbers/bools;
    the encodings follow ``streamlit/testing/v1/element_tree.py``.
    """
    ws = WidgetState(id=widget.id)
    kind = widget.kind
    if kind == "checkbox":
        ws.bool_value = bool(value)
    elif kind in ("button_group", "multiselect"):
        values = value if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        ws.string_array_value.data[:] = [str(v) for v in values]
    elif kind == "selectbox" or kind == "radio":
        ws.string_value = str(value)
    elif kind == "slider":
        values = value if isinstance(value, (list, tuple)) else [value]
        if len(widget.proto.options) > 0:  # select_slider: formatted option strings
            ws.string_array_value.data[:] = [str(v) for v in values]
        else:
            ws.double_array_value.data[:] = [float(v) for v in values]
    elif kind == "number_input":
        ws.double_value = float(value)
    elif kind in ("text_input", "text_area"):
        ws.string_value = str(value)
    else:
        raise ProtocolError(f"Setting a {kind} widget is not supported by this client")
    return ws


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def default_value(widget: Widget) -> Any:
    """The widget's default as the client would send it (formatted strings, numbers or a bool)."""
    p, kind = widget.proto, widget.kind
    if kind == "checkbox":
        return bool(p.default)
    if kind == "button_group":
        values = [p.options[i].content for i in p.default]
        return values[0] if values and p.click_mode == 0 else values
    if kind == "selectbox":
        return p.options[p.default] if 0 <= p.default < len(p.options) else None
    if kind == "multiselect":
        return [p.options[i] for i in p.default]
    if kind == "slider":
        values = [p.options[int(v)] for v in p.default] if len(p.options) else list(p.default)
        return values[0] if len(values) == 1 else values
    return None


def url_strings(widget: Widget, value: Any) -> list[str]:
    """How the browser writes ``value`` into the address for a widget bound to a query parameter."""
    values = value if isinstance(value, (list, tuple)) else [value]
    if widget.kind == "checkbox":
        return ["true" if value else "false"]
    if widget.kind == "slider" and not len(widget.proto.options):
        return [_number(v) for v in values]
    return [str(v) for v in values if v is not None]


@dataclass
class Session:
    """One browser-like session on a running Streamlit server."""

    base_url: str
    locale: str = "nl-NL"
    timezone: str = "UTC"
    timezone_offset: int = 0
    use_message_cache: bool = True
    page_name: str = ""
    page_script_hash: str = ""
    query_string: str = ""
    elements: dict[tuple[int, ...], Element] = field(default_factory=dict)
    #: The fragment each element of the last run was drawn in (its delta's ``fragment_id``).
    fragments: dict[tuple[int, ...], str] = field(default_factory=dict)
    widgets: dict[str, Widget] = field(default_factory=dict)
    _ws: Any = None
    path: str = ""
    connect_attempts: int = 0
    _first_run: bool = True
    _states: dict[str, WidgetState] = field(default_factory=dict)
    _values: dict[str, Any] = field(default_factory=dict)
    _cache: dict[str, ForwardMsg] = field(default_factory=dict)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def ws_url(self) -> str:
        return self.base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"

    async def connect(self, attempts: int = 3, timeout: float = CONNECT_TIMEOUT_S) -> float:
        """Open the websocket with the ``streamlit`` subprotocol; return seconds until it was open.

        Like the browser, a handshake that times out is tried again (``attempts`` in all).
        """
        start = time.perf_counter()
        for attempt in range(attempts):
            try:
                self._ws = await websockets.connect(
                    self.ws_url,
                    subprotocols=[Subprotocol("streamlit")],
                    max_size=None,
                    compression=None,
                    open_timeout=timeout,
                    ping_interval=None,
                    additional_headers=self.handshake_headers(),
                )
                self.connect_attempts = attempt + 1
                return time.perf_counter() - start
            except TimeoutError:
                if attempt == attempts - 1:
                    raise
        raise ProtocolError("unreachable")

    def handshake_headers(self) -> dict[str, str]:
        """Extra HTTP headers of the websocket handshake (none; a subclass may send a cookie)."""
        return {}

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    async def __aenter__(self) -> Session:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- requests ---------------------------------------------------------------------

    async def load(self, page: str = "", query_string: str = "") -> RunResult:
        """Open ``page`` (its url path, ``""`` for the default page) as a fresh visit would."""
        self.page_name = page
        self.path = page
        self.page_script_hash = ""
        self.query_string = query_string
        self._first_run = True
        self._states.clear()
        self._values.clear()
        return await self.rerun()

    def value(self, key: str) -> Any:
        """The value the widget ``key`` holds: the last one sent, else its default."""
        if key in self._values:
            return self._values[key]
        return default_value(self.widgets[key])

    async def set_widget(self, key: str, value: Any) -> RunResult:
        """Change the widget with user key ``key`` to ``value`` and wait for the rerun.

        Like the browser, a widget drawn inside an ``st.fragment`` reruns only that fragment.
        """
        widget = self.widgets.get(key)
        if widget is None:
            raise ProtocolError(f"No widget with key {key!r}; seen: {sorted(self.widgets)}")
        self._states[widget.id] = widget_state(widget, value)
        self._values[key] = value
        param = widget.proto.query_param_key
        if param:
            # The browser keeps a bound widget's value in the address, and drops it at the default.
            pairs = [(k, v) for k, v in parse_qsl(self.query_string, keep_blank_values=True) if k != param]
            if url_strings(widget, value) != url_strings(widget, default_value(widget)):
                pairs += [(param, v) for v in url_strings(widget, value)]
            self.query_string = urlencode(pairs)
        return await self.rerun(fragment_id=widget.fragment_id)

    def _client_state(self, fragment_id: str = "") -> ClientState:
        # Like the browser: the first run names the page by its path, later runs by its hash.
        state = ClientState(
            query_string=self.query_string,
            page_script_hash=self.page_script_hash,
            page_name=self.page_name if self._first_run else "",
            fragment_id=fragment_id,
            is_auto_rerun=False,
        )
        state.widget_states.widgets.extend(self._states.values())
        if self.use_message_cache:
            state.cached_message_hashes.extend(self._cache)
        url = f"{self.base_url.rstrip('/')}/{self.path}"
        info = state.context_info
        info.timezone = self.timezone
        info.timezone_offset = self.timezone_offset
        info.locale = self.locale
        info.url = url
        info.is_embedded = False
        info.color_scheme = "light"
        return state

    async def rerun(self, fragment_id: str = "") -> RunResult:
        """Send ``rerun_script`` with the current client state; collect the run until it finished.

        With ``fragment_id`` only that fragment runs, and its elements replace theirs in the page.
        """
        if self._ws is None:
            raise ProtocolError("Not connected")
        async with self._lock:
            msg = BackMsg()
            msg.rerun_script.CopyFrom(self._client_state(fragment_id))
            start = time.perf_counter()
            await self._ws.send(msg.SerializeToString())
            return await self._collect(start, partial=bool(fragment_id))

    async def _collect(self, start: float, partial: bool = False) -> RunResult:
        run_elements: dict[tuple[int, ...], Element] = dict(self.elements) if partial else {}
        run_fragments: dict[tuple[int, ...], str] = dict(self.fragments) if partial else {}
        first_delta: float | None = None
        count = 0
        size = 0
        refs = 0
        deadline = start + RUN_TIMEOUT_S
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise ProtocolError(f"No script_finished within {RUN_TIMEOUT_S:.0f} s")
            try:
                raw = await asyncio.wait_for(self._ws.recv(), timeout=remaining)
            except TimeoutError as exc:
                raise ProtocolError(f"No script_finished within {RUN_TIMEOUT_S:.0f} s") from exc
            count += 1
            size += len(raw)
            fmsg = ForwardMsg()
            fmsg.ParseFromString(raw)
            kind = fmsg.WhichOneof("type")
            if kind == "ref_hash":
                cached = self._cache.get(fmsg.ref_hash)
                if cached is None:
                    raise ProtocolError(f"Server referred to unknown message {fmsg.ref_hash}")
                refs += 1
                resolved = ForwardMsg()
                resolved.CopyFrom(cached)
                resolved.metadata.CopyFrom(fmsg.metadata)
                fmsg = resolved
                kind = fmsg.WhichOneof("type")
            elif fmsg.metadata.cacheable and fmsg.hash:
                self._cache[fmsg.hash] = fmsg
            if kind == "new_session":
                if not partial:
                    run_elements, run_fragments = {}, {}
                if fmsg.new_session.page_script_hash:
                    self.page_script_hash = fmsg.new_session.page_script_hash
            elif kind == "navigation":
                # With st.navigation the page actually run is named here, not in new_session.
                self.page_script_hash = fmsg.navigation.page_script_hash
                for app_page in fmsg.navigation.app_pages:
                    if app_page.page_script_hash == self.page_script_hash:
                        self.path = app_page.url_pathname
            elif kind == "page_info_changed":
                self.query_string = fmsg.page_info_changed.query_string
            elif kind == "delta":
                if first_delta is None:
                    first_delta = time.perf_counter() - start
                delta = fmsg.delta
                path = tuple(fmsg.metadata.delta_path)
                if delta.WhichOneof("type") == "new_element":
                    run_elements[path] = delta.new_element
                    run_fragments[path] = delta.fragment_id
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(fmsg.script_finished)
                if status == "FINISHED_EARLY_FOR_RERUN":
                    continue  # st.rerun(): the next run follows on its own
                elapsed = time.perf_counter() - start
                self._first_run = False
                self.elements = run_elements
                self.fragments = run_fragments
                self._index_widgets()
                return RunResult(status, elapsed, first_delta, count, size, refs)

    def _index_widgets(self) -> None:
        self.widgets = {}
        for path, element in self.elements.items():
            kind = element.WhichOneof("type")
            proto = getattr(element, kind) if kind else None
            element_id = getattr(proto, "id", "") if proto is not None else ""
            if not kind or not element_id or not isinstance(element_id, str):
                continue
            key = user_key(element_id)
            self.widgets[key or element_id] = Widget(
                element_id, key, kind, proto, self.fragments.get(path, "")
            )

    # -- what the page shows ----------------------------------------------------------

    def ordered(self) -> list[Element]:
        """Elements of the last run in document order."""
        return [self.elements[p] for p in sorted(self.elements)]

    def metrics(self) -> list[tuple[str, str]]:
        """Every metric as (label, value), in document order."""
        return [(e.metric.label, e.metric.body) for e in self.ordered() if e.WhichOneof("type") == "metric"]

    def texts(self) -> list[str]:
        """Headings, markdown, captions and alerts, in document order."""
        out = []
        for e in self.ordered():
            kind = e.WhichOneof("type")
            if kind in ("markdown", "heading", "alert"):
                out.append(getattr(e, kind).body)
        return out

    def title(self) -> str | None:
        """The first h1 of the main area."""
        for path in sorted(self.elements):
            e = self.elements[path]
            if path[:1] == (0,) and e.WhichOneof("type") == "heading" and e.heading.tag == "h1":
                return e.heading.body
        return None

    def count(self, kind: str) -> int:
        return sum(1 for e in self.elements.values() if e.WhichOneof("type") == kind)

    def exceptions(self) -> list[str]:
        return [e.exception.message for e in self.elements.values() if e.WhichOneof("type") == "exception"]
