"""The published blocks rebuilt from the tidy table, the status counts, and the data-quality sentences.

Expected values are read from the published 2022 dashboard (data/dashboard/2022.txt):
TWENTE prints '?' for Hengelo and Tubbergen in every administrative row and '-' for Overig
at 'Bestuurlijke interventies anderzins'; the signals cell is empty for West Betuwe, Hof van
Twente and Barne-velde; casustafels print '17+3' for IJsselland.
"""

import polars as pl
import pytest

from analysis.blocks import (
    b8_block,
    b8_note,
    casustafel_block,
    cell_text,
    checks_view,
    comensha_block,
    comensha_breakdowns,
    comensha_note,
    data_answer,
    district_block,
    district_order,
    district_sentence,
    filter_options,
    filter_view,
    missing_overview,
    missing_title,
    outcome_options,
    population_municipalities,
    population_overview,
    population_sentence,
    published_blocks,
    quality_prompts,
    status_counts,
    tidy_view,
    unit_block,
)

ON = "Oost-Nederland"


def cell(block: pl.DataFrame, indicator: str, column: str) -> str:
    """The displayed text of one cell of a wide block."""
    return block.filter(pl.col("Indicator") == indicator)[column][0]


@pytest.mark.parametrize(
    ("value", "status", "expected"),
    [
        (29764, "gerapporteerd", "29.764"),
        (0, "gerapporteerd", "0"),
        (None, "leeg", "leeg"),
        (None, "niet_gerapporteerd", "?"),
        (None, "niet_van_toepassing", "-"),
    ],
)
def test_cell_text(value: int | None, status: str, expected: str) -> None:
    assert cell_text(value, status) == expected


def test_district_order_is_the_published_order(tidy: pl.DataFrame) -> None:
    assert district_order(tidy) == [
        "IJsselland",
        "Gelderland-Zuid",
        "Twente",
        "Noord- en Oost-Gelderland",
        "Gelderland-Midden",
    ]


def test_twente_block_reproduces_the_published_cells(tidy: pl.DataFrame) -> None:
    block = district_block(tidy, "Twente")
    assert block.columns == [
        "Indicator",
        "Enschede",
        "Almelo",
        "Hengelo",
        "Hof van Twente",
        "Tubbergen",
        "Overig",
        "Totaal",
        "Sectie",
    ]
    assert block.height == 12
    assert cell(block, "Waarschuwingen", "Hengelo") == "?"
    assert cell(block, "Waarschuwingen", "Tubbergen") == "?"
    assert cell(block, "Waarschuwingen", "Enschede") == "4"
    assert cell(block, "Waarschuwingen", "Totaal") == "4"
    assert cell(block, "Overige bestuurlijke interventies", "Overig") == "-"
    assert cell(block, "Overige bestuurlijke interventies", "Totaal") == "1"
    assert cell(block, "Signalen mensenhandel", "Hof van Twente") == "leeg"
    assert cell(block, "Signalen mensenhandel", "Totaal") == "41"
    assert cell(block, "Actieve seksadvertenties", "Enschede") == "2.035"
    assert cell(block, "Lasten onder dwangsom", "Totaal") == "15"
    assert cell(block, "Actieve seksadvertenties", "Sectie") == "Zichtbaar aanbod"


def test_empty_signal_cells_show_leeg(tidy: pl.DataFrame) -> None:
    midden = district_block(tidy, "Gelderland-Midden")
    assert midden.columns[:4] == ["Indicator", "Arnhem", "Ede", "Barneveld"]
    assert cell(midden, "Signalen mensenhandel", "Barneveld") == "leeg"
    assert cell(midden, "Signalen mensenhandel", "Arnhem") == "46"
    zuid = district_block(tidy, "Gelderland-Zuid")
    assert cell(zuid, "Signalen mensenhandel", "West Betuwe") == "leeg"


def test_ijsselland_block_uses_clean_names(tidy: pl.DataFrame) -> None:
    block = district_block(tidy, "IJsselland")
    assert block.columns[1:6] == ["Kampen", "Steenwijkerland", "Hardenberg", "Zwolle", "Deventer"]
    assert cell(block, "Actieve seksadvertenties", "Totaal") == "6.683"
    assert cell(block, "Instroom OM (vervolging)", "Kampen") == "6"


def test_unit_block_has_totals_and_awareness(tidy: pl.DataFrame) -> None:
    block = unit_block(tidy)
    assert block.height == 14
    assert cell(block, "Actieve seksadvertenties", "Totaal") == "29.764"
    assert cell(block, "Prostitutiecontroles", "Totaal") == "154"
    assert cell(block, "Strafrechtelijke onderzoeken", "Totaal") == "22"
    assert cell(block, "Bewustwordingspresentaties door het OM", "Totaal") == "10"
    assert cell(block, "Bewustwordingspresentaties door de politie", "Totaal") == "38"


