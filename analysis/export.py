"""Download payloads of the data page, built as bytes: tidy CSV, checks CSV, population CSV, Excel workbook.

Every file keeps the ``status`` column next to ``waarde``, so that an empty cell, ``?``
and ``-`` stay distinguishable from 0 after download (``waarde`` is empty for all three).
Pure Python: no Streamlit.
"""

import io

import polars as pl
import xlsxwriter

from analysis.blocks import STATUS_LEGEND, data_answer, population_sentence
from analysis.dutch import fmt_int
from analysis.geography import NETHERLANDS_POPULATION, POPULATION_SOURCE
from analysis.indicators import BY_CODE, source_dashboard

#: Sheet names of the workbook, in order.
SHEET_README = "Lees mij"
SHEET_DATA = "Data"
SHEET_CHECKS = "Controles"
SHEET_INDICATORS = "Indicatoren"
SHEET_POPULATION = "Inwoners"
SHEETS: tuple[str, ...] = (SHEET_README, SHEET_DATA, SHEET_CHECKS, SHEET_INDICATORS, SHEET_POPULATION)

TIDY_COLUMNS: tuple[str, ...] = ("jaar", "district", "gebied", "gebiedstype", "indicator", "waarde", "status")


def file_name(year: int, kind: str | None, extension: str) -> str:
    """Return a download file name such as ``ketendialoog_2022_tidy.csv`` (``kind=None``: no suffix)."""
    suffix = f"_{kind}" if kind else ""
    return f"ketendialoog_{year}{suffix}.{extension}"


def export_table(tidy: pl.DataFrame) -> pl.DataFrame:
    """The tidy table as it is downloaded: the seven tidy columns, then the indicator's label and section."""
    return tidy.select(
        *TIDY_COLUMNS,
        pl.col("indicator").replace_strict({c: i.label for c, i in BY_CODE.items()}).alias("label"),
        pl.col("indicator").replace_strict({c: i.section for c, i in BY_CODE.items()}).alias("sectie"),
    )


def _csv(frame: pl.DataFrame) -> bytes:
    """Write a frame as UTF-8 CSV (comma separated, no BOM); a null is an empty field."""
    return frame.write_csv().encode("utf-8")


def tidy_csv(tidy: pl.DataFrame) -> bytes:
    """The tidy table as UTF-8 CSV, with ``status`` so that a missing value never reads as 0."""
    return _csv(export_table(tidy))


def read_tidy_csv(payload: bytes) -> pl.DataFrame:
    """Read a downloaded tidy CSV back into the tidy table (the seven tidy columns, tidy types)."""
    frame = pl.read_csv(
        io.BytesIO(payload),
        schema_overrides={"jaar": pl.Int64, "waarde": pl.Int64, "gebied": pl.String, "status": pl.String},
    )
    return frame.select(TIDY_COLUMNS)


def checks_csv(checks: pl.DataFrame) -> bytes:
    """Every consistency check as UTF-8 CSV."""
    return _csv(checks)


def population_csv(population: pl.DataFrame) -> bytes:
    """The municipalities of the unit with CBS inhabitants as UTF-8 CSV."""
    return _csv(population)


def readme_table(tidy: pl.DataFrame, checks: pl.DataFrame, population: pl.DataFrame) -> pl.DataFrame:
    """The 'Lees mij' sheet: what the workbook holds, what each status means, and the sources (Dutch)."""
    year = int(tidy["jaar"][0])
    national = ", ".join(f"1 januari {y}: {fmt_int(n)}" for y, n in sorted(NETHERLANDS_POPULATION.items()))
    rows: list[tuple[str, str]] = [
        (
            "Wat is dit",
            f"De cijfers van het Dashboard mensenhandel Oost-Nederland {year}, omgezet in één nette tabel "
            "(één rij per cijfer) door de app Ketendialoog, met de controles, de definities en de inwoners.",
        ),
        ("Samenvatting", data_answer(tidy, checks)),
        (
            f"Tabblad {SHEET_DATA}",
            "Eén rij per cijfer: jaar, district, gebied (gemeente, 'Overig <district>', district of "
            "Oost-Nederland), gebiedstype, indicator (code), waarde, status, label en sectie.",
        ),
        (
            "Kolom waarde",
            "Het aantal. Leeg wanneer de status niet 'gerapporteerd' is: kijk dan naar de status. Een lege "
            "waarde is nooit 0.",
        ),
        *[(f"Status '{e.status}' ({e.mark})", e.meaning) for e in STATUS_LEGEND],
        (
            f"Tabblad {SHEET_CHECKS}",
            "Elke controle op samenhang: gedrukte totalen naast de som van hun delen, uitsplitsingen naast "
            "hun totaal en getallen uit de toelichting naast de tabel. Uitkomst 'klopt', 'wijkt af', "
            "'klopt bij benadering' of 'ondergrens' (een totaal waarin een '?' zit). Verschillen zijn niet "
            "verbeterd.",
        ),
        (f"Tabblad {SHEET_INDICATORS}", "Elke indicator met label, sectie, eenheid, definitie en bron."),
        (
            f"Tabblad {SHEET_POPULATION}",
            "De 76 gemeenten van politie-eenheid Oost-Nederland met district, provincie en inwoners op 1 januari. "
            + population_sentence(population, year),
        ),
        (
            "Bron cijfers",
            f"{source_dashboard(year)} (politie, Openbaar Ministerie, RIEC en gemeenten, onder regie van het "
            "Veiligheidsnetwerk Oost-Nederland). Cijfers overgenomen uit de gepubliceerde tabellen.",
        ),
        ("Bron inwoners", f"{POPULATION_SOURCE}. Nederland: {national}."),
        (
            "Bron getallen uit de tekst",
            "De getallen waarmee de controles 'tekst = tabel' vergelijken staan in de toelichting van het "
            "dashboard.",
        ),
    ]
    return pl.DataFrame(rows, schema={"onderwerp": pl.String, "uitleg": pl.String}, orient="row")


def excel_workbook(
    tidy: pl.DataFrame,
    checks: pl.DataFrame,
    indicators: pl.DataFrame,
    population: pl.DataFrame,
) -> bytes:
    """Build the Excel workbook: 'Lees mij', data, checks, indicators and population, one sheet each."""
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as workbook:
        readme = readme_table(tidy, checks, population)
        readme.write_excel(
            workbook=workbook,
            worksheet=SHEET_README,
            column_widths={"onderwerp": 180, "uitleg": 900},
            table_style="Table Style Light 1",
            column_formats={"uitleg": {"text_wrap": True, "valign": "top"}},
            header_format={"bold": True},
        )
        sheets = (
            (SHEET_DATA, export_table(tidy)),
            (SHEET_CHECKS, checks),
            (SHEET_INDICATORS, indicators),
            (SHEET_POPULATION, population),
        )
        for name, frame in sheets:
            frame.write_excel(
                workbook=workbook,
                worksheet=name,
                autofit=True,
                freeze_panes=(1, 0),
                header_format={"bold": True},
                table_style="Table Style Light 1",
            )
    return buffer.getvalue()
