"""The comparison with 2019, from the dashboard 2022's text and tables.

Published figures (hard-coded): signals 203 (2019) and 188 (2022, text and table);
police investigations 54 (2019) and 32 (2022, text) but 22 in the 2022 table; B8
declarations 126 (2019) and 14 (2022, text) but 13 in the table; ads "bijna 30%" up
(other crawler: Web-IQ instead of the police's), CoMensHa registrations down "met een
kwart", controls "rond de 150" every year (154 in the 2022 table), OM intake "ongeveer
gelijk" (44 in the 2022 table).
"""

import csv
from pathlib import Path

import polars as pl
import pytest

from analysis.dutch import fmt_int
from analysis.headlines import word_count
from analysis.trends import (
    KIND_COUNT,
    KIND_STATEMENT,
    district_note,
    ratio_rows,
    signed_pct,
    source_changes,
    trend_answer,
    trend_caveats,
    trend_prompts,
    trend_table,
)

CONTEXT_CSV = Path(__file__).resolve().parents[2] / "data" / "context.csv"


@pytest.fixture(scope="module")
def table(tidy: pl.DataFrame, context: pl.DataFrame) -> pl.DataFrame:
    return trend_table(tidy, context)


def _row(table: pl.DataFrame, indicator: str) -> dict:
    return table.filter(pl.col("indicator") == indicator).row(0, named=True)


def test_rows_and_columns(table: pl.DataFrame) -> None:
    for column in (
        "indicator",
        "label",
        "waarde_2019",
        "tekst_2022",
        "tabel_2022",
        "verandering",
        "opmerking",
    ):
        assert column in table.columns
    assert table["indicator"].to_list() == [
        "signalen",
        "strafrechtelijke_onderzoeken",
        "b8_aangiftes",
        "seksadvertenties",
        "comensha_slachtoffers",
        "prostitutiecontroles",
        "instroom_om",
    ]
    assert table["soort"].to_list() == [KIND_COUNT] * 3 + [KIND_STATEMENT] * 4


def test_published_counts(table: pl.DataFrame) -> None:
    assert table["waarde_2019"].to_list() == [203, 54, 126, None, None, None, None]
    assert table["tekst_2022"].to_list() == [188, 32, 14, None, 71, None, None]
    assert table["tabel_2022"].to_list() == [188, 22, 13, 29764, 71, 154, 44]


def test_text_and_table_disagree_for_investigations_and_b8(table: pl.DataFrame) -> None:
    assert table.filter(pl.col("tekst_wijkt_af"))["indicator"].to_list() == [
        "strafrechtelijke_onderzoeken",
        "b8_aangiftes",
    ]
    inv = _row(table, "strafrechtelijke_onderzoeken")
    assert inv["verandering"] == pytest.approx(32 / 54 - 1)
    assert inv["verandering_tabel"] == pytest.approx(22 / 54 - 1)
    assert inv["verandering_tekst"] == "−40,7% (tekst), −59,3% (tabel)"
    assert "32, de tabel 22" in inv["opmerking"]
    b8 = _row(table, "b8_aangiftes")
    assert b8["verandering"] == pytest.approx(14 / 126 - 1)
    assert b8["verandering_tabel"] == pytest.approx(13 / 126 - 1)
    assert b8["index_tekst"] == pytest.approx(1400 / 126)


def test_signals_change_and_rate_ratio(table: pl.DataFrame) -> None:
    signals = _row(table, "signalen")
    assert signals["verandering"] == pytest.approx(188 / 203 - 1)
    assert signals["verandering_tekst"] == "−7,4%"
    assert signals["ratio"] == pytest.approx(188 / 203)
    # Exact conditional-binomial 95% interval: about 0,76–1,13, so 1 (no change) lies inside.
    assert signals["ratio_onder"] == pytest.approx(0.755, abs=0.002)
    assert signals["ratio_boven"] == pytest.approx(1.135, abs=0.002)


def test_relative_statements(table: pl.DataFrame) -> None:
    ads = _row(table, "seksadvertenties")
    assert ads["verandering"] == pytest.approx(0.30)
    assert ads["benadering"] == "bijna"
    assert ads["verandering_tekst"] == "bijna +30%"
    assert ads["bron_gewijzigd"] is True
    assert "Web-IQ" in ads["opmerking"] and "politie" in ads["opmerking"]
    comensha = _row(table, "comensha_slachtoffers")
    assert comensha["verandering"] == pytest.approx(-0.25)
    assert comensha["verandering_tekst"] == "ongeveer −25%"
    controls = _row(table, "prostitutiecontroles")
    assert controls["verandering"] == 0
    assert controls["verandering_tekst"] == "ongeveer gelijk"
    assert "154" in controls["opmerking"]
    assert _row(table, "instroom_om")["verandering_tekst"] == "ongeveer gelijk"
    # No rate ratio without counts.
    assert table.filter(pl.col("soort") == KIND_STATEMENT)["ratio"].null_count() == 4


