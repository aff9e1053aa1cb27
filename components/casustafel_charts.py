"""Charts for the page 'Casustafels': the chosen ratio per district, meetings, and the care setting."""

import altair as alt
import polars as pl

from analysis.casustafel import CARE_IN, CARE_NA, CARE_OUT, GROUP_WITH, GROUP_WITHOUT, RowKind
from analysis.dutch import count_noun
from analysis.palette import CARE_IN_COLOR, CARE_NA_COLOR, GUIDE_COLOR, LABEL_COLOR, POOLED_COLOR
from components.charts import ACCENT_COLOR, chosen_label, conditional, district_color

_GROUP_SHAPES = alt.Scale(domain=[GROUP_WITH, GROUP_WITHOUT], range=["circle", "square"])
#: The two bars per district in the meetings chart, in order.
_MEETINGS = "Vergaderingen"
_CASES = "Besproken casussen"


def district_ratio_chart(
    table: pl.DataFrame, axis_title: str, *, selected: str | None = None
) -> alt.LayerChart:
    """The chosen ratio per district and per group, each with its exact 95% interval.

    Districts carry their own colour; the shape says with or without a casustafel; the
    pooled groups are black diamonds.
    """
    data = table.with_columns(
        (pl.col("gebied") == pl.lit(selected or "")).alias("gekozen"),
    )
    order = data["gebied"].to_list()
    districts = data.filter(pl.col("soort") == RowKind.DISTRICT)
    pooled = data.filter(pl.col("soort") == RowKind.GROUP)
    y = alt.Y("gebied:N", sort=order, title=None, axis=alt.Axis(**chosen_label(selected)))
    tooltip = [
        alt.Tooltip("gebied:N", title="Gebied"),
        alt.Tooltip("groep:N", title="Groep"),
        alt.Tooltip("tekst:N", title="Waarde (aantallen)"),
        alt.Tooltip("marge:N", title="Marge"),
        alt.Tooltip("weggelaten:N", title="Zonder (?)"),
    ]
    top = data["bovengrens"].max()
    # Room right of the widest margin for the labels ("1,50 (15 interventies op 10 rapportages)"),
    # also in a 560 px column (a 1280 px window at 200% zoom).
    room = (float(top) if isinstance(top, int | float) and top else 1.0) * 2.0
    x = alt.X("ondergrens:Q", title=axis_title, scale=alt.Scale(domain=[0, room], nice=False))
    district_rules = (
        alt.Chart(districts)
        .mark_rule(strokeWidth=3)
        .encode(
            x=x, x2=alt.X2("bovengrens:Q"), y=y, color=district_color("gebied", legend=False), tooltip=tooltip
        )
    )
    district_points = (
        alt.Chart(districts)
        .mark_point(filled=True, opacity=1)
        .encode(
            x=alt.X("waarde:Q"),
            y=y,
            color=district_color("gebied", legend=False),
            shape=alt.Shape("groep:N", scale=_GROUP_SHAPES, legend=alt.Legend(title=None, orient="bottom")),
            size=conditional(alt.SizeValue, "datum.gekozen", 260, 140),
            tooltip=tooltip,
        )
    )
    pooled_rules = (
        alt.Chart(pooled)
        .mark_rule(strokeWidth=3, color=POOLED_COLOR)
        .encode(x=x, x2=alt.X2("bovengrens:Q"), y=y, tooltip=tooltip)
    )
    pooled_points = (
        alt.Chart(pooled)
        .mark_point(shape="diamond", filled=True, size=170, color=POOLED_COLOR, opacity=1)
        .encode(x=alt.X("waarde:Q"), y=y, tooltip=tooltip)
    )
    labels = (
        alt.Chart(data)
        .mark_text(align="left", dx=8, color=LABEL_COLOR)
        .encode(x=alt.X("bovengrens:Q"), y=y, text=alt.Text("tekst:N"))
    )
    chart: alt.LayerChart = (
        district_rules + pooled_rules + district_points + pooled_points + labels
    ).properties(
        title=alt.Title(
            "Scoren districten met een casustafel anders?",
            subtitle="Punt: waarde; lijn: marge; rondje = met casustafel, vierkant = zonder; "
            "zwarte ruit = de groep samen",
        ),
    )
    return chart


