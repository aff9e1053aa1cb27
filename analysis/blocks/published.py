"""The tidy table back in the published blocks, the status of every cell, and where figures are missing.

The published dashboard prints wide blocks (one column per municipality). The app keeps
one tidy row per figure; this module turns those rows back into the wide blocks for
display, with an empty cell, ``?`` and ``-`` kept visible as the text ``leeg``, ``?`` and
``-`` so that nothing missing can be read as 0. It also counts the statuses and
summarises where figures are missing. The Dutch headings and notes come from
:mod:`analysis.blocks.wording`.
"""

from dataclasses import dataclass

import polars as pl

from analysis.blocks import wording
from analysis.blocks.wording import STATUS_NAMES, STATUS_TEXT, cell_text
from analysis.checks import DIFFERS, KIND_TEXT
from analysis.dutch import fmt_int
from analysis.frames import unit_value
from analysis.geography import UNIT
from analysis.indicators import (
    BY_CODE,
    COMENSHA_BREAKDOWNS,
    COMENSHA_PRINTED,
    COMENSHA_TOTAL,
    COMENSHA_UNKNOWN,
    DISTRICT_INDICATORS,
    INDICATORS,
    comensha_part,
    label,
)
from analysis.parser import AREA_MUNICIPALITY, AREA_OTHER, AREA_TOTAL, REPORTED, STATUSES

SECTION_ORDER: tuple[str, ...] = tuple(dict.fromkeys(ind.section for ind in INDICATORS))
AREA_TYPES: tuple[str, ...] = (AREA_MUNICIPALITY, AREA_OTHER, AREA_TOTAL)

AWARENESS = ("bewustwording_om", "bewustwording_politie")
#: The CoMensHa rows in the printed order, each with the breakdown it belongs to.
#: The CoMensHa codes in printed order, each with the characteristic it belongs to.
COMENSHA_ORDER: tuple[tuple[str, str], ...] = tuple((code, comensha_part(code)) for code in COMENSHA_PRINTED)
#: The categories of each characteristic that should add up to the total without "unknown".
COMENSHA_PARTS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (name, tuple(code for code in codes if code != COMENSHA_UNKNOWN)) for name, codes in COMENSHA_BREAKDOWNS
)


def district_order(tidy: pl.DataFrame) -> list[str]:
    """The five districts in the order the dashboard prints their blocks."""
    return (
        tidy.filter(
            pl.col("gebiedstype") == AREA_TOTAL,
            pl.col("indicator") == DISTRICT_INDICATORS[0],
            pl.col("district") != UNIT,
        )["district"]
        .unique(maintain_order=True)
        .to_list()
    )


# -- the tidy table on screen ------------------------------------------------


