"""The chart helper decides every size from the display mode (``components.chart_sizes.fit``).

Charts of the published 2022 figures (six rows on the follow-up page: five districts and
Oost-Nederland; the OM's 79% dagvaarden and 21% seponeren; 25 areas on "Aard en omvang")
are sized for the laptop and the projector and their specs checked: the plot's height
follows the rows, the type is at least 12 / 18 px, labels are never hidden or cut, a
legend lists only the values the marks use, and titles wrap instead of being cut.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from analysis import Tables, load_context, load_dashboard, load_population
from analysis.followup import followup_view
from analysis.supply import MEASURE_COUNT, indicator_view
from components.chart_sizes import LABEL_ABOVE_ROW, LAPTOP, PHONE, PROJECTOR, ChartSizes, fit, mode_for, rows
from components.charts import DISTRICT_COLORS, district_color
from components.followup_charts import decisions_chart, share_chart
from components.supply_charts import NAME_PLACES, bar_chart, name_places

MODES = [LAPTOP, PROJECTOR]
LONGEST_AREA = "Overig Noord- en Oost-Gelderland"


@pytest.fixture(scope="module")
def tables() -> Tables:
    return Tables(load_dashboard(2022), load_population(), load_context())


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def _texts(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [layer["mark"] for layer in _layers(spec) if layer["mark"]["type"] == "text"]


@pytest.mark.parametrize("sizes", MODES, ids=lambda s: s.mode)
def test_follow_up_chart_is_as_high_as_its_six_rows(tables: Tables, sizes: ChartSizes) -> None:
    view = followup_view(tables)
    assert view.table["gebied"].to_list()[-1] == "Oost-Nederland" and view.table.height == 6
    spec = fit(share_chart(view.table, view.unit_share).to_dict(), sizes)
    # Each area's share stands above its point (a text mark moved up), so a row holds two lines.
    assert rows(spec) == 6 * LABEL_ABOVE_ROW
    assert spec["height"] == round(6 * LABEL_ABOVE_ROW * sizes.row)
    # The plot keeps that height; title, axes and legends are added around it.
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert spec["usermeta"]["embedOptions"]["renderer"] == "svg"
    y = spec["layer"][0]["encoding"]["y"]
    assert y["axis"]["labelOverlap"] is False and y["axis"]["labelFlush"] is False
    assert y["axis"]["labelLimit"] == sizes.label_limit


def test_projector_type_is_18_px_and_laptop_type_12_px(tables: Tables) -> None:
    view = followup_view(tables)
    built = share_chart(view.table, view.unit_share).to_dict()
    for sizes, text in ((LAPTOP, 12), (PROJECTOR, 18)):
        config = fit(built, sizes)["config"]
        assert config["axis"]["labelFontSize"] == text and config["axis"]["titleFontSize"] == text
        assert config["legend"]["labelFontSize"] == text and config["legend"]["titleFontSize"] == text
        assert config["title"]["subtitleFontSize"] == text and config["title"]["fontSize"] >= text
        assert config["header"]["labelFontSize"] == text and config["text"]["fontSize"] == text
        assert config["axisDiscrete"]["labelOverlap"] is False
        # The share labels ("20,0% (5 van 25)") take the mode's type; their offset grows with it.
        (label,) = _texts(fit(built, sizes))
        assert label["fontSize"] == text and label["dy"] == pytest.approx(-9 * text / 12)
    assert "fontSize" not in built["layer"][2]["mark"]  # the builder sets no type size of its own


def test_labels_are_wide_enough_for_the_longest_area() -> None:
    for sizes in (*MODES, PHONE):
        assert len(LONGEST_AREA) * sizes.text * 0.6 < sizes.label_limit


@pytest.mark.parametrize("sizes", MODES, ids=lambda s: s.mode)
def test_om_decisions_get_a_row_each_and_no_legend(tables: Tables, sizes: ChartSizes) -> None:
    decisions = followup_view(tables).decisions
    assert decisions.select("beslissing", "procent").rows() == [("Dagvaarden", 79), ("Seponeren", 21)]
    spec = fit(decisions_chart(decisions).to_dict(), sizes)
    assert rows(spec) == 2 and spec["height"] == 2 * sizes.row > 0
    bars, labels = spec["layer"]
    assert bars["encoding"]["y"]["field"] == "beslissing" and "color" not in bars["encoding"]
    assert labels["encoding"]["text"]["field"] == "tekst"
    records = next(iter(spec["datasets"].values()))
    assert [r["tekst"] for r in records] == ["79%", "21%"]


def test_area_bars_are_a_row_each_with_a_legend_of_the_five_districts(tables: Tables) -> None:
    view = indicator_view(tables, "Oost-Nederland", "signalen")
    assert view.areas.height == 25 and LONGEST_AREA in view.areas["gebied"].to_list()
    built = bar_chart(view.areas, MEASURE_COUNT, "signalen", title="Signalen").to_dict()
    for sizes in MODES:
        spec = fit(built, sizes)
        assert spec["height"] == 25 * sizes.row
        color = spec["layer"][0]["encoding"]["color"]
        # The unit's colour is not used by any bar: it is not in the legend.
        assert color["scale"]["domain"] == [d for d in DISTRICT_COLORS if d != "Oost-Nederland"]
        assert color["scale"]["range"] == [DISTRICT_COLORS[d] for d in color["scale"]["domain"]]
        legend = color["legend"]
        assert legend["labelLimit"] >= sizes.width and legend["orient"] == "bottom"
        # The columns of district names fit in the mode's narrowest chart.
        entry = sizes.text * 2.2 + len("Noord- en Oost-Gelderland") * sizes.text * 0.5 + 12
        assert 1 <= legend["columns"] <= 5 and legend["columns"] * entry <= sizes.width


def test_a_legend_keeps_each_used_value_with_its_own_colour() -> None:
    frame = pl.DataFrame({"district": ["Twente", "Gelderland-Midden"], "n": [41, 64]})
    chart = alt.Chart(frame).mark_bar().encode(x=alt.X("n:Q"), y=alt.Y("district:N"), color=district_color())
    color = fit(chart.to_dict(), LAPTOP)["encoding"]["color"]
    assert color["scale"] == {
        "domain": ["Twente", "Gelderland-Midden"],
        "range": [DISTRICT_COLORS["Twente"], DISTRICT_COLORS["Gelderland-Midden"]],
    }


def test_grouped_bars_count_each_bar_as_a_row() -> None:
    frame = pl.DataFrame(
        {
            "district": ["IJsselland", "IJsselland", "Twente", "Twente"],
            "maat": ["a", "b", "a", "b"],
            "n": [11, 20, 4, 6],
        }
    )
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(x=alt.X("n:Q"), y=alt.Y("district:N"), yOffset=alt.YOffset("maat:N"))
    )
    assert fit(chart.to_dict(), PROJECTOR)["height"] == 4 * PROJECTOR.row


def test_one_stacked_bar_is_one_row_and_a_scatter_gets_the_plot_height() -> None:
    frame = pl.DataFrame({"soort": ["a", "b"], "n": [79, 21]})
    stacked = alt.Chart(frame).mark_bar().encode(x=alt.X("n:Q"), color=alt.Color("soort:N"))
    assert fit(stacked.to_dict(), LAPTOP)["height"] == LAPTOP.row
    scatter = alt.Chart(frame).mark_circle(size=110).encode(x=alt.X("n:Q"), y=alt.Y("n:Q"))
    sized = fit(scatter.to_dict(), PROJECTOR)
    assert sized["height"] == PROJECTOR.plot and sized["mark"]["size"] == 220


def test_a_long_subtitle_wraps_instead_of_being_cut() -> None:
    subtitle = " ".join(["Blauwe lijn: gemiddelde van Oost-Nederland (5,7 per 100.000);"] * 3)
    chart = alt.Chart(pl.DataFrame({"x": [1]})).mark_point().encode(x=alt.X("x:Q"))
    chart = chart.properties(title=alt.Title("Arnhem ligt boven de trechter", subtitle=subtitle))
    for sizes in (*MODES, PHONE):
        title = fit(chart.to_dict(), sizes)["title"]
        assert title["text"] == "Arnhem ligt boven de trechter"
        lines = title["subtitle"]
        assert isinstance(lines, list) and len(lines) >= 2 and " ".join(lines) == subtitle
        assert max(len(line) for line in lines) * sizes.text * 0.5 <= sizes.width


def test_small_multiples_take_the_modes_size_and_columns() -> None:
    frame = pl.DataFrame({"kop": ["a", "a", "b", "b"], "jaar": [2019, 2022, 2019, 2022], "n": [1, 2, 3, 4]})
    chart = (
        alt.Chart(frame)
        .mark_line()
        .encode(x=alt.X("jaar:Q"), y=alt.Y("n:Q"))
        .properties(width=100, height=100)
        .facet(facet=alt.Facet("kop:N", header=alt.Header(labelFontSize=10)), columns=3)
    )
    for sizes in (LAPTOP, PROJECTOR, PHONE):
        spec = fit(chart.to_dict(), sizes)
        assert (spec["spec"]["width"], spec["spec"]["height"]) == (sizes.facet_width, sizes.facet_height)
        assert spec["columns"] == sizes.facet_columns and "labelFontSize" not in spec["facet"]["header"]
    assert fit(chart.to_dict(), PHONE)["columns"] == 1


def test_funnel_names_near_each_other_take_different_places() -> None:
    # Overig Gelderland-Zuid and Overig Gelderland-Midden lie close together under the funnel,
    # Overig Noord- en Oost-Gelderland near the right edge.
    flagged = pl.DataFrame(
        {
            "gebied": ["Overig Gelderland-Zuid", "Overig Gelderland-Midden", LONGEST_AREA],
            "inwoners": [295_000, 362_000, 515_000],
            "per_100k": [2.7, 2.7, 3.4],
        }
    )
    places = name_places(flagged, flagged, 600_000, 30)
    assert set(places) <= set(NAME_PLACES)
    assert places[0] != places[1] or NAME_PLACES[places[0]][2] == 0
    # The name near the right edge does not run out of the plot to the right.
    assert NAME_PLACES[places[2]][0] != "left"


def test_display_mode_follows_presentation_mode() -> None:
    def show() -> None:
        import streamlit as st

        from components.charts import display_mode

        st.write(display_mode())

    at = AppTest.from_function(show).run()
    assert at.markdown[0].value == "laptop"
    at.query_params["presentatie"] = "1"
    assert at.run().markdown[0].value == "projector"


ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"
DESKTOP = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)


@pytest.mark.parametrize("presenting", [False, True])
@pytest.mark.parametrize("agent", [ANDROID, IPHONE])
def test_a_phone_keeps_the_phone_sizes_also_on_the_projector_link(agent: str, presenting: bool) -> None:
    assert mode_for(presenting, agent) == "phone"


def test_a_laptop_gets_the_projector_sizes_only_when_presenting() -> None:
    assert mode_for(True, DESKTOP) == "projector"
    assert mode_for(False, DESKTOP) == "laptop"
    assert mode_for(True, "") == "projector"
