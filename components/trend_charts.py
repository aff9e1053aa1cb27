"""Charts for the page 'Ontwikkeling sinds 2019': 2019 against 2022, and every loaded year per indicator."""

import math
from typing import Any

import altair as alt
import polars as pl

from analysis.dutch import fmt_int
from analysis.palette import CARE_NA_COLOR, GUIDE_COLOR, MISSING_TEXT_COLOR, STATEMENT_COLOR, TABLE_COLOR
from analysis.trends.base_years import BASE_VALUE, NOW_SOURCE, TABLE_VALUE, TEXT_VALUE
from analysis.trends.sources import BASE_YEAR, TEXT_YEAR
from analysis.trends.wording import (
    KIND_COUNT,
    KIND_STATEMENT,
    SOURCE_TABLE,
    SOURCE_TEXT,
    index_axis_title,
    ratio_axis_title,
    ratio_legend_title,
    ratio_title,
    slope_subtitle,
    slope_title,
    text_point_label,
    years_subtitle,
)
from components.charts import ACCENT_COLOR, DISTRICT_COLORS, district_color

LABEL_GAP = 10.0
MERGE_GAP = 6.0


def _or(value: object, default: float) -> float:
    """A column's min or max as a float, or ``default`` when it is missing (an empty column) or 0."""
    return float(value) if isinstance(value, int | float) and value else default


def _spread(positions: list[float], gap: float = LABEL_GAP, rounds: int = 200) -> list[float]:
    """Move label positions apart until neighbours are at least ``gap`` apart, keeping their order."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = [positions[i] for i in order]
    for _ in range(rounds):
        moved = False
        for j in range(1, len(placed)):
            deficit = gap - (placed[j] - placed[j - 1])
            if deficit > 1e-9:
                placed[j - 1] -= deficit / 2
                placed[j] += deficit / 2
                moved = True
        if not moved:
            break
    result = [0.0] * len(positions)
    for rank, i in enumerate(order):
        result[i] = placed[rank]
    return result


def slope_data(table: pl.DataFrame, year: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Points (2019 = 100, then the text's and the table's figure for ``year``) and their labels."""
    points, labels = [], []
    for r in table.filter(pl.col("index_tekst").is_not_null()).iter_rows(named=True):
        counted = r["soort"] == KIND_COUNT
        base = {"indicator": r["label"], "soort": r["soort"], "opmerking": r["opmerking"]}
        first = "100" if r[BASE_VALUE] is None else fmt_int(r[BASE_VALUE])
        points.append(
            {**base, "jaar": BASE_YEAR, "index": 100.0, "bron": str(BASE_YEAR), "waarde_tekst": first}
        )
        now = r[TEXT_VALUE] if counted else r[TABLE_VALUE]
        now_text = fmt_int(now) if counted else f"{r['verandering_tekst']} (tabel {year}: {fmt_int(now)})"
        points.append(
            {**base, "jaar": year, "index": r["index_tekst"], "bron": "tekst", "waarde_tekst": now_text}
        )
        if counted and r["tekst_wijkt_af"]:
            points.append(
                {
                    **base,
                    "jaar": year,
                    "index": r["index_tabel"],
                    "bron": "tabel",
                    "waarde_tekst": fmt_int(r[TABLE_VALUE]),
                }
            )
        suffix = " (andere crawler)" if r["bron_gewijzigd"] else ""
        if not counted:
            labels.append(
                {"index": r["index_tekst"], "etiket": f"{r['label']}: {r['verandering_tekst']}{suffix}"}
            )
        elif not r["tekst_wijkt_af"]:
            labels.append(
                {
                    "index": r["index_tekst"],
                    "etiket": f"{r['label']}: {first} → {fmt_int(now)} ({r['verandering_tekst']})",
                }
            )
        elif abs(r["index_tekst"] - r["index_tabel"]) < MERGE_GAP:
            labels.append(
                {
                    "index": r["index_tekst"],
                    "etiket": f"{r['label']}: {first} → {fmt_int(now)} (tekst) / {fmt_int(r[TABLE_VALUE])} (tabel)",
                }
            )
        else:
            labels.append(
                {"index": r["index_tekst"], "etiket": f"{r['label']}: {first} → {fmt_int(now)} (tekst)"}
            )
            labels.append(
                {
                    "index": r["index_tabel"],
                    "etiket": f"{r['label']}: {fmt_int(r[TABLE_VALUE])} (tabel {year})",
                }
            )
    label_frame = pl.DataFrame(labels, schema={"index": pl.Float64, "etiket": pl.String})
    label_frame = label_frame.with_columns(pl.Series("label_y", _spread(label_frame["index"].to_list())))
    return pl.DataFrame(points), label_frame


