"""Download payloads: the tidy CSV round-trips (nulls and statuses included) and the workbook opens."""

import io
import re
import zipfile

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from analysis import indicator_table
from analysis.export import (
    SHEETS,
    checks_csv,
    excel_workbook,
    export_table,
    file_name,
    population_csv,
    read_tidy_csv,
    readme_table,
    tidy_csv,
)


@pytest.fixture(scope="module")
def workbook(tidy: pl.DataFrame, checks: pl.DataFrame, population: pl.DataFrame) -> bytes:
    """The Excel workbook of 2022, built once."""
    return excel_workbook(tidy, checks, indicator_table(), population)


def test_file_names() -> None:
    assert file_name(2022, "tidy", "csv") == "ketendialoog_2022_tidy.csv"
    assert file_name(2022, None, "xlsx") == "ketendialoog_2022.xlsx"


def test_tidy_csv_round_trip(tidy: pl.DataFrame) -> None:
    payload = tidy_csv(tidy)
    payload.decode("utf-8")  # valid UTF-8
    assert payload.splitlines()[0] == b"jaar,district,gebied,gebiedstype,indicator,waarde,status,label,sectie"
    back = read_tidy_csv(payload)
    assert_frame_equal(back, tidy)
    # The nulls stay nulls, and each keeps its reason.
    missing = back.filter(pl.col("waarde").is_null())
    assert missing.height == 28
    assert dict(missing.group_by("status").len().iter_rows()) == {
        "leeg": 3,
        "niet_gerapporteerd": 24,
        "niet_van_toepassing": 1,
    }


def test_tidy_csv_reads_with_plain_polars(tidy: pl.DataFrame) -> None:
    back = pl.read_csv(io.BytesIO(tidy_csv(tidy)))
    assert back.height == 401
    assert back.schema["waarde"] == pl.Int64
    hengelo = back.filter(pl.col("gebied") == "Hengelo", pl.col("indicator") == "waarschuwingen").row(
        0, named=True
    )
    assert hengelo["waarde"] is None
    assert hengelo["status"] == "niet_gerapporteerd"
    assert hengelo["label"] == "Waarschuwingen"
    ads = back.filter(pl.col("gebied") == "Oost-Nederland", pl.col("indicator") == "seksadvertenties")
    assert ads["waarde"][0] == 29764
    boetes = back.filter(pl.col("gebied") == "Oost-Nederland", pl.col("indicator") == "bestuurlijke_boetes")
    assert boetes["waarde"][0] == 0
    assert boetes["status"][0] == "gerapporteerd"


def test_export_table_adds_label_and_section(tidy: pl.DataFrame) -> None:
    table = export_table(tidy)
    assert table.columns[-2:] == ["label", "sectie"]
    barneveld = table.filter(pl.col("gebied") == "Barneveld", pl.col("indicator") == "signalen").row(
        0, named=True
    )
    assert barneveld["status"] == "leeg"
    assert barneveld["waarde"] is None
    assert barneveld["sectie"] == "Opsporing en vervolging"


def test_checks_and_population_csv(checks: pl.DataFrame, population: pl.DataFrame) -> None:
    back = pl.read_csv(io.BytesIO(checks_csv(checks)))
    assert back.height == 99
    assert back.filter(pl.col("uitkomst") == "wijkt af").height == 3
    pop = pl.read_csv(io.BytesIO(population_csv(population)))
    assert pop.height == 76
    assert pop.columns == [
        "gemeentecode",
        "gemeente",
        "provincie",
        "district",
        "inwoners_2021",
        "inwoners_2022",
    ]
    assert pop["inwoners_2022"].sum() == 3_282_382


def test_readme_explains_statuses_and_sources(
    tidy: pl.DataFrame, checks: pl.DataFrame, population: pl.DataFrame
) -> None:
    readme = readme_table(tidy, checks, population)
    text = "\n".join(readme["onderwerp"].to_list() + readme["uitleg"].to_list())
    for status in ("gerapporteerd", "leeg", "niet_gerapporteerd", "niet_van_toepassing"):
        assert f"Status '{status}'" in text
    assert "De tabel telt 401 cijfers over 2022" in text
    assert "CBS StatLine 37259" in text
    assert "CC BY 4.0" in text
    assert "17.590.672" in text
    assert "nooit 0" in text
    assert "Dashboard mensenhandel Oost-Nederland 2022 (politie" in text


def test_readme_names_the_dashboard_of_the_exported_year(
    tidy: pl.DataFrame, checks: pl.DataFrame, population: pl.DataFrame
) -> None:
    later = tidy.with_columns(pl.lit(2023).alias("jaar"))
    text = "\n".join(readme_table(later, checks, population)["uitleg"].to_list())
    assert "Dashboard mensenhandel Oost-Nederland 2023 (politie" in text
    assert "Oost-Nederland 2022" not in text


def _sheet_names(payload: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        workbook_xml = archive.read("xl/workbook.xml").decode("utf-8")
    return re.findall(r'<sheet name="([^"]+)"', workbook_xml)


def test_workbook_structure(workbook: bytes) -> None:
    assert workbook[:2] == b"PK"
    assert _sheet_names(workbook) == list(SHEETS)
    assert SHEETS == ("Lees mij", "Data", "Controles", "Indicatoren", "Inwoners")
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        assert archive.testzip() is None
        readme_sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
        data_sheet = archive.read("xl/worksheets/sheet2.xml").decode("utf-8")
        strings = archive.read("xl/sharedStrings.xml").decode("utf-8")
    assert data_sheet.count("<row ") == 402  # header + 401 figures
    assert "niet_gerapporteerd" in strings
    assert readme_sheet.count("<row ") > 10
    assert "CBS StatLine 37259" in strings


def test_workbook_reads_back(workbook: bytes, tidy: pl.DataFrame) -> None:
    data = pl.read_excel(io.BytesIO(workbook), sheet_name="Data")
    assert data.height == tidy.height
    assert data.filter(pl.col("status") == "niet_gerapporteerd").height == 24
    readme = pl.read_excel(io.BytesIO(workbook), sheet_name="Lees mij")
    assert "Samenvatting" in readme["onderwerp"].to_list()
