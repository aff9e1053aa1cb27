"""Chain ratios on the published 2022 figures, with the arithmetic worked out by hand.

Counts are read from the published tables; intervals are recomputed here with
``scipy.stats.binomtest`` or the chi-square formula, never with the code under test.
"""

import polars as pl
import pytest
from polars.testing import assert_frame_equal
from scipy.stats import binomtest, chi2

from analysis import RATIOS, UNIT, chain_ratio, exact_ratio, rates_per_100k, ratio_table


def garwood(k: int) -> tuple[float, float]:
    lower = 0.0 if k == 0 else chi2.ppf(0.025, 2 * k) / 2
    return lower, chi2.ppf(0.975, 2 * k + 2) / 2


# -- investigations per signal ------------------------------------------------------------


def test_investigations_per_signal_unit(tidy: pl.DataFrame) -> None:
    # 22 investigations (sum of districts 5 + 3 + 5 + 5 + 4) of 188 signals.
    ratio = chain_ratio(tidy, "onderzoeken_per_signaal")
    assert (ratio.numerator, ratio.denominator) == (22, 188)
    assert ratio.value == pytest.approx(22 / 188)
    assert ratio.value == pytest.approx(0.1170, abs=5e-5)
    assert ratio.kind == "aandeel"
    assert ratio.left_out == ()
    assert ratio.method == "Clopper-Pearson (exact)"
    assert ratio.counts_text() == "22 onderzoeken van 188 signalen"
    assert ratio.value_text() == "11,7%"
    assert ratio.interval_text() == "7,5%–17,2%"


def test_investigations_per_signal_interval_matches_binomtest(tidy: pl.DataFrame) -> None:
    ratio = chain_ratio(tidy, "onderzoeken_per_signaal")
    reference = binomtest(22, 188).proportion_ci(confidence_level=0.95, method="exact")
    assert ratio.lower == pytest.approx(reference.low, rel=1e-9)
    assert ratio.upper == pytest.approx(reference.high, rel=1e-9)


def test_unit_passed_as_district_is_the_unit(tidy: pl.DataFrame) -> None:
    assert chain_ratio(tidy, "onderzoeken_per_signaal", district=UNIT) == chain_ratio(
        tidy, "onderzoeken_per_signaal"
    )


def test_spec_object_and_key_give_the_same_ratio(tidy: pl.DataFrame) -> None:
    spec = RATIOS["onderzoeken_per_signaal"]
    assert chain_ratio(tidy, spec) == chain_ratio(tidy, "onderzoeken_per_signaal")


@pytest.mark.parametrize(
    ("district", "investigations", "signals"),
    [
        ("IJsselland", 5, 25),
        ("Gelderland-Zuid", 3, 18),
        ("Twente", 5, 41),
        ("Noord- en Oost-Gelderland", 5, 40),
        ("Gelderland-Midden", 4, 64),
    ],
)
def test_investigations_per_signal_per_district(
    tidy: pl.DataFrame, district: str, investigations: int, signals: int
) -> None:
    ratio = chain_ratio(tidy, "onderzoeken_per_signaal", district=district)
    assert (ratio.numerator, ratio.denominator) == (investigations, signals)
    reference = binomtest(investigations, signals).proportion_ci(confidence_level=0.95, method="exact")
    assert (ratio.lower, ratio.upper) == pytest.approx((reference.low, reference.high), rel=1e-9)


def test_ratio_for_one_area(tidy: pl.DataFrame) -> None:
    # Arnhem: 0 investigations of 46 signals.
    ratio = chain_ratio(tidy, "onderzoeken_per_signaal", area="Arnhem")
    assert (ratio.numerator, ratio.denominator, ratio.value) == (0, 46, 0.0)
    assert ratio.lower == 0.0
    assert ratio.upper == pytest.approx(1 - 0.025 ** (1 / 46), rel=1e-9)
    assert ratio.value_text() == "0,0%"


# -- interventions per report --------------------------------------------------------------