def slope_chart(table: pl.DataFrame, year: int) -> alt.LayerChart:
    """Every figure known for 2019 and for ``year`` as an index (2019 = 100)."""
    points, labels = slope_data(table, year)
    x = alt.X(
        "jaar:Q",
        title=None,
        scale=alt.Scale(domain=[BASE_YEAR - 0.4, year + 3.6], nice=False),
        axis=alt.Axis(values=[BASE_YEAR, year], format="d", grid=False),
    )
    top = max(140.0, _or(points["index"].max(), 0) + 10, _or(labels["label_y"].max(), 0) + 6)
    y_scale = alt.Scale(domain=[0, top], nice=False)
    y = alt.Y("index:Q", title=index_axis_title(), scale=y_scale)
    color = alt.Color(
        "soort:N",
        scale=alt.Scale(domain=[KIND_COUNT, KIND_STATEMENT], range=[ACCENT_COLOR, STATEMENT_COLOR]),
        legend=alt.Legend(title=None, orient="bottom", symbolType="stroke", symbolStrokeWidth=3),
    )
    dash = alt.StrokeDash(
        "soort:N", scale=alt.Scale(domain=[KIND_COUNT, KIND_STATEMENT], range=[[1, 0], [6, 4]]), legend=None
    )
    tooltip = [
        alt.Tooltip("indicator:N", title="Indicator"),
        alt.Tooltip("jaar:Q", title="Jaar", format="d"),
        alt.Tooltip("bron:N", title="Bron"),
        alt.Tooltip("waarde_tekst:N", title="Waarde"),
        alt.Tooltip("opmerking:N", title="Opmerking"),
    ]
    main = alt.Chart(points).transform_filter(alt.datum.bron != "tabel")
    lines = main.mark_line(strokeWidth=2.5).encode(
        x=x, y=y, color=color, strokeDash=dash, detail=alt.Detail("indicator:N")
    )
    dots = main.mark_point(filled=True, size=70).encode(x=x, y=y, color=color, tooltip=tooltip)
    table_points = (
        alt.Chart(points)
        .transform_filter(alt.datum.bron == "tabel")
        .mark_point(shape="diamond", size=110, filled=False, strokeWidth=2, color=TABLE_COLOR)
        .encode(x=x, y=y, tooltip=tooltip)
    )
    text = (
        alt.Chart(labels.with_columns(pl.lit(year).alias("jaar")))
        .mark_text(align="left", dx=12)
        .encode(x=x, y=alt.Y("label_y:Q", scale=y_scale), text=alt.Text("etiket:N"))
    )
    layered: alt.LayerChart = lines + dots + table_points + text
    return layered.properties(
        title=alt.Title(slope_title(), subtitle=slope_subtitle(year)),
    )


