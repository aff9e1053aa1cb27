"""Chart sizes decided by the display mode, so no chart sets its own.

A chart builder says what to draw (marks, fields, colours, tooltips); :func:`fit` then
takes its Vega-Lite spec and decides every size from the display mode:

* the plot's height follows the number of categories on the vertical axis (rows times
  the mode's pixels per row, each group of ``yOffset`` bars counting as rows); Vega adds
  the room for title, axes and legends (``autosize: fit-x``), so a legend or a long title
  never squeezes the bars to nothing;
* every text (axis labels and titles, legends, labels on marks, facet headings) gets the
  mode's size: at least 12 px on a laptop or phone and 18 px on the projector;
* category labels are never hidden for overlap and never cut short (``labelOverlap`` off,
  a ``labelLimit`` wide enough for "Overig Noord- en Oost-Gelderland");
* legends get as many columns as fit the mode's narrowest chart, labels without limit,
  and list only the values that a mark uses (a colour scale's domain is pruned to the
  data, keeping each value's own colour);
* title and subtitle lines wrap to the chart's width instead of being cut off;
* the chart is drawn as SVG.

Pure: no Streamlit import. ``components.charts`` picks the mode and calls :func:`fit`.
"""

from __future__ import annotations

import copy
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal

Mode = Literal["laptop", "projector", "phone"]

#: Average width of a character as a share of the font size (Source Sans, the app's font),
#: a little on the wide side so that an estimate never comes out too narrow.
CHAR_WIDTH = 0.5
#: A row whose label sits above its mark (a text mark moved up with ``dy``) is this much higher.
LABEL_ABOVE_ROW = 1.6
#: The type size that builders write their label offsets (``dx``, ``dy``) for.
BASE_TEXT = 12
DISCRETE = ("nominal", "ordinal")
LEGEND_CHANNELS = ("color", "fill", "stroke", "shape", "opacity", "strokeDash", "size")
POINT_MARKS = ("point", "circle", "square")


@dataclass(frozen=True)
class ChartSizes:
    """Every size a chart takes from its display mode (pixels unless said otherwise)."""

    mode: Mode
    #: Axis labels and titles, legends, labels on marks, facet headings and subtitles.
    text: int
    title: int
    #: Plot height per category on a discrete vertical axis.
    row: int
    #: Plot height of a chart without a discrete vertical axis (a scatter, lines).
    plot: int
    #: The narrowest chart this mode is laid out for: titles wrap and legends fit in it.
    width: int
    #: Widest category label before Vega would cut it off.
    label_limit: int
    facet_width: int
    facet_height: int
    facet_columns: int
    #: Area factor for points, squares and circles.
    symbol_scale: float
    #: Room per tick label on a numeric x axis (fewer, larger numbers on the projector).
    tick_spacing: int
    #: The height of a map's plot (a map has no rows to count).
    map_plot: int = 520


LAPTOP = ChartSizes(
    mode="laptop",
    text=12,
    title=15,
    row=24,
    plot=360,
    # The narrowest chart on a laptop: a 1280 px window zoomed to 200% leaves a main column of
    # about 560 CSS px (WCAG 1.4.10); titles wrap and legends get their columns for that width.
    width=560,
    label_limit=420,
    facet_width=185,
    facet_height=150,
    facet_columns=3,
    symbol_scale=1.0,
    tick_spacing=60,
    map_plot=520,
)
PROJECTOR = ChartSizes(
    mode="projector",
    text=18,
    title=22,
    row=32,
    plot=380,
    width=1050,
    label_limit=640,
    facet_width=270,
    facet_height=165,
    facet_columns=3,
    symbol_scale=2.0,
    tick_spacing=90,
    # A map on a chart slide fits under the slide's titles with its legend and credit at 1280x720.
    map_plot=340,
)
PHONE = ChartSizes(
    mode="phone",
    text=12,
    title=15,
    row=24,
    plot=280,
    width=330,
    label_limit=240,
    facet_width=250,
    facet_height=140,
    facet_columns=1,
    symbol_scale=1.0,
    tick_spacing=60,
    map_plot=380,
)
SIZES: dict[str, ChartSizes] = {s.mode: s for s in (LAPTOP, PROJECTOR, PHONE)}