def test_interventions_per_report_unit(tidy: pl.DataFrame) -> None:
    # Interventions (warnings 20 + fines 0 + dwangsommen 50 + closures 2 + other 6) = 78.
    # Hengelo, Tubbergen, Harderwijk and Zutphen printed "?" for interventions and are
    # left out of both sums; their interventions are not in the published totals either,
    # so the numerator stays 78. Reports: 63 in total, minus Harderwijk 3, Hengelo 0,
    # Tubbergen 0 and Zutphen 0 = 60.
    ratio = chain_ratio(tidy, "interventies_per_rapportage")
    assert ratio.left_out == ("Hengelo", "Tubbergen", "Harderwijk", "Zutphen")
    assert (ratio.numerator, ratio.denominator) == (78, 60)
    assert ratio.numerator == 20 + 0 + 50 + 2 + 6
    assert ratio.denominator == 63 - 3 - 0 - 0 - 0
    assert ratio.value == pytest.approx(78 / 60)
    assert ratio.kind == "per"
    assert ratio.method == "Garwood/Poisson (exact)"
    assert ratio.counts_text() == "78 interventies op 60 rapportages"
    assert ratio.value_text() == "1,30"
    low, high = garwood(78)
    assert (ratio.lower, ratio.upper) == pytest.approx((low / 60, high / 60), rel=1e-9)


def test_interventions_per_report_with_care(tidy: pl.DataFrame) -> None:
    # Care trajectories: 60 in the unit total, none of them in the left-out areas ("?").
    ratio = chain_ratio(tidy, "interventies_per_rapportage", include_care=True)
    assert (ratio.numerator, ratio.denominator) == (78 + 60, 60)
    assert ratio.numerator == 138
    assert ratio.value == pytest.approx(2.3)
    assert ratio.label.endswith("(zorgtrajecten meegeteld)")
    assert ratio.left_out == ("Hengelo", "Tubbergen", "Harderwijk", "Zutphen")


def test_include_care_does_nothing_for_a_ratio_without_care(tidy: pl.DataFrame) -> None:
    assert chain_ratio(tidy, "onderzoeken_per_signaal", include_care=True) == chain_ratio(
        tidy, "onderzoeken_per_signaal"
    )


def test_interventions_per_report_twente(tidy: pl.DataFrame) -> None:
    # Enschede 4 + 0 + 14 + 0 + 1 = 19, Almelo 0 + 0 + 0 + 1 + 0 = 1, Hof van Twente 0,
    # Overig Twente 0 + 0 + 1 + 0 + "-" = 1: 21 interventions.
    # Reports: Enschede 15 + Almelo 1 + Hof van Twente 0 + Overig 0 = 16.
    ratio = chain_ratio(tidy, "interventies_per_rapportage", district="Twente")
    assert (ratio.numerator, ratio.denominator) == (21, 16)
    assert ratio.left_out == ("Hengelo", "Tubbergen")


def test_interventions_per_report_noord_oost_gelderland(tidy: pl.DataFrame) -> None:
    # Apeldoorn 3 + 10 = 13, Doetinchem 0, Overig 2: 15; reports 7 + 1 + 2 = 10 (Harderwijk's 3 out).
    ratio = chain_ratio(tidy, "interventies_per_rapportage", district="Noord- en Oost-Gelderland")
    assert (ratio.numerator, ratio.denominator) == (15, 10)
    assert ratio.left_out == ("Harderwijk", "Zutphen")


def test_interventions_per_signal_unit(tidy: pl.DataFrame) -> None:
    # Signals 188 minus Hengelo 10, Tubbergen 1, Harderwijk 2, Zutphen 2 = 173.
    ratio = chain_ratio(tidy, "interventies_per_signaal")
    assert (ratio.numerator, ratio.denominator) == (78, 188 - 10 - 1 - 2 - 2)
    assert ratio.value_text() == "45,1 per 100"


def test_other_unit_ratios(tidy: pl.DataFrame) -> None:
    instroom = chain_ratio(tidy, "instroom_per_signaal")
    assert (instroom.numerator, instroom.denominator) == (44, 188)
    assert instroom.value_text() == "23,4 per 100"
    assert instroom.counts_text() == "44 verdachten bij het OM op 188 signalen"
    reports = chain_ratio(tidy, "rapportages_per_controle")
    assert (reports.numerator, reports.denominator) == (63, 154)
    assert reports.value_text() == "40,9 per 100"
    care = chain_ratio(tidy, "zorgtrajecten_per_signaal")
    assert (care.numerator, care.denominator) == (60, 173)


def test_controls_per_1000_ads_unit_numerator(tidy: pl.DataFrame) -> None:
    ratio = chain_ratio(tidy, "controles_per_1000_advertenties")
    assert ratio.numerator == 154
    assert ratio.scale == 1000