def ratio_chart(ratios: pl.DataFrame, year: int) -> alt.LayerChart:
    """Rate ratio ``year``/2019 with its exact 95% interval on a log scale (not named on screen); 1 means no change."""
    order = ratios["rij"].to_list()
    low = min(0.04, _or(ratios["ratio_onder"].min(), 1) * 0.8)
    # Room right of 2 for the labels ("0,93 (marge 0,76–1,13)"), also at 200% zoom.
    scale = alt.Scale(type="log", domain=[low, 6.0], nice=False)
    base = alt.Chart(ratios).encode(y=alt.Y("rij:N", sort=order, title=None))
    tooltip = [
        alt.Tooltip("rij:N", title="Vergelijking"),
        alt.Tooltip("ratio_tekst:N", title="Verhouding (marge)"),
        alt.Tooltip("oordeel:N", title="Oordeel"),
    ]
    shape = alt.Shape(
        f"{NOW_SOURCE}:N",
        scale=alt.Scale(domain=["tekst en tabel", "tekst", "tabel"], range=["circle", "circle", "diamond"]),
        legend=alt.Legend(title=ratio_legend_title(year), orient="bottom"),
    )
    rule = base.mark_rule(strokeWidth=2, color=ACCENT_COLOR).encode(
        x=alt.X(
            "ratio_onder:Q",
            scale=scale,
            # The scale is logarithmic (a halving is as far from 1 as a doubling); the screen
            # does not name it: "Hoe berekend?" does.
            title=ratio_axis_title(year),
            axis=alt.Axis(values=[0.05, 0.1, 0.2, 0.5, 1, 2]),
        ),
        x2=alt.X2("ratio_boven:Q"),
        tooltip=tooltip,
    )
    point = base.mark_point(filled=True, size=100, color=ACCENT_COLOR).encode(
        x=alt.X("ratio:Q", scale=scale), shape=shape, tooltip=tooltip
    )
    label = base.mark_text(align="left", dx=8, dy=-13).encode(
        x=alt.X("ratio:Q", scale=scale), text=alt.Text("ratio_tekst:N")
    )
    one = (
        alt.Chart(pl.DataFrame({"x": [1.0]}))
        .mark_rule(strokeDash=[4, 4], color=GUIDE_COLOR)
        .encode(x=alt.X("x:Q"))
    )
    layered: alt.LayerChart = rule + point + label + one
    return layered.properties(
        title=alt.Title(
            ratio_title(year),
            subtitle="Punt: verhouding; lijn: marge; stippellijn: gelijk gebleven",
        ),
    )


# -- every loaded year --------------------------------------------------------------------

MISSING_TEXT = {"leeg": "leeg", "niet_gerapporteerd": "?", "niet_van_toepassing": "-", "ontbreekt": "×"}
LINE_SOLID = "opeenvolgende jaren"
LINE_DASHED = "jaren ertussen of andere bron"
POINT_TABLE = "tabel van het jaar"
POINT_TEXT = text_point_label(TEXT_YEAR)


LOWER_BOUND_NOTE = "minstens: een deel gaf geen opgave (?)"


def _heading(name: str, lower_bound: bool = False) -> str:
    """The facet heading: a note in brackets ('(heel Oost-Nederland)') and a lower bound on their own lines."""
    return name.replace(" (heel ", "|(heel ") + (f"|{LOWER_BOUND_NOTE}" if lower_bound else "")


def _lower_bounds(series: pl.DataFrame) -> dict[str, bool]:
    """Per indicator label: is any of its counts a lower bound?"""
    grouped = series.group_by("label", maintain_order=True).agg(pl.col("ondergrens").any())
    return dict(zip(grouped["label"], grouped["ondergrens"], strict=True))


def years_chart_data(series: pl.DataFrame) -> pl.DataFrame:
    """The long frame behind :func:`years_chart`: points, line pieces, missing marks and source changes.

    ``laag`` says which layer a row belongs to. A line piece joins two counts of the main
    line (the 2019 text figure, then each year's table); it is dashed where years lie
    between them or the later year has another source.
    """
    rows: list[dict[str, Any]] = []
    for indicator in series["indicator"].unique(maintain_order=True).to_list():
        own = series.filter(pl.col("indicator") == indicator)
        name = own["label"][0]
        main = [
            r
            for r in own.iter_rows(named=True)
            if r["bron"] == SOURCE_TABLE or (r["bron"] == SOURCE_TEXT and r["jaar"] == BASE_YEAR)
        ]
        for r in own.iter_rows(named=True):
            base = {
                "label": name,
                "gebied": r["gebied"],
                "jaar": r["jaar"],
                "waarde_tekst": r["waarde_tekst"],
                "opmerking": r["opmerking"],
            }
            if r["waarde"] is not None:
                kind = POINT_TABLE if r["bron"] == SOURCE_TABLE else POINT_TEXT
                rows.append(
                    {**base, "laag": "punt", "waarde": float(r["waarde"]), "soort": kind, "bron": r["bron"]}
                )
            else:
                rows.append(
                    {
                        **base,
                        "laag": "ontbreekt",
                        "waarde": 0.0,
                        "teken": MISSING_TEXT.get(r["status"], "?"),
                        "bron": r["bron"],
                    }
                )
            if r["bron_gewijzigd"]:
                rows.append({**base, "laag": "bron", "teken": "andere bron"})
        counted = [r for r in main if r["waarde"] is not None]
        for before, after in zip(counted, counted[1:], strict=False):
            dashed = (
                after["jaar"] - before["jaar"] > 1
                or after["bron_gewijzigd"]
                or before["bron"] != after["bron"]
            )
            rows.append(
                {
                    "label": name,
                    "gebied": after["gebied"],
                    "laag": "lijn",
                    "jaar": before["jaar"],
                    "jaar2": after["jaar"],
                    "waarde": float(before["waarde"]),
                    "waarde2": float(after["waarde"]),
                    "lijn": LINE_DASHED if dashed else LINE_SOLID,
                }
            )
    schema = {
        "label": pl.String,
        "gebied": pl.String,
        "laag": pl.String,
        "jaar": pl.Int64,
        "jaar2": pl.Int64,
        "waarde": pl.Float64,
        "waarde2": pl.Float64,
        "waarde_tekst": pl.String,
        "opmerking": pl.String,
        "soort": pl.String,
        "bron": pl.String,
        "teken": pl.String,
        "lijn": pl.String,
    }
    headings = {name: _heading(name, bool(bound)) for name, bound in _lower_bounds(series).items()}
    return pl.DataFrame(rows, schema=schema).with_columns(
        pl.col("label").replace_strict(headings, return_dtype=pl.String).alias("kop")
    )


