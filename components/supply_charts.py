"""Charts and figure cards for the page "Aard en omvang": supply, controls, signals and the funnel plot."""

from typing import Literal

import altair as alt
import polars as pl
import streamlit as st

from analysis import supply
from analysis.dutch import fmt_dec, fmt_int
from analysis.palette import CAPTION_COLOR, GUIDE_COLOR, LABEL_COLOR, LIMIT_COLOR, TEXT_COLOR
from analysis.parser import STATUS_MARK
from analysis.supply import MEASURE_RATE, SupplyFigure, axis_title, bar_subtitle
from components.charts import ACCENT_COLOR, MISSING_COLOR, chosen_label, conditional, district_color
from components.controls import bound


def choose_view() -> tuple[str, str]:
    """The page's indicator and measure controls (both in the link); returns (indicator code, measure)."""
    left, right = st.columns(2)
    choice = bound(
        left.segmented_control,
        "Indicator",
        list(supply.INDICATOR_CHOICES),
        default=supply.DEFAULT_INDICATOR,
        required=True,
        key="indicator",
    )
    measure = bound(
        right.segmented_control,
        "Weergave",
        list(supply.MEASURES),
        default=supply.MEASURE_COUNT,
        required=True,
        key="maat",
    )
    return supply.indicator_code(choice or supply.DEFAULT_INDICATOR), measure or supply.MEASURE_COUNT


def choose_level() -> Literal["gebied", "district"]:
    """The funnel's level control (in the link): ``gebied`` for municipalities, ``district`` for districts."""
    level = bound(
        st.segmented_control,
        "Niveau",
        list(supply.LEVELS),
        default=supply.LEVEL_AREAS,
        required=True,
        key="niveau",
    )
    return "district" if level == supply.LEVEL_DISTRICTS else "gebied"


def figure_row(figures: list[SupplyFigure], measure: str) -> None:
    """Ads, controls and signals of the selection as three cards, in the chosen measure."""
    for column, figure in zip(st.columns(len(figures)), figures, strict=True):
        with column, st.container(border=True):
            if measure == MEASURE_RATE:
                st.metric(f"{figure.short_label} per 100.000 inwoners", figure.rate_value_text())
            else:
                st.metric(figure.label, figure.count_text())
            st.caption(figure.detail_text())


def _bar_data(rates: pl.DataFrame, measure: str) -> pl.DataFrame:
    """Add the plotted value, its label, and a position for the 'leeg' mark of missing cells."""
    column = "per_100k" if measure == MEASURE_RATE else "waarde"
    labels = []
    for r in rates.iter_rows(named=True):
        if r["waarde"] is None:
            labels.append(STATUS_MARK.get(r["status"], "?"))
        elif measure == MEASURE_RATE:
            labels.append(r["per_100k_tekst"].removesuffix(" per 100.000"))
        else:
            labels.append(fmt_int(r["waarde"]))
    return rates.with_columns(
        pl.col(column).cast(pl.Float64).alias("x"),
        pl.Series("label", labels, dtype=pl.String),
        pl.when(pl.col("waarde").is_null()).then(pl.lit(0.0)).otherwise(None).alias("x_leeg"),
        pl.col("status").replace_strict(STATUS_MARK, default="").alias("markering"),
    )


