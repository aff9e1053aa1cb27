"""Aard en omvang: ads, controls and signals per area, the funnel plot, the answer and the prompts.

Expected values are read from the published 2022 tables and CBS population (Arnhem: 46
signals, 163.888 inhabitants on 1 January 2022) and worked out by hand; Poisson quantiles
come from printed tables, never from the code under test.
"""

import polars as pl
import pytest

from analysis import UNIT
from analysis.supply import (
    ABOVE_95,
    ABOVE_998,
    BELOW_95,
    BELOW_998,
    INSIDE,
    MEASURE_COUNT,
    MEASURE_RATE,
    OUTSIDE_FUNNEL,
    ads_total_note,
    area_chart_title,
    area_rates,
    axis_title,
    controls_display,
    controls_per_ads,
    controls_shortfall,
    empty_cells,
    empty_note,
    funnel_caption,
    funnel_display,
    funnel_grid,
    funnel_limits,
    funnel_points,
    funnel_position,
    funnel_subtitle,
    funnel_title,
    indicator_code,
    overall_signal_rate,
    population_grid,
    rates_display,
    reference_rate,
    supply_answer,
    supply_caveats,
    supply_figures,
    supply_prompts,
)

DISTRICTS = ["IJsselland", "Gelderland-Zuid", "Twente", "Noord- en Oost-Gelderland", "Gelderland-Midden"]
EMPTY_SIGNALS = ["West Betuwe", "Hof van Twente", "Barneveld"]


def row(frame: pl.DataFrame, area: str) -> dict:
    """The row of one area, in an analysis frame (``gebied``) or a display table (``Gebied``)."""
    column = "gebied" if "gebied" in frame.columns else "Gebied"
    return frame.filter(pl.col(column) == area).row(0, named=True)


# -- counts and rates per area --------------------------------------------------------------