def test_casustafel_block_keeps_17_plus_3(tidy: pl.DataFrame) -> None:
    block = casustafel_block(tidy)
    rows = {r["District"]: r for r in block.iter_rows(named=True)}
    assert block["District"].to_list() == [
        "IJsselland",
        "Twente",
        "Gelderland-Zuid",
        "Gelderland-Midden",
        "Noord- en Oost-Gelderland",
    ]
    ijs = rows["IJsselland"]
    assert ijs["Vergaderingen casustafel"] == "11"
    assert ijs["Casussen (casustafel of RIEC), zoals gedrukt"] == "17+3"
    assert ijs["Casussen, opgeteld"] == "20"
    assert rows["Twente"]["Casussen (casustafel of RIEC), zoals gedrukt"] == "6"
    assert rows["Noord- en Oost-Gelderland"]["Vergaderingen casustafel"] == "0"
    assert rows["Noord- en Oost-Gelderland"]["Casussen, opgeteld"] == "3"


def test_comensha_block_and_why_onbekend_is_nationality(tidy: pl.DataFrame) -> None:
    block = comensha_block(tidy)
    assert block["Totaal"].to_list() == ["71", "12", "59", "27", "9", "62", "19", "25"]
    assert cell(block, "Nationaliteit onbekend", "Hoort bij") == "nationaliteit"
    parts = {r["Uitsplitsing"]: r for r in comensha_breakdowns(tidy).iter_rows(named=True)}
    assert parts["leeftijd"]["Delen"] == "12 + 59"
    assert parts["leeftijd"]["Som van de delen"] == "71"
    assert parts["leeftijd"]["Met 'Onbekend' erbij"] == "98"
    assert parts["geslacht"]["Som van de delen"] == "71"
    assert parts["nationaliteit"]["Som van de delen"] == "44"
    assert parts["nationaliteit"]["Met 'Onbekend' erbij"] == "71"
    note = comensha_note(tidy)
    assert "nationaliteit (19 + 25 + 27)" in note
    assert "leeftijd (12 + 59) en geslacht (9 + 62)" in note
    assert note.endswith("Daarom leest de app 'Onbekend' als nationaliteit onbekend.")


def test_b8_block_sums_the_azc_locations(tidy: pl.DataFrame, checks: pl.DataFrame) -> None:
    block = b8_block(tidy)
    assert block["Aantal"].to_list() == ["13", "2", "5", "3", "1", "1", "1", "13"]
    assert block["Regel"][1:7].to_list() == [
        "AZC Almelo",
        "AZC Hardenberg",
        "AZC Harderwijk",
        "AZC Doetinchem",
        "AZC Winterswijk",
        "AZC Wageningen",
    ]
    note = b8_note(tidy, checks)
    assert "De 6 AZC-locaties tellen op tot 13, gelijk aan het totaal van 13 B8-aangiftes" in note
    assert "De toelichting noemt 14" in note


def test_published_blocks_cover_the_whole_dashboard(tidy: pl.DataFrame, checks: pl.DataFrame) -> None:
    blocks = published_blocks(tidy, checks)
    assert [b.title for b in blocks] == [
        "IJsselland",
        "Gelderland-Zuid",
        "Twente",
        "Noord- en Oost-Gelderland",
        "Gelderland-Midden",
        "Totaal eenheid",
        "Casustafels",
        "CoMensHa",
        "B8 en AZC's",
    ]
    notes = {b.title: b.note for b in blocks}
    assert "Zonder getal: 1 keer 'leeg', 12 keer '?' en 1 keer '-'." in notes["Twente"]
    assert "ondergrens" in notes["Twente"]
    assert "Elk vak heeft een getal." in notes["IJsselland"]
    assert "OM 10, politie 38" in notes["Totaal eenheid"]
    assert next(b for b in blocks if b.title == "CoMensHa").detail is not None


def test_status_counts_and_answer(tidy: pl.DataFrame, checks: pl.DataFrame) -> None:
    assert status_counts(tidy) == {
        "gerapporteerd": 373,
        "leeg": 3,
        "niet_gerapporteerd": 24,
        "niet_van_toepassing": 1,
    }
    assert data_answer(tidy, checks) == (
        "De tabel telt 401 cijfers over 2022: 373 gerapporteerd, 3 lege vakken, 24 keer '?' en "
        "1 keer '-'; 77 van 99 controles kloppen."
    )


def test_district_sentence(tidy: pl.DataFrame) -> None:
    assert district_sentence(tidy, ON) is None
    assert district_sentence(tidy, "Twente") == (
        "In Twente gaat het om 87 cijfers: 73 gerapporteerd, 1 leeg vak, 12 keer '?' en 1 keer '-'."
    )


def test_tidy_view_never_shows_missing_as_zero(tidy: pl.DataFrame) -> None:
    view = tidy_view(tidy)
    assert view.height == 401
    missing = view.filter(pl.col("status") != "gerapporteerd")
    assert set(missing["weergave"]) == {"leeg", "?", "-"}
    hengelo = view.filter(pl.col("gebied") == "Hengelo", pl.col("code") == "waarschuwingen").row(
        0, named=True
    )
    assert hengelo["weergave"] == "?"
    assert hengelo["status"] == "niet gerapporteerd"
    assert hengelo["sectie"] == "Bestuurlijke opvolging"
    assert hengelo["indicator"] == "Waarschuwingen"


