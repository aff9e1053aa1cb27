"""Consistency checks as data: what was compared, both numbers, and the difference.

A published total that differs from the sum of its parts is reported, never fixed.
"""

from pathlib import Path

import polars as pl

from analysis.dutch import fmt_int
from analysis.frames import unit_value
from analysis.geography import UNIT
from analysis.indicators import COMENSHA_BREAKDOWNS, COMENSHA_TOTAL, DISTRICT_INDICATORS, label
from analysis.parser import AREA_MUNICIPALITY, AREA_OTHER, AREA_TOTAL, NOT_REPORTED
from analysis.paths import CONTEXT_CSV

OK = "klopt"
DIFFERS = "wijkt af"
APPROXIMATELY = "klopt bij benadering"
LOWER_BOUND = "ondergrens"

KIND_DISTRICT_SUM = "som gemeenten = districtstotaal"
KIND_UNIT_SUM = "som districten = eenheidstotaal"
KIND_BREAKDOWN = "uitsplitsing = totaal"
KIND_TEXT = "tekst = tabel"
KIND_LOWER_BOUND = "totaal met '?'"

CHECK_SCHEMA = {
    "soort": pl.String,
    "jaar": pl.Int64,
    "onderwerp": pl.String,
    "indicator": pl.String,
    "gebied": pl.String,
    "omschrijving_a": pl.String,
    "waarde_a": pl.Int64,
    "omschrijving_b": pl.String,
    "waarde_b": pl.Int64,
    "verschil": pl.Int64,
    "uitkomst": pl.String,
    "toelichting": pl.String,
}

#: Breakdowns of the unit-level blocks that must add up to their total.
BREAKDOWNS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (f"CoMensHa naar {name}", COMENSHA_TOTAL, codes) for name, codes in COMENSHA_BREAKDOWNS
)

_APPROXIMATE_TOLERANCE = 0.10


def load_context(path: Path = CONTEXT_CSV) -> pl.DataFrame:
    """Return the figures that the dashboard's text states but its tables do not.

    Columns: ``code, omschrijving, jaar, waarde, eenheid, benadering, ondergrens,
    bovengrens, indicator, bron, vindplaats``. ``benadering`` is ``exact``,
    ``ongeveer``, ``meer_dan`` or ``bijna``.
    """
    return pl.read_csv(
        path,
        schema_overrides={
            "waarde": pl.Float64,
            "ondergrens": pl.Float64,
            "bovengrens": pl.Float64,
            "indicator": pl.String,
        },
    )


def context_value(context: pl.DataFrame, code: str) -> float:
    """Return the value of one context figure by its code."""
    row = context.filter(pl.col("code") == code)
    if row.is_empty():
        raise KeyError(code)
    return float(row["waarde"][0])


def _row(
    kind: str,
    year: int,
    subject: str,
    indicator: str,
    area: str,
    a: tuple[str, int | None],
    b: tuple[str, int | None],
    outcome: str,
    note: str = "",
) -> dict:
    diff = None if a[1] is None or b[1] is None else a[1] - b[1]
    return {
        "soort": kind,
        "jaar": year,
        "onderwerp": subject,
        "indicator": indicator,
        "gebied": area,
        "omschrijving_a": a[0],
        "waarde_a": a[1],
        "omschrijving_b": b[0],
        "waarde_b": b[1],
        "verschil": diff,
        "uitkomst": outcome,
        "toelichting": note,
    }


def _sum_checks(tidy: pl.DataFrame, year: int) -> list[dict]:
    rows: list[dict] = []
    main = tidy.filter(pl.col("indicator").is_in(DISTRICT_INDICATORS))
    parts = main.filter(pl.col("gebiedstype").is_in([AREA_MUNICIPALITY, AREA_OTHER]))
    district_totals = main.filter(pl.col("gebiedstype") == AREA_TOTAL, pl.col("district") != UNIT)
    unit_totals = main.filter(pl.col("district") == UNIT)
    part_sums = parts.group_by("district", "indicator").agg(
        pl.col("waarde").sum().alias("som"),
        pl.col("gebied").filter(pl.col("status") == NOT_REPORTED).alias("onbekend"),
    )
    unknown_districts: dict[str, list[str]] = {}
    for total in district_totals.join(part_sums, on=["district", "indicator"], how="left").iter_rows(
        named=True
    ):
        subject = f"{label(total['indicator'])}, {total['district']}"
        printed, summed = total["waarde"], total["som"]
        outcome = OK if printed == summed else DIFFERS
        rows.append(
            _row(
                KIND_DISTRICT_SUM,
                year,
                subject,
                total["indicator"],
                total["district"],
                ("gepubliceerd districtstotaal", printed),
                ("som van gemeenten en Overig", summed),
                outcome,
            )
        )
        if total["onbekend"]:
            unknown_districts.setdefault(total["indicator"], []).append(total["district"])
            names = " en ".join(total["onbekend"])
            verb = "gaven" if len(total["onbekend"]) > 1 else "gaf"
            rows.append(
                _row(
                    KIND_LOWER_BOUND,
                    year,
                    subject,
                    total["indicator"],
                    total["district"],
                    ("gepubliceerd districtstotaal", printed),
                    ("som van wat wel is gerapporteerd", summed),
                    LOWER_BOUND,
                    f"{names} {verb} geen opgave (?); het totaal is daarom een ondergrens.",
                )
            )
    district_sums = district_totals.group_by("indicator").agg(pl.col("waarde").sum().alias("som"))
    for total in unit_totals.join(district_sums, on="indicator", how="left").iter_rows(named=True):
        subject = f"{label(total['indicator'])}, {UNIT}"
        printed, summed = total["waarde"], total["som"]
        outcome = OK if printed == summed else DIFFERS
        note = ""
        if outcome == DIFFERS:
            note = (
                f"Het gepubliceerde totaal is {fmt_int(printed)}, de districten tellen op tot "
                f"{fmt_int(summed)}; de app toont beide."
            )
        rows.append(
            _row(
                KIND_UNIT_SUM,
                year,
                subject,
                total["indicator"],
                UNIT,
                ("gepubliceerd eenheidstotaal", printed),
                ("som van de vijf districten", summed),
                outcome,
                note,
            )
        )
        if total["indicator"] in unknown_districts:
            rows.append(
                _row(
                    KIND_LOWER_BOUND,
                    year,
                    subject,
                    total["indicator"],
                    UNIT,
                    ("gepubliceerd eenheidstotaal", printed),
                    ("som van de vijf districten", summed),
                    LOWER_BOUND,
                    "Telt districtstotalen op waarin een '?' zit ("
                    + " en ".join(unknown_districts[total["indicator"]])
                    + "): een ondergrens.",
                )
            )
    return rows


