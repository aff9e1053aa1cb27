"""Chart conventions shared by every page: one colour per district, Dutch numbers, missing in grey.

Every chart goes through :func:`show_chart`, which sizes it for the display mode
(:mod:`components.chart_sizes`: no chart sets its own height or type size), applies the
Dutch number locale, puts the source under the chart and caches the Vega-Lite spec.
"""

import json
from collections.abc import Callable
from typing import Any

import altair as alt
import streamlit as st

from analysis.chart_text import spec_summary
from analysis.methods import MARGIN_SENTENCE

# The colours live in analysis.palette, with their contrast checks; re-exported for the chart modules.
from analysis.palette import (  # noqa: F401
    ACCENT_COLOR,
    BAND_FILL,
    CAPTION_COLOR,
    DISTRICT_COLORS,
    LABEL_COLOR,
    MISSING_COLOR,
    SECOND_COLOR,
    TEXT_COLOR,
)
from analysis.parser import STATUS_MARK  # noqa: F401  (re-exported for chart modules)
from components import presentation
from components.chart_sizes import SIZES, Mode, fit, mode_for
from components.data import builder_name

#: A function from ``components`` that builds one Altair chart from data frames and choices.
ChartBuilder = Callable[..., alt.TopLevelMixin]

# Streamlit draws Altair charts without Altair's default theme (its 300 x 300 pixel view);
# the specs made here are drawn the same way.
alt.theme.enable("none")


DUTCH_LOCALE = alt.Locale(
    number=alt.NumberLocale(decimal=",", thousands=".", grouping=[3], currency=["€\u00a0", ""]),
)
_LOCALE = DUTCH_LOCALE.to_dict()


def conditional(
    channel: type[alt.SchemaBase], test: object, then: object, otherwise: object
) -> alt.SchemaBase:
    """A value channel that is ``then`` where ``test`` holds and ``otherwise`` elsewhere.

    The same as ``alt.condition(test, alt.value(then), alt.value(otherwise))``, but built as a
    channel object (``alt.OpacityValue`` ...): Altair re-parses the dict that ``alt.condition``
    returns against its whole schema on every chart, which costs milliseconds per channel.
    ``test`` is a Vega expression string or an ``alt.datum`` expression.
    """
    return channel(otherwise, condition={"test": str(test), "value": then})


def district_color(field: str = "district", legend: bool = True, title: str = "District") -> alt.Color:
    """The colour encoding for districts, identical on every page."""
    return alt.Color(
        f"{field}:N",
        scale=alt.Scale(domain=list(DISTRICT_COLORS), range=list(DISTRICT_COLORS.values())),
        legend=alt.Legend(title=title, orient="bottom", columns=3) if legend else None,
    )


def chosen_label(selected: str | None) -> dict[str, Any]:
    """Axis settings that print the chosen area's label in bold: the choice shows without colour.

    A chart that fades the other areas (a colour difference) also marks the chosen one this
    way (WCAG 1.4.1, use of colour). Empty when nothing is chosen.
    """
    if not selected:
        return {}
    return {"labelFontWeight": {"expr": f"datum.value === {json.dumps(selected)} ? 'bold' : 'normal'"}}


def display_mode() -> Mode:
    """The display this page is drawn for: a phone, the projector in presentation mode, or a laptop.

    A phone is told by its user agent and keeps the phone's sizes on the projector's link too
    (:func:`components.chart_sizes.mode_for`).
    """
    return mode_for(presentation.is_on(), st.context.headers.get("User-Agent") or "")


@st.cache_data(show_spinner=False, max_entries=512)
def _spec(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], mode: Mode, _build: ChartBuilder) -> dict:
    """The Vega-Lite spec of ``_build(*args, **kwargs)`` sized for ``mode``, made by Altair once per distinct input."""
    spec = fit(_build(*args, **kwargs).to_dict(), SIZES[mode])
    config = spec.setdefault("config", {})
    config["locale"] = _LOCALE
    readable_config(config)
    # The builder's name travels with the chart, so a browser test can say which chart it checks.
    spec["usermeta"]["chart"] = name
    summary = spec_summary(spec)
    spec["usermeta"]["samenvatting"] = summary or ""
    spec["description"] = describe(spec, summary)
    return spec


