"""Chart or table (``components.page.chart_or_table``): two tabs, and only the open one is drawn.

The table holds the signals per district of the published 2022 dashboard
(IJsselland 25, Gelderland-Zuid 18, Twente 41, Noord- en Oost-Gelderland 40,
Gelderland-Midden 64: 188 in all).
"""

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

TIMEOUT_S = 30
KEY = "weergave"
SIGNALS = pl.DataFrame(
    {
        "district": [
            "IJsselland",
            "Gelderland-Zuid",
            "Twente",
            "Noord- en Oost-Gelderland",
            "Gelderland-Midden",
        ],
        "signalen": [25, 18, 41, 40, 64],
    }
)
CAPTION = "Bron: Politie Oost-Nederland (BVH), dashboard 2022."


def _evidence(key: str, table: "pl.DataFrame", caption: str) -> None:
    """The app: a chart of ``table`` and the table in tabs. Its body runs alone, hence the quoted annotation."""
    import altair as alt
    import streamlit as st

    from components.controls import start_recording
    from components.page import chart_or_table

    def draw() -> None:
        chart = alt.Chart(table).mark_bar().encode(x="signalen:Q", y="district:N")
        st.altair_chart(chart.properties(title="Gelderland-Midden telt de meeste signalen"))

    start_recording()
    chart_or_table(key, draw, table, caption=caption)


@pytest.fixture
def at() -> AppTest:
    app = AppTest.from_function(_evidence, args=(KEY, SIGNALS, CAPTION), default_timeout=TIMEOUT_S)
    return app.run()


def test_opens_on_the_chart(at: AppTest) -> None:
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Grafiek", "Tabel"]
    chart_tab, table_tab = at.tabs
    assert len(chart_tab.get("vega_lite_chart")) == 1
    assert len(at.dataframe) == 0  # the table is not drawn until its tab is chosen
    assert len(table_tab.caption) == 0


def test_table_tab_shows_the_same_figures_and_the_source(at: AppTest) -> None:
    at.session_state[KEY] = "Tabel"  # what clicking the tab does
    at.run()
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Grafiek", "Tabel"]
    chart_tab, table_tab = at.tabs
    assert len(chart_tab.get("vega_lite_chart")) == 0  # only the open tab is drawn
    shown = table_tab.dataframe[0].value
    assert shown["district"].tolist() == SIGNALS["district"].to_list()
    assert shown["signalen"].tolist() == [25, 18, 41, 40, 64]
    assert shown["signalen"].sum() == 188
    assert [c.value for c in table_tab.caption] == [CAPTION]


def test_tabel_in_the_link_opens_the_table() -> None:
    app = AppTest.from_function(_evidence, args=(KEY, SIGNALS, CAPTION), default_timeout=TIMEOUT_S)
    app.query_params[KEY] = "Tabel"
    app.run()
    assert not app.exception
    assert len(app.get("vega_lite_chart")) == 0
    assert app.tabs[1].dataframe[0].value["signalen"].tolist() == [25, 18, 41, 40, 64]
