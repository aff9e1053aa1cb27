"""Chart fidelity: what Vega drew holds every category of the chart's data, readable and in view.

For every route page, at 1280x720 and 1920x1080, on a laptop and in presentation mode
(``?presentatie=1``, on the question's chart slide), each chart is checked against the
spec and data the server sent:

* the spec and its data are read from Streamlit's own websocket messages (``ForwardMsg``
  protobufs, the datasets as Arrow), so the expected categories come from the data, not
  from the drawing;
* the drawing is read from the SVG that Vega made (charts are drawn with
  ``renderer: svg``): axis labels, legend entries, titles, every text's size and box,
  and the boxes of the marks.

Per chart it asserts that every category on a discrete axis has its label drawn, visible
(not hidden for overlap, not cut off with an ellipsis, not overlapping its neighbour, inside
the chart), that every legend entry the data needs is drawn and none that no mark uses,
that bars have a thickness and points a size, that labels on marks do not sit on top of
each other, that titles are drawn in full, and that no text is smaller than 12 px on a
laptop or 18 px on the projector. A route page with charts must draw at least one.

One server for the run (``app_server``) and one browser page per size and mode, reused
from page to page. A failure names the page, size and mode (test id) and the chart.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pytest
from playwright.sync_api import Browser, Page, WebSocket
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from analysis.questions import START, question, route
from components.chart_sizes import field_value
from tests.browser.helpers import VEGA_SELECTOR, assert_no_exception, wait_for_charts, wait_for_page

SIZES = {"1280x720": (1280, 720), "1920x1080": (1920, 1080)}
MODES = ("laptop", "presentatie")
#: The smallest text a chart may draw in a mode (px).
MIN_TEXT = {"laptop": 12.0, "presentatie": 18.0}
ROUTE = {q.url_path: q.slug for q in route()}

DISCRETE = {"nominal", "ordinal"}
LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "opacity", "strokeDash", "size")
BAR_MARKS = {"bar", "rect"}
POINT_MARKS = {"point", "circle", "square"}
ELLIPSIS = "…"


def mode_query(slug: str, mode: str) -> str:
    """The link's query for ``mode``: none on a laptop; ``presentatie=1`` on the projector.

    Where presentation mode is a deck of slides (``components.deck``), the query opens
    the question's chart slide (``dia=<number>``).
    """
    if mode == "laptop":
        return ""
    try:
        from components import deck
    except ImportError:  # presentation mode without a deck: the whole page, projector-sized
        return "?presentatie=1"
    parts = deck.parts_of(question(slug))
    if deck.Part.CHART not in parts:
        return "?presentatie=1"
    return f"?presentatie=1&{deck.SLIDE_KEY}={parts.index(deck.Part.CHART) + 1}"


# -- what the server sent ---------------------------------------------------------------------


@dataclass
class SentChart:
    """One ``st.vega_lite_chart`` as the server sent it: its place, spec and named datasets."""

    path: tuple[int, ...]
    spec: dict[str, Any]
    datasets: dict[str, list[dict[str, Any]]]

    @property
    def name(self) -> str:
        """The chart builder's name (``usermeta.chart``), else its title."""
        meta = self.spec.get("usermeta") or {}
        return str(meta.get("chart") or " ".join(title_lines(self.spec.get("title"))[:1]) or "?")


def _rows(arrow: bytes) -> list[dict[str, Any]]:
    return pa.ipc.open_stream(arrow).read_all().to_pylist() if arrow else []