def bar_chart(
    rates: pl.DataFrame,
    measure: str,
    indicator: str,
    *,
    title: str,
    reference: float | None = None,
    highlight: str | None = None,
) -> alt.LayerChart:
    """Horizontal bars per area or district, coloured by district; missing cells grey and labelled.

    In the rate measure the exact 95% interval is drawn as a thin line and
    ``reference`` (the unit's rate) as a dashed line. ``highlight`` fades the other
    districts.
    """
    data = _bar_data(rates, measure)
    order = data["gebied"].to_list()
    legend = bool((data["gebied"] != data["district"]).any()) and data["district"].n_unique() > 1
    # The chosen district in bold when the bars are districts (faded bars alone would be colour only).
    y = alt.Y("gebied:N", sort=order, title=None, axis=alt.Axis(**chosen_label(highlight)))
    tooltip = [
        alt.Tooltip("gebied:N", title="Gebied"),
        alt.Tooltip("district:N", title="District"),
        alt.Tooltip("aantal_tekst:N", title="Aantal"),
        alt.Tooltip("per_100k_tekst:N", title="Per 100.000 inwoners"),
        alt.Tooltip("marge_tekst:N", title="Marge"),
    ]
    opacity = (
        conditional(alt.OpacityValue, alt.datum.district == highlight, 1.0, 0.3)
        if highlight
        else alt.OpacityValue(1.0)
    )
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    bars = base.mark_bar(height={"band": 0.7}).encode(
        x=alt.X("x:Q", title=axis_title(indicator, measure)),
        color=district_color("district", legend=legend),
        opacity=opacity,
    )
    labels = base.mark_text(align="left", dx=4, color=LABEL_COLOR).encode(
        x=alt.X("x:Q"), text=alt.Text("label:N")
    )
    layers = [bars, labels]
    has_missing = data["waarde"].null_count() > 0
    if has_missing:  # grey square and its mark ('leeg', '?', '-') only where a cell has no figure
        layers.append(base.mark_square(size=90, color=MISSING_COLOR).encode(x=alt.X("x_leeg:Q")))
        layers.append(
            base.mark_text(align="left", dx=9, color=CAPTION_COLOR, fontStyle="italic").encode(
                x=alt.X("x_leeg:Q"), text=alt.Text("markering:N")
            )
        )
    if measure == MEASURE_RATE:
        layers.insert(
            1,
            base.mark_rule(color=LABEL_COLOR, strokeWidth=1.2).encode(
                x=alt.X("ondergrens:Q"), x2=alt.X2("bovengrens:Q")
            ),
        )
        if reference is not None:
            rule = (
                alt.Chart(
                    pl.DataFrame({"x": [reference], "tekst": [f"Oost-Nederland: {fmt_dec(reference, 1)}"]})
                )
                .mark_rule(strokeDash=[4, 4], color=GUIDE_COLOR)
                .encode(x=alt.X("x:Q"), tooltip=[alt.Tooltip("tekst:N", title="Gemiddelde")])
            )
            layers.append(rule)
    return alt.LayerChart(layer=layers).properties(
        title=alt.Title(title, subtitle=bar_subtitle(measure, has_missing)),
    )


def controls_chart(ratios: pl.DataFrame, unit_value: float, *, title: str) -> alt.LayerChart:
    """Controls per 1.000 ads per area: point, exact 95% interval, and the unit's value as a dashed line.

    The counts stand in the axis label (``Nijmegen (16 op 2.766)``) so they are visible without hovering.
    """
    known = ratios.filter(pl.col("waarde").is_not_null())
    data = known.with_columns(
        pl.Series(
            "as_label",
            [
                f"{g} ({fmt_int(t)} op {fmt_int(n)})"
                for g, t, n in zip(known["gebied"], known["teller"], known["noemer"], strict=True)
            ],
            dtype=pl.String,
        )
    )
    order = data["as_label"].to_list()
    legend = data["district"].n_unique() > 1
    base = alt.Chart(data).encode(
        y=alt.Y("as_label:N", sort=order, title=None),
        tooltip=[
            alt.Tooltip("gebied:N", title="Gebied"),
            alt.Tooltip("verhouding_tekst:N", title="Verhouding"),
            alt.Tooltip("per_1000_tekst:N", title="Per 1.000 advertenties"),
            alt.Tooltip("marge_tekst:N", title="Marge"),
        ],
    )
    rule = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("ondergrens_1000:Q", title="Prostitutiecontroles per 1.000 advertenties"),
        x2=alt.X2("bovengrens_1000:Q"),
        color=district_color("district", legend=legend),
    )
    point = base.mark_point(filled=True, size=90, opacity=1).encode(
        x=alt.X("per_1000:Q"), color=district_color("district", legend=legend)
    )
    unit_line = (
        alt.Chart(
            pl.DataFrame(
                {
                    "x": [unit_value * 1000],
                    "tekst": [f"Oost-Nederland: {fmt_dec(unit_value * 1000, 1)} per 1.000"],
                }
            )
        )
        .mark_rule(strokeDash=[4, 4], color=GUIDE_COLOR)
        .encode(x=alt.X("x:Q"), tooltip=[alt.Tooltip("tekst:N", title="Gemiddelde")])
    )
    return (
        alt.LayerChart(layer=[rule, point])
        .add_layers(unit_line)
        .properties(
            title=alt.Title(
                title,
                subtitle=[
                    "Tussen haakjes: controles op advertenties. Punt: controles per 1.000 advertenties;",
                    "lijn: marge; stippellijn: heel Oost-Nederland",
                ],
            ),
        )
    )


