"""The caches at the edge: page views and chart specs are computed once per distinct input.

``components.data.view`` keys a view by the builder, the year's source (bundled tables, or
a digest of a session's or saved layout text) and the page's choices; ``show_chart`` keys
a chart's Vega-Lite spec by the builder and its inputs. Outside a Streamlit server the
caches live in memory, which is what these tests use.
"""

import altair as alt
import polars as pl
import pytest

from analysis import Tables
from components import charts, data


def test_a_view_is_computed_once_per_choice() -> None:
    calls: list[str] = []

    def signals_in(tables: Tables, district: str) -> int:
        calls.append(district)
        rows = tables.tidy.filter(
            pl.col("indicator") == "signalen", pl.col("gebied") == district, pl.col("gebiedstype") == "totaal"
        )
        return int(rows["waarde"][0])

    assert data.view(signals_in, 2022, "Twente") == 41
    assert data.view(signals_in, 2022, "Twente") == 41
    assert calls == ["Twente"]
    assert data.view(signals_in, 2022, "Oost-Nederland") == 188
    assert calls == ["Twente", "Oost-Nederland"]


def test_a_view_takes_choices_as_positional_arguments_only() -> None:
    with pytest.raises(TypeError, match="positional"):
        data.view(lambda tables, district: 0, 2022, district="Twente")  # type: ignore[call-arg]


def test_a_lambda_cannot_be_a_cached_builder() -> None:
    with pytest.raises(TypeError, match="lambda"):
        data.view(lambda tables: 0, 2022)


def test_the_bundled_year_has_a_fixed_source_key() -> None:
    assert data.source_key(2022) == "gebundeld"


def test_a_chart_spec_is_built_once_per_input() -> None:
    built: list[int] = []

    def bars(frame: pl.DataFrame, title: str) -> alt.Chart:
        built.append(frame.height)
        return alt.Chart(frame, title=title).mark_bar().encode(x=alt.X("n:Q"), y=alt.Y("gebied:N"))

    frame = pl.DataFrame({"gebied": ["Arnhem", "Nijmegen"], "n": [46, 31]})
    name = f"{bars.__module__}.{bars.__qualname__}"
    first = charts._spec(name, (frame, "Signalen"), {}, "laptop", _build=bars)
    again = charts._spec(
        name,
        (pl.DataFrame({"gebied": ["Arnhem", "Nijmegen"], "n": [46, 31]}), "Signalen"),
        {},
        "laptop",
        _build=bars,
    )
    assert first == again and built == [2]
    changed = charts._spec(
        name, (frame.with_columns(pl.lit(47).alias("n")), "Signalen"), {}, "laptop", _build=bars
    )
    assert built == [2, 2] and changed != first
    big = charts._spec(name, (frame, "Signalen"), {}, "projector", _build=bars)
    assert big["config"]["title"]["fontSize"] == 22 and first["config"]["title"]["fontSize"] == 15
    assert first["config"]["locale"]["number"]["decimal"] == ","
    assert "view" not in first["config"]  # no default 300 x 300 theme: drawn as st.altair_chart draws it