def years_chart(series: pl.DataFrame, area: str, title: str) -> alt.FacetChart:
    """One small line chart per indicator over every loaded year, with the counts in the tooltips.

    Filled circle: a year's table; diamond: a figure from the text of the dashboard 2022.
    Dashed: years between without tables, or another source. A grey mark on the axis: no
    count ('?', 'leeg', '-', × = not in that year's tables). 'andere bron' marks a changed source.
    """
    frame = years_chart_data(series)
    years = sorted(set(series["jaar"].to_list()))
    color = DISTRICT_COLORS.get(area, ACCENT_COLOR)
    # One colour per area, as everywhere: a figure known only for the unit is drawn in the unit's colour.
    area_color = district_color("gebied", legend=False)
    x_scale = alt.Scale(domain=[min(years) - 0.5, max(years) + 0.5], nice=False)
    x = alt.X(
        "jaar:Q", title=None, scale=x_scale, axis=alt.Axis(values=years, format="d", grid=False, labelAngle=0)
    )
    # Whole numbers only, and never a scale of nothing when every count is 0.
    y = alt.Y(
        "waarde:Q",
        title=None,
        scale=alt.Scale(zero=True, nice=True, domain=alt.DomainUnionWith(unionWith=[0, 1])),
        axis=alt.Axis(format=",d", tickCount=4, tickMinStep=1),
    )
    tooltip = [
        alt.Tooltip("label:N", title="Indicator"),
        alt.Tooltip("gebied:N", title="Gebied"),
        alt.Tooltip("jaar:Q", title="Jaar", format="d"),
        alt.Tooltip("waarde_tekst:N", title="Aantal"),
        alt.Tooltip("bron:N", title="Bron"),
        alt.Tooltip("opmerking:N", title="Opmerking"),
    ]
    base = alt.Chart()
    lines = (
        base.transform_filter(alt.datum.laag == "lijn")
        # The lines join the points, which carry the figures for a screen reader; without a name of
        # their own (aria=False), a panel with one year and no line leaves no unnamed graphic.
        .mark_rule(strokeWidth=2.5, aria=False)
        .encode(
            color=area_color,
            x=x,
            x2=alt.X2("jaar2:Q"),
            y=y,
            y2=alt.Y2("waarde2:Q"),
            strokeDash=alt.StrokeDash(
                "lijn:N",
                scale=alt.Scale(domain=[LINE_SOLID, LINE_DASHED], range=[[1, 0], [5, 4]]),
                legend=alt.Legend(title=None, orient="bottom", symbolStrokeColor=color),
            ),
        )
    )
    points = (
        base.transform_filter(alt.datum.laag == "punt")
        .mark_point(filled=True, size=80, opacity=1)
        .encode(
            color=area_color,
            x=x,
            y=y,
            shape=alt.Shape(
                "soort:N",
                scale=alt.Scale(domain=[POINT_TABLE, POINT_TEXT], range=["circle", "diamond"]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=tooltip,
        )
    )
    missing = (
        base.transform_filter(alt.datum.laag == "ontbreekt")
        .mark_text(fontWeight="bold", color=MISSING_TEXT_COLOR, dy=-8)
        .encode(x=x, y=y, text=alt.Text("teken:N"), tooltip=tooltip)
    )
    changes = base.transform_filter(alt.datum.laag == "bron")
    # No accessible name of its own (aria=False): its sign is the text beside it. In a panel without a
    # change of source the layer is empty, and Vega would leave an unnamed graphic (axe: svg-img-alt).
    change_rule = changes.mark_rule(strokeDash=[2, 3], color=CARE_NA_COLOR, aria=False).encode(
        x=x, tooltip=tooltip
    )
    change_text = changes.mark_text(
        align="right", dx=-4, dy=-4, baseline="bottom", color=CARE_NA_COLOR
    ).encode(x=x, y=alt.YValue("height"), text=alt.Text("teken:N"))
    layered = alt.layer(lines, change_rule, points, missing, change_text, data=frame)
    order = [_heading(name, bound) for name, bound in _lower_bounds(series).items()]
    faceted: alt.FacetChart = layered.facet(
        facet=alt.Facet(
            "kop:N",
            sort=order,
            title=None,
            header=alt.Header(labelExpr="split(datum.value, '|')"),
        ),
        columns=3,
    ).resolve_scale(y="independent")
    return faceted.properties(title=alt.Title(title, subtitle=years_subtitle(area, TEXT_YEAR)))


def steps_chart(steps: pl.DataFrame, area: str) -> alt.LayerChart:
    """Each year against the loaded year before it: rate ratio with its exact 95% interval, log scale."""
    shown = steps.filter(pl.col("ratio").is_not_null())
    lows = [v for v in shown["ratio_onder"].to_list() if v and v > 0]
    highs = [v for v in shown["ratio_boven"].to_list() if v is not None and not math.isinf(v)]
    low = min([0.5, *lows]) * 0.8
    high = max([2.0, *highs]) * 1.25
    shown = shown.with_columns(
        pl.col("ratio_onder").clip(lower_bound=low),
        pl.when(pl.col("ratio_boven").is_infinite())
        .then(high)
        .otherwise(pl.col("ratio_boven"))
        .alias("ratio_boven"),
        pl.when(pl.col("bron_gewijzigd"))
        .then(pl.lit("andere bron"))
        .otherwise(pl.lit("zelfde bron"))
        .alias("bron"),
    )
    color = DISTRICT_COLORS.get(area, ACCENT_COLOR)
    scale = alt.Scale(type="log", domain=[low, high], nice=False)
    order = shown["rij"].to_list()
    base = alt.Chart(shown).encode(y=alt.Y("rij:N", sort=order, title=None))
    tooltip = [
        alt.Tooltip("rij:N", title="Vergelijking"),
        alt.Tooltip("ratio_tekst:N", title="Verhouding (marge)"),
        alt.Tooltip("oordeel:N", title="Oordeel"),
        alt.Tooltip("toelichting:N", title="Toelichting"),
    ]
    rule = base.mark_rule(strokeWidth=2, color=color).encode(
        x=alt.X(
            "ratio_onder:Q",
            scale=scale,
            title="Verhouding tot het jaar ervoor (1 = gelijk)",
            axis=alt.Axis(values=[0.1, 0.2, 0.5, 1, 2, 5, 10]),
        ),
        x2=alt.X2("ratio_boven:Q"),
        tooltip=tooltip,
    )
    point = base.mark_point(filled=True, size=100, color=color).encode(
        x=alt.X("ratio:Q", scale=scale),
        shape=alt.Shape(
            "bron:N",
            scale=alt.Scale(domain=["zelfde bron", "andere bron"], range=["circle", "triangle-up"]),
            legend=alt.Legend(title=None, orient="bottom"),
        ),
        tooltip=tooltip,
    )
    label = base.mark_text(align="left", dx=8, dy=-12).encode(
        x=alt.X("ratio:Q", scale=scale), text=alt.Text("ratio_tekst:N")
    )
    one = (
        alt.Chart(pl.DataFrame({"x": [1.0]}))
        .mark_rule(strokeDash=[4, 4], color=GUIDE_COLOR)
        .encode(x=alt.X("x:Q"))
    )
    layered: alt.LayerChart = rule + point + label + one
    return layered.properties(
        title=alt.Title(
            "Groter dan toeval? Elk jaar gedeeld door het jaar ervoor",
            subtitle=f"{area}. Punt: verhouding; lijn: marge; stippellijn: gelijk gebleven",
        ),
    )