def test_arnhem_signals_per_100k(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    # 46 signals on 163.888 inhabitants: 46 / 163888 * 100000 = 28,068
    arnhem = row(area_rates(tidy, population, "signalen"), "Arnhem")
    assert (arnhem["waarde"], arnhem["inwoners"]) == (46, 163_888)
    assert arnhem["per_100k"] == pytest.approx(28.07, abs=0.005)
    assert arnhem["aantal_tekst"] == "46 signalen op 163.888 inwoners"
    assert arnhem["per_100k_tekst"] == "28,1 per 100.000"
    # Garwood interval for 46: 33,68 to 61,36 signals -> 20,5 to 37,4 per 100.000
    assert arnhem["marge_tekst"] == "20,5–37,4 per 100.000"


def test_areas_include_every_municipality_and_overig(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    rates = area_rates(tidy, population, "signalen")
    assert rates.height == 25
    assert rates["gebied"].to_list()[:6] == [
        "Kampen",
        "Steenwijkerland",
        "Hardenberg",
        "Zwolle",
        "Deventer",
        "Overig IJsselland",
    ]
    assert set(rates["gebiedstype"]) == {"gemeente", "overig"}
    assert int(rates["waarde"].sum()) == 188


def test_empty_signal_cells_stay_missing(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    rates = area_rates(tidy, population, "signalen")
    empty = rates.filter(pl.col("status") == "leeg")
    assert empty["gebied"].to_list() == EMPTY_SIGNALS
    assert empty["waarde"].null_count() == 3
    assert empty["per_100k"].null_count() == 3
    assert row(rates, "West Betuwe")["aantal_tekst"].startswith("leeg")
    shown = rates_display(rates)
    assert row(shown, "West Betuwe")["Aantal"] == "leeg"
    assert row(shown, "Hof van Twente")["Per 100.000 inwoners"] == "–"
    # A reported zero stays a zero: West Betuwe had 0 controls.
    controls = area_rates(tidy, population, "prostitutiecontroles")
    assert row(controls, "West Betuwe")["waarde"] == 0


def test_zwolle_ads(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    zwolle = row(area_rates(tidy, population, "seksadvertenties"), "Zwolle")
    assert zwolle["waarde"] == 3013
    assert zwolle["inwoners"] == 130_668
    assert zwolle["per_100k"] == pytest.approx(3013 / 130_668 * 100_000)
    assert row(rates_display(area_rates(tidy, population, "seksadvertenties")), "Zwolle")["Aantal"] == "3.013"


def test_district_selection_filters_areas(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    twente = area_rates(tidy, population, "signalen", district="Twente")
    assert twente["gebied"].to_list() == [
        "Enschede",
        "Almelo",
        "Hengelo",
        "Hof van Twente",
        "Tubbergen",
        "Overig Twente",
    ]


def test_district_rates(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    districts = area_rates(tidy, population, "signalen", by="district")
    assert districts["gebied"].to_list() == DISTRICTS
    assert districts["waarde"].to_list() == [25, 18, 41, 40, 64]
    assert row(districts, "Gelderland-Midden")["per_100k_tekst"] == "9,1 per 100.000"


def test_unit_figures(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    ads, controls, signals = supply_figures(tidy, population)
    assert (ads.count, controls.count, signals.count) == (29_764, 154, 188)
    assert signals.inhabitants == 3_282_382
    assert signals.per_100k == pytest.approx(188 / 3_282_382 * 100_000)
    assert signals.rate_text() == "5,7 per 100.000"
    assert signals.rate_value_text() == "5,7"
    assert ads.count_text() == "29.764"
    assert not signals.lower_bound
    assert signals.detail_text() == ("188 signalen op 3.282.382 inwoners; marge 4,9–6,6 per 100.000")
    assert reference_rate(tidy, population, "signalen") == pytest.approx(5.7275, abs=1e-4)


def test_district_figures(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    ads, controls, signals = supply_figures(tidy, population, "Twente")
    assert (ads.count, controls.count, signals.count) == (5171, 25, 41)
    assert signals.rate_text() == "6,5 per 100.000"


# -- controls per 1.000 ads ----------------------------------------------------------------------


def test_controls_per_1000_ads_nijmegen(tidy: pl.DataFrame) -> None:
    nijmegen = row(controls_per_ads(tidy, by="gebied"), "Nijmegen")
    assert (nijmegen["teller"], nijmegen["noemer"]) == (16, 2766)
    assert nijmegen["per_1000"] == pytest.approx(16 / 2766 * 1000)
    assert nijmegen["verhouding_tekst"] == "16 controles op 2.766 advertenties"
    assert nijmegen["per_1000_tekst"] == "5,8 per 1.000"


def test_controls_per_1000_ads_districts(tidy: pl.DataFrame) -> None:
    districts = controls_per_ads(tidy, by="district")
    assert districts["teller"].to_list() == [29, 21, 25, 39, 40]
    assert districts["noemer"].to_list() == [6683, 5159, 5171, 5793, 6959]
    twente = controls_per_ads(tidy, by="district", district="Twente")
    assert twente.height == 1
    shown = controls_display(controls_per_ads(tidy, by="gebied", district="Twente"), twente)
    assert shown["Gebied"].to_list()[-1] == "Twente (district)"
    assert row(shown, "Overig Twente")["Verhouding"] == "1 controle op 1.169 advertenties"


def test_controls_shortfall(tidy: pl.DataFrame) -> None:
    # Unit: 154 controls on 29.764 ads. Overig Twente: 1.169 * 154 / 29.764 = 6,05 expected, 1 held.
    short = controls_shortfall(controls_per_ads(tidy, by="gebied"), 154 / 29_764)
    top = short.row(0, named=True)
    assert top["gebied"] == "Overig Twente"
    assert top["tekort"] == pytest.approx(1169 * 154 / 29_764 - 1)
    assert short["gebied"].to_list()[1] == "Overig IJsselland"
    # Arnhem (24 on 3.894, above the unit's rate) has no shortfall.
    assert "Arnhem" not in short["gebied"].to_list()


def test_prompt_never_calls_an_above_average_area_short_of_controls(
    tidy: pl.DataFrame, population: pl.DataFrame
) -> None:
    prompts = supply_prompts(tidy, population, "Gelderland-Midden")
    assert any(
        p.startswith("Ede heeft veel advertenties en weinig controles: 3 controles op 826") for p in prompts
    )
    assert not any(p.startswith("Arnhem heeft veel advertenties") for p in prompts)


# -- funnel limits ---------------------------------------------------------------------------


def test_funnel_limits_known_quantiles() -> None:
    # Rate 10 per 100.000 on 100.000 inhabitants: 10 expected. From Poisson tables,
    # P(X <= 16) = 0,9730 and P(X <= 17) = 0,9857, so the 97,5% limit lies between 16 and 17;
    # P(X <= 3) = 0,0103 and P(X <= 4) = 0,0293, so the 2,5% limit lies between 3 and 4.
    limits = funnel_limits(10.0, [100_000], levels=(0.95,))
    lim = limits.row(0, named=True)
    assert lim["verwacht"] == pytest.approx(10.0)
    assert 16.0 < lim["bovengrens"] <= 17.0
    assert 3.0 < lim["ondergrens"] <= 4.0
    assert lim["niveau_tekst"] == "95%"


def test_funnel_limits_widen_for_small_populations() -> None:
    pops = [20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000]
    limits = funnel_limits(5.7, pops)
    for level in (0.95, 0.998):
        at_level = limits.filter(pl.col("niveau") == level).sort("inwoners")
        width = (at_level["bovengrens"] - at_level["ondergrens"]).to_list()
        assert width == sorted(width, reverse=True)
        assert width[0] > 2 * width[-1]


def test_funnel_limits_contain_the_overall_rate_and_998_is_wider() -> None:
    pops = population_grid(15_000, 900_000, 60)
    limits = funnel_limits(5.7, pops)
    assert (limits["ondergrens"] <= 5.7).all()
    assert (limits["bovengrens"] >= 5.7).all()
    assert (limits["ondergrens"] >= 0).all()
    inner = limits.filter(pl.col("niveau") == 0.95).sort("inwoners")
    outer = limits.filter(pl.col("niveau") == 0.998).sort("inwoners")
    assert (outer["bovengrens"] > inner["bovengrens"]).all()
    assert (outer["ondergrens"] <= inner["ondergrens"]).all()
    assert set(limits["niveau_tekst"]) == {"95%", "99,8%"}


def test_funnel_limits_reject_bad_input() -> None:
    with pytest.raises(ValueError):
        funnel_limits(5.7, [100_000], levels=(1.0,))
    with pytest.raises(ValueError):
        funnel_limits(5.7, [0])
    with pytest.raises(ValueError):
        funnel_limits(-1.0, [100_000])
    with pytest.raises(ValueError):
        population_grid(100, 10)


def test_population_grid_spans_its_ends() -> None:
    grid = population_grid(20_000, 600_000, 5)
    assert len(grid) == 5
    assert grid[0] == pytest.approx(20_000)
    assert grid[-1] == pytest.approx(600_000)
    assert grid == sorted(grid)


def test_funnel_position() -> None:
    # Arnhem: 46 signals where 9,4 are expected (99,9% quantile of Poisson(9,4) is about 20).
    assert funnel_position(46, 9.39) == ABOVE_998
    assert funnel_position(9, 9.39) == INSIDE
    assert funnel_position(4, 15.02) == BELOW_998
    assert funnel_position(0, 1.2) == INSIDE


# -- funnel points ---------------------------------------------------------------------------------


def test_funnel_points_flag_areas(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    points = funnel_points(tidy, population)
    assert overall_signal_rate(tidy, population).per_100k == pytest.approx(188 / 3_282_382 * 100_000)
    arnhem = row(points, "Arnhem")
    assert arnhem["verwacht"] == pytest.approx(188 / 3_282_382 * 163_888)
    assert arnhem["positie"] == ABOVE_998
    assert arnhem["buiten"]
    assert row(points, "Overig Twente")["positie"] == BELOW_998
    assert row(points, "Zwolle")["positie"] == ABOVE_95
    assert row(points, "Overig Gelderland-Zuid")["positie"] == BELOW_95
    assert row(points, "Ede")["positie"] == INSIDE
    for area in EMPTY_SIGNALS:
        assert row(points, area)["positie"] == OUTSIDE_FUNNEL
        assert not row(points, area)["buiten"]
    assert points["gekozen"].all()
    assert points.filter(pl.col("positie") == ABOVE_998)["gebied"].to_list() == ["Arnhem"]


def test_funnel_points_highlight_the_chosen_district(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    points = funnel_points(tidy, population, district="Twente")
    assert points.height == 25
    assert points.filter(pl.col("gekozen"))["district"].unique().to_list() == ["Twente"]


def test_funnel_points_for_districts(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    points = funnel_points(tidy, population, by="district")
    assert points["gebied"].to_list() == DISTRICTS
    assert row(points, "Gelderland-Midden")["positie"] == ABOVE_998
    assert row(points, "Gelderland-Zuid")["positie"] == BELOW_95
    assert row(points, "Twente")["positie"] == INSIDE
    assert funnel_title(points).startswith("Gelderland-Midden ligt boven de trechter")


def test_funnel_grid_spans_the_points(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    points = funnel_points(tidy, population)
    grid = funnel_grid(points, 5.73)
    assert grid["inwoners"].min() < 21_364 and grid["inwoners"].max() > 513_803


def test_funnel_texts(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    points = funnel_points(tidy, population)
    assert funnel_title(points) == "Arnhem ligt boven de trechter: meer signalen dan toeval verklaart"
    shown = funnel_display(points)
    assert row(shown, "Arnhem")["Positie"] == "▲ ver boven de trechter"
    assert row(shown, "Overig Twente")["Positie"] == "▼ ver onder de trechter"
    assert row(shown, "Barneveld")["Signalen"] == "leeg"
    caption = funnel_caption(points)
    assert "West Betuwe, Hof van Twente en Barneveld" in caption
    assert funnel_subtitle(5.73)[0].startswith("Blauwe lijn: gemiddelde van Oost-Nederland (5,7 per 100.000)")
    assert "Twente" in funnel_subtitle(5.73, "Twente")[1]


# -- texts -----------------------------------------------------------------------------------------


def test_answer_for_the_unit(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    assert supply_answer(tidy, population) == (
        "188 signalen van mensenhandel in Oost-Nederland in 2022: 5,7 per 100.000 inwoners. "
        "Er stonden 29.764 seksadvertenties online en er waren 154 prostitutiecontroles."
    )


def test_answer_for_a_district(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    assert supply_answer(tidy, population, "Twente") == (
        "41 signalen van mensenhandel in Twente in 2022: 6,5 per 100.000 inwoners (heel Oost-Nederland: 5,7). "
        "Er stonden 5.171 seksadvertenties online en er waren 25 prostitutiecontroles."
    )


def test_prompts_for_the_unit(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    prompts = supply_prompts(tidy, population)
    assert 2 <= len(prompts) <= 4
    assert prompts[0].startswith("Arnhem ligt met 46 signalen op 163.888 inwoners (28,1 per 100.000")
    assert "ver boven de trechter. " in prompts[0]
    assert "politie gevestigd" in prompts[0]
    assert any("Overig Twente" in p and "ver onder de trechter. " in p for p in prompts)
    assert any(
        p.startswith(
            "Overig Twente heeft veel advertenties en weinig controles: 1 controle op 1.169 advertenties"
        )
        and "ongeveer 6" in p
        for p in prompts
    )
    assert any("West Betuwe, Hof van Twente en Barneveld" in p and "202, 83 en 376" in p for p in prompts)
    assert all(p.endswith("?") for p in prompts)


def test_prompts_for_twente(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    prompts = supply_prompts(tidy, population, "Twente")
    text = "\n".join(prompts)
    assert "Hengelo (10 op 81.476" in prompts[0] and "Enschede (19 op 160.640" in prompts[0]
    assert "liggen boven de trechter. " in prompts[0] and "ver boven" not in prompts[0]
    assert "Arnhem" not in text
    assert "1 controle op 1.169 advertenties" in text
    assert "Hof van Twente" in text


def test_prompts_without_an_empty_cell(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    prompts = supply_prompts(tidy, population, "IJsselland")
    assert "Zwolle ligt met 13 signalen op 130.668 inwoners" in prompts[0]
    assert any("Hardenberg: 480 advertenties en geen enkele controle" in p for p in prompts)
    assert not any("leeg" in p for p in prompts)


@pytest.mark.parametrize("district", [UNIT, *DISTRICTS])
def test_prompts_for_every_selection(tidy: pl.DataFrame, population: pl.DataFrame, district: str) -> None:
    prompts = supply_prompts(tidy, population, district)
    assert 2 <= len(prompts) <= 4
    assert len(set(prompts)) == len(prompts)


def test_empty_cells_and_note(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    empty = empty_cells(tidy, population)
    assert empty["gebied"].to_list() == EMPTY_SIGNALS
    assert empty["advertenties"].to_list() == [202, 83, 376]
    note = empty_note(empty)
    assert note.startswith("Bij West Betuwe, Hof van Twente en Barneveld is het vak voor signalen leeg")
    assert "geen nul" in note
    assert empty_note(empty_cells(tidy, population, "IJsselland")) == ""


def test_ads_total_note_shows_both_totals(tidy: pl.DataFrame) -> None:
    note = ads_total_note(tidy)
    assert "29.765" in note and "29.764" in note


def test_caveats_name_the_known_distortions(tidy: pl.DataFrame) -> None:
    text = " ".join(supply_caveats(tidy))
    assert "Arnhem en Enschede" in text
    assert "Web-IQ" in text
    assert "meer sites" in text
    assert "Overig" in text


def test_titles_and_labels(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    signals = area_rates(tidy, population, "signalen")
    assert area_chart_title(signals, "signalen", MEASURE_COUNT) == "De meeste signalen: Arnhem (46)"
    assert area_chart_title(signals, "signalen", MEASURE_RATE) == (
        "De meeste signalen per 100.000 inwoners: Arnhem (28,1)"
    )
    assert axis_title("seksadvertenties", MEASURE_RATE) == "Advertenties per 100.000 inwoners"
    assert axis_title("prostitutiecontroles", MEASURE_COUNT) == "Aantal controles"
    assert indicator_code("Advertenties") == "seksadvertenties"
    assert indicator_code("onzin") == "signalen"
