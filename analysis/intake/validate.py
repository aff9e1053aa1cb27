"""Validating one year: errors block it, warnings do not.

:func:`validate` parses the layout text and returns an :class:`IntakeResult`: the tidy
table or ``None``, *errors* (everything the parser cannot read with certainty, plus a
year that already exists or is not plausible) and *warnings* (consistency checks that
do not hold, totals that are lower bounds, changed municipalities). Warnings do not
block: the published figures are what they are. :func:`check_upload` reads an upload
and validates it in one go.
"""

import re
from datetime import date
from typing import Any

import polars as pl

from analysis.checks import (
    DIFFERS,
    KIND_BREAKDOWN,
    KIND_DISTRICT_SUM,
    KIND_TEXT,
    KIND_UNIT_SUM,
    LOWER_BOUND,
    consistency_checks,
    load_context,
)
from analysis.geography import Gazetteer, default_gazetteer
from analysis.indicators import label
from analysis.intake import wording
from analysis.intake.compare import area_changes, same_as_loaded
from analysis.intake.findings import (
    MISSING_BLOCK,
    SKIPPED_SHEET,
    Finding,
    FindingCode,
    IntakeError,
    IntakeResult,
    Upload,
    UploadKind,
)
from analysis.intake.locate import (
    AZC_KEYS,
    B8_KEY,
    CASUSTAFEL_KEY,
    COMENSHA_KEY,
    UNIT_KEY_PREFIX,
    layout_finding,
    located,
    total_cells,
)
from analysis.intake.upload import file_name, load_upload
from analysis.intake.xlsx import column_letter
from analysis.names import name_key
from analysis.parser import EMPTY, parse_layout_all, split_blocks
from analysis.template import block_of
from analysis.trends import BASE_YEAR

#: The first dashboard covered this year; no earlier year is plausible.
FIRST_YEAR = BASE_YEAR
#: What the year field on the page accepts; years outside FIRST_YEAR get a finding, not a blocked field.
YEAR_FIELD_RANGE: tuple[int, int] = (1900, 2099)

_YEAR_IN_NAME = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")

#: The finding for each kind of consistency check that does not hold.
_DIFFERS_CODES = {
    KIND_DISTRICT_SUM: FindingCode.TOTAL_DIFFERS,
    KIND_UNIT_SUM: FindingCode.TOTAL_DIFFERS,
    KIND_BREAKDOWN: FindingCode.BREAKDOWN_DIFFERS,
    KIND_TEXT: FindingCode.TEXT_DIFFERS,
}

_EMPTY_CONTEXT_SCHEMA = {
    "code": pl.String,
    "omschrijving": pl.String,
    "jaar": pl.Int64,
    "waarde": pl.Float64,
    "eenheid": pl.String,
    "benadering": pl.String,
    "ondergrens": pl.Float64,
    "bovengrens": pl.Float64,
    "indicator": pl.String,
    "bron": pl.String,
    "vindplaats": pl.String,
}

#: One row of :func:`analysis.checks.consistency_checks`.
CheckRow = dict[str, Any]


def year_from_name(name: str) -> int | None:
    """Return the year in a file name (``dashboard_2023.xlsx`` -> 2023), or None if there is none or several."""
    found = set(_YEAR_IN_NAME.findall(file_name(name).name))
    return int(found.pop()) if len(found) == 1 else None


def _year_findings(year: int, existing_years: list[int], today: date) -> tuple[list[Finding], list[Finding]]:
    """Errors and warnings about the year itself: implausible, already there, or years skipped."""
    errors: list[Finding] = []
    warnings: list[Finding] = []
    last = today.year - 1
    if not FIRST_YEAR <= year <= last:
        errors.append(Finding(FindingCode.YEAR_IMPLAUSIBLE, wording.year_implausible(year, FIRST_YEAR, last)))
    existing = sorted(set(existing_years))
    if year in existing:
        errors.append(Finding(FindingCode.YEAR_EXISTS, wording.year_exists(year, existing)))
    elif existing and FIRST_YEAR <= year <= last and year > existing[-1] + 1:
        warnings.append(Finding(FindingCode.YEAR_SKIPPED, wording.years_skipped(existing[-1], year)))
    return errors, warnings