def mode_for(presenting: bool, user_agent: str) -> Mode:
    """The display a chart is drawn for, from presentation mode and the browser's user agent.

    A phone is told by "Mobi" in its user agent (as Mozilla advises) and keeps the phone's
    sizes also when it opens the projector's link (``presentatie=1``): the projector's type
    would leave a 390 px chart no room for its plot. Anything else presenting is the projector;
    the rest gets the laptop's sizes.
    """
    if "Mobi" in user_agent:
        return "phone"
    return "projector" if presenting else "laptop"


# -- reading a spec ------------------------------------------------------------------------------


@dataclass
class _Unit:
    """One mark of a spec with what it inherits from its parents: encoding and data rows."""

    node: dict[str, Any]
    encoding: dict[str, Any]
    rows: list[dict[str, Any]]
    filtered: bool

    @property
    def mark(self) -> str:
        mark = self.node["mark"]
        return str(mark.get("type") if isinstance(mark, dict) else mark)


def _units(spec: dict[str, Any]) -> Iterator[_Unit]:
    """Every mark in ``spec`` (layers and facets unfolded), with its inherited encoding and rows."""
    datasets: dict[str, list[dict[str, Any]]] = spec.get("datasets", {})

    def rows_of(node: dict[str, Any], inherited: list[dict[str, Any]]) -> list[dict[str, Any]]:
        data = node.get("data")
        if not isinstance(data, dict):
            return inherited
        if isinstance(data.get("values"), list):
            return list(data["values"])
        return datasets.get(str(data.get("name")), inherited)

    def walk(
        node: dict[str, Any], encoding: dict[str, Any], rows: list[dict[str, Any]], filtered: bool
    ) -> Iterator[_Unit]:
        rows = rows_of(node, rows)
        encoding = {**encoding, **node.get("encoding", {})}
        filtered = filtered or bool(node.get("transform"))
        if isinstance(node.get("spec"), dict):
            yield from walk(node["spec"], encoding, rows, filtered)
        for layer in node.get("layer", []):
            yield from walk(layer, encoding, rows, filtered)
        if "mark" in node:
            yield _Unit(node, encoding, rows, filtered)

    yield from walk(spec, {}, [], False)


def _is_discrete(channel: object) -> bool:
    return isinstance(channel, dict) and channel.get("type") in DISCRETE and "field" in channel


def field_value(row: dict[str, Any], field: str) -> Any:
    """A row's value of a Vega-Lite field, following a dotted path into nested data (``properties.district``)."""
    if field in row:
        return row[field]
    value: Any = row
    for part in field.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _field_values(units: list[_Unit], channel: str, *, domain_counts: bool = True) -> list[str]:
    """The distinct categories of a discrete channel, in order of appearance.

    An explicit scale domain counts as the categories (an axis shows it whole) unless
    ``domain_counts`` is off. Marks whose data passes a filter only count when no
    unfiltered mark carries the channel.
    """
    carrying = [u for u in units if _is_discrete(u.encoding.get(channel))]
    plain = [u for u in carrying if not u.filtered] or carrying
    seen: dict[str, None] = {}
    for unit in plain:
        spec = unit.encoding[channel]
        domain = (spec.get("scale") or {}).get("domain")
        if domain_counts and isinstance(domain, list):
            seen.update((str(d), None) for d in domain)
            continue
        values = (field_value(r, spec["field"]) for r in unit.rows)
        seen.update((str(v), None) for v in values if v is not None)
    return list(seen)


def rows(spec: dict[str, Any]) -> float:
    """How many rows the plot needs: categories on the vertical axis times the bars per category.

    0 means no discrete vertical axis. A bar or rect chart without a vertical channel (one
    stacked bar) is one row. Where a label sits above its mark (a text mark with ``dy`` on
    the category axis), each row is :data:`LABEL_ABOVE_ROW` rows high.
    """
    units = list(_units(spec))
    categories = len(_field_values(units, "y"))
    if categories == 0:
        bars = [u for u in units if u.mark in ("bar", "rect")]
        return 1 if bars and all("y" not in u.encoding for u in bars) else 0
    offsets = len(_field_values(units, "yOffset"))
    above = any(u.mark == "text" and _is_discrete(u.encoding.get("y")) and _dy(u.node["mark"]) for u in units)
    return categories * max(1, offsets) * (LABEL_ABOVE_ROW if above else 1)


def _dy(mark: object) -> float:
    return float(mark.get("dy") or 0) if isinstance(mark, dict) else 0.0


# -- deciding sizes ------------------------------------------------------------------------------