def sent_charts(frames: list[bytes], base_url: str) -> list[SentChart]:
    """The charts of the last script run, in page order (the last message per element wins)."""
    by_path: dict[tuple[int, ...], SentChart] = {}
    for raw in frames:
        message = ForwardMsg()
        message.ParseFromString(raw)
        if message.WhichOneof("type") is None and message.ref_hash:
            # A cached message: the browser fetches it by hash, and so do we.
            with urllib.request.urlopen(f"{base_url}/_stcore/message?hash={message.ref_hash}") as reply:
                message.ParseFromString(reply.read())
        if message.WhichOneof("type") != "delta" or message.delta.WhichOneof("type") != "new_element":
            continue
        element = message.delta.new_element
        path = tuple(message.metadata.delta_path)
        if element.WhichOneof("type") != "vega_lite_chart":
            by_path.pop(path, None)  # the element at this place is no longer a chart
            continue
        chart = element.vega_lite_chart
        datasets = {d.name: _rows(d.data.data) for d in chart.datasets}
        spec = json.loads(chart.spec)
        if chart.data.data:
            datasets[""] = _rows(chart.data.data)
        by_path[path] = SentChart(path, spec, datasets)
    return [by_path[p] for p in sorted(by_path)]


@dataclass
class View:
    """One mark of a spec with what it inherits: its encoding, data rows and SVG class name."""

    mark: str
    encoding: dict[str, Any]
    rows: list[dict[str, Any]]
    filtered: bool
    name: str


def _mark_type(mark: Any) -> str:
    return str(mark.get("type") if isinstance(mark, dict) else mark)


def views(chart: SentChart) -> list[View]:
    """Every mark in the spec (layers and facets unfolded), named as Vega-Lite names its SVG group."""
    found: list[View] = []

    def rows_of(spec: dict[str, Any], inherited: list[dict[str, Any]]) -> list[dict[str, Any]]:
        data = spec.get("data")
        if not isinstance(data, dict):
            return inherited
        if "values" in data:
            return list(data["values"])
        return chart.datasets.get(str(data.get("name")), inherited)

    def walk(
        spec: dict[str, Any],
        encoding: dict[str, Any],
        rows: list[dict[str, Any]],
        filtered: bool,
        prefix: str,
    ) -> None:
        rows = rows_of(spec, rows)
        encoding = {**encoding, **spec.get("encoding", {})}
        filtered = filtered or bool(spec.get("transform"))
        if "spec" in spec:  # facet
            walk(spec["spec"], encoding, rows, filtered, prefix + "child_")
        elif "layer" in spec:
            for index, layer in enumerate(spec["layer"]):
                walk(layer, encoding, rows, filtered, f"{prefix}layer_{index}_")
        elif "mark" in spec:
            found.append(View(_mark_type(spec["mark"]), encoding, rows, filtered, prefix + "marks"))

    walk(chart.spec, {}, chart.datasets.get("", []), False, "")
    return found


def _is_discrete(channel: Any) -> bool:
    return isinstance(channel, dict) and channel.get("type") in DISCRETE and "field" in channel


def _values(views_with: list[tuple[View, dict[str, Any]]], *, domain_counts: bool = True) -> set[str]:
    """The categories of one channel: the values in its data, or its explicit scale domain.

    An axis shows its whole domain (``domain_counts``); a legend must show only what a
    mark uses, so there the data decides. Views whose data passes through a transform (a
    filter) only count when no other view carries the channel: their rows are a subset
    of the unfiltered ones.
    """
    plain = [(v, c) for v, c in views_with if not v.filtered] or views_with
    found: set[str] = set()
    for view, channel in plain:
        domain = (channel.get("scale") or {}).get("domain")
        if domain_counts and isinstance(domain, list):
            found.update(str(d) for d in domain)
            continue
        values = (field_value(r, channel["field"]) for r in view.rows)
        found.update(str(v) for v in values if v is not None)
    return found


def axis_categories(all_views: list[View], channel: str) -> set[str]:
    """The categories a discrete x or y axis must label."""
    carrying = [
        (v, v.encoding[channel])
        for v in all_views
        if _is_discrete(v.encoding.get(channel)) and v.encoding[channel].get("axis", {}) is not None
    ]
    return _values(carrying)


def legend_categories(all_views: list[View]) -> set[str]:
    """The entries the chart's legends must show: every value of a channel with a legend."""
    found: set[str] = set()
    for channel in LEGEND_CHANNELS:
        carrying = [
            (v, v.encoding[channel])
            for v in all_views
            if _is_discrete(v.encoding.get(channel)) and v.encoding[channel].get("legend", {}) is not None
        ]
        found |= _values(carrying, domain_counts=False)
    return found


