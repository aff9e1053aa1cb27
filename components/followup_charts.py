"""Charts for the follow-up page: shares with exact intervals per district."""

import altair as alt
import polars as pl

from analysis.dutch import fmt_dec, fmt_int, fmt_pct
from analysis.frames import with_text
from analysis.palette import GUIDE_COLOR, LABEL_COLOR
from components.charts import ACCENT_COLOR, district_color


def _labelled(table: pl.DataFrame) -> pl.DataFrame:
    rows = []
    for r in table.iter_rows(named=True):
        rows.append(
            {
                **r,
                "aandeel_tekst": f"{fmt_pct(r['aandeel_onderzoek'])} ({fmt_int(r['onderzoeken'])} van "
                f"{fmt_int(r['signalen'])})",
                "marge_tekst": f"{fmt_pct(r['aandeel_ondergrens'])}–{fmt_pct(r['aandeel_bovengrens'])}",
                "instroom_tekst": f"{fmt_dec(r['instroom_per_100'])} per 100 signalen ({fmt_int(r['instroom_om'])} "
                f"verdachten op {fmt_int(r['signalen'])} signalen)",
                "instroom_marge": f"{fmt_dec(r['instroom_ondergrens'])}–{fmt_dec(r['instroom_bovengrens'])}",
            }
        )
    return pl.DataFrame(rows)


def share_chart(table: pl.DataFrame, unit_share: float) -> alt.LayerChart:
    """Share of signals that led to an investigation per area, with its exact 95% interval."""
    data = _labelled(table)
    order = data["gebied"].to_list()
    base = alt.Chart(data).encode(y=alt.Y("gebied:N", sort=order, title=None))
    tooltip = [
        alt.Tooltip("gebied:N", title="Gebied"),
        alt.Tooltip("aandeel_tekst:N", title="Aandeel met onderzoek"),
        alt.Tooltip("marge_tekst:N", title="Marge"),
    ]
    rule = base.mark_rule(strokeWidth=2).encode(
        x=alt.X(
            "aandeel_ondergrens:Q",
            title="Aandeel signalen met strafrechtelijk onderzoek",
            axis=alt.Axis(format="%"),
        ),
        x2=alt.X2("aandeel_bovengrens:Q"),
        color=district_color("gebied", legend=False),
        tooltip=tooltip,
    )
    point = base.mark_point(filled=True, size=110).encode(
        x=alt.X("aandeel_onderzoek:Q"), color=district_color("gebied", legend=False), tooltip=tooltip
    )
    label = base.mark_text(align="left", dx=8, dy=-9).encode(
        x=alt.X("aandeel_onderzoek:Q"), text=alt.Text("aandeel_tekst:N")
    )
    unit_line = (
        alt.Chart(pl.DataFrame({"x": [unit_share]}))
        .mark_rule(strokeDash=[4, 4], color=GUIDE_COLOR)
        .encode(x=alt.X("x:Q"))
    )
    return (rule + point + label + unit_line).properties(
        title=alt.Title(
            "Hoeveel signalen leidden tot een strafrechtelijk onderzoek?",
            subtitle="Punt: aandeel; lijn: marge; stippellijn: heel Oost-Nederland",
        ),
    )


def intake_chart(table: pl.DataFrame) -> alt.LayerChart:
    """OM intake (per suspect) per 100 signals per area, with its exact interval."""
    data = _labelled(table)
    order = data["gebied"].to_list()
    base = alt.Chart(data).encode(y=alt.Y("gebied:N", sort=order, title=None))
    tooltip = [
        alt.Tooltip("gebied:N", title="Gebied"),
        alt.Tooltip("instroom_tekst:N", title="Instroom OM"),
        alt.Tooltip("instroom_marge:N", title="Marge"),
    ]
    rule = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("instroom_ondergrens:Q", title="Verdachten bij het OM per 100 signalen"),
        x2=alt.X2("instroom_bovengrens:Q"),
        color=district_color("gebied", legend=False),
        tooltip=tooltip,
    )
    point = base.mark_point(filled=True, size=110, shape="diamond").encode(
        x=alt.X("instroom_per_100:Q"), color=district_color("gebied", legend=False), tooltip=tooltip
    )
    return (rule + point).properties(
        title=alt.Title(
            "Instroom bij het OM, per 100 signalen",
            subtitle="Geteld per verdachte: één onderzoek kan meerdere verdachten opleveren",
        ),
    )


def decisions_chart(decisions: pl.DataFrame) -> alt.LayerChart:
    """The OM's split of decisions (percent, from the dashboard's text): one bar per decision, labelled.

    Each decision has its own row with its name on the axis and its share beside the bar,
    so no legend is needed.
    """
    data = with_text(decisions, "tekst", lambda p: f"{fmt_int(p)}%", "procent")
    order = data["beslissing"].to_list()
    base = alt.Chart(data).encode(
        y=alt.Y("beslissing:N", sort=order, title=None),
        tooltip=[
            alt.Tooltip("beslissing:N", title="Beslissing"),
            alt.Tooltip("tekst:N", title="Aandeel"),
        ],
    )
    bars = base.mark_bar(height={"band": 0.7}, color=ACCENT_COLOR).encode(
        x=alt.X(
            "procent:Q",
            title="Procent van de beslissingen",
            scale=alt.Scale(domain=[0, 100]),
        ),
    )
    labels = base.mark_text(align="left", dx=6, color=LABEL_COLOR).encode(
        x=alt.X("procent:Q"), text=alt.Text("tekst:N")
    )
    return alt.LayerChart(layer=[bars, labels]).properties(
        title="Wat besliste het OM? (aandelen uit de toelichting)"
    )
