"""Controls, charts and panels for the page 'Onzichtbare slachtoffers': funnel, districts, CoMensHa, outcome."""

import altair as alt
import polars as pl
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from analysis import scenario as sc
from analysis.dutch import fmt_int, fmt_pct
from analysis.frames import with_text
from analysis.geography import UNIT
from analysis.palette import SECOND_COLOR, SELECTED_OUTLINE, TEXT_COLOR, TEXT_FIGURE_COLOR
from analysis.scenario import KIND_ESTIMATE, KIND_EXPECTED, KIND_SEEN, KIND_TEXT, OutcomeFigure
from components.charts import (
    ACCENT_COLOR,
    BAND_FILL,
    DISTRICT_COLORS,
    MISSING_COLOR,
    conditional,
    district_color,
)
from components.controls import bound

ESTIMATE_LABEL = "Landelijke schatting: slachtoffers per jaar"
OWN_SHARE_LABEL = "Eigen aandeel in de bevolking gebruiken"
SHARE_LABEL = "Aandeel van Oost-Nederland in de landelijke schatting"
SHARE_HELP = "Telt alleen als 'Eigen aandeel' aan staat. Basis: het aandeel in de bevolking (CBS)."
TYPED_LABEL = "Precies"
TYPED_HELP = "Typ de landelijke schatting precies en kies 'Zet' (of Enter); de schuif springt mee."
TYPED_APPLY = "Zet"
TYPED_APPLY_HELP = "Zet de schuif op het getypte getal."
RESET_LABEL = "Terug naar basis"
RESET_HELP = (
    "Zet de schatting en het aandeel van elk scenario terug op de basis: de schatting uit de toelichting en "
    "het aandeel in de bevolking (CBS). Namen blijven staan."
)
#: The letters of the scenarios and the suffix of their link keys (A keeps the keys of before comparison).
SUFFIXES: dict[str, str] = {"A": "", "B": "_b"}


def estimate_format(locale: str | None) -> str:
    """How the slider writes its value: ``5.500`` for a Dutch browser, else plain ``5500`` (never ``5,500``).

    Streamlit's "localized" format follows the browser's language, so only a Dutch one
    gets the Dutch thousands separator; an English one would show 5,500, which a Dutch
    reader takes for five and a half.
    """
    return "localized" if (locale or "").lower().startswith("nl") else "%d"


def _typed_key(estimate_key: str) -> str:
    """The key of the number field beside the slider ``estimate_key`` (not in the link: the slider is)."""
    return estimate_key.replace("schatting", "schatting_getal", 1)


def _copy_value(source: str, target: str) -> None:
    """Widget callback: give ``target`` the value ``source`` now holds (slider and number field stay in step)."""
    st.session_state[target] = st.session_state[source]


def _reset_to_basis(defaults: sc.ScenarioDefaults) -> None:
    """Button callback: every scenario's estimate and share back on the basis; names and comparison stay."""
    for suffix in SUFFIXES.values():
        st.session_state[f"schatting{suffix}"] = defaults.default_estimate
        st.session_state[_typed_key(f"schatting{suffix}")] = defaults.default_estimate
        st.session_state[f"eigen_aandeel{suffix}"] = False
        st.session_state[f"aandeel{suffix}"] = defaults.default_share


def reset_button(defaults: sc.ScenarioDefaults) -> bool:
    """The button 'Terug naar basis': puts every assumption back where the page starts; True when clicked."""
    return st.button(
        RESET_LABEL,
        key="terug_naar_basis",
        icon=":material/restart_alt:",
        help=RESET_HELP,
        on_click=_reset_to_basis,
        args=(defaults,),
    )