def _usable_context(context: pl.DataFrame | None) -> pl.DataFrame:
    """The context figures to check against; an empty or column-less frame means: none."""
    if context is None:
        return load_context()
    if context.is_empty() or not set(_EMPTY_CONTEXT_SCHEMA) <= set(context.columns):
        return pl.DataFrame(schema=_EMPTY_CONTEXT_SCHEMA)
    return context


def _check_finding(row: CheckRow, labels: list[str]) -> tuple[FindingCode, str] | None:
    """The code and Dutch message of a consistency check that does not hold, or None.

    ``labels`` names the indicators a lower bound concerns (default: the row's own).
    """
    if row["uitkomst"] == LOWER_BOUND:
        message = wording.lower_bound(row["gebied"], row["toelichting"], labels or [label(row["indicator"])])
        return FindingCode.TOTAL_LOWER_BOUND, message
    code = _DIFFERS_CODES.get(row["soort"])
    if row["uitkomst"] != DIFFERS or code is None:
        return None
    message = wording.check_differs(
        row["soort"],
        row["onderwerp"],
        row["waarde_a"],
        row["waarde_b"],
        row["verschil"],
        row["omschrijving_b"],
    )
    return code, message


def _grouped_lower_bounds(checks: pl.DataFrame) -> list[tuple[CheckRow, list[str]]]:
    """One lower-bound row per area and reason, with the labels of every indicator it concerns.

    A municipality without a report ('?') usually lacks all its administrative
    figures; one warning per district says so instead of one per indicator.
    """
    bounds = checks.filter(pl.col("uitkomst") == LOWER_BOUND)
    grouped: dict[tuple[str, str], list[CheckRow]] = {}
    for row in bounds.iter_rows(named=True):
        grouped.setdefault((row["gebied"], row["toelichting"]), []).append(row)
    return [(members[0], [label(r["indicator"]) for r in members]) for members in grouped.values()]


def _check_warnings(
    tidy: pl.DataFrame, context: pl.DataFrame, text: str, gazetteer: Gazetteer, upload: Upload | None
) -> list[Finding]:
    """The consistency checks that do not hold, located at the total they concern."""
    checks = consistency_checks(tidy, context)
    cells = total_cells(text, gazetteer)
    warnings: list[Finding] = []
    rows: list[tuple[CheckRow, list[str]]] = [
        (r, []) for r in checks.iter_rows(named=True) if r["uitkomst"] != LOWER_BOUND
    ]
    for row, labels in rows + _grouped_lower_bounds(checks):
        found = _check_finding(row, labels)
        if found is None:
            continue
        code, message = found
        where = cells.get((row["gebied"], row["indicator"]))
        if where is None:
            warnings.append(Finding(code, message))
            continue
        block, line, column, column_name = where
        warnings.append(
            located(
                code, message, block=block, line=line, column=column, column_name=column_name, upload=upload
            )
        )
    return warnings


def _empty_blocks(tidy: pl.DataFrame) -> list[str]:
    """The blocks in which every cell is empty."""
    names = [block_of(d, i) for d, i in zip(tidy["district"], tidy["indicator"], strict=True)]
    frame = tidy.with_columns(pl.Series("_block", names, dtype=pl.String))
    empty = frame.group_by("_block", maintain_order=True).agg((pl.col("status") == EMPTY).all().alias("leeg"))
    return list(empty.filter(pl.col("leeg"))["_block"].to_list())


def _is_block_name(name: str, gazetteer: Gazetteer) -> bool:
    """True when ``name`` is the name a block starts with: a district or one of the unit's blocks."""
    key = name_key(name)
    if key.startswith(UNIT_KEY_PREFIX) or key in (COMENSHA_KEY, B8_KEY, CASUSTAFEL_KEY, *AZC_KEYS):
        return True
    return gazetteer.district(name).name is not None


def _shifted_blocks(text: str, gazetteer: Gazetteer, upload: Upload | None) -> list[Finding]:
    """Blocks whose name stands after one or more empty cells: pasted a column (or more) too far right."""
    findings: list[Finding] = []
    for block in split_blocks(text.lstrip("\ufeff")):
        cells = [c.strip() for c in block.header.cells]
        lead = next((i for i, c in enumerate(cells) if c), 0)
        if lead == 0 or not _is_block_name(cells[lead], gazetteer):
            continue
        message = wording.block_shifted(cells[lead], lead, column_letter(lead))
        findings.append(
            located(
                FindingCode.BLOCK_SHIFTED,
                message,
                block=cells[lead],
                line=block.header.number,
                column=lead + 1,
                column_name=None,
                upload=upload,
            )
        )
    return findings