def title_lines(title: Any) -> list[str]:
    """A Vega-Lite title or subtitle (string, list of lines, or ``{"text": ...}``) as lines."""
    if isinstance(title, dict):
        title = title.get("text")
    if title is None:
        return []
    return [str(line) for line in (title if isinstance(title, list) else [title])]


def facet_categories(chart: SentChart) -> set[str]:
    """The headings a facet chart must draw (its labels may split a value on '|' into lines)."""
    facet = chart.spec.get("facet")
    if not isinstance(facet, dict) or "field" not in facet:
        return set()
    rows = chart.datasets.get(str((chart.spec.get("data") or {}).get("name")), chart.datasets.get("", []))
    split = "split(datum.value, '|')" in str((facet.get("header") or {}).get("labelExpr", ""))
    values = {str(r[facet["field"]]) for r in rows if r.get(facet["field"]) is not None}
    return {v.replace("|", " ") for v in values} if split else values


# -- what Vega drew ------------------------------------------------------------------------------

READ_CHART_JS = """
(chart) => {
  const svg = chart.querySelector('svg.marks');
  if (!svg) return null;
  const frame = svg.getBoundingClientRect();
  const holder = chart.getBoundingClientRect();
  const box = {
    left: Math.max(frame.left, holder.left), right: Math.min(frame.right, holder.right),
    top: Math.max(frame.top, holder.top), bottom: Math.min(frame.bottom, holder.bottom),
  };
  const textOf = (t) => {
    const spans = t.querySelectorAll('tspan');
    return spans.length ? Array.from(spans).map((s) => s.textContent).join(' ') : t.textContent;
  };
  const text = (t) => {
    const r = t.getBoundingClientRect();
    const size = parseFloat(t.getAttribute('font-size') || '0');
    // A text's box is its em box: allow its leading to stick out a little.
    const slack = Math.max(1, 0.3 * size);
    return {
      text: textOf(t),
      size,
      hidden: t.getAttribute('opacity') === '0' || r.width === 0,
      inside: r.left >= box.left - slack && r.right <= box.right + slack
        && r.top >= box.top - slack && r.bottom <= box.bottom + slack,
      rect: [r.left, r.top, r.right, r.bottom],
    };
  };
  const texts = (root, selector) => Array.from(root.querySelectorAll(selector)).map(text);
  const axes = Array.from(svg.querySelectorAll('g.role-axis'))
    .filter((g) => g.querySelector('g.role-axis-label'))
    .map((g) => ({aria: g.getAttribute('aria-label') || '', labels: texts(g, 'g.role-axis-label text')}));
  const legends = Array.from(svg.querySelectorAll('g.role-legend'))
    .map((g) => ({aria: g.getAttribute('aria-label') || '', labels: texts(g, 'g.role-legend-label text')}));
  const marks = Array.from(svg.querySelectorAll('g.role-mark')).map((g) => ({
    names: Array.from(g.classList),
    items: Array.from(g.children).map((item) => {
      const b = item.getBBox();
      return {width: b.width, height: b.height, aria: item.getAttribute('aria-label') || ''};
    }),
  }));
  return {
    axes, legends, marks,
    marktexts: texts(svg, 'g.role-mark text'),
    titles: texts(svg, 'g.role-title-text text'),
    subtitles: texts(svg, 'g.role-title-subtitle text'),
    texts: texts(svg, 'text'),
    width: frame.width, height: frame.height,
  };
}
"""

#: True once every chart holds a drawn SVG whose size did not change since the last call.
SETTLED_JS = """
(selector) => {
  const sizes = Array.from(document.querySelectorAll(selector)).map((c) => {
    const svg = c.querySelector('svg.marks');
    return svg && svg.querySelector('g.role-frame') ? `${svg.getAttribute('width')}x${svg.getAttribute('height')}` : '';
  });
  const key = sizes.join(',');
  const settled = sizes.every((s) => s) && window.__fidelityLast === key;
  window.__fidelityLast = key;
  return settled;
}
"""