def scenario_controls(
    where: DeltaGenerator,
    letter: str,
    *,
    comparing: bool,
    defaults: sc.ScenarioDefaults,
) -> sc.ScenarioControls:
    """The controls of scenario A or B, bound to the link; return what they hold.

    ``defaults`` gives the slider's range and help and where the controls start.
    Keys: ``schatting``, ``eigen_aandeel``, ``aandeel``, ``naam_a`` for A (so links
    made before comparison existed still work), and the same with ``_b`` for B.
    Not comparing, A's controls sit in two columns and have no name field;
    comparing, each scenario's controls stack in ``where`` under its name field.
    """
    suffix = SUFFIXES[letter]
    low, high, step = defaults.slider_range
    name = None
    if comparing:
        name = bound(
            where.text_input,
            f"Naam van scenario {letter}",
            value=sc.DEFAULT_NAMES[0 if letter == "A" else 1],
            max_chars=sc.NAME_MAX_CHARS,
            key=f"naam_{letter.lower()}",
            help="Een korte naam die in de uitkomst, de grafiek en de gespreksvragen terugkomt.",
        )
        left = right = where
    else:
        left, right = where.columns(2, gap="large")
    estimate_key = f"schatting{suffix}"
    typed_key = _typed_key(estimate_key)
    slide, typed = left.columns([5, 2], vertical_alignment="bottom")
    estimate = bound(
        slide.slider,
        ESTIMATE_LABEL,
        low,
        high,
        value=defaults.default_estimate,
        step=step,
        key=estimate_key,
        help=defaults.estimate_help,
        format=estimate_format(st.context.locale),
        on_change=_copy_value,
        args=(estimate_key, typed_key),
    )
    # The slider is the one source of truth (and in the link). The exact field beside it follows
    # the slider (its callback above) and changes the slider only when 'Zet' is pressed (or Enter):
    # a form sends nothing while the slider is stepped, so no stale value can pull the slider back.
    if typed_key not in st.session_state:
        st.session_state[typed_key] = estimate
    with typed.form(key=f"{typed_key}_form", border=False, enter_to_submit=True):
        st.number_input(TYPED_LABEL, min_value=low, max_value=high, step=step, key=typed_key, help=TYPED_HELP)
        st.form_submit_button(
            TYPED_APPLY,
            key=f"{typed_key}_zet",
            help=TYPED_APPLY_HELP,
            on_click=_copy_value,
            args=(typed_key, estimate_key),
        )
    own_share = bound(right.toggle, OWN_SHARE_LABEL, key=f"eigen_aandeel{suffix}")
    share = bound(
        right.select_slider,
        SHARE_LABEL,
        options=sc.SHARE_OPTIONS,
        value=defaults.default_share,
        format_func=sc.share_percent_text,
        key=f"aandeel{suffix}",
        disabled=not own_share,
        help=SHARE_HELP,
    )
    return sc.ScenarioControls(
        national_estimate=estimate, own_share=own_share, share_percent=share, name=name
    )


def outcome_columns(columns: list[tuple[str, list[OutcomeFigure]]]) -> None:
    """Show scenarios side by side: a heading per column, then each figure as a metric with its arithmetic.

    Headings and labels are Markdown; any user text in them must come escaped (see
    :attr:`analysis.scenario.NamedScenario.name_md`).
    """
    for column, (heading, figures) in zip(st.columns(len(columns)), columns, strict=True):
        with column:
            st.markdown(f"**{heading}**")
            for figure in figures:
                # Dutch deltas use a real minus sign (−), which Streamlit does not read as negative.
                falling = bool(figure.delta) and str(figure.delta).startswith("−")
                st.metric(
                    figure.label,
                    figure.value_text,
                    delta=figure.delta,
                    delta_color="off",
                    delta_arrow="down" if falling else "auto",
                )
                st.caption(figure.detail)