def test_controls_per_1000_ads_unit_uses_published_ad_total(tidy: pl.DataFrame) -> None:
    ratio = chain_ratio(tidy, "controles_per_1000_advertenties")
    assert ratio.denominator == 29764
    assert ratio.counts_text() == "154 controles op 29.764 advertenties"


# -- exact_ratio -----------------------------------------------------------------------------


def test_exact_ratio_zero_denominator_is_not_computable() -> None:
    ratio = exact_ratio(3, 0, "per", numerator_label="interventies", denominator_label="rapportages")
    assert ratio.value is None and ratio.lower is None and ratio.upper is None
    assert ratio.value_text() == "niet te berekenen"
    assert ratio.interval_text() == "–"
    assert ratio.counts_text() == "3 interventies op 0 rapportages"


def test_exact_ratio_share_above_one_falls_back_to_rate() -> None:
    ratio = exact_ratio(5, 3, "aandeel")
    assert ratio.kind == "per"
    assert ratio.value == pytest.approx(5 / 3)


def test_exact_ratio_scaled_texts() -> None:
    ratio = exact_ratio(44, 188, "per", scale=100)
    low, high = garwood(44)
    assert ratio.value_text() == "23,4 per 100"
    assert (ratio.lower, ratio.upper) == pytest.approx((low / 188, high / 188), rel=1e-9)
    assert ratio.interval_text() == "17,0–31,4"


# -- ratio_table ---------------------------------------------------------------------------


def test_ratio_table_by_district_interventions(tidy: pl.DataFrame) -> None:
    table = ratio_table(tidy, "interventies_per_rapportage")
    expected = pl.DataFrame(
        {
            "district": [
                "IJsselland",
                "Gelderland-Zuid",
                "Twente",
                "Noord- en Oost-Gelderland",
                "Gelderland-Midden",
            ],
            # IJsselland 5+0+7+0+1, GZ 1+0+8+0+3, Twente 21 (above), NOG 15, GM 7+0+8+1+1
            "teller": [13, 12, 21, 15, 17],
            # IJsselland 13, GZ 9, Twente 16 (without ?), NOG 13 - 3 = 10, GM 12
            "noemer": [13, 9, 16, 10, 12],
            "weggelaten": ["", "", "Hengelo, Tubbergen", "Harderwijk, Zutphen", ""],
            "opmerking": ["", "", "zonder Hengelo, Tubbergen (?)", "zonder Harderwijk, Zutphen (?)", ""],
        }
    )
    assert_frame_equal(table.select(expected.columns), expected)
    assert table["waarde"].to_list() == pytest.approx([13 / 13, 12 / 9, 21 / 16, 15 / 10, 17 / 12])
    assert table["gebied"].to_list() == table["district"].to_list()
    assert table["gebiedstype"].unique().to_list() == ["totaal"]


def test_ratio_table_columns(tidy: pl.DataFrame) -> None:
    table = ratio_table(tidy, "onderzoeken_per_signaal")
    assert table.columns == [
        "district",
        "gebied",
        "gebiedstype",
        "teller",
        "noemer",
        "waarde",
        "ondergrens",
        "bovengrens",
        "weggelaten",
        "opmerking",
    ]


@pytest.mark.parametrize("area", ["West Betuwe", "Hof van Twente", "Barneveld"])
def test_ratio_table_by_area_empty_signals_not_computable(tidy: pl.DataFrame, area: str) -> None:
    # An empty signal cell means "no signal attributable", not zero signals: no ratio, not 0.
    table = ratio_table(tidy, "onderzoeken_per_signaal", by="gebied")
    row = table.filter(pl.col("gebied") == area)
    assert row.height == 1
    assert row["waarde"][0] is None
    assert row["ondergrens"][0] is None and row["bovengrens"][0] is None
    assert row["opmerking"][0] == "noemer leeg of niet van toepassing"


def test_ratio_table_by_area_reported_values(tidy: pl.DataFrame) -> None:
    table = ratio_table(tidy, "onderzoeken_per_signaal", by="gebied")
    assert table.height == 20 + 5  # every municipality and Overig
    got = {r["gebied"]: (r["teller"], r["noemer"]) for r in table.iter_rows(named=True)}
    assert got["Zwolle"] == (2, 13)
    assert got["Arnhem"] == (0, 46)
    assert got["Overig Gelderland-Midden"] == (4, 10)
    assert got["Hengelo"] == (2, 10)
    zwolle = table.filter(pl.col("gebied") == "Zwolle")
    assert zwolle["waarde"][0] == pytest.approx(2 / 13)


