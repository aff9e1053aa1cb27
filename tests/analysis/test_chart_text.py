"""A chart's key numbers in one sentence, read from the spec it draws (the published 2022 figures)."""

import pytest

from analysis import UNIT, Tables, followup, load_dashboard, supply
from analysis.chart_text import spec_summary
from analysis.checks import load_context
from analysis.geography import load_population
from analysis.interventions import intervention_view
from analysis.trends.view import trends_view
from components import followup_charts, supply_charts
from components.intervention_charts import mix_chart
from components.trend_charts import slope_chart, years_chart


@pytest.fixture(scope="module")
def tables() -> Tables:
    return Tables(load_dashboard(2022), load_population(), load_context())


def test_district_signals_name_the_highest_and_lowest(tables: Tables) -> None:
    rates = supply.indicator_view(tables, UNIT, "signalen")
    chart = supply_charts.bar_chart(
        rates.districts, supply.MEASURE_COUNT, "signalen", title="t", reference=rates.reference
    )
    assert spec_summary(chart.to_dict()) == (
        "Aantal signalen: het hoogst bij Gelderland-Midden (64), het laagst bij Gelderland-Zuid (18); 5 waarden."
    )


def test_a_share_is_read_from_the_point_not_from_the_ends_of_its_margin(tables: Tables) -> None:
    view = followup.followup_view(tables, UNIT)
    summary = spec_summary(followup_charts.share_chart(view.table, view.unit_share).to_dict())
    # IJsselland 5 of 25 signals (20,0%), Gelderland-Midden 4 of 64 (6,3%); the margin's lower end of
    # the unit (7,5%) must not be taken for a value.
    assert summary is not None
    assert "het hoogst bij IJsselland (20,0%)" in summary
    assert "het laagst bij Gelderland-Midden (6,3%)" in summary
    assert "7,5%" not in summary


def test_missing_is_named_apart_from_zero(tables: Tables) -> None:
    rates = supply.indicator_view(tables, UNIT, "signalen")
    chart = supply_charts.bar_chart(rates.areas, supply.MEASURE_COUNT, "signalen", title="t", reference=None)
    summary = spec_summary(chart.to_dict())
    assert summary is not None
    assert "het hoogst bij Arnhem (46)" in summary
    assert summary.endswith("Geen getal (niet 0) bij West Betuwe, Hof van Twente en Barneveld.")


def test_a_scatter_is_ranked_by_its_height_and_named_by_its_area(tables: Tables) -> None:
    view = supply.funnel_view(tables, UNIT, "gebied")
    chart = supply_charts.funnel_chart(
        view.points, view.grid, view.overall, title=view.title, subtitle=view.subtitle
    )
    summary = spec_summary(chart.to_dict())
    assert summary is not None and summary.startswith("Signalen per 100.000 inwoners: het hoogst bij Arnhem")


def test_a_map_counts_the_areas_per_colour() -> None:
    spec = {
        "mark": {"type": "geoshape"},
        "data": {
            "values": [{"properties": {"klasse": k}} for k in ["laag", "laag", "hoog", "geen opgave (?)"]]
        },
        "encoding": {"color": {"field": "properties.klasse", "type": "nominal"}},
    }
    assert (
        spec_summary(spec) == "Aantal gebieden per kleur op de kaart: laag: 2, hoog: 1 en geen opgave (?): 1."
    )


def test_a_chart_without_values_gets_no_sentence() -> None:
    spec = {
        "mark": "text",
        "data": {"values": [{"a": 1}]},
        "encoding": {"text": {"field": "a", "type": "nominal"}},
    }
    assert spec_summary(spec) is None


def test_stacked_segments_add_up_per_district(tables: Tables) -> None:
    view = intervention_view(tables, UNIT, False)
    summary = spec_summary(mix_chart(view.mix).to_dict())
    # Twente's segments add up to 21 (a lower bound: Hengelo and Tubbergen gave no figure).
    assert summary is not None and "het hoogst bij Twente (21)" in summary


def test_series_over_the_years_list_each_value_of_the_last_year(tables: Tables) -> None:
    view = trends_view([tables], 2022, UNIT, "Kerncijfers")
    # Small multiples on scales of their own: listed, never ranked against each other.
    assert spec_summary(years_chart(view.series, UNIT, "t").to_dict()) == (
        "In 2022: Signalen mensenhandel 188, Strafrechtelijke onderzoeken 22, B8-aangiftes 13, "
        "Actieve seksadvertenties 29.764, Gemelde (unieke) slachtoffers bij CoMensHa 71, Prostitutiecontroles 154 "
        "en Instroom OM (vervolging) 44."
    )
    index = spec_summary(slope_chart(view.table, view.text_year).to_dict())
    assert index is not None and index.startswith("Index (2019 = 100) in 2022: Signalen 92,6,")
