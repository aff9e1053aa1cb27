"""Charts and blocks for the page 'Van rapportage naar interventie'."""

import altair as alt
import polars as pl
import streamlit as st

from analysis.dutch import count_noun, fmt_int, lower_first
from analysis.frames import with_text
from analysis.interventions import TYPE_LABELS
from analysis.palette import INTERVENTION_COLORS, LABEL_COLOR
from analysis.parser import NOT_REPORTED, STATUS_MARK
from components.charts import DISTRICT_COLORS, MISSING_COLOR, chosen_label, conditional

#: One colour per intervention type (Paul Tol's 'muted' scheme, the light ones darkened to 3:1; see
#: analysis.palette), apart from the districts.
TYPE_COLORS: dict[str, str] = dict(
    zip(
        [
            TYPE_LABELS[kind]
            for kind in (
                "waarschuwingen",
                "bestuurlijke_boetes",
                "dwangsommen",
                "sluitingen",
                "interventies_overig",
                "zorgtrajecten",
            )
        ],
        INTERVENTION_COLORS,
        strict=True,
    )
)


def _district_color(districts: list[str]) -> alt.Color:
    """The shared district colours (see ``components.charts``), with only the districts shown in the legend."""
    shown = [d for d in DISTRICT_COLORS if d in districts]
    return alt.Color(
        "district:N",
        scale=alt.Scale(domain=shown, range=[DISTRICT_COLORS[d] for d in shown]),
        legend=alt.Legend(title="District", orient="bottom", columns=3, symbolOpacity=1),
    )


def metric_row(items: list[tuple[str, str, str]]) -> None:
    """Key figures side by side: each a metric with its counts and interval as caption."""
    for column, (label, value, caption) in zip(st.columns(len(items)), items, strict=True):
        with column, st.container(border=True):
            st.metric(label, value)
            st.caption(caption)


def _dumbbell_data(table: pl.DataFrame) -> pl.DataFrame:
    """One row per area for the dumbbell chart, with its labels and tooltip texts."""
    rows = []
    for r in table.iter_rows(named=True):
        unknown = r["status"] == NOT_REPORTED
        reports = r["rapportages"] or 0
        interventions = r["interventies"]
        rows.append(
            {
                "gebied": r["gebied"],
                "district": r["district"],
                "rapportages": reports,
                "interventies": interventions,
                "einde": max(reports, interventions or 0),
                "label": f"{fmt_int(reports)} → {STATUS_MARK[NOT_REPORTED] if unknown else fmt_int(interventions)}",
                "rapportages_tekst": count_noun(reports, "rapportage", "rapportages"),
                "interventies_tekst": "? (geen opgave)"
                if unknown
                else f"{fmt_int(interventions)} ({r['samenstelling']})",
                "uitkomst": r["uitkomst"],
                "onbekend": unknown,
            }
        )
    return pl.DataFrame(rows)


def dumbbell_chart(table: pl.DataFrame, *, include_care: bool = False) -> alt.LayerChart:
    """Reports (open diamond) against interventions (dot) per area; a grey '?' where no figures were given."""
    data = _dumbbell_data(table)
    order = data["gebied"].to_list()
    known = data.filter(~pl.col("onbekend"))
    unknown = data.filter(pl.col("onbekend"))
    y = alt.Y("gebied:N", sort=order, title=None)
    tooltip = [
        alt.Tooltip("gebied:N", title="Gebied"),
        alt.Tooltip("district:N", title="District"),
        alt.Tooltip("rapportages_tekst:N", title="Rapportages"),
        alt.Tooltip("interventies_tekst:N", title="Interventies"),
        alt.Tooltip("uitkomst:N", title="Uitkomst"),
    ]
    color = _district_color(data["district"].unique().to_list())
    x_title = "Aantal (interventies met zorgtrajecten)" if include_care else "Aantal"
    link = (
        alt.Chart(known)
        .mark_rule(strokeWidth=3, opacity=0.55)
        .encode(
            x=alt.X("rapportages:Q", title=x_title, scale=alt.Scale(domainMin=0)),
            x2=alt.X2("interventies:Q"),
            y=y,
            color=color,
            tooltip=tooltip,
        )
    )
    reports = (
        alt.Chart(data)
        .mark_point(shape="diamond", filled=False, size=120, strokeWidth=2, yOffset=-4)
        .encode(x=alt.X("rapportages:Q"), y=y, color=color, tooltip=tooltip)
    )
    interventions = (
        alt.Chart(known)
        .mark_point(filled=True, size=110, opacity=1, yOffset=4)
        .encode(x=alt.X("interventies:Q"), y=y, color=color, tooltip=tooltip)
    )
    missing = (
        alt.Chart(unknown)
        .mark_point(shape="square", filled=True, size=90, color=MISSING_COLOR, yOffset=4)
        .encode(x=alt.X("rapportages:Q"), y=y, tooltip=tooltip)
    )
    labels = (
        alt.Chart(data)
        .mark_text(align="left", dx=12, color=LABEL_COLOR)
        .encode(x=alt.X("einde:Q"), y=y, text=alt.Text("label:N"), tooltip=tooltip)
    )
    chart: alt.LayerChart = (link + reports + interventions + missing + labels).properties(
        title=alt.Title(
            "Volgde op de rapportages een interventie?",
            subtitle=[
                "Open ruit: rapportages van politie/OM; dichte stip: interventies van de gemeente; "
                "grijs vierkant en '?': geen opgave.",
                "Label: rapportages → interventies. Het dashboard koppelt geen rapportage aan een interventie: "
                "het zijn aantallen per gemeente.",
            ],
        ),
    )
    return chart


