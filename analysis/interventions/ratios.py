"""The counts behind 'does a report lead to an intervention?': per area, per district and per selection.

Every number the page shows is computed here; the words come from
:mod:`analysis.interventions.wording`. Missing is not zero: a municipality with ``?`` in its
interventions is left out of every sum and named; ``-`` adds nothing but is no 0.
"""

from dataclasses import dataclass

import polars as pl

from analysis.geography import UNIT
from analysis.indicators import CARE, INTERVENTIONS
from analysis.interventions.wording import (
    OUTCOME_BOTH,
    OUTCOME_NEITHER,
    OUTCOME_NO_INTERVENTION,
    OUTCOME_NOT_REPORTED,
    OUTCOME_WITHOUT_REPORT,
    TYPE_LABELS,
    at_least,
    composition_text,
    type_word,
)
from analysis.parser import (
    AREA_MUNICIPALITY,
    AREA_OTHER,
    AREA_TOTAL,
    NOT_APPLICABLE,
    NOT_REPORTED,
    REPORTED,
    STATUS_MARK,
)
from analysis.ratios import Ratio, chain_ratio

REPORTS = "bestuurlijke_rapportages"
SIGNALS = "signalen"
#: The chain ratio this page is about (see ``analysis.ratios.RATIOS``).
RATIO_KEY = "interventies_per_rapportage"
#: Every type the tables carry, care trajectories last.
ALL_TYPES: tuple[str, ...] = (*INTERVENTIONS, CARE)

AREA_SCHEMA = {
    "district": pl.String,
    "gebied": pl.String,
    "gebiedstype": pl.String,
    "signalen": pl.Int64,
    "rapportages": pl.Int64,
    **{code: pl.Int64 for code in ALL_TYPES},
    "interventies": pl.Int64,
    "status": pl.String,
    "niet_van_toepassing": pl.String,
    "uitkomst": pl.String,
    "samenstelling": pl.String,
}

MIX_SCHEMA = {
    "district": pl.String,
    "soort": pl.String,
    "label": pl.String,
    "volgorde": pl.Int64,
    "aantal": pl.Int64,
    "totaal": pl.Int64,
    "rapportages": pl.Int64,
    "weggelaten": pl.String,
}

RATIOS_SCHEMA = {
    "gebied": pl.String,
    "interventies": pl.Int64,
    "rapportages": pl.Int64,
    "per_rapportage": pl.Float64,
    "ondergrens": pl.Float64,
    "bovengrens": pl.Float64,
    "weggelaten": pl.String,
}


def intervention_codes(include_care: bool) -> tuple[str, ...]:
    """The indicator codes counted as an intervention, with care trajectories when asked for."""
    return ALL_TYPES if include_care else INTERVENTIONS


def _scope(district: str) -> str | None:
    """The ``district`` argument of :func:`chain_ratio`: None for the unit."""
    return None if district == UNIT else district


def _outcome(reports: int | None, interventions: int | None, status: str) -> str:
    """Which of the five outcomes an area's counts show (see ``OUTCOME_*``)."""
    if status == NOT_REPORTED:
        return OUTCOME_NOT_REPORTED
    reports = reports or 0
    interventions = interventions or 0
    if reports > 0 and interventions == 0:
        return OUTCOME_NO_INTERVENTION
    if reports == 0 and interventions > 0:
        return OUTCOME_WITHOUT_REPORT
    if reports > 0:
        return OUTCOME_BOTH
    return OUTCOME_NEITHER


def area_table(tidy: pl.DataFrame, *, district: str = UNIT, include_care: bool = False) -> pl.DataFrame:
    """Reports against interventions for every municipality and ``Overig`` area.

    ``tidy`` is the table of one year; ``district`` limits it to one district.
    Columns: ``district, gebied, gebiedstype, signalen, rapportages``, one column per
    type (``waarschuwingen`` … ``zorgtrajecten``; null where the cell is ``?``, ``-``
    or empty), ``interventies`` (the sum of the counted types; null when the area gave
    no figures), ``status`` (``gerapporteerd`` or ``niet_gerapporteerd``),
    ``niet_van_toepassing`` (types marked ``-``), ``uitkomst`` and ``samenstelling``.
    """
    codes = intervention_codes(include_care)
    parts = tidy.filter(
        pl.col("gebiedstype").is_in([AREA_MUNICIPALITY, AREA_OTHER]),
        pl.col("indicator").is_in([SIGNALS, REPORTS, *ALL_TYPES]),
    )
    if district != UNIT:
        parts = parts.filter(pl.col("district") == district)
    rows = []
    for (dist, area, area_type), group in parts.group_by(
        "district", "gebied", "gebiedstype", maintain_order=True
    ):
        cells = {r["indicator"]: (r["waarde"], r["status"]) for r in group.iter_rows(named=True)}
        counts = {code: cells.get(code, (None, NOT_REPORTED))[0] for code in ALL_TYPES}
        unknown = any(cells.get(code, (None, NOT_REPORTED))[1] == NOT_REPORTED for code in codes)
        status = NOT_REPORTED if unknown else REPORTED
        interventions = None if unknown else sum(counts[c] or 0 for c in codes)
        reports = cells.get(REPORTS, (None, NOT_REPORTED))[0]
        not_applicable = [type_word(c) for c in ALL_TYPES if cells.get(c, (None, ""))[1] == NOT_APPLICABLE]
        rows.append(
            {
                "district": dist,
                "gebied": area,
                "gebiedstype": area_type,
                "signalen": cells.get(SIGNALS, (None, ""))[0],
                "rapportages": reports,
                **counts,
                "interventies": interventions,
                "status": status,
                "niet_van_toepassing": ", ".join(not_applicable),
                "uitkomst": _outcome(reports, interventions, status),
                "samenstelling": STATUS_MARK[NOT_REPORTED] if unknown else composition_text(counts, codes),
            }
        )
    return pl.DataFrame(rows, schema=AREA_SCHEMA)