def test_filters(tidy: pl.DataFrame) -> None:
    view = tidy_view(tidy)
    options = filter_options(tidy)
    assert options.districts[-1] == ON
    assert options.statuses == ["gerapporteerd", "leeg", "niet gerapporteerd", "niet van toepassing"]
    assert "Bestuurlijke opvolging" in options.sections
    assert filter_view(view).height == 401
    unknown = filter_view(view, districts=["Twente"], statuses=["niet gerapporteerd"])
    assert unknown.height == 12
    assert set(unknown["gebied"]) == {"Hengelo", "Tubbergen"}
    empty = filter_view(view, statuses=["leeg"])
    assert set(empty["gebied"]) == {"West Betuwe", "Hof van Twente", "Barneveld"}
    awareness = filter_view(view, sections=["Bewustwording"], area_types=["totaal"])
    assert awareness["weergave"].to_list() == ["10", "38"]


def test_missing_overview(tidy: pl.DataFrame) -> None:
    overview = missing_overview(tidy)
    twente = overview.filter(pl.col("district") == "Twente", pl.col("teken") == "?").row(0, named=True)
    assert twente["aantal"] == 12
    assert twente["gebieden"] == "Hengelo, Tubbergen"
    assert twente["etiket"] == "12 × ?"
    assert overview["aantal"].sum() == 28
    assert "IJsselland" not in overview["district"].to_list()
    assert missing_title(overview) == (
        "Waar de tabel geen getal heeft: de 24 keer '?' zitten in Twente en Noord- en Oost-Gelderland"
    )


def test_prompts_for_the_unit(tidy: pl.DataFrame, checks: pl.DataFrame) -> None:
    prompts = quality_prompts(tidy, checks)
    assert 2 <= len(prompts) <= 4
    text = "\n".join(prompts)
    assert "Hengelo, Tubbergen, Harderwijk en Zutphen" in text
    assert "minstens 60" in text
    assert "32 strafrechtelijke onderzoeken en 14 B8-aangiftes, de tabellen 22 en 13" in text
    assert "29.764" in text and "29.765" in text
    assert all(p.rstrip().endswith("?") for p in prompts)


def test_prompts_change_with_the_district(tidy: pl.DataFrame, checks: pl.DataFrame) -> None:
    twente = "\n".join(quality_prompts(tidy, checks, "Twente"))
    assert "Hengelo en Tubbergen" in twente
    assert "minstens 15" in twente
    assert "Hof van Twente" in twente
    assert "Overig Twente" in twente
    ijsselland = quality_prompts(tidy, checks, "IJsselland")
    assert ijsselland[0].startswith("In IJsselland gaf elke gemeente een opgave")
    assert "Harderwijk" in ijsselland[0]
    assert quality_prompts(tidy, checks, "Gelderland-Zuid") != quality_prompts(tidy, checks, "Twente")


def test_population_overview(population: pl.DataFrame) -> None:
    overview = population_overview(population, 2022)
    rows = {r["Gebied"]: r for r in overview.iter_rows(named=True)}
    unit = rows[ON]
    assert unit["Gemeenten"] == "76"
    assert unit["Inwoners 1 januari 2021"] == "3.263.136"
    assert unit["Inwoners 1 januari 2022"] == "3.282.382"
    assert unit["Aandeel van Nederland 2022"] == "18,7%"
    assert rows["Nederland"]["Inwoners 1 januari 2021"] == "17.475.415"
    assert rows["Nederland"]["Inwoners 1 januari 2022"] == "17.590.672"
    assert rows["Noord- en Oost-Gelderland"]["Gemeenten"] == "22"
    assert rows["Twente"]["Inwoners 1 januari 2022"] == "633.917"
    assert population_sentence(population, 2022) == (
        "Op 1 januari 2022 woonden in de 76 gemeenten van Oost-Nederland 3.282.382 mensen, "
        "18,7% van Nederland (17.590.672)."
    )
    municipalities = population_municipalities(population)
    assert municipalities.height == 76
    arnhem = municipalities.filter(pl.col("Gemeente") == "Arnhem").row(0, named=True)
    assert arnhem["Inwoners 1 januari 2022"] == "163.888"


def test_checks_view(checks: pl.DataFrame) -> None:
    assert outcome_options(checks) == ["wijkt af", "ondergrens", "klopt bij benadering", "klopt"]
    assert checks_view(checks).height == 99
    differs = checks_view(checks, ["wijkt af"])
    assert differs.height == 3
    ads = differs.filter(pl.col("Onderwerp").str.starts_with("Actieve seksadvertenties")).row(0, named=True)
    assert (ads["Getal A"], ads["Getal B"], ads["Verschil"]) == ("29.764", "29.765", "-1")
    approx = checks_view(checks, ["klopt bij benadering"]).row(0, named=True)
    assert (approx["Getal A"], approx["Getal B"]) == ("150", "154")
    assert checks_view(checks, ["ondergrens"]).height == 18
