"""Maps of the 76 municipalities (Altair ``mark_geoshape``, offline: the boundaries come from ``data/geo``).

Every map colours a class, never a raw zero for a missing figure: the legend names each
class, a municipality counted in its district's "Overig" has a dashed outline, and the
districts outside the sidebar's choice are faded while the map zooms to the chosen one.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl

from analysis import UNIT
from analysis.maps import load_boundaries, with_properties
from analysis.maps.views import SEEN_CLASSES
from analysis.maps.wording import COUNT_CLASSES, FEW_COUNTS, MISSING_CLASSES, RATE_CLASSES
from analysis.palette import (
    GROUP_FILLS,
    MAP_CLASS_BLUES,
    MAP_FEW,
    MAP_MISSING,
    OUTCOME_FILLS,
    OUTLINE_COLOR,
    SEEN_BLUES,
)
from components.charts import DISTRICT_COLORS

#: Colour of each class: a colour-blind-safe sequential blue for rates and counts, greys for
#: few and missing (three distinct greys, so missing never looks like a low value).
CLASS_COLORS: dict[str, str] = {
    **dict(zip(RATE_CLASSES, MAP_CLASS_BLUES, strict=True)),
    **dict(zip(COUNT_CLASSES, MAP_CLASS_BLUES, strict=True)),
    FEW_COUNTS: MAP_FEW,
    **dict(zip(MISSING_CLASSES.values(), MAP_MISSING, strict=True)),
}
#: Colours of the outcomes of a report (rapportage -> interventie map), in legend order.
OUTCOME_COLORS: dict[str, str] = dict(
    zip(
        [
            "rapportage en interventie",
            "rapportage, geen interventie",
            "interventie zonder rapportage",
            "geen rapportage, geen interventie",
            "geen opgave (?)",
        ],
        OUTCOME_FILLS,
        strict=True,
    )
)


#: Dash patterns of a class map's outlines, one per class: solid, dashed, dotted, dash-dot.
_DASHES: list[list[int]] = [[1, 0], [6, 3], [1, 3], [6, 2, 1, 2]]


def _features(table: pl.DataFrame) -> list[dict[str, Any]]:
    """The boundaries of the table's year, each carrying its municipality's row as properties."""
    municipalities = dict(zip(table["gemeentecode"], table["gemeente"], strict=True))
    boundaries = load_boundaries(int(table["jaar"][0]), municipalities)
    return with_properties(boundaries.features, table.to_dicts())


def _fit(features: list[dict[str, Any]]) -> dict[str, Any]:
    """The collection the projection is fitted to: the chosen municipalities (all when none is chosen)."""
    chosen = [f for f in features if f["properties"].get("gekozen")] or features
    return {"type": "FeatureCollection", "features": chosen}


def _class_color(table: pl.DataFrame, colors: dict[str, str], title: str) -> alt.Color:
    present = [c for c in colors if c in set(table["klasse"].to_list())]
    return alt.Color(
        "properties.klasse:N",
        title=title,
        scale=alt.Scale(domain=present, range=[colors[c] for c in present]),
        legend=alt.Legend(
            orient="bottom",
            labelLimit=0,
            symbolType="square",
            symbolSize=220,
            symbolStrokeColor=OUTLINE_COLOR,
            symbolStrokeWidth=0.6,
        ),
    )


def _geoshape(features: list[dict[str, Any]], color: alt.Color, tooltip: list[alt.Tooltip]) -> alt.Chart:
    return (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(stroke=OUTLINE_COLOR, strokeWidth=0.6, clip=True)
        .encode(
            color=color,
            strokeDash=alt.StrokeDash(
                "properties.overig:N",
                scale=alt.Scale(domain=[False, True], range=[[1, 0], [4, 3]]),
                legend=None,
            ),
            strokeWidth=alt.StrokeWidthValue(
                0.6, condition={"test": "datum.properties.overig", "value": 1.6}
            ),
            opacity=alt.OpacityValue(0.25, condition={"test": "datum.properties.gekozen", "value": 1.0}),
            tooltip=tooltip,
        )
        .project(type="mercator", fit=_fit(features))
    )


def measure_map(table: pl.DataFrame, title: str, subtitle: str) -> alt.Chart:
    """The chosen measure per municipality as classes; grey where counts are few or missing."""
    features = _features(table)
    tooltip = [
        alt.Tooltip("properties.gemeente:N", title="Gemeente"),
        alt.Tooltip("properties.gebied_tekst:N", title="Cijfer van"),
        alt.Tooltip("properties.waarde_tekst:N", title="Aantal"),
        alt.Tooltip("properties.inwoners:Q", title="Inwoners van dat gebied", format=",d"),
        alt.Tooltip("properties.maat_tekst:N", title="Per inwoner"),
        alt.Tooltip("properties.klasse:N", title="Klasse"),
    ]
    color = _class_color(table, CLASS_COLORS, "Kleur")
    return _geoshape(features, color, tooltip).properties(title=alt.Title(title, subtitle=subtitle))


def outcome_map(table: pl.DataFrame, title: str, subtitle: str) -> alt.Chart:
    """Per municipality what followed a report: the outcome of its area, '?' marked as no figures."""
    features = _features(table)
    tooltip = [
        alt.Tooltip("properties.gemeente:N", title="Gemeente"),
        alt.Tooltip("properties.gebied_tekst:N", title="Cijfer van"),
        alt.Tooltip("properties.maat_tekst:N", title="Rapportages"),
        alt.Tooltip("properties.waarde_tekst:N", title="Interventies"),
        alt.Tooltip("properties.klasse:N", title="Uitkomst"),
    ]
    color = _class_color(table, OUTCOME_COLORS, "Uitkomst")
    return _geoshape(features, color, tooltip).properties(title=alt.Title(title, subtitle=subtitle))


def district_map(
    table: pl.DataFrame,
    color_field: str,
    title: str,
    subtitle: str,
    tooltip_fields: dict[str, str],
    colors: dict[str, str] | None = None,
    *,
    zoom: bool = True,
) -> alt.Chart:
    """The five districts (their municipalities, without inner borders), coloured by ``color_field``.

    ``color_field`` is ``district`` (each district its own colour) or a class column; the
    municipalities of the chosen district stay opaque.
    """
    features = _features(table)
    if color_field == "district":
        present = [d for d in DISTRICT_COLORS if d in set(table["district"].to_list()) and d != UNIT]
        color = alt.Color(
            "properties.district:N",
            title="District",
            scale=alt.Scale(domain=present, range=[DISTRICT_COLORS[d] for d in present]),
            legend=alt.Legend(orient="bottom", labelLimit=0, symbolType="square", symbolSize=220),
        )
    else:
        values = table[color_field].drop_nulls().unique(maintain_order=True).to_list()
        palette = colors or dict(zip(values, GROUP_FILLS, strict=False))
        values = [v for v in palette if v in values]
        color = alt.Color(
            f"properties.{color_field}:N",
            title=None,
            scale=alt.Scale(domain=values, range=[palette[v] for v in values]),
            legend=alt.Legend(orient="bottom", labelLimit=0, symbolType="square", symbolSize=220),
        )
    tooltip = [alt.Tooltip(f"properties.{field}:N", title=name) for field, name in tooltip_fields.items()]
    # A class map (casustafel yes/no, share seen) also draws each class's outline in its own dash
    # pattern, in the legend too: the classes are told apart without colour (WCAG 1.4.1).
    outline: dict[str, Any] = {"stroke": color, "strokeWidth": alt.StrokeWidthValue(0.3)}
    if color_field != "district":
        outline = {
            "stroke": alt.StrokeValue(OUTLINE_COLOR),
            "strokeWidth": alt.StrokeWidthValue(1.0),
            "strokeDash": alt.StrokeDash(
                f"properties.{color_field}:N",
                title=None,
                scale=alt.Scale(domain=values, range=_DASHES[: len(values)]),
            ),
        }
    shapes = (
        alt.Chart(alt.Data(values=features))
        .mark_geoshape(clip=True)
        .encode(
            color=color,
            opacity=alt.OpacityValue(0.25, condition={"test": "datum.properties.gekozen", "value": 1.0}),
            tooltip=tooltip,
            **outline,
        )
        .project(
            type="mercator",
            fit=_fit(features) if zoom else {"type": "FeatureCollection", "features": features},
        )
    )
    return shapes.properties(title=alt.Title(title, subtitle=subtitle))


def casustafel_map(table: pl.DataFrame, title: str, subtitle: str) -> alt.Chart:
    """The five districts coloured by whether they hold a casustafel, with each figure in the tooltip."""
    return district_map(
        table,
        "groep",
        title,
        subtitle,
        {
            "district": "District",
            "groep": "Casustafel",
            "tekst": "Verhouding in het district",
            "marge": "Marge",
            "groep_tekst": "Verhouding van de groep",
        },
    )


def victims_map(table: pl.DataFrame, title: str, subtitle: str) -> alt.Chart:
    """The districts coloured by the share of expected victims seen, with both counts in the tooltip."""
    return district_map(
        table,
        "klasse",
        title,
        subtitle,
        {
            "district": "District",
            "verwacht_tekst": "Verwacht (scenario)",
            "signalen_tekst": "Geregistreerd",
            "gezien_tekst": "Gezien",
        },
        dict(zip(SEEN_CLASSES, SEEN_BLUES, strict=True)),
    )


def orientation_map(table: pl.DataFrame, title: str, subtitle: str) -> alt.Chart:
    """A small map of the five districts, each in its own colour, the chosen one highlighted."""
    chart = district_map(table, "district", title, subtitle, {"district": "District"}, zoom=False)
    return chart.properties(usermeta={"kaart": "klein"})


__all__ = [
    "CLASS_COLORS",
    "OUTCOME_COLORS",
    "casustafel_map",
    "district_map",
    "orientation_map",
    "victims_map",
    "measure_map",
    "outcome_map",
]