def readable_config(config: dict[str, Any]) -> None:
    """Chart text in the palette's dark colours and marks at full strength (analysis.palette, WCAG 1.4.3 and 1.4.11).

    Streamlit's chart theme draws axis and legend labels in #808495 (3.7:1 on white): too
    light for text. Vega-Lite draws points, circles, squares and ticks (and bars in a layer)
    at 70% opacity by default, which would lighten every district colour below the 3:1 the
    palette is checked for; a chart that fades marks on purpose sets its opacity itself.
    """
    label = {"labelColor": LABEL_COLOR, "titleColor": LABEL_COLOR}
    config["title"] = {**config.get("title", {}), "color": TEXT_COLOR, "subtitleColor": CAPTION_COLOR}
    for part in ("axis", "legend", "header"):
        config[part] = {**config.get(part, {}), **label}
    config["text"] = {"color": LABEL_COLOR, **config.get("text", {})}
    for mark in ("point", "circle", "square", "tick", "bar"):
        config[mark] = {"opacity": 1, **config.get(mark, {})}


def _title_text(title: object) -> list[str]:
    """The lines of a Vega-Lite title (a string, a list of lines, or a title object with a subtitle)."""
    if isinstance(title, str):
        return [title]
    if isinstance(title, list):
        return [str(line) for line in title]
    if isinstance(title, dict):
        return _title_text(title.get("text", "")) + _title_text(title.get("subtitle", ""))
    return []


def describe(spec: dict, summary: str | None = None) -> str:
    """The chart's text alternative: 'Grafiek: <title>. <subtitle>.' and the summary, if any.

    Vega uses it as the accessible name (``aria-label``) of the drawn chart, so a screen
    reader announces what the chart shows; the table tab holds every figure.
    """
    lines = [line.strip() for line in _title_text(spec.get("title")) if line and line.strip()]
    # Wrapped title lines join into sentences: a line that ends a sentence keeps its own mark.
    sentences = " ".join(line if line[-1] in ".?!:;" else line + "." for line in lines)
    text = f"Grafiek: {sentences}" if lines else "Grafiek."
    return f"{text} {summary}" if summary else text


def show_chart(build: ChartBuilder, *args: Any, source: str, key: str | None = None, **kwargs: Any) -> None:
    """Draw the Altair chart ``build(*args, **kwargs)`` with Dutch numbers and its source underneath.

    Altair builds and validates the chart once for each distinct input (the data frames and
    choices in ``args`` and ``kwargs``) and the resulting Vega-Lite spec is cached: a rerun
    with the same figures only looks it up, instead of spending tens of milliseconds in
    Altair per chart. Every size (the plot's height, type, legends) comes from the display
    mode (:func:`display_mode`, :func:`components.chart_sizes.fit`): on the projector the
    type is at least 18 px, to be read from the back of the room. Under the chart (on the
    laptop) one sentence gives its key numbers (:func:`analysis.chart_text.spec_summary`); the
    same sentence, after the title, is the chart's accessible name (Vega's ``description``).
    """
    mode = display_mode()
    spec = _spec(builder_name(build), args, kwargs, mode, _build=build)
    st.vega_lite_chart(spec, width="stretch", key=key)
    summary = spec["usermeta"].get("samenvatting")
    # The key numbers in words beside the chart (on a slide they are in the chart's accessible name only).
    if summary and mode != "projector":
        st.markdown(summary)
    # On a slide the room never sees "Hoe berekend?": a chart that draws margins says once what they are.
    margin = (
        f"{MARGIN_SENTENCE} " if mode == "projector" and "marge" in json.dumps(spec.get("title", "")) else ""
    )
    st.caption(f"{margin}Bron: {source}")
