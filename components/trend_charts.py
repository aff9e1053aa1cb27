"""Charts for the page 'Ontwikkeling sinds 2019': a slope chart (2019 = 100) and rate ratios."""

import altair as alt
import polars as pl

from analysis.dutch import fmt_int
from analysis.trends import BASE_YEAR, KIND_COUNT, KIND_STATEMENT
from components.charts import ACCENT_COLOR

STATEMENT_COLOR = "#8c6d31"
TABLE_COLOR = "#000000"
LABEL_GAP = 10.0
MERGE_GAP = 6.0


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
        first = "100" if r["waarde_2019"] is None else fmt_int(r["waarde_2019"])
        points.append({**base, "jaar": BASE_YEAR, "index": 100.0, "bron": "2019", "waarde_tekst": first})
        now = r["tekst_2022"] if counted else r["tabel_2022"]
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
                    "waarde_tekst": fmt_int(r["tabel_2022"]),
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
                    "etiket": f"{r['label']}: {first} → {fmt_int(now)} (tekst) / {fmt_int(r['tabel_2022'])} (tabel)",
                }
            )
        else:
            labels.append(
                {"index": r["index_tekst"], "etiket": f"{r['label']}: {first} → {fmt_int(now)} (tekst)"}
            )
            labels.append(
                {
                    "index": r["index_tabel"],
                    "etiket": f"{r['label']}: {fmt_int(r['tabel_2022'])} (tabel {year})",
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
    top = max(140.0, float(points["index"].max() or 0) + 10, float(labels["label_y"].max() or 0) + 6)
    y_scale = alt.Scale(domain=[0, top], nice=False)
    y = alt.Y("index:Q", title=f"Index ({BASE_YEAR} = 100)", scale=y_scale)
    color = alt.Color(
        "soort:N",
        scale=alt.Scale(domain=[KIND_COUNT, KIND_STATEMENT], range=[ACCENT_COLOR, STATEMENT_COLOR]),
        legend=alt.Legend(
            title=None, orient="bottom", labelLimit=400, symbolType="stroke", symbolStrokeWidth=3
        ),
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
        x=x, y=y, color=color, strokeDash=dash, detail="indicator:N"
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
        .mark_text(align="left", dx=12, fontSize=12)
        .encode(x=x, y=alt.Y("label_y:Q", scale=y_scale), text="etiket:N")
    )
    return (lines + dots + table_points + text).properties(
        title=alt.Title(
            f"Wat is er sinds {BASE_YEAR} veranderd?",
            subtitle=[
                f"Index: {BASE_YEAR} = 100. Stip: het getal uit de toelichting; open ruit: de tabel {year} waar "
                "die afwijkt.",
                f"Stippellijn: alleen een uitspraak in de tekst, geen aantal voor {BASE_YEAR}.",
            ],
        ),
        height=500,
    )


def ratio_chart(ratios: pl.DataFrame) -> alt.LayerChart:
    """Rate ratio now/2019 with its exact 95% interval on a log scale; 1 means no change."""
    order = ratios["rij"].to_list()
    low = min(0.04, float(ratios["ratio_onder"].min() or 1) * 0.8)
    scale = alt.Scale(type="log", domain=[low, 2.5], nice=False)
    base = alt.Chart(ratios).encode(y=alt.Y("rij:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)))
    tooltip = [
        alt.Tooltip("rij:N", title="Vergelijking"),
        alt.Tooltip("ratio_tekst:N", title="Verhouding (95%-marge)"),
        alt.Tooltip("oordeel:N", title="Oordeel"),
    ]
    shape = alt.Shape(
        "bron_2022:N",
        scale=alt.Scale(domain=["tekst en tabel", "tekst", "tabel"], range=["circle", "circle", "diamond"]),
        legend=alt.Legend(title="Getal 2022 uit", orient="bottom"),
    )
    rule = base.mark_rule(strokeWidth=2, color=ACCENT_COLOR).encode(
        x=alt.X(
            "ratio_onder:Q",
            scale=scale,
            title="Verhouding tot 2019 (logaritmische schaal)",
            axis=alt.Axis(values=[0.05, 0.1, 0.2, 0.5, 1, 2]),
        ),
        x2="ratio_boven:Q",
        tooltip=tooltip,
    )
    point = base.mark_point(filled=True, size=100, color=ACCENT_COLOR).encode(
        x=alt.X("ratio:Q", scale=scale), shape=shape, tooltip=tooltip
    )
    label = base.mark_text(align="left", dx=8, dy=-13, fontSize=11).encode(
        x=alt.X("ratio:Q", scale=scale), text="ratio_tekst:N"
    )
    one = alt.Chart(pl.DataFrame({"x": [1.0]})).mark_rule(strokeDash=[4, 4], color="#444").encode(x="x:Q")
    return (rule + point + label + one).properties(
        title=alt.Title(
            "Groter dan toeval? Aantal 2022 gedeeld door aantal 2019",
            subtitle="Lijn: exacte 95%-marge (voorwaardelijk binomiaal); stippellijn: gelijk gebleven",
        ),
        height=150 + 55 * ratios.height,
    )