def validate(
    text: str,
    year: int,
    existing_years: list[int],
    *,
    upload: Upload | None = None,
    previous: pl.DataFrame | None = None,
    loaded: dict[int, pl.DataFrame] | None = None,
    gazetteer: Gazetteer | None = None,
    context: pl.DataFrame | None = None,
    today: date | None = None,
) -> IntakeResult:
    """Validate the layout text of one year: errors block the year, warnings do not.

    Errors: every problem the parser finds (all of them, not only the first), a year
    already in ``existing_years``, an implausible year, and an upload without a single
    figure. Warnings: consistency checks that do not hold and totals that are lower
    bounds (the published figures are taken as they are), blocks without figures, and,
    with ``previous`` (the tidy table of an earlier year), municipalities that a
    district names differently; a year whose tables are exactly those of ``previous`` or
    of one of the ``loaded`` years ({year: tidy table}) gets a warning too. A block pasted a
    column too far to the right is named as such. ``upload`` (from :func:`load_upload`) makes locations
    refer to the sheet and cell of a workbook, and adds its own findings. ``context``
    holds the figures the dashboard's text states (default: the bundled ones; an empty
    frame means none). Never raises for any text.
    """
    gazetteer = gazetteer or default_gazetteer()
    today = today or date.today()
    errors, warnings = _year_findings(year, existing_years, today)
    if upload is not None:
        errors = list(upload.errors) + errors
        warnings = list(upload.warnings) + warnings
    tidy, layout_errors = parse_layout_all(text, year, gazetteer)
    if upload is not None and any(e.code in SKIPPED_SHEET for e in upload.errors):
        # The sheet was left out because of that error; do not report its block as missing too.
        layout_errors = [e for e in layout_errors if e.code not in MISSING_BLOCK]
    shifted = _shifted_blocks(text, gazetteer, upload)
    if shifted:
        # The parser reads a shifted block's empty first cell as a block without a name.
        starts = {f.line for f in shifted}
        layout_errors = [e for e in layout_errors if not (e.line in starts and not (e.block or "").strip())]
    errors += shifted + [layout_finding(e, upload) for e in layout_errors]
    if tidy is None:
        return IntakeResult(year, None, errors, warnings)
    if tidy.filter(pl.col("status") != EMPTY).is_empty():
        errors.append(Finding(FindingCode.NO_FIGURES, wording.NO_FIGURES))
    else:
        in_workbook = upload is not None and upload.kind == UploadKind.EXCEL
        for block in _empty_blocks(tidy):
            warnings.append(
                Finding(
                    FindingCode.BLOCK_WITHOUT_FIGURES,
                    wording.block_without_figures(block),
                    block=block,
                    sheet=block if in_workbook else None,
                )
            )
        if upload is None or not upload.errors:
            # Checks on figures that the upload could not take over as they are would mislead.
            warnings += _check_warnings(tidy, _usable_context(context), text, gazetteer, upload)
    if previous is not None and not previous.is_empty():
        warnings += area_changes(tidy, previous)
    earlier = dict(loaded or {})
    if previous is not None and not previous.is_empty() and previous["jaar"].n_unique() == 1:
        earlier.setdefault(int(previous["jaar"][0]), previous)
    warnings = same_as_loaded(tidy, year, earlier) + warnings
    if errors:
        return IntakeResult(year, None, errors, warnings)
    return IntakeResult(year, tidy, errors, warnings)


def check_upload(
    name: str,
    content: bytes,
    year: int,
    existing_years: list[int],
    *,
    previous: pl.DataFrame | None = None,
    loaded: dict[int, pl.DataFrame] | None = None,
    gazetteer: Gazetteer | None = None,
    context: pl.DataFrame | None = None,
    today: date | None = None,
) -> IntakeResult:
    """Read and validate an upload in one go; never raises for any file content.

    The keyword arguments are those of :func:`validate`.
    """
    try:
        upload = load_upload(name, content)
    except IntakeError as error:
        year_errors, year_warnings = _year_findings(year, existing_years, today or date.today())
        return IntakeResult(year, None, error.findings + year_errors, year_warnings)
    return validate(
        upload.text,
        year,
        existing_years,
        upload=upload,
        previous=previous,
        loaded=loaded,
        gazetteer=gazetteer,
        context=context,
        today=today,
    )
