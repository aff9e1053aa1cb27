"""A chart's key numbers in one Dutch sentence, read from the Vega-Lite spec that draws it.

Every chart in the app gets a text alternative: its title, and this sentence with the
highest and lowest value it shows (or, on a map, how many areas fall in each class). The
sentence is read from the very data and encodings the chart draws, so it cannot drift
from the picture; the table tab beside each chart holds every figure.

Pure Python over the spec's dicts: no Streamlit, no Altair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from analysis.dutch import fmt_dec, fmt_int, fmt_pct, join_words

#: Marks whose position carries a value (text marks only repeat it; areas are bands).
_VALUE_MARKS = {"bar", "point", "circle", "square", "tick", "rule", "line"}
_CATEGORY_TYPES = {"nominal", "ordinal"}


def _mark_type(layer: dict[str, Any]) -> str:
    mark = layer.get("mark")
    return str(mark.get("type", "")) if isinstance(mark, dict) else str(mark or "")


def _layers(spec: dict[str, Any], data: Any = None) -> Iterator[tuple[dict[str, Any], Any]]:
    """Every single-view spec in ``spec`` (through layers, facets and concatenations) with its data."""
    data = spec.get("data", data)
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for part in spec.get(key, []):
            yield from _layers(part, data)
    if "spec" in spec:
        yield from _layers(spec["spec"], data)
    if "mark" in spec:
        yield spec, data


def _rows(data: Any, datasets: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        return []
    if "values" in data and isinstance(data["values"], list):
        return data["values"]
    return datasets.get(str(data.get("name", "")), [])


def _field(row: dict[str, Any], field: str) -> Any:
    """A row's value of ``field``, following dots into nested data (``properties.klasse``)."""
    value: Any = row
    for part in field.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _title(channel: dict[str, Any]) -> str:
    axis = channel.get("axis")
    for title in (channel.get("title"), axis.get("title") if isinstance(axis, dict) else None):
        if isinstance(title, str) and title.strip():
            return title.strip()
    return ""


def _label_field(encoding: dict[str, Any]) -> str | None:
    """The nominal field that names each mark (in its tooltip or text), e.g. ``gebied``."""
    tooltip = encoding.get("tooltip", [])
    channels = [*(tooltip if isinstance(tooltip, list) else [tooltip]), encoding.get("text", {})]
    for channel in channels:
        if isinstance(channel, dict) and channel.get("type") == "nominal" and "field" in channel:
            return str(channel["field"])
    return None


def _last_year(
    rows: list[dict[str, Any]], label: str, year: str, value: str, title: str, axis_format: str
) -> str | None:
    """Series over the years (one point per series and year): each series' value in the last year.

    'Index (2019 = 100) in 2022: Seksadvertenties 130, Signalen 93 en B8-aangiftes 10.'
    Series on scales of their own (small multiples) are listed, never ranked against each other.
    """
    last = max(float(_field(r, year)) for r in rows)
    values: dict[str, float] = {}
    for row in rows:
        number = _field(row, value)
        if (
            float(_field(row, year)) == last
            and isinstance(number, int | float)
            and _field(row, label) is not None
        ):
            values.setdefault(str(_field(row, label)), float(number))
    if not values:
        return None
    when = f"in {fmt_int(last).replace('.', '')}"
    head = f"{title} {when}" if title else when[0].upper() + when[1:]
    return f"{head}: {join_words(f'{name} {_number(n, axis_format)}' for name, n in values.items())}."


def _over_years(rows: list[dict[str, Any]], field: str) -> bool:
    """True when ``field`` holds years (a line over time, not over a measure like inhabitants)."""
    years = [_field(r, field) for r in rows]
    return bool(years) and all(isinstance(y, int | float) and 1900 <= y <= 2100 for y in years)


def _format(channel: dict[str, Any]) -> str:
    axis = channel.get("axis")
    return str(axis.get("format", "")) if isinstance(axis, dict) else ""


def _number(value: float, axis_format: str) -> str:
    if "%" in axis_format:
        return fmt_pct(value)
    if float(value).is_integer():
        return fmt_int(value)
    return fmt_dec(value, 2 if abs(value) < 10 else 1)


def _ranking(
    rows: list[dict[str, Any]],
    category: str,
    value: str,
    title: str,
    axis_format: str,
    *,
    offset: str | None = None,
    stacked: bool = False,
) -> str | None:
    """'<title>: het hoogst bij A (9,1), het laagst bij B (3,2); 5 waarden.'

    ``offset`` names the field that splits a category into side-by-side marks (each pair
    is then its own value: 'A (vergaderingen)'); ``stacked`` adds up a category's segments.
    """
    values: dict[str, float] = {}
    missing: list[str] = []
    for row in rows:
        label, number = _field(row, category), _field(row, value)
        if label is None:
            continue
        if offset is not None and _field(row, offset) is not None:
            label = f"{label} ({_field(row, offset)})"
        label = str(label)
        is_number = isinstance(number, int | float) and not isinstance(number, bool)
        if label in values:
            if stacked and is_number:
                values[label] += float(number)
            continue
        if is_number:
            values[label] = float(number)
        elif label not in missing:
            missing.append(label)
    missing = [label for label in missing if label not in values]
    if not values:
        return None
    what = title or value
    if len(values) == 1:
        (label, number), *_ = values.items()
        sentence = f"{what}: {label} {_number(number, axis_format)}."
    else:
        top = max(values, key=lambda k: values[k])
        low = min(values, key=lambda k: values[k])
        sentence = (
            f"{what}: het hoogst bij {top} ({_number(values[top], axis_format)}), "
            f"het laagst bij {low} ({_number(values[low], axis_format)}); {len(values)} waarden."
        )
    if missing:
        sentence += f" Geen getal (niet 0) bij {join_words(missing)}."
    return sentence