def tidy_view(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the tidy table for display: label, section, the cell as shown, and the status by name.

    Columns: ``district, gebied, gebiedstype, sectie, indicator, code, weergave, status``.
    ``weergave`` is the Dutch number or the mark ``leeg`` / ``?`` / ``-``, so a missing
    value can never look like 0.
    """
    return tidy.select(
        "district",
        "gebied",
        "gebiedstype",
        pl.col("indicator").replace_strict({c: i.section for c, i in BY_CODE.items()}).alias("sectie"),
        pl.col("indicator").replace_strict({c: i.label for c, i in BY_CODE.items()}).alias("indicator"),
        pl.col("indicator").alias("code"),
        pl.Series(
            "weergave",
            [cell_text(v, s) for v, s in zip(tidy["waarde"], tidy["status"], strict=True)],
            dtype=pl.String,
        ),
        pl.col("status").replace_strict(STATUS_NAMES).alias("status"),
    )


@dataclass(frozen=True)
class FilterOptions:
    """The choices offered by the filters of the tidy table, in a meaningful order."""

    districts: list[str]
    area_types: list[str]
    sections: list[str]
    statuses: list[str]


def filter_options(tidy: pl.DataFrame) -> FilterOptions:
    """Return the filter choices: districts (published order, then the unit), area types, sections, statuses."""
    present = set(tidy["indicator"].unique())
    sections = [s for s in SECTION_ORDER if any(BY_CODE[c].section == s for c in present)]
    return FilterOptions(
        districts=[*district_order(tidy), UNIT],
        area_types=[t for t in AREA_TYPES if t in set(tidy["gebiedstype"].unique())],
        sections=sections,
        statuses=[STATUS_NAMES[s] for s in STATUSES],
    )


def filter_view(
    view: pl.DataFrame,
    *,
    districts: list[str] | None = None,
    area_types: list[str] | None = None,
    sections: list[str] | None = None,
    statuses: list[str] | None = None,
) -> pl.DataFrame:
    """Filter the displayed tidy table; an empty or missing choice means 'all'.

    ``statuses`` uses the Dutch names of :data:`STATUS_NAMES` (as shown in the table).
    """
    conditions = [
        pl.col(column).is_in(chosen)
        for column, chosen in (
            ("district", districts),
            ("gebiedstype", area_types),
            ("sectie", sections),
            ("status", statuses),
        )
        if chosen
    ]
    return view.filter(*conditions) if conditions else view


# -- statuses and missing cells ----------------------------------------------


def status_counts(tidy: pl.DataFrame) -> dict[str, int]:
    """Count the cells per status, in the order of the four statuses (zeros included)."""
    counts = dict(tidy.group_by("status").len().iter_rows())
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def missing_overview(tidy: pl.DataFrame) -> pl.DataFrame:
    """Where the table has no number: per district (and the unit) and status, how many cells and which areas.

    Columns: ``district, status, teken, aantal, etiket, gebieden, indicatoren`` (``etiket``
    is a chart label such as ``12 × ?``). Only combinations
    that occur are listed; districts in published order, then the unit.
    """
    order = {d: i for i, d in enumerate([*district_order(tidy), UNIT])}
    missing = tidy.filter(pl.col("status") != REPORTED)
    rows = []
    for (district, status), part in missing.group_by("district", "status", maintain_order=True):
        rows.append(
            {
                "district": district,
                "status": STATUS_NAMES[status],
                "teken": STATUS_TEXT[status],
                "aantal": part.height,
                "etiket": wording.missing_label(part.height, status),
                "gebieden": ", ".join(part["gebied"].unique(maintain_order=True).to_list()),
                "indicatoren": ", ".join(label(c) for c in part["indicator"].unique(maintain_order=True)),
            }
        )
    schema = {
        "district": pl.String,
        "status": pl.String,
        "teken": pl.String,
        "aantal": pl.Int64,
        "etiket": pl.String,
        "gebieden": pl.String,
        "indicatoren": pl.String,
    }
    frame = pl.DataFrame(rows, schema=schema)
    status_rank = {STATUS_NAMES[s]: i for i, s in enumerate(STATUSES)}
    return frame.sort(
        pl.col("district").replace_strict(order, default=len(order)),
        pl.col("status").replace_strict(status_rank),
    )


# -- the published blocks ----------------------------------------------------


@dataclass(frozen=True)
class PublishedBlock:
    """One block of the published dashboard, wide as printed, with a note in the app's words."""

    title: str
    table: pl.DataFrame
    note: str
    detail: pl.DataFrame | None = None


def _cell_map(rows: pl.DataFrame) -> dict[tuple[str, str], str]:
    """Each cell as shown, by area and indicator."""
    return {
        (r["gebied"], r["indicator"]): cell_text(r["waarde"], r["status"]) for r in rows.iter_rows(named=True)
    }


def district_block(tidy: pl.DataFrame, district: str) -> pl.DataFrame:
    """Return a district block as printed: one row per indicator, one column per municipality, Overig, Totaal.

    Cells are text: the Dutch number, or ``leeg`` / ``?`` / ``-``. The section comes last.
    """
    rows = tidy.filter(pl.col("district") == district, pl.col("indicator").is_in(DISTRICT_INDICATORS))
    areas = rows.select("gebied", "gebiedstype").unique(maintain_order=True)
    headings = {AREA_OTHER: wording.OTHER, AREA_TOTAL: wording.TOTAL}
    columns = {r["gebied"]: headings.get(r["gebiedstype"], r["gebied"]) for r in areas.iter_rows(named=True)}
    cells = _cell_map(rows)
    data: dict[str, list[str]] = {wording.INDICATOR: [label(c) for c in DISTRICT_INDICATORS]}
    for area, column in columns.items():
        data[column] = [cells.get((area, c), "") for c in DISTRICT_INDICATORS]
    data[wording.SECTION] = [BY_CODE[c].section for c in DISTRICT_INDICATORS]
    return pl.DataFrame(data)


def unit_block(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the block 'Totaal eenheid ONL': every unit total, including the awareness presentations."""
    codes = (*DISTRICT_INDICATORS, *AWARENESS)
    cells = _cell_map(tidy.filter(pl.col("district") == UNIT, pl.col("indicator").is_in(codes)))
    return pl.DataFrame(
        {
            wording.INDICATOR: [label(c) for c in codes],
            wording.TOTAL: [cells.get((UNIT, c), "") for c in codes],
            wording.SECTION: [BY_CODE[c].section for c in codes],
        }
    )


def casustafel_block(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the casustafel block: meetings and cases per district, with a split cell such as ``17+3`` kept."""
    rows = tidy.filter(pl.col("indicator").str.starts_with("casustafel_"))
    cells = _cell_map(rows)
    districts = rows["district"].unique(maintain_order=True).to_list()
    printed, total = [], []
    for d in districts:
        first, second = cells.get((d, "casustafel_casus_mh")), cells.get((d, "casustafel_casus_riec"))
        whole = cells.get((d, "casustafel_casus"), "")
        printed.append(f"{first}+{second}" if first is not None and second is not None else whole)
        total.append(whole)
    return pl.DataFrame(
        {
            wording.DISTRICT: districts,
            wording.CASUSTAFEL_MEETINGS: [cells.get((d, "casustafel_vergaderingen"), "") for d in districts],
            wording.CASUSTAFEL_PRINTED: printed,
            wording.CASUSTAFEL_SUMMED: total,
        }
    )


def comensha_block(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the CoMensHa block in the printed order, with the breakdown each row belongs to."""
    present = [(c, part) for c, part in COMENSHA_ORDER if unit_value(tidy, c) is not None]
    cells = _cell_map(tidy.filter(pl.col("district") == UNIT))
    return pl.DataFrame(
        {
            wording.INDICATOR: [label(c) for c, _ in present],
            wording.TOTAL: [cells[(UNIT, c)] for c, _ in present],
            wording.BELONGS_TO: [part for _, part in present],
        }
    )


def _breakdowns(tidy: pl.DataFrame) -> list[tuple[str, list[int | None], int]]:
    """Each CoMensHa breakdown whose parts are all reported: its name, parts and their sum."""
    found = []
    for name, parts in COMENSHA_PARTS:
        values = [unit_value(tidy, c) for c in parts]
        if any(v is None for v in values):
            continue
        found.append((name, values, sum(v for v in values if v is not None)))
    return found


def comensha_breakdowns(tidy: pl.DataFrame) -> pl.DataFrame:
    """Show why 'Onbekend' belongs to nationality: each breakdown's sum with and without it.

    Columns: ``Uitsplitsing, Delen, Som van de delen, Met 'Onbekend' erbij, Totaal``.
    Only the breakdown whose sum reaches the total with 'Onbekend' added takes it.
    """
    total = unit_value(tidy, COMENSHA_TOTAL)
    unknown = unit_value(tidy, COMENSHA_UNKNOWN)
    rows = []
    if total is not None and unknown is not None:
        rows = [
            wording.breakdown_row(name, values, summed, unknown, total)
            for name, values, summed in _breakdowns(tidy)
        ]
    return pl.DataFrame(rows, schema=dict.fromkeys(wording.BREAKDOWN_COLUMNS, pl.String))


def comensha_note(tidy: pl.DataFrame) -> str:
    """Explain, from the figures, why 'Onbekend' is read as 'nationality unknown'."""
    total = unit_value(tidy, COMENSHA_TOTAL)
    unknown = unit_value(tidy, COMENSHA_UNKNOWN)
    if total is None or unknown is None:
        return wording.comensha_no_unknown()
    breakdowns = _breakdowns(tidy)
    complete = [(name, values) for name, values, summed in breakdowns if summed == total]
    needs_unknown = [
        (name, values) for name, values, summed in breakdowns if summed != total and summed + unknown == total
    ]
    if len(needs_unknown) != 1:
        return wording.comensha_ambiguous(unknown)
    return wording.comensha_explained(complete, needs_unknown[0], unknown, total)


def b8_block(tidy: pl.DataFrame) -> pl.DataFrame:
    """Return the B8 declarations of the unit and their spread over the AZC locations, with the sum."""
    azc = tidy.filter(pl.col("indicator") == "b8_azc")
    total = unit_value(tidy, "b8_aangiftes")
    areas = [wording.B8_TOTAL_ROW] + [wording.azc_row(g) for g in azc["gebied"]]
    districts = [UNIT, *azc["district"].to_list()]
    values = [cell_text(total, REPORTED) if total is not None else ""] + [
        cell_text(v, s) for v, s in zip(azc["waarde"], azc["status"], strict=True)
    ]
    areas.append(wording.B8_SUM_ROW)
    districts.append(UNIT)
    values.append(fmt_int(int(azc["waarde"].sum())) if not azc.is_empty() else "")
    return pl.DataFrame(dict(zip(wording.B8_COLUMNS, (areas, districts, values), strict=True)))


def b8_note(tidy: pl.DataFrame, checks: pl.DataFrame) -> str:
    """Say whether the AZC locations add up to the B8 total, and what the text says."""
    azc = tidy.filter(pl.col("indicator") == "b8_azc")
    total = unit_value(tidy, "b8_aangiftes")
    if total is None:
        return wording.b8_missing()
    summed = int(azc["waarde"].sum()) if not azc.is_empty() else 0
    text = checks.filter(pl.col("soort") == KIND_TEXT, pl.col("indicator") == "b8_aangiftes")
    differs = not text.is_empty() and text["uitkomst"][0] == DIFFERS
    return wording.b8_text(azc.height, summed, total, text["waarde_a"][0] if differs else None)


def published_blocks(tidy: pl.DataFrame, checks: pl.DataFrame) -> list[PublishedBlock]:
    """Every block of the published dashboard, as a wide table with a short note."""
    blocks = []
    for district in district_order(tidy):
        marks = status_counts(
            tidy.filter(pl.col("district") == district, pl.col("indicator").is_in(DISTRICT_INDICATORS))
        )
        blocks.append(
            PublishedBlock(
                district, district_block(tidy, district), wording.district_block_note(district, marks)
            )
        )
    awareness = tidy.filter(pl.col("district") == UNIT, pl.col("indicator").is_in(AWARENESS))
    blocks.append(
        PublishedBlock(
            wording.UNIT_BLOCK,
            unit_block(tidy),
            wording.unit_block_note(list(awareness.iter_rows(named=True))),
        )
    )
    blocks.append(PublishedBlock(wording.CASUSTAFEL_BLOCK, casustafel_block(tidy), wording.CASUSTAFEL_NOTE))
    blocks.append(
        PublishedBlock(
            wording.COMENSHA_BLOCK,
            comensha_block(tidy),
            comensha_note(tidy),
            detail=comensha_breakdowns(tidy),
        )
    )
    blocks.append(PublishedBlock(wording.B8_BLOCK, b8_block(tidy), b8_note(tidy, checks)))
    return blocks