def _wrap(lines: object, font: int, width: int) -> str | list[str] | None:
    """Title lines wrapped at word boundaries to fit ``width`` pixels in type of ``font`` px.

    One line stays a string, as the builder wrote it; more lines become a list.
    """
    if lines is None:
        return None
    chars = max(20, int(width / (font * CHAR_WIDTH)))
    wrapped: list[str] = []
    for line in lines if isinstance(lines, list) else [lines]:
        wrapped.extend(textwrap.wrap(str(line), chars, break_on_hyphens=False) or [""])
    return wrapped[0] if len(wrapped) == 1 else wrapped


def _fit_title(spec: dict[str, Any], sizes: ChartSizes) -> None:
    title = spec.get("title")
    if title is None:
        return
    title = {"text": title} if isinstance(title, str | list) else dict(title)
    title["text"] = _wrap(title.get("text"), sizes.title, sizes.width)
    if "subtitle" in title:
        title["subtitle"] = _wrap(title["subtitle"], sizes.text, sizes.width)
    for key in ("fontSize", "subtitleFontSize", "limit"):
        title.pop(key, None)
    spec["title"] = title


def _legend_entry(labels: list[str], sizes: ChartSizes) -> float:
    """The width of one legend entry: symbol, gap, the longest label and the gap to the next column."""
    longest = max((len(label) for label in labels), default=1)
    return sizes.text * 2.2 + longest * sizes.text * CHAR_WIDTH + 12