def _overlapping(labels: list[dict[str, Any]], vertical: bool) -> list[tuple[str, str]]:
    """Neighbouring labels whose boxes overlap along the axis."""
    lo, hi = (1, 3) if vertical else (0, 2)
    ordered = sorted(labels, key=lambda t: t["rect"][lo])
    return [
        (a["text"], b["text"])
        for a, b in zip(ordered, ordered[1:], strict=False)
        if b["rect"][lo] < a["rect"][hi] - 0.5
    ]


def _colliding(labels: list[dict[str, Any]], slack: float = 3.0) -> list[tuple[str, str]]:
    """Pairs of drawn texts whose boxes overlap by more than ``slack`` px both ways."""
    shown = [t for t in labels if not t["hidden"] and t["text"].strip()]
    pairs = []
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            wide = min(a["rect"][2], b["rect"][2]) - max(a["rect"][0], b["rect"][0])
            high = min(a["rect"][3], b["rect"][3]) - max(a["rect"][1], b["rect"][1])
            if wide > slack and high > slack:
                pairs.append((a["text"], b["text"]))
    return pairs


def check_chart(chart: SentChart, drawn: dict[str, Any] | None, min_text: float) -> list[str]:
    """Everything wrong with one drawn chart, as sentences; empty when it is drawn faithfully."""
    if drawn is None:
        return ["not drawn as SVG (no svg.marks)"]
    problems: list[str] = []
    all_views = views(chart)
    # Discrete axes: every category labelled, readable, in view and apart from its neighbours.
    for channel, prefix in (("y", "Y-axis"), ("x", "X-axis")):
        expected = axis_categories(all_views, channel)
        if not expected:
            continue
        axes = [a for a in drawn["axes"] if a["aria"].startswith(prefix) and "discrete" in a["aria"]]
        labels = [t for a in axes for t in a["labels"]]
        shown = [t for t in labels if not t["hidden"] and t["inside"]]
        missing = sorted(expected - {t["text"] for t in shown})
        if missing:
            problems.append(
                f"{channel} axis labels {len(expected) - len(missing)} of {len(expected)} categories; "
                f"missing or cut: {missing} (drawn: {[t['text'] for t in shown]})"
            )
        overlaps = _overlapping(shown, vertical=channel == "y")
        if overlaps:
            problems.append(f"{channel} axis labels overlap: {overlaps}")
    # Legends: every entry the data needs, and none that no mark uses.
    expected_entries = legend_categories(all_views)
    entries = [t for legend in drawn["legends"] for t in legend["labels"]]
    shown_entries = {t["text"] for t in entries if not t["hidden"] and t["inside"]}
    missing_entries = sorted(expected_entries - shown_entries)
    if missing_entries:
        problems.append(
            f"legend shows {len(expected_entries) - len(missing_entries)} of {len(expected_entries)} entries; "
            f"missing, cut or outside the chart: {missing_entries}"
        )
    unused = sorted({t["text"] for t in entries} - expected_entries)
    if unused:
        problems.append(f"legend lists entries no mark uses: {unused}")
    # Facet headings.
    headings = facet_categories(chart)
    if headings:
        drawn_titles = {t["text"] for t in drawn["titles"] if not t["hidden"] and t["inside"]}
        missing_headings = sorted(headings - drawn_titles)
        if missing_headings:
            problems.append(f"facet headings missing or cut: {missing_headings}")
    # Title and subtitle in full.
    spec_title = chart.spec.get("title")
    for kind, lines, drawn_texts in (
        ("title", title_lines(spec_title), drawn["titles"]),
        (
            "subtitle",
            title_lines(spec_title.get("subtitle") if isinstance(spec_title, dict) else None),
            drawn["subtitles"],
        ),
    ):
        if lines and " ".join(lines) not in {t["text"] for t in drawn_texts if t["inside"]}:
            problems.append(
                f"{kind} not drawn in full: {' '.join(lines)!r} (drawn: {[t['text'] for t in drawn_texts]})"
            )
    # Marks that should have a size.
    for view in all_views:
        groups = [g for g in drawn["marks"] if view.name in g["names"]]
        items = [item for g in groups for item in g["items"]]
        if view.mark in BAR_MARKS:
            y, x = view.encoding.get("y"), view.encoding.get("x")
            need_height = y is None or _is_discrete(y)
            need_width = x is None or _is_discrete(x)
            flat = [
                item["aria"] or f"{item['width']:.0f}x{item['height']:.0f}"
                for item in items
                if (need_height and item["height"] <= 0) or (need_width and item["width"] <= 0)
            ]
            if flat:
                problems.append(f"{view.mark} marks of {view.name} without thickness: {flat[:4]}")
        elif view.mark in POINT_MARKS:
            empty = [item["aria"] for item in items if item["width"] <= 0 or item["height"] <= 0]
            if empty:
                problems.append(f"{view.mark} marks of {view.name} without size: {empty[:4]}")
    # Labels on marks do not sit on top of each other.
    collisions = _colliding(drawn["marktexts"])
    if collisions:
        problems.append(f"labels on marks overlap: {collisions[:4]}")
    # Every text readable: large enough, not cut off, inside the chart.
    small = sorted(
        {
            f"{t['text']!r} {t['size']:g}px"
            for t in drawn["texts"]
            if not t["hidden"] and t["text"].strip() and t["size"] < min_text
        }
    )
    if small:
        problems.append(f"{len(small)} text(s) smaller than {min_text:g}px: {small[:5]}")
    cut = sorted({t["text"] for t in drawn["texts"] if ELLIPSIS in t["text"]})
    if cut:
        problems.append(f"text cut off: {cut[:5]}")
    outside = sorted(
        {t["text"] for t in drawn["texts"] if not t["hidden"] and t["text"].strip() and not t["inside"]}
    )
    if outside:
        problems.append(f"{len(outside)} text(s) outside the chart's box (clipped): {outside[:5]}")
    return problems