def _breakdown_checks(tidy: pl.DataFrame, year: int) -> list[dict]:
    rows: list[dict] = []
    for subject, total_code, part_codes in BREAKDOWNS:
        total = unit_value(tidy, total_code)
        values = [unit_value(tidy, c) for c in part_codes]
        if total is None or any(v is None for v in values):
            continue
        summed = sum(v for v in values if v is not None)
        names = " + ".join(label(c).lower() for c in part_codes)
        rows.append(
            _row(
                KIND_BREAKDOWN,
                year,
                subject,
                total_code,
                UNIT,
                ("gepubliceerd totaal", total),
                (f"som: {names}", summed),
                OK if total == summed else DIFFERS,
            )
        )
    b8 = unit_value(tidy, "b8_aangiftes")
    azc = tidy.filter(pl.col("indicator") == "b8_azc")
    if b8 is not None and not azc.is_empty():
        summed = int(azc["waarde"].sum())
        rows.append(
            _row(
                KIND_BREAKDOWN,
                year,
                "B8-aangiftes naar AZC-locatie",
                "b8_aangiftes",
                UNIT,
                ("B8-aangiftes eenheid", b8),
                ("som over de AZC-locaties", summed),
                OK if b8 == summed else DIFFERS,
            )
        )
    return rows


def _text_checks(tidy: pl.DataFrame, context: pl.DataFrame, year: int) -> list[dict]:
    rows: list[dict] = []
    stated = context.filter(pl.col("jaar") == year, pl.col("indicator").is_not_null())
    for fact in stated.iter_rows(named=True):
        table = unit_value(tidy, fact["indicator"])
        text = round(fact["waarde"])
        if table is None:
            continue
        if table == text:
            outcome = OK
        elif fact["benadering"] != "exact" and abs(table - text) <= _APPROXIMATE_TOLERANCE * text:
            outcome = APPROXIMATELY
        else:
            outcome = DIFFERS
        note = ""
        if outcome == DIFFERS:
            note = f"De tekst noemt {fmt_int(text)}, de tabel {fmt_int(table)}; de app toont beide."
        rows.append(
            _row(
                KIND_TEXT,
                year,
                f"{label(fact['indicator'])}, {UNIT}",
                fact["indicator"],
                UNIT,
                (f"tekst ({fact['vindplaats']})", text),
                ("tabel, eenheidstotaal", table),
                outcome,
                note,
            )
        )
    return rows


def consistency_checks(tidy: pl.DataFrame, context: pl.DataFrame) -> pl.DataFrame:
    """Run every consistency check on the tidy table of one year.

    Compares printed totals with the sum of their parts (municipalities to district,
    districts to unit), breakdowns with their totals, and the figures the text
    states with the table. Totals that include a ``?`` are flagged as lower bounds.
    Rows that do not hold come first.
    """
    year = int(tidy["jaar"][0])
    rows = _sum_checks(tidy, year) + _breakdown_checks(tidy, year) + _text_checks(tidy, context, year)
    order = {DIFFERS: 0, LOWER_BOUND: 1, APPROXIMATELY: 2, OK: 3}
    frame = pl.DataFrame(rows, schema=CHECK_SCHEMA)
    return (
        frame.with_columns(pl.col("uitkomst").replace_strict(order, return_dtype=pl.Int8).alias("_o"))
        .sort("_o", maintain_order=True)
        .drop("_o")
    )


def findings(checks: pl.DataFrame) -> pl.DataFrame:
    """Return only the checks that do not simply hold: differences and lower bounds."""
    return checks.filter(pl.col("uitkomst") != OK)