def _legend_columns(labels: list[str], sizes: ChartSizes, others: list[list[str]]) -> int:
    """As many columns as fit in the mode's narrowest chart, next to the other legends in one column each."""
    room = sizes.width - sum(_legend_entry(other, sizes) + 20 for other in others)
    return max(1, min(len(labels), int(room // _legend_entry(labels, sizes))))


def _prune_scale(channel: dict[str, Any], present: list[str]) -> None:
    """Keep only the domain values (and their colours, shapes...) that the data uses."""
    scale = channel.get("scale")
    if not isinstance(scale, dict):
        return
    domain, scale_range = scale.get("domain"), scale.get("range")
    if not isinstance(domain, list) or not isinstance(scale_range, list) or len(domain) != len(scale_range):
        return
    kept = [(d, r) for d, r in zip(domain, scale_range, strict=True) if str(d) in present]
    if kept and len(kept) < len(domain):
        channel["scale"] = {**scale, "domain": [d for d, _ in kept], "range": [r for _, r in kept]}


def _fit_channels(units: list[_Unit], sizes: ChartSizes) -> None:
    """Axes of categories, legends and scales of every mark."""
    legends: dict[str, list[str]] = {}
    for channel in LEGEND_CHANNELS:
        present = _field_values(units, channel, domain_counts=False)
        with_legend = [
            u
            for u in units
            if _is_discrete(u.encoding.get(channel)) and u.encoding[channel].get("legend", {}) is not None
        ]
        if with_legend and present:
            legends[channel] = present
        for unit in units:
            own = unit.node.get("encoding", {}).get(channel)
            if _is_discrete(own):
                _prune_scale(own, present)
    for unit in units:
        encoding = unit.node.get("encoding", {})
        for channel in ("x", "y"):
            own = encoding.get(channel)
            if _is_discrete(own) and own.get("axis", {}) is not None:
                axis = {
                    k: v
                    for k, v in (own.get("axis") or {}).items()
                    if k not in ("labelFontSize", "titleFontSize")
                }
                own["axis"] = {
                    **axis,
                    "labelOverlap": False,
                    "labelFlush": False,
                    "labelLimit": sizes.label_limit,
                }
        for channel, labels in legends.items():
            own = encoding.get(channel)
            if _is_discrete(own) and own.get("legend", {}) is not None:
                legend = {
                    k: v
                    for k, v in (own.get("legend") or {}).items()
                    if k not in ("labelFontSize", "titleFontSize")
                }
                own["legend"] = {
                    **legend,
                    "orient": legend.get("orient", "bottom"),
                    "columns": _legend_columns(
                        labels, sizes, [v for k, v in legends.items() if k != channel]
                    ),
                    "labelLimit": sizes.width,
                    "titleLimit": sizes.width,
                }


def _fit_marks(units: list[_Unit], sizes: ChartSizes) -> None:
    """Text on marks in the mode's type, offsets scaled with it; points scaled for the mode; ticks sized to the row."""
    for unit in units:
        mark = unit.node["mark"]
        mark = dict(mark) if isinstance(mark, dict) else {"type": mark}
        kind = mark["type"]
        if kind == "text":
            # Offsets are written for 12 px type: they grow with the mode's type.
            for offset in ("dx", "dy"):
                if isinstance(mark.get(offset), int | float):
                    mark[offset] = round(mark[offset] * sizes.text / BASE_TEXT, 1)
            mark["fontSize"] = sizes.text
        elif kind in POINT_MARKS and isinstance(mark.get("size"), int | float):
            mark["size"] = round(mark["size"] * sizes.symbol_scale)
        elif kind == "tick":
            mark["size"] = round(sizes.row * 0.6)
        unit.node["mark"] = mark
        size = unit.node.get("encoding", {}).get("size")
        if kind in POINT_MARKS and isinstance(size, dict) and "field" not in size:
            if isinstance(size.get("value"), int | float):
                size["value"] = round(size["value"] * sizes.symbol_scale)
            condition = size.get("condition")
            if isinstance(condition, dict) and isinstance(condition.get("value"), int | float):
                condition["value"] = round(condition["value"] * sizes.symbol_scale)


def _config(spec: dict[str, Any], sizes: ChartSizes) -> None:
    text = {"labelFontSize": sizes.text, "titleFontSize": sizes.text}
    config = spec.setdefault("config", {})
    config["title"] = {
        **config.get("title", {}),
        "anchor": "start",
        "fontSize": sizes.title,
        "subtitleFontSize": sizes.text,
        "subtitleColor": "#555",
    }
    config["axis"] = {**config.get("axis", {}), **text}
    config["axisDiscrete"] = {
        **config.get("axisDiscrete", {}),
        "labelOverlap": False,
        "labelFlush": False,
        "labelLimit": sizes.label_limit,
    }
    config["axisX"] = {
        **config.get("axisX", {}),
        "tickCount": {"expr": f"ceil(width / {sizes.tick_spacing})"},
    }
    config["legend"] = {
        **config.get("legend", {}),
        **text,
        "labelLimit": sizes.width,
        "titleLimit": sizes.width,
        "symbolSize": round(100 * sizes.symbol_scale),
    }
    config["header"] = {**config.get("header", {}), **text, "labelLimit": sizes.width}
    config["text"] = {**config.get("text", {}), "fontSize": sizes.text}


def _fit_facet(spec: dict[str, Any], sizes: ChartSizes) -> None:
    inner = spec["spec"]
    inner["width"], inner["height"] = sizes.facet_width, sizes.facet_height
    spec["columns"] = sizes.facet_columns
    facet = spec.get("facet")
    if isinstance(facet, dict) and isinstance(facet.get("header"), dict):
        header = {k: v for k, v in facet["header"].items() if k not in ("labelFontSize", "titleFontSize")}
        facet["header"] = {**header, "labelLimit": sizes.width}
    # Small multiples keep their own size; the whole grows around them.
    spec["autosize"] = {"type": "pad"}


def _is_map(spec: dict[str, Any]) -> bool:
    """True for a map: a chart whose mark is a geoshape."""
    mark = spec.get("mark")
    return mark == "geoshape" or (isinstance(mark, dict) and mark.get("type") == "geoshape")


def fit(spec: dict[str, Any], sizes: ChartSizes) -> dict[str, Any]:
    """``spec`` (a Vega-Lite dict, as ``chart.to_dict()`` makes it) sized for ``sizes``' display mode.

    Returns a new dict; ``spec`` is left alone. See the module's docstring for what it decides.
    """
    spec = copy.deepcopy(spec)
    if _is_map(spec) and spec.get("usermeta", {}).get("kaart") == "klein":
        # A small map stands in a narrow column: half the width for its legend, half the height.
        sizes = replace(sizes, width=sizes.width // 2, map_plot=sizes.map_plot // 2)
    units = list(_units(spec))
    _config(spec, sizes)
    _fit_title(spec, sizes)
    _fit_channels(units, sizes)
    _fit_marks(units, sizes)
    for unit in units:  # a mark's own height or width is the helper's to decide
        if unit.node is not spec:
            unit.node.pop("height", None)
    if isinstance(spec.get("spec"), dict) and "facet" in spec:
        _fit_facet(spec, sizes)
    else:
        needed = rows(spec)
        if _is_map(spec):
            spec["height"] = sizes.map_plot
        else:
            spec["height"] = round(needed * sizes.row) if needed else sizes.plot
        spec.pop("width", None)
        # The plot is as high as set here; title, axes and legends come on top of it.
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    spec["usermeta"] = {**spec.get("usermeta", {}), "embedOptions": {"renderer": "svg"}}
    return spec