def meetings_chart(meetings: pl.DataFrame) -> alt.LayerChart:
    """Casustafel meetings and discussed cases per district (cases as published: one number, or two joined by "+")."""
    rows = []
    for r in meetings.iter_rows(named=True):
        rows.append(
            {
                "district": r["district"],
                "maat": _MEETINGS,
                "aantal": r["vergaderingen"],
                "tekst": count_noun(r["vergaderingen"], "vergadering", "vergaderingen"),
                "groep": r["groep"],
            }
        )
        cases = count_noun(r["casussen"], "casus", "casussen")
        if r["casussen_tekst"] != str(r["casussen"]):
            cases += f" ({r['casussen_tekst']})"
        rows.append(
            {
                "district": r["district"],
                "maat": _CASES,
                "aantal": r["casussen"],
                "tekst": cases,
                "groep": r["groep"],
            }
        )
    data = pl.DataFrame(rows)
    order = meetings["district"].to_list()
    y = alt.Y("district:N", sort=order, title=None)
    y_offset = alt.YOffset("maat:N", sort=[_MEETINGS, _CASES])
    tooltip = [
        alt.Tooltip("district:N", title="District"),
        alt.Tooltip("groep:N", title="Groep"),
        alt.Tooltip("tekst:N", title="Aantal"),
    ]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("aantal:Q", title="Aantal"),
            y=y,
            yOffset=y_offset,
            color=district_color("district", legend=False),
            opacity=alt.Opacity(
                "maat:N",
                scale=alt.Scale(domain=[_MEETINGS, _CASES], range=[1.0, 0.45]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=tooltip,
        )
    )
    labels = (
        alt.Chart(data)
        .mark_text(align="left", dx=4, color=LABEL_COLOR)
        .encode(x=alt.X("aantal:Q"), y=y, yOffset=y_offset, text=alt.Text("tekst:N"))
    )
    chart: alt.LayerChart = (bars + labels).properties(
        title=alt.Title(
            "Waar kwam de casustafel bijeen, en hoeveel casussen werden besproken?",
            subtitle="Vol: vergaderingen; licht: besproken casussen (casustafel of RIEC)",
        ),
    )
    return chart


def care_settings_chart(settings: pl.DataFrame, chosen: str) -> alt.LayerChart:
    """The rate ratio (with / without casustafel) for every ratio, care trajectories out and in."""
    data = settings.with_columns(
        (pl.col("verhouding") == pl.lit(chosen)).alias("gekozen"),
        pl.col("bovengrens").fill_null(pl.col("rr") * 10).alias("boven"),
    )
    order = data["verhouding"].unique(maintain_order=True).to_list()
    y = alt.Y("verhouding:N", sort=order, title=None, axis=alt.Axis(**chosen_label(chosen)))
    y_offset = alt.YOffset("zorg:N", sort=[CARE_OUT, CARE_IN, CARE_NA])
    # Shape as well as colour: the three care settings are told apart without colour too.
    shape = alt.Shape(
        "zorg:N",
        scale=alt.Scale(domain=[CARE_OUT, CARE_IN, CARE_NA], range=["circle", "triangle-up", "square"]),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    color = alt.Color(
        "zorg:N",
        scale=alt.Scale(
            domain=[CARE_OUT, CARE_IN, CARE_NA], range=[ACCENT_COLOR, CARE_IN_COLOR, CARE_NA_COLOR]
        ),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    opacity = conditional(alt.OpacityValue, "datum.gekozen", 1.0, 0.4)
    tooltip = [
        alt.Tooltip("verhouding:N", title="Verhouding"),
        alt.Tooltip("zorg:N", title="Zorgtrajecten"),
        alt.Tooltip("met:N", title="Met casustafel"),
        alt.Tooltip("zonder:N", title="Zonder casustafel"),
        alt.Tooltip("verhouding_tekst:N", title="Met / zonder"),
        alt.Tooltip("conclusie:N", title="Conclusie"),
    ]
    x_scale = alt.Scale(type="log", domain=[0.25, 8], nice=False)
    rules = (
        alt.Chart(data)
        .mark_rule(strokeWidth=3)
        .encode(
            x=alt.X("ondergrens:Q", scale=x_scale, title="Verhouding met / zonder casustafel (1 = gelijk)"),
            x2=alt.X2("boven:Q"),
            y=y,
            yOffset=y_offset,
            color=color,
            opacity=opacity,
            tooltip=tooltip,
        )
    )
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=110)
        .encode(
            x=alt.X("rr:Q"), y=y, yOffset=y_offset, color=color, shape=shape, opacity=opacity, tooltip=tooltip
        )
    )
    labels = (
        alt.Chart(data)
        .mark_text(align="left", dx=8, color=LABEL_COLOR)
        # The figures stay at full strength (text at 4.5:1); only the marks of the other ratios fade.
        .encode(x=alt.X("boven:Q"), y=y, yOffset=y_offset, text=alt.Text("verhouding_tekst:N"))
    )
    one = (
        alt.Chart(pl.DataFrame({"x": [1.0]}))
        .mark_rule(strokeDash=[4, 4], color=GUIDE_COLOR)
        .encode(x=alt.X("x:Q", scale=x_scale))
    )
    chart: alt.LayerChart = (one + rules + points + labels).properties(
        title=alt.Title(
            "Verandert de conclusie als zorgtrajecten meetellen?",
            subtitle="Boven 1: hoger met casustafel; onder 1: lager. Raakt de lijn de 1, dan is er geen duidelijk verschil.",
        ),
    )
    return chart