#: Where a point's name can go: text alignment and offset from the point (px at 12 px type;
#: ``components.chart_sizes`` scales offsets with the type), tried in this order.
NAME_PLACES: dict[str, tuple[Literal["left", "center", "right"], int, int]] = {
    "rechts boven": ("left", 8, -7),
    "rechts onder": ("left", 8, 7),
    "boven": ("center", 0, -14),
    "onder": ("center", 0, 14),
    "links boven": ("right", -8, -7),
    "links onder": ("right", -8, 7),
}
#: The funnel's geometry as shares of the plot, taken on the projector (the tightest case):
#: one character's width, a line's height, one offset pixel across and up, a point's half size.
NAME_CHAR, NAME_HEIGHT, PIXEL_X, PIXEL_Y, POINT_X, POINT_Y = 0.0095, 0.062, 1 / 667, 1 / 253, 0.009, 0.022

Box = tuple[float, float, float, float]


def name_places(flagged: pl.DataFrame, points: pl.DataFrame, x_max: float, y_max: float) -> list[str]:
    """A place (a key of :data:`NAME_PLACES`) for the name of each flagged point of the funnel.

    Vega-Lite places no labels itself, so this does, greedily from left to right: each
    name takes the first place that stays inside the plot and covers no point (of
    ``points``) and no name placed before it, or else the least covered place.
    """
    xs = [x / x_max for x in flagged["inwoners"].to_list()]
    ys = [y / y_max for y in flagged["per_100k"].to_list()]
    names = flagged["gebied"].to_list()
    # A point keeps some room around it, so that no name seems to belong to another point.
    room_x, room_y = 2 * POINT_X, 2 * POINT_Y
    taken: list[Box] = [
        (x / x_max - room_x, x / x_max + room_x, y / y_max - room_y, y / y_max + room_y)
        for x, y in zip(points["inwoners"].to_list(), points["per_100k"].to_list(), strict=True)
    ]
    places = [""] * len(xs)

    def box(i: int, place: str) -> Box:
        align, dx, dy = NAME_PLACES[place]
        width = len(names[i]) * NAME_CHAR
        anchor = xs[i] + dx * PIXEL_X
        left = {"left": anchor, "center": anchor - width / 2, "right": anchor - width}[align]
        middle = ys[i] - dy * PIXEL_Y
        return left, left + width, middle - NAME_HEIGHT / 2, middle + NAME_HEIGHT / 2

    def covered(b: Box) -> float:
        """Area of the box outside the plot or over what is taken (shares of the plot's area)."""
        outside = (max(0.0, -b[0]) + max(0.0, b[1] - 1.0)) * NAME_HEIGHT + max(0.0, b[3] - 1.0) * (
            b[1] - b[0]
        )
        overlap = sum(
            max(0.0, min(b[1], o[1]) - max(b[0], o[0])) * max(0.0, min(b[3], o[3]) - max(b[2], o[2]))
            for o in taken
        )
        return outside + overlap

    for i in sorted(range(len(xs)), key=lambda i: xs[i]):
        scored = [(covered(box(i, place)), order, place) for order, place in enumerate(NAME_PLACES)]
        places[i] = min(scored)[2]
        taken.append(box(i, places[i]))
    return places