def test_ratio_table_by_area_question_mark_is_not_computable(tidy: pl.DataFrame) -> None:
    table = ratio_table(tidy, "interventies_per_rapportage", by="gebied")
    for area in ("Hengelo", "Tubbergen", "Harderwijk", "Zutphen"):
        row = table.filter(pl.col("gebied") == area).row(0, named=True)
        assert row["waarde"] is None
        assert row["teller"] is None and row["noemer"] is None
        assert row["opmerking"] == "niet gerapporteerd (?)"
    enschede = table.filter(pl.col("gebied") == "Enschede").row(0, named=True)
    assert (enschede["teller"], enschede["noemer"]) == (19, 15)


def test_ratio_table_by_area_zero_reports(tidy: pl.DataFrame) -> None:
    # Hof van Twente: 0 interventions on 0 reports.
    table = ratio_table(tidy, "interventies_per_rapportage", by="gebied")
    row = table.filter(pl.col("gebied") == "Hof van Twente").row(0, named=True)
    assert (row["teller"], row["noemer"], row["waarde"]) == (0, 0, None)
    assert row["opmerking"] == "noemer is 0"


# -- rates per 100.000 -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def signal_rates(tidy: pl.DataFrame, population: pl.DataFrame) -> pl.DataFrame:
    return rates_per_100k(tidy, population, "signalen")


def rate_row(rates: pl.DataFrame, area: str) -> dict:
    found = rates.filter(pl.col("gebied") == area)
    assert found.height == 1, area
    return found.row(0, named=True)


def test_rates_columns(signal_rates: pl.DataFrame) -> None:
    assert signal_rates.columns == [
        "district",
        "gebied",
        "gebiedstype",
        "waarde",
        "status",
        "inwoners",
        "per_100k",
        "ondergrens",
        "bovengrens",
    ]
    assert signal_rates.height == 31  # 20 municipalities, 5 Overig, 5 districts, the unit


def test_rate_arnhem(signal_rates: pl.DataFrame) -> None:
    row = rate_row(signal_rates, "Arnhem")
    assert (row["waarde"], row["inwoners"]) == (46, 163888)
    assert row["per_100k"] == pytest.approx(46 / 163888 * 1e5)
    low, high = garwood(46)
    assert row["ondergrens"] == pytest.approx(low / 163888 * 1e5, rel=1e-9)
    assert row["bovengrens"] == pytest.approx(high / 163888 * 1e5, rel=1e-9)


@pytest.mark.parametrize("area", ["Barneveld", "West Betuwe", "Hof van Twente"])
def test_rate_empty_cell_is_null(signal_rates: pl.DataFrame, area: str) -> None:
    row = rate_row(signal_rates, area)
    assert row["status"] == "leeg"
    assert row["per_100k"] is None
    assert row["ondergrens"] is None and row["bovengrens"] is None


def test_rate_unit(signal_rates: pl.DataFrame) -> None:
    row = rate_row(signal_rates, UNIT)
    assert (row["waarde"], row["inwoners"]) == (188, 3282382)
    assert row["per_100k"] == pytest.approx(188 / 3282382 * 1e5)


def test_rate_overig(signal_rates: pl.DataFrame) -> None:
    # Overig IJsselland: 2 signals on 537993 - (54791 + 44741 + 61798 + 130668 + 101446) inhabitants.
    row = rate_row(signal_rates, "Overig IJsselland")
    inhabitants = 537993 - (54791 + 44741 + 61798 + 130668 + 101446)
    assert row["inwoners"] == inhabitants
    assert row["per_100k"] == pytest.approx(2 / inhabitants * 1e5)


def test_rate_district(signal_rates: pl.DataFrame) -> None:
    row = rate_row(signal_rates, "Gelderland-Midden")
    assert row["per_100k"] == pytest.approx(64 / 706374 * 1e5)


def test_rate_question_mark_is_null(tidy: pl.DataFrame, population: pl.DataFrame) -> None:
    rates = rates_per_100k(tidy, population, "waarschuwingen")
    hengelo = rate_row(rates, "Hengelo")
    assert hengelo["status"] == "niet_gerapporteerd"
    assert hengelo["per_100k"] is None
    zwolle = rate_row(rates, "Zwolle")
    assert zwolle["per_100k"] == pytest.approx(1 / 130668 * 1e5)