def test_ratio_rows(table: pl.DataFrame) -> None:
    ratios = ratio_rows(table)
    assert ratios["rij"].to_list() == [
        "Signalen: 188 t.o.v. 203",
        "Strafrechtelijke onderzoeken, tekst 2022: 32 t.o.v. 54",
        "Strafrechtelijke onderzoeken, tabel 2022: 22 t.o.v. 54",
        "B8-aangiftes, tekst 2022: 14 t.o.v. 126",
        "B8-aangiftes, tabel 2022: 13 t.o.v. 126",
    ]
    assert ratios["ratio"].to_list() == pytest.approx([188 / 203, 32 / 54, 22 / 54, 14 / 126, 13 / 126])
    assert ratios["oordeel"].to_list() == ["past binnen toeval"] + ["daling groter dan toeval"] * 4
    assert ratios["ratio_tekst"][0] == "0,93 (marge 0,76–1,13)"
    assert ratios["ratio_tekst"][1] == "0,59 (marge 0,37–0,93)"


def test_answer(table: pl.DataFrame) -> None:
    assert trend_answer(table) == (
        "Sinds 2019 daalden de strafrechtelijke onderzoeken (54 → 32, in de tabel 22) en de B8-aangiftes "
        "(126 → 14, in de tabel 13) sterk; de signalen daalden licht (203 → 188, −7,4%)."
    )
    assert word_count(trend_answer(table)) == 29


def test_source_change_is_flagged(table: pl.DataFrame) -> None:
    changes = source_changes(table)
    assert len(changes) == 1
    assert changes[0].startswith("Seksadvertenties: Andere bron")


def test_prompts_for_the_unit(tidy: pl.DataFrame, table: pl.DataFrame) -> None:
    prompts = trend_prompts(tidy, table)
    assert 2 <= len(prompts) <= 4
    assert "van 203 naar 188" in prompts[0] and "van 54 naar 32 (tekst) of 22 (tabel)" in prompts[0]
    assert "0,76–1,13" in prompts[0]
    assert "van 126 naar 14 (tekst) of 13 (tabel)" in prompts[1]
    assert "bijna 30%" in prompts[2] and "andere webcrawler" in prompts[2] and "154" in prompts[2]
    assert "ongeveer 25% minder slachtoffers (71 in 2022)" in prompts[3]


def test_prompts_and_note_for_a_district(tidy: pl.DataFrame, table: pl.DataFrame) -> None:
    prompts = trend_prompts(tidy, table, "Twente")
    assert prompts[-1].startswith("In 2022 kwamen 41 van de 188 signalen uit Twente (21,8%).")
    assert district_note(tidy, "Oost-Nederland") is None
    note = district_note(tidy, "Twente")
    assert note is not None
    assert "41 van de 188 signalen en 5 van de 22 onderzoeken uit Twente" in note


def test_signed_pct() -> None:
    assert signed_pct(-0.0739) == "−7,4%"
    assert signed_pct(0.3, 0, "bijna") == "bijna +30%"
    assert signed_pct(0.0) == "0,0%"
    assert signed_pct(None) == "–"


def _context_rows() -> list[dict[str, str]]:
    """``data/context.csv`` as the file has it, read without the app's loader."""
    with CONTEXT_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _unit_total(tidy: pl.DataFrame, indicator: str) -> int | None:
    found = tidy.filter(
        pl.col("gebied") == "Oost-Nederland",
        pl.col("gebiedstype") == "totaal",
        pl.col("indicator") == indicator,
    )["waarde"]
    return None if found.is_empty() else found[0]


def test_caveats_name_what_the_context_file_says(tidy: pl.DataFrame, table: pl.DataFrame) -> None:
    """The caveat on text against table names every text figure that its table contradicts, and no other."""
    text = " ".join(trend_caveats(table))
    rows = _context_rows()
    base_years = {r["jaar"] for r in rows if r["code"].endswith("_2019")}
    assert base_years == {"2019"}
    assert "Van 2019 kent deze app alleen wat de toelichting van 2022 erover zegt" in text
    text_figures = [r for r in rows if r["code"].endswith("_tekst") and r["indicator"]]
    assert {r["jaar"] for r in text_figures} == {"2022"}
    differing, agreeing = [], []
    for r in text_figures:
        stated, counted = round(float(r["waarde"])), _unit_total(tidy, r["indicator"])
        (differing if counted is not None and stated != counted else agreeing).append((stated, counted))
    assert len(differing) == 2  # investigations and B8 declarations in the bundled 2022 text
    assert "ander getal voor 2022 noemt dan de tabel" in text
    for stated, counted in differing:
        assert f" {fmt_int(stated)} of {fmt_int(counted)}" in text
    for stated, _ in agreeing:
        assert f" {fmt_int(stated)} of " not in text
    # As the page has always said it for the bundled data.
    assert "(onderzoeken 32 of 22, B8-aangiftes 14 of 13)" in text


def test_caveats_without_a_disagreement_leave_that_caveat_out(table: pl.DataFrame) -> None:
    agreeing = table.with_columns(tekst_wijkt_af=pl.lit(False))
    caveats = trend_caveats(agreeing)
    assert len(caveats) == len(trend_caveats(table)) - 1
    assert not any("ander getal" in c for c in caveats)
