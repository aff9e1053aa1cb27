"""The intake template and the writers back from a tidy table (analysis.template).

Expected cells are the published 2022 figures, typed over from the dashboard (see
tests/analysis/test_dataset.py), not computed with the code under test.
"""

import io
import zipfile

import fastexcel
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from analysis import default_gazetteer, parse_layout
from analysis.template import (
    BLOCK_SHEETS,
    INSTRUCTION_SHEET,
    blocks_from_tidy,
    instructions,
    layout_from_tidy,
    template_workbook,
    workbook_from_tidy,
)


def sheets(content: bytes) -> dict[str, list[list[str | None]]]:
    """Every sheet as rows of cell texts (None for an empty cell), positions as in the sheet."""
    reader = fastexcel.read_excel(content)
    out = {}
    for name in reader.sheet_names:
        sheet = reader.load_sheet(name, header_row=None, skip_rows=0, dtypes="string")
        assert [c.absolute_index for c in sheet.available_columns()] == list(range(sheet.width))
        out[name] = [list(row) for row in sheet.to_polars().iter_rows()]
    return out


@pytest.fixture(scope="module")
def template() -> dict[str, list[list[str | None]]]:
    return sheets(template_workbook())


@pytest.fixture(scope="module")
def filled(tidy: pl.DataFrame) -> dict[str, list[list[str | None]]]:
    return sheets(workbook_from_tidy(tidy))


def test_sheets_in_order(template: dict) -> None:
    assert list(template) == [
        INSTRUCTION_SHEET,
        "IJSSELLAND",
        "GLD-ZUID",
        "TWENTE",
        "NOG",
        "GLD-MIDDEN",
        "TOTAAL EENHEID ONL",
        "CASUSTAFELS",
        "COMENSHA",
        "B8 aangiftes",
        "AZC's",
    ]
    assert tuple(template)[1:] == BLOCK_SHEETS


def test_instruction_sheet_explains_in_dutch(template: dict) -> None:
    text = " ".join(cell for row in template[INSTRUCTION_SHEET] for cell in row if cell)
    for fragment in (
        "Eén blok per tabblad",
        "Hernoem, verwijder of verplaats geen tabbladen",
        "cel A1",
        "Leeg is dus niet hetzelfde als 0",
        "De gemeente heeft geen opgave gedaan (niet gerapporteerd)",
        "Niet van toepassing.",
        "Plakken speciaal > Waarden",
        "Voeg geen cellen samen",
        "17+3",
        "dashboard 2022",
        "python -m analysis validate bestand.xlsx --jaar 2023",
    ):
        assert fragment in text, fragment
    topics = [row[0] for row in template[INSTRUCTION_SHEET][1:]]
    assert topics == [topic for topic, _ in instructions(2022)]


def test_district_sheet_layout(template: dict) -> None:
    rows = template["IJSSELLAND"]
    assert rows[0] == [
        "IJSSELLAND",
        "Kampen",
        "Steenwijkerland",
        "Hardenberg",
        "Zwolle",
        "Deventer",
        "Overig",
        "Totaal",
    ]
    assert [row[0] for row in rows[1:]] == [
        "Zichtbaar aanbod seksuele dienstverlening",
        "Actieve seksadvertenties",
        "Prostitutiecontroles",
        "Bestuurlijke rapportages politie/OM",
        "Opsporing en vervolging",
        "Signalen mensenhandel",
        "Strafrechtelijke onderzoeken",
        "Instroom OM (vervolging)",
        "Bestuurlijke opvolging",
        "Waarschuwingen",
        "Bestuurlijke boetes",
        "Lasten onder dwangsom",
        "Sluitingen van panden (bestuursdwang)",
        "Overige bestuurlijke interventies",
        "Uitgezette zorgtrajecten",
    ]
    # every figure cell is empty in the template
    assert all(cell is None for row in rows[1:] for cell in row[1:])
    assert template["GLD-ZUID"][0] == ["GLD-ZUID", "Nijmegen", "Tiel", "West Betuwe", "Overig", "Totaal"]
    assert template["TWENTE"][0][1:6] == ["Enschede", "Almelo", "Hengelo", "Hof van Twente", "Tubbergen"]
    assert template["NOG"][0] == [
        "NOG",
        "Apeldoorn",
        "Doetinchem",
        "Harderwijk",
        "Zutphen",
        "Overig",
        "Totaal",
    ]
    assert template["GLD-MIDDEN"][0] == ["GLD-MIDDEN", "Arnhem", "Ede", "Barneveld", "Overig", "Totaal"]