def funnel_chart(
    points: pl.DataFrame, grid: pl.DataFrame, overall_rate: float, *, title: str, subtitle: list[str]
) -> alt.LayerChart:
    """Funnel plot: signals per 100.000 against inhabitants, with 95% and 99,8% control limits.

    Points are coloured by district; areas of the chosen district are drawn solid,
    the others faint; areas outside the 95% limits are labelled with their full name
    ("Overig Twente", not "Overig": the rest of which district).
    """
    limits = grid.unpivot(
        on=["ondergrens", "bovengrens"],
        index=["inwoners", "niveau_tekst"],
        variable_name="zijde",
        value_name="grens",
    ).with_columns((pl.col("niveau_tekst") + " " + pl.col("zijde")).alias("lijn"))
    # The control levels as the grid writes them (``95%``, ``99,8%``): dashed, then solid.
    levels = grid["niveau_tekst"].unique(maintain_order=True).to_list()
    lines = (
        alt.Chart(limits)
        .mark_line(color=LIMIT_COLOR, strokeWidth=1.3)
        .encode(
            x=alt.X("inwoners:Q", title="Inwoners", axis=alt.Axis(format=",.0f")),
            y=alt.Y("grens:Q", title="Signalen per 100.000 inwoners"),
            detail=alt.Detail("lijn:N"),
            strokeDash=alt.StrokeDash(
                "niveau_tekst:N",
                title="Controlegrens",
                scale=alt.Scale(domain=levels, range=[[5, 4], [1, 0]]),
                legend=alt.Legend(orient="bottom"),
            ),
        )
    )
    centre = (
        alt.Chart(
            pl.DataFrame({"y": [overall_rate], "tekst": [f"Oost-Nederland: {fmt_dec(overall_rate, 1)}"]})
        )
        .mark_rule(color=ACCENT_COLOR, strokeWidth=1.5)
        .encode(y=alt.Y("y:Q"), tooltip=[alt.Tooltip("tekst:N", title="Gemiddelde")])
    )
    known = points.filter(pl.col("per_100k").is_not_null())
    tooltip = [
        alt.Tooltip("gebied:N", title="Gebied"),
        alt.Tooltip("district:N", title="District"),
        alt.Tooltip("aantal_tekst:N", title="Signalen"),
        alt.Tooltip("per_100k_tekst:N", title="Per 100.000 inwoners"),
        alt.Tooltip("positie:N", title="Trechter"),
    ]
    dots = (
        alt.Chart(known)
        .mark_circle(size=110, stroke="white", strokeWidth=0.8)
        .encode(
            x=alt.X("inwoners:Q"),
            y=alt.Y("per_100k:Q"),
            color=district_color("district"),
            opacity=conditional(alt.OpacityValue, alt.datum.gekozen, 0.95, 0.2),
            tooltip=tooltip,
        )
    )
    flagged = known.filter(pl.col("buiten"), pl.col("gekozen"))
    # The plot's extent, with the room Vega's rounding of the axes adds.
    y_top = max([overall_rate, *known["per_100k"].to_list(), *grid["bovengrens"].drop_nulls().to_list()])
    x_top = max([*grid["inwoners"].to_list(), *known["inwoners"].to_list()], default=1)
    places = name_places(flagged, known, float(x_top or 1) * 1.05, float(y_top or 1) * 1.05)
    names = [
        alt.Chart(flagged.filter(pl.Series(places) == place))
        .mark_text(align=align, dx=dx, dy=dy, color=TEXT_COLOR)
        .encode(x=alt.X("inwoners:Q"), y=alt.Y("per_100k:Q"), text=alt.Text("gebied:N"), tooltip=tooltip)
        for place, (align, dx, dy) in NAME_PLACES.items()
        if place in places
    ]
    return alt.LayerChart(layer=[lines, centre, dots, *names]).properties(
        title=alt.Title(title, subtitle=subtitle)
    )