def district_mix(tidy: pl.DataFrame, *, include_care: bool = False) -> pl.DataFrame:
    """The mix of intervention types per district, summed over the areas that gave figures.

    Long format, one row per district and counted type: ``district, soort, label,
    volgorde, aantal, totaal, rapportages, weggelaten``. ``totaal`` is the district's
    sum of counted types and ``rapportages`` its reports, both without the areas in
    ``weggelaten`` (municipalities with ``?``), so ``totaal`` is a lower bound there.
    """
    codes = intervention_codes(include_care)
    table = area_table(tidy, include_care=include_care)
    rows = []
    for (dist,), group in table.group_by("district", maintain_order=True):
        known = group.filter(pl.col("status") == REPORTED)
        left_out = ", ".join(group.filter(pl.col("status") == NOT_REPORTED)["gebied"].to_list())
        total = int(known["interventies"].sum())
        reports = int(known["rapportages"].fill_null(0).sum())
        for order, code in enumerate(codes):
            rows.append(
                {
                    "district": dist,
                    "soort": code,
                    "label": TYPE_LABELS[code],
                    "volgorde": order,
                    "aantal": int(known[code].fill_null(0).sum()),
                    "totaal": total,
                    "rapportages": reports,
                    "weggelaten": left_out,
                }
            )
    return pl.DataFrame(rows, schema=MIX_SCHEMA)


def district_ratios(tidy: pl.DataFrame, *, include_care: bool = False) -> pl.DataFrame:
    """Interventions per report for every district and the unit, with exact (Garwood) intervals.

    Columns: ``gebied, interventies, rapportages, per_rapportage, ondergrens, bovengrens,
    weggelaten``; areas with ``?`` are left out of both counts and listed.
    """
    districts = tidy.filter(pl.col("gebiedstype") == AREA_TOTAL)["district"].unique(maintain_order=True)
    rows = []
    for area in districts:
        ratio = chain_ratio(tidy, RATIO_KEY, district=_scope(area), include_care=include_care)
        if ratio.denominator == 0 and area == UNIT:
            continue
        rows.append(
            {
                "gebied": area,
                "interventies": ratio.numerator,
                "rapportages": ratio.denominator,
                "per_rapportage": ratio.value,
                "ondergrens": ratio.lower,
                "bovengrens": ratio.upper,
                "weggelaten": ", ".join(ratio.left_out),
            }
        )
    return pl.DataFrame(rows, schema=RATIOS_SCHEMA)


@dataclass(frozen=True)
class InterventionSummary:
    """The answer to 'does a report lead to an intervention?' for one selection.

    ``ratio`` counts interventions per report without the areas that gave no figures
    (``left_out``). ``interventions_known`` is the sum over the areas that did report;
    with ``lower_bound`` set, the true total is at least that. ``reports_total`` is
    the reports of every area, including those left out.
    """

    area: str
    include_care: bool
    ratio: Ratio
    interventions_known: int
    lower_bound: bool
    reports_total: int
    left_out: tuple[str, ...]
    no_intervention: pl.DataFrame
    not_reported: pl.DataFrame
    without_report: pl.DataFrame
    not_applicable: pl.DataFrame

    def total_text(self) -> str:
        """The total of counted interventions, with 'minstens' when it is a lower bound."""
        return at_least(self.interventions_known, self.lower_bound)


def intervention_summary(
    tidy: pl.DataFrame, district: str = UNIT, *, include_care: bool = False
) -> InterventionSummary:
    """Summarise reports and interventions for the unit or one district (see :class:`InterventionSummary`)."""
    table = area_table(tidy, district=district, include_care=include_care)
    ratio = chain_ratio(tidy, RATIO_KEY, district=_scope(district), include_care=include_care)
    known = table.filter(pl.col("status") == REPORTED)
    missing = table.filter(pl.col("status") == NOT_REPORTED)
    by_reports = [pl.col("rapportages").fill_null(0), pl.col("gebied")]
    return InterventionSummary(
        area=district,
        include_care=include_care,
        ratio=ratio,
        interventions_known=int(known["interventies"].sum()),
        lower_bound=not missing.is_empty(),
        reports_total=int(table["rapportages"].fill_null(0).sum()),
        left_out=tuple(missing["gebied"].to_list()),
        no_intervention=table.filter(pl.col("uitkomst") == OUTCOME_NO_INTERVENTION).sort(
            by_reports, descending=[True, False]
        ),
        not_reported=missing.sort(by_reports, descending=[True, False]),
        without_report=table.filter(pl.col("uitkomst") == OUTCOME_WITHOUT_REPORT).sort(
            pl.col("interventies"), descending=True
        ),
        not_applicable=table.filter(pl.col("niet_van_toepassing") != ""),
    )


def care_shift(tidy: pl.DataFrame, district: str = UNIT) -> tuple[Ratio, Ratio]:
    """Interventions per report for the selection without and with care trajectories counted."""
    scope = _scope(district)
    return (
        chain_ratio(tidy, RATIO_KEY, district=scope, include_care=False),
        chain_ratio(tidy, RATIO_KEY, district=scope, include_care=True),
    )