def mix_chart(mix: pl.DataFrame, *, selected: str | None = None) -> alt.LayerChart:
    """Stacked bars of intervention types per district; the total says 'minstens' where a '?' is left out."""
    data = with_text(
        mix, "aantal_tekst", lambda n, label: f"{fmt_int(n)} {lower_first(label)}", "aantal", "label"
    )
    data = with_text(
        data,
        "totaal_tekst",
        lambda total, left_out: (
            ("minstens " if left_out else "") + fmt_int(total) + (f" (zonder {left_out})" if left_out else "")
        ),
        "totaal",
        "weggelaten",
    )
    data = with_text(data, "rapportages_tekst", fmt_int, "rapportages").with_columns(
        (pl.lit(selected is None) | (pl.col("district") == pl.lit(selected))).alias("gekozen")
    )
    districts = [d for d in DISTRICT_COLORS if d in data["district"].to_list()]
    labels_present = data["label"].unique(maintain_order=True).to_list()
    y = alt.Y("district:N", sort=districts, title=None, axis=alt.Axis(**chosen_label(selected)))
    tooltip = [
        alt.Tooltip("district:N", title="District"),
        alt.Tooltip("aantal_tekst:N", title="Soort"),
        alt.Tooltip("totaal_tekst:N", title="Totaal"),
        alt.Tooltip("rapportages_tekst:N", title="Rapportages"),
    ]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "aantal:Q",
                stack="zero",
                title="Aantal interventies",
                scale=alt.Scale(domain=[0, max([1, *data["totaal"].drop_nulls().to_list()]) * 2.2]),
            ),
            y=y,
            color=alt.Color(
                "label:N",
                scale=alt.Scale(
                    domain=labels_present, range=[TYPE_COLORS[label] for label in labels_present]
                ),
                legend=alt.Legend(title=None, orient="bottom", columns=3),
                sort=labels_present,
            ),
            order=alt.Order("volgorde:Q"),
            opacity=conditional(alt.OpacityValue, "datum.gekozen", 1.0, 0.35),
            tooltip=tooltip,
        )
    )
    totals = data.unique(subset="district", keep="first", maintain_order=True)
    total_labels = (
        alt.Chart(totals)
        .mark_text(align="left", dx=6, color=LABEL_COLOR)
        .encode(x=alt.X("totaal:Q"), y=y, text=alt.Text("totaal_tekst:N"), tooltip=tooltip)
    )
    chart: alt.LayerChart = (bars + total_labels).properties(
        title=alt.Title(
            "Welke interventies zetten de gemeenten in?",
            subtitle="Gestapeld per soort; gemeenten zonder opgave (?) tellen niet mee, het totaal is dan een ondergrens",
        ),
    )
    return chart


def missing_lists(no_intervention: list[str], not_reported: list[str], not_applicable: list[str]) -> None:
    """Two separate lists: a report without intervention (a real 0) and no figures at all ('?')."""
    left, right = st.columns(2)
    with left, st.container(border=True):
        st.markdown("**Rapportage, maar 0 interventies opgegeven**")
        st.caption(
            "Deze gemeenten gaven cijfers op, en die cijfers zeggen: geen interventie. Dat is een echte 0."
        )
        st.markdown("\n".join(f"- {line}" for line in no_intervention) or "Geen in deze selectie.")
    with right, st.container(border=True):
        st.markdown("**Geen opgave gedaan (?)**")
        st.caption(
            "Deze gemeenten gaven geen cijfers over interventies. Of er iets volgde weten we niet; ze zijn "
            "weggelaten uit elke som en verhouding, en totalen zijn daardoor een ondergrens."
        )
        st.markdown("\n".join(f"- {line}" for line in not_reported) or "Geen in deze selectie.")
    for line in not_applicable:
        st.caption(line)