# -- the test --------------------------------------------------------------------------------------


@dataclass
class Tab:
    """One browser page (in its own context) that records the websocket frames it receives."""

    page: Page
    frames: list[bytes] = field(default_factory=list)

    def listen(self, socket: WebSocket) -> None:
        socket.on(
            "framereceived",
            lambda payload: self.frames.append(payload) if isinstance(payload, bytes) else None,
        )


@pytest.fixture(scope="module")
def tabs(browser: Browser) -> Iterator[dict[tuple[str, str], Tab]]:
    """One page per size and mode, opened on first use and reused from route page to route page."""
    opened: dict[tuple[str, str], Tab] = {}
    contexts = []
    for size, (width, height) in SIZES.items():
        for mode in MODES:
            context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
            contexts.append(context)
            tab = Tab(context.new_page())
            tab.page.on("websocket", tab.listen)
            opened[(size, mode)] = tab
    yield opened
    for context in contexts:
        context.close()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", list(ROUTE), ids=list(ROUTE.values()))
def test_every_chart_draws_every_category(
    app_server: str, tabs: dict[tuple[str, str], Tab], path: str, size: str, mode: str
) -> None:
    tab = tabs[(size, mode)]
    tab.frames.clear()
    tab.page.goto(f"{app_server}/{path}{mode_query(ROUTE[path], mode)}")
    wait_for_page(tab.page)
    count = wait_for_charts(tab.page)
    tab.page.wait_for_function(SETTLED_JS, arg=VEGA_SELECTOR, polling=150, timeout=20_000)
    assert_no_exception(tab.page)
    if ROUTE[path] != START:
        assert count >= 1, f"/{path} at {size}, {mode} draws no chart"
    sent = sent_charts(tab.frames, app_server)
    assert len(sent) == count, f"the server sent {len(sent)} chart(s), the page shows {count}"
    charts = tab.page.locator(VEGA_SELECTOR)
    problems = []
    for index, chart in enumerate(sent):
        drawn = charts.nth(index).evaluate(READ_CHART_JS)
        for problem in check_chart(chart, drawn, MIN_TEXT[mode]):
            problems.append(f"chart {index + 1} {chart.name!r}: {problem}")
    assert not problems, f"/{path} at {size}, {mode}:\n" + "\n".join(problems)
