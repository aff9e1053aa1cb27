"""Charts and figure cards for the page "Aard en omvang": supply, controls, signals and the funnel plot."""

from typing import Literal

import altair as alt
import polars as pl
import streamlit as st

from analysis import supply
from analysis.dutch import fmt_dec, fmt_int
from analysis.parser import STATUS_MARK
from analysis.supply import MEASURE_RATE, SupplyFigure, axis_title, bar_subtitle
from components.charts import ACCENT_COLOR, MISSING_COLOR, conditional, district_color
from components.controls import bound

ROW_HEIGHT = 26
MIN_HEIGHT = 280
#: Room for title, subtitle and x axis; a district legend at the bottom needs more.
CHROME = 140
LEGEND = 100


def _height(rows: int, legend: bool = True) -> int:
    """Chart height for a chart with ``rows`` rows (Streamlit counts title, axes and legend in it)."""
    return max(MIN_HEIGHT, rows * ROW_HEIGHT + CHROME + (LEGEND if legend else 0))


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
    y = alt.Y("gebied:N", sort=order, title=None, axis=alt.Axis(labelLimit=240, labelOverlap=False))
    tooltip = [
        alt.Tooltip("gebied:N", title="Gebied"),
        alt.Tooltip("district:N", title="District"),
        alt.Tooltip("aantal_tekst:N", title="Aantal"),
        alt.Tooltip("per_100k_tekst:N", title="Per 100.000 inwoners"),
        alt.Tooltip("marge_tekst:N", title="95%-marge (exact)"),
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
    labels = base.mark_text(align="left", dx=4, fontSize=11, color="#333").encode(
        x=alt.X("x:Q"), text=alt.Text("label:N")
    )
    layers = [bars, labels]
    has_missing = data["waarde"].null_count() > 0
    if has_missing:  # grey square and its mark ('leeg', '?', '-') only where a cell has no figure
        layers.append(base.mark_square(size=90, color=MISSING_COLOR).encode(x=alt.X("x_leeg:Q")))
        layers.append(
            base.mark_text(align="left", dx=9, fontSize=11, color="#666", fontStyle="italic").encode(
                x=alt.X("x_leeg:Q"), text=alt.Text("markering:N")
            )
        )
    if measure == MEASURE_RATE:
        layers.insert(
            1,
            base.mark_rule(color="#333", strokeWidth=1.2).encode(
                x=alt.X("ondergrens:Q"), x2=alt.X2("bovengrens:Q")
            ),
        )
        if reference is not None:
            rule = (
                alt.Chart(
                    pl.DataFrame({"x": [reference], "tekst": [f"Oost-Nederland: {fmt_dec(reference, 1)}"]})
                )
                .mark_rule(strokeDash=[4, 4], color="#444")
                .encode(x=alt.X("x:Q"), tooltip=[alt.Tooltip("tekst:N", title="Gemiddelde")])
            )
            layers.append(rule)
    return alt.LayerChart(layer=layers).properties(
        title=alt.Title(title, subtitle=bar_subtitle(measure, has_missing)),
        height=_height(data.height, legend),
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
        y=alt.Y(
            "as_label:N",
            sort=order,
            title=None,
            axis=alt.Axis(labelLimit=300, labelOverlap=False),
        ),
        tooltip=[
            alt.Tooltip("gebied:N", title="Gebied"),
            alt.Tooltip("verhouding_tekst:N", title="Verhouding"),
            alt.Tooltip("per_1000_tekst:N", title="Per 1.000 advertenties"),
            alt.Tooltip("marge_tekst:N", title="95%-marge (exact)"),
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
        .mark_rule(strokeDash=[4, 4], color="#444")
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
                    "lijn: exacte 95%-marge; stippellijn: heel Oost-Nederland",
                ],
            ),
            height=_height(data.height, legend),
        )
    )


def funnel_chart(
    points: pl.DataFrame, grid: pl.DataFrame, overall_rate: float, *, title: str, subtitle: list[str]
) -> alt.LayerChart:
    """Funnel plot: signals per 100.000 against inhabitants, with 95% and 99,8% control limits.

    Points are coloured by district; areas of the chosen district are drawn solid,
    the others faint; areas outside the 95% limits are labelled with their name.
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
        .mark_line(color="#777", strokeWidth=1.3)
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
    flagged = known.filter(pl.col("buiten"), pl.col("gekozen")).with_columns(
        pl.when(pl.col("gebiedstype") == "overig")
        .then(pl.lit("Overig"))
        .otherwise(pl.col("gebied"))
        .alias("kort")
    )
    names = (
        alt.Chart(flagged)
        .mark_text(align="left", dx=8, dy=-7, fontSize=11, color="#222")
        .encode(x=alt.X("inwoners:Q"), y=alt.Y("per_100k:Q"), text=alt.Text("kort:N"))
    )
    return alt.LayerChart(layer=[lines, centre, dots, names]).properties(
        title=alt.Title(title, subtitle=subtitle), height=560
    )