def funnel_chart(funnel: pl.DataFrame, district: str, subtitle: list[str]) -> alt.LayerChart:
    """From the published estimate bands and the expectation down to what is registered.

    Labels come from the funnel's ``etiket`` column; names in it are plain text
    (a chart draws text, it does not interpret it).
    """
    area_color = DISTRICT_COLORS.get(district, DISTRICT_COLORS[UNIT])
    data = funnel.with_columns(pl.coalesce("boven", "aantal").alias("etiket_x"))
    order = data["stap"].to_list()
    estimates = data.filter(pl.col("soort") == KIND_ESTIMATE)
    top = float(data.select(pl.max_horizontal(pl.col("boven").max(), pl.col("aantal").max())).item())
    x_scale = alt.Scale(domain=[0, top * 1.4], nice=False)
    palette = {
        KIND_ESTIMATE: SECOND_COLOR,
        KIND_EXPECTED: ACCENT_COLOR,
        KIND_TEXT: TEXT_FIGURE_COLOR,
        KIND_SEEN: area_color,
    }
    kinds = [kind for kind in palette if kind in set(data["soort"])]
    color = alt.Color(
        "soort:N",
        scale=alt.Scale(domain=kinds, range=[palette[kind] for kind in kinds]),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    tooltip = [
        alt.Tooltip("stap:N", title="Stap"),
        alt.Tooltip("aantal_tekst:N", title="Aantal"),
        alt.Tooltip("toelichting:N", title="Toelichting"),
    ]
    y = alt.Y("stap:N", sort=order, title=None)
    layers: list[alt.Chart] = []
    if not estimates.is_empty():
        band = pl.DataFrame({"onder": [estimates["onder"].min()], "boven": [estimates["boven"].max()]})
        layers.append(
            alt.Chart(band)
            .mark_rect(color=BAND_FILL, opacity=0.22)
            .encode(x=alt.X("onder:Q", scale=x_scale), x2=alt.X2("boven:Q"))
        )
    base = alt.Chart(data).encode(y=y)
    bars = (
        base.transform_filter(alt.datum.soort != KIND_ESTIMATE)
        .mark_bar(height={"band": 0.7})
        .encode(
            x=alt.X("aantal:Q", scale=x_scale, title="Slachtoffers of registraties per jaar"),
            color=color,
            tooltip=tooltip,
        )
    )
    ranges = (
        base.transform_filter(alt.datum.soort == KIND_ESTIMATE)
        .mark_bar(height={"band": 0.45})
        .encode(x=alt.X("onder:Q", scale=x_scale), x2=alt.X2("boven:Q"), color=color, tooltip=tooltip)
    )
    middles = (
        base.transform_filter(alt.datum.soort == KIND_ESTIMATE)
        .mark_tick(color=ACCENT_COLOR, thickness=2)
        .encode(x=alt.X("aantal:Q", scale=x_scale), tooltip=tooltip)
    )
    labels = base.mark_text(align="left", dx=6).encode(
        x=alt.X("etiket_x:Q", scale=x_scale), text=alt.Text("etiket:N")
    )
    return alt.LayerChart(layer=[*layers, bars, ranges, middles, labels]).properties(
        title=alt.Title(sc.funnel_title(district), subtitle=subtitle),
    )


def district_table(districts: pl.DataFrame, district: str) -> pl.DataFrame:
    """The per-district expectation with Dutch texts for labels and tooltips."""
    labelled = with_text(
        districts,
        "etiket",
        lambda signals, expected, share: (
            f"{fmt_int(signals)} signalen op ongeveer {fmt_int(expected)} verwacht ({fmt_pct(share)})"
        ),
        "signalen",
        "verwacht",
        "zichtbaar_aandeel",
    )
    labelled = with_text(labelled, "inwoners_tekst", fmt_pct, "aandeel_inwoners")
    return labelled.with_columns((pl.col("district") == district).alias("gekozen"))


def district_chart(districts: pl.DataFrame, district: str, subtitle: str) -> alt.LayerChart:
    """Expected victims per district (light bar) against police signals (dark bar).

    ``subtitle`` (:attr:`analysis.scenario.ScenarioPage.district_subtitle`) names the
    scenario that gives the expectation and the year of the signals.
    """
    data = district_table(districts, district)
    order = data["district"].to_list()
    top = float(data.select(pl.col("verwacht").max()).item() or 1)
    # Room right of the bars for the labels, also in a 560 px column (1280 px at 200% zoom).
    x_scale = alt.Scale(domain=[0, top * 2.6], nice=False)
    base = alt.Chart(data).encode(y=alt.Y("district:N", sort=order, title=None))
    tooltip = [
        alt.Tooltip("district:N", title="District"),
        alt.Tooltip("etiket:N", title="Zichtbaar"),
        alt.Tooltip("inwoners_tekst:N", title="Aandeel inwoners van de eenheid"),
    ]
    stroke = conditional(alt.StrokeValue, alt.datum.gekozen, SELECTED_OUTLINE, None)
    expected = base.mark_bar(opacity=0.35, height={"band": 0.75}).encode(
        x=alt.X("verwacht:Q", scale=x_scale, title="Aantal per jaar"),
        color=district_color("district", legend=False),
        stroke=stroke,
        tooltip=tooltip,
    )
    seen = base.mark_bar(height={"band": 0.4}).encode(
        x=alt.X("signalen:Q", scale=x_scale), color=district_color("district", legend=False), tooltip=tooltip
    )
    labels = base.mark_text(align="left", dx=6).encode(
        x=alt.X("verwacht:Q", scale=x_scale), text=alt.Text("etiket:N")
    )
    return alt.LayerChart(layer=[expected, seen, labels]).properties(
        title=alt.Title(
            "Per district: verwachte slachtoffers tegenover signalen van de politie",
            subtitle=subtitle,
        ),
    )


def comensha_chart(breakdown: pl.DataFrame) -> alt.LayerChart:
    """CoMensHa's registered victims split three ways; each bar adds up to the total."""
    data = (
        breakdown.with_columns(
            pl.col("aantal").cum_sum().over("kenmerk", order_by="volgorde").alias("eind"),
            pl.when(pl.col("categorie") == "onbekend")
            .then(pl.lit("onbekend"))
            .when(pl.col("volgorde") == 1)
            .then(pl.lit("eerste"))
            .otherwise(pl.lit("tweede"))
            .alias("tint"),
        )
        .with_columns((pl.col("eind") - pl.col("aantal")).alias("begin"))
        .with_columns(
            ((pl.col("begin") + pl.col("eind")) / 2).alias("midden"),
            (pl.col("aantal").cast(pl.String) + " " + pl.col("categorie")).alias("etiket"),
        )
    )
    sums = data.group_by("kenmerk", maintain_order=True).agg(
        pl.col("eind").max().alias("eind"), pl.col("som_kenmerk").first()
    )
    sums = with_text(sums, "som_tekst", lambda total: f"= {fmt_int(total)}", "som_kenmerk")
    order = data["kenmerk"].unique(maintain_order=True).to_list()
    total = int(data.select(pl.col("totaal").max()).item() or 0)
    x_scale = alt.Scale(domain=[0, total * 1.1], nice=False)
    y = alt.Y("kenmerk:N", sort=order, title=None)
    tooltip = [
        alt.Tooltip("kenmerk:N", title="Kenmerk"),
        alt.Tooltip("categorie:N", title="Categorie"),
        alt.Tooltip("aandeel_tekst:N", title="Aantal"),
    ]
    bars = (
        alt.Chart(data)
        .mark_bar(stroke="white", strokeWidth=1, height={"band": 0.7})
        .encode(
            y=y,
            x=alt.X("begin:Q", scale=x_scale, title="Gemelde slachtoffers"),
            x2=alt.X2("eind:Q"),
            color=alt.Color(
                "tint:N",
                scale=alt.Scale(
                    domain=["eerste", "tweede", "onbekend"], range=[ACCENT_COLOR, BAND_FILL, MISSING_COLOR]
                ),
                legend=None,
            ),
            tooltip=tooltip,
        )
    )
    labels = (
        alt.Chart(data)
        .mark_text()
        .encode(
            y=y,
            x=alt.X("midden:Q", scale=x_scale),
            text=alt.Text("etiket:N"),
            color=conditional(alt.ColorValue, alt.datum.tint == "eerste", "white", TEXT_COLOR),
            tooltip=tooltip,
        )
    )
    totals = (
        alt.Chart(sums)
        .mark_text(align="left", dx=6, fontWeight="bold")
        .encode(y=y, x=alt.X("eind:Q", scale=x_scale), text=alt.Text("som_tekst:N"))
    )
    return alt.LayerChart(layer=[bars, labels, totals]).properties(
        title=alt.Title(
            f"Wie staan er bij CoMensHa geregistreerd? Elke indeling telt op tot {fmt_int(total)}",
            subtitle="Grijs: nationaliteit onbekend",
        ),
    )