def test_unit_blocks_layout(template: dict) -> None:
    unit = template["TOTAAL EENHEID ONL"]
    assert unit[0] == ["TOTAAL EENHEID ONL", "Totaal"]
    assert [row[0] for row in unit[-3:]] == [
        "Bewustwordingspresentaties",
        "Bewustwordingspresentaties door het OM",
        "Bewustwordingspresentaties door de politie",
    ]
    assert template["CASUSTAFELS"] == [
        ["CASUSTAFELS", "Aantal vergaderingen (Casustafel MH)", "Aantal casus (Casustafel of RIEC)"],
        ["IJsselland", None, None],
        ["Twente", None, None],
        ["Gelderland-Zuid", None, None],
        ["Gelderland-Midden", None, None],
        ["Noord- en Oost-Gelderland", None, None],
    ]
    assert [row[0] for row in template["COMENSHA"]] == [
        "COMENSHA",
        "Gemelde (unieke) slachtoffers bij CoMensHa",
        "Minderjarig",
        "Meerderjarig",
        "Nationaliteit onbekend",
        "Man",
        "Vrouw",
        "Nederlandse nationaliteit",
        "Andere nationaliteit",
    ]
    assert template["B8 aangiftes"] == [["B8 aangiftes", "Totaal"], ["B8-aangiftes", None]]
    assert template["AZC's"] == [
        ["AZC's", "Totaal"],
        ["Almelo", None],
        ["Hardenberg", None],
        ["Harderwijk", None],
        ["Doetinchem", None],
        ["Winterswijk", None],
        ["Wageningen", None],
    ]


def test_filled_workbook_holds_the_published_figures(filled: dict) -> None:
    ijs = filled["IJSSELLAND"]
    assert ijs[2] == ["Actieve seksadvertenties", "391", "440", "480", "3013", "1579", "780", "6683"]
    assert ijs[1] == ["Zichtbaar aanbod seksuele dienstverlening"] + [None] * 7
    # Hengelo and Tubbergen did not report (?), Overig Twente is not applicable (-)
    twente = {row[0]: row for row in filled["TWENTE"]}
    assert twente["Overige bestuurlijke interventies"] == [
        "Overige bestuurlijke interventies",
        "1",
        "0",
        "?",
        "0",
        "?",
        "-",
        "1",
    ]
    # an empty cell stays empty (West Betuwe: no signal attributable)
    assert {row[0]: row for row in filled["GLD-ZUID"]}["Signalen mensenhandel"] == [
        "Signalen mensenhandel",
        "8",
        "2",
        None,
        "8",
        "18",
    ]
    assert filled["TOTAAL EENHEID ONL"][2] == ["Actieve seksadvertenties", "29764"]
    assert filled["CASUSTAFELS"][1] == ["IJsselland", "11", "17+3"]
    assert filled["B8 aangiftes"][1] == ["B8-aangiftes", "13"]


def test_figure_cells_carry_a_dutch_data_validation() -> None:
    archive = zipfile.ZipFile(io.BytesIO(template_workbook()))
    sheet = archive.read("xl/worksheets/sheet2.xml").decode()  # IJSSELLAND
    assert sheet.count("<dataValidation ") == 12 * 7
    assert 'errorTitle="Geen geldig aantal"' in sheet
    assert "Typ een heel getal (0 of meer)" in sheet
    casustafels = archive.read("xl/worksheets/sheet8.xml").decode()
    # the 'Aantal casus' column allows '17+3', so only the meetings are validated
    assert casustafels.count("<dataValidation ") == 5


def test_layout_text_round_trip(tidy: pl.DataFrame) -> None:
    text = layout_from_tidy(tidy)
    assert (
        text.splitlines()[0]
        == "IJSSELLAND\tKampen\tSteenwijkerland\tHardenberg\tZwolle\tDeventer\tOverig\tTotaal"
    )
    assert "TOTAAL EENHEID ONL\tTotaal\n" in text
    assert "\nActieve seksadvertenties\t29764\n" in text
    assert "\nIJsselland\t11\t17+3\n" in text
    assert_frame_equal(parse_layout(text, 2022, default_gazetteer()), tidy)


def test_blocks_follow_the_order_of_the_tidy_table(tidy: pl.DataFrame) -> None:
    names = [b.name for b in blocks_from_tidy(tidy)]
    assert tuple(names) == BLOCK_SHEETS
    reordered = pl.concat(
        [tidy.filter(pl.col("indicator") == "b8_azc"), tidy.filter(pl.col("indicator") != "b8_azc")]
    )
    assert blocks_from_tidy(reordered)[0].name == "AZC's"


def test_several_years_are_refused(tidy: pl.DataFrame) -> None:
    with pytest.raises(ValueError, match="single year"):
        blocks_from_tidy(pl.concat([tidy, tidy.with_columns(jaar=pl.lit(2023, dtype=pl.Int64))]))