def _classes(rows: list[dict[str, Any]], field: str) -> str | None:
    """A map: 'Per klasse: hoog 3 gebieden, laag 70, geen opgave (?) 3.'"""
    counts = Counter(str(v) for v in (_field(row, field) for row in rows) if v is not None)
    if not counts:
        return None
    parts = [f"{name}: {fmt_int(n)}" for name, n in counts.most_common()]
    return f"Aantal gebieden per kleur op de kaart: {join_words(parts)}."


def _series(rows: list[dict[str, Any]], x: str, y: str, title: str, axis_format: str) -> str | None:
    """A line over years: 'Index: van 100 in 2019 naar 93 in 2022.' (only for one series)."""
    points = sorted(
        (float(_field(r, x)), float(_field(r, y)))
        for r in rows
        if isinstance(_field(r, x), int | float) and isinstance(_field(r, y), int | float)
    )
    if len(points) < 2:
        return None
    (first_x, first_y), (last_x, last_y) = points[0], points[-1]
    return (
        f"{title or y}: van {_number(first_y, axis_format)} in {fmt_int(first_x).replace('.', '')} "
        f"naar {_number(last_y, axis_format)} in {fmt_int(last_x).replace('.', '')}."
    )


def spec_summary(spec: dict[str, Any]) -> str | None:
    """One Dutch sentence with the key numbers of the chart ``spec`` draws, or None if none can be read.

    The first layer that places a value against a category (a bar or point per area; a
    rule only when no bar or point does, and never a range from x to x2) gives the highest and the lowest value, with the areas that have no number named
    apart (missing is not zero). A map gives the number of areas per colour class. A
    single line over the years gives its first and last value.
    """
    datasets: dict[str, list[dict[str, Any]]] = spec.get("datasets", {})
    # Points and bars first: a rule from x to x2 is a margin, its ends are no values.
    layers = sorted(_layers(spec), key=lambda pair: _mark_type(pair[0]) in {"rule", "line"})
    # Layers share their axes: a title or format given on one layer holds for the others.
    shared: dict[str, tuple[str, str]] = {}
    for layer, _ in layers:
        for name in ("x", "y"):
            channel = layer.get("encoding", {}).get(name)
            if isinstance(channel, dict) and name not in shared and (_title(channel) or _format(channel)):
                shared[name] = (_title(channel), _format(channel))
    for layer, data in layers:
        mark = _mark_type(layer)
        encoding: dict[str, Any] = layer.get("encoding", {})
        rows = _rows(layer.get("data", data), datasets)
        if mark == "geoshape":
            color = encoding.get("color", {})
            if isinstance(color, dict) and "field" in color:
                return _classes(rows, str(color["field"]))
            continue
        if mark not in _VALUE_MARKS or not rows:
            continue
        x, y = encoding.get("x", {}), encoding.get("y", {})
        if "x2" in encoding or "y2" in encoding:
            continue  # a range (margin, stacked segment): its ends are no values of their own
        if not isinstance(x, dict) or not isinstance(y, dict) or "field" not in x or "field" not in y:
            continue
        for (category, value), name in (((y, x), "x"), ((x, y), "y")):
            if category.get("type") in _CATEGORY_TYPES and value.get("type") == "quantitative":
                title, axis_format = _title(value), _format(value)
                fallback = shared.get(name, ("", ""))
                offset = encoding.get("yOffset" if name == "x" else "xOffset")
                stack = value.get("stack", "zero" if mark == "bar" and "color" in encoding else None)
                return _ranking(
                    rows,
                    str(category["field"]),
                    str(value["field"]),
                    title or fallback[0],
                    axis_format or fallback[1],
                    offset=str(offset["field"]) if isinstance(offset, dict) and "field" in offset else None,
                    stacked=mark == "bar" and stack is not None and stack is not False,
                )
        label = _label_field(encoding)
        if mark != "line" and x.get("type") == y.get("type") == "quantitative" and label:
            fallback = shared.get("y", ("", ""))
            title, axis_format = _title(y) or fallback[0], _format(y) or fallback[1]
            x_field = str(x["field"])
            if _over_years(rows, x_field) and len({_field(r, label) for r in rows}) < len(rows):
                return _last_year(rows, label, x_field, str(y["field"]), title, axis_format)
            # A scatter (the funnel plot): each point named by its area, ranked by its height.
            return _ranking(rows, label, str(y["field"]), title, axis_format)
        if mark == "line" and _over_years(rows, str(x.get("field", ""))) and y.get("type") == "quantitative":
            fallback = shared.get("y", ("", ""))
            return _series(
                rows, str(x["field"]), str(y["field"]), _title(y) or fallback[0], _format(y) or fallback[1]
            )
    return None
