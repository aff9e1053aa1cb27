"""Does an administrative report lead to an intervention? Reports against interventions per area.

The police and the OM write administrative reports (``bestuurlijke_rapportages``) to a
municipality; the municipality reports which interventions it made (warnings, fines,
orders subject to penalty, closures, other measures) and which care trajectories it
started. The dashboard does not link one report to one intervention: both are counts
per municipality and year, so this module compares counts, never cases.

Missing is not zero: a municipality with ``?`` in its interventions gave no figures and
is left out of every sum and named; ``-`` (not applicable) adds nothing but is no 0.
"""

from dataclasses import dataclass

import polars as pl

from analysis.dataset import Tables
from analysis.dutch import count_noun, fmt_dec, fmt_int
from analysis.geography import UNIT
from analysis.indicators import CARE, INTERVENTIONS
from analysis.parser import (
    AREA_MUNICIPALITY,
    AREA_OTHER,
    NOT_APPLICABLE,
    NOT_REPORTED,
    REPORTED,
)
from analysis.ratios import Ratio, chain_ratio

INTERVENTION_SOURCE = (
    "Dashboard mensenhandel Oost-Nederland; rapportages: politie en OM; "
    "interventies en zorgtrajecten: gemeenten (eigen opgave)"
)

REPORTS = "bestuurlijke_rapportages"
SIGNALS = "signalen"

#: Short Dutch names of the intervention types, for legends and table headers.
TYPE_LABELS: dict[str, str] = {
    "waarschuwingen": "Waarschuwingen",
    "bestuurlijke_boetes": "Bestuurlijke boetes",
    "dwangsommen": "Lasten onder dwangsom",
    "sluitingen": "Sluitingen",
    "interventies_overig": "Overige interventies",
    CARE: "Zorgtrajecten",
}

#: Singular and plural nouns of each type, for generated sentences.
TYPE_NOUNS: dict[str, tuple[str, str]] = {
    "waarschuwingen": ("waarschuwing", "waarschuwingen"),
    "bestuurlijke_boetes": ("bestuurlijke boete", "bestuurlijke boetes"),
    "dwangsommen": ("last onder dwangsom", "lasten onder dwangsom"),
    "sluitingen": ("sluiting", "sluitingen"),
    "interventies_overig": ("overige interventie", "overige interventies"),
    CARE: ("zorgtraject", "zorgtrajecten"),
}

#: What an area's figures say about the question, in Dutch.
OUTCOME_NO_INTERVENTION = "rapportage, geen interventie"
OUTCOME_NOT_REPORTED = "geen opgave (?)"
OUTCOME_WITHOUT_REPORT = "interventie zonder rapportage"
OUTCOME_BOTH = "rapportage en interventie"
OUTCOME_NEITHER = "geen rapportage, geen interventie"

AREA_SCHEMA = {
    "district": pl.String,
    "gebied": pl.String,
    "gebiedstype": pl.String,
    "signalen": pl.Int64,
    "rapportages": pl.Int64,
    **{code: pl.Int64 for code in (*INTERVENTIONS, CARE)},
    "interventies": pl.Int64,
    "status": pl.String,
    "niet_van_toepassing": pl.String,
    "uitkomst": pl.String,
    "samenstelling": pl.String,
}


def intervention_codes(include_care: bool) -> tuple[str, ...]:
    """The indicator codes counted as an intervention, with care trajectories when asked for."""
    return (*INTERVENTIONS, CARE) if include_care else INTERVENTIONS


def intervention_noun(include_care: bool) -> str:
    """How the counted interventions are named in a sentence."""
    return "interventies (zorgtrajecten meegeteld)" if include_care else "interventies"


def composition_text(counts: dict[str, int | None], codes: tuple[str, ...]) -> str:
    """The mix of an area's interventions in words: ``1 waarschuwing, 3 lasten onder dwangsom``.

    Types with 0 or a missing count are left out; an empty mix reads ``geen``.
    """
    parts = []
    for code in codes:
        value = counts.get(code)
        if value:
            singular, plural = TYPE_NOUNS[code]
            parts.append(count_noun(value, singular, plural))
    return ", ".join(parts) if parts else "geen"


def _outcome(reports: int | None, interventions: int | None, status: str) -> str:
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
    all_types = (*INTERVENTIONS, CARE)
    parts = tidy.filter(
        pl.col("gebiedstype").is_in([AREA_MUNICIPALITY, AREA_OTHER]),
        pl.col("indicator").is_in([SIGNALS, REPORTS, *all_types]),
    )
    if district != UNIT:
        parts = parts.filter(pl.col("district") == district)
    rows = []
    for (dist, area, area_type), group in parts.group_by(
        "district", "gebied", "gebiedstype", maintain_order=True
    ):
        cells = {r["indicator"]: (r["waarde"], r["status"]) for r in group.iter_rows(named=True)}
        counts = {code: cells.get(code, (None, NOT_REPORTED))[0] for code in all_types}
        unknown = any(cells.get(code, (None, NOT_REPORTED))[1] == NOT_REPORTED for code in codes)
        status = NOT_REPORTED if unknown else REPORTED
        interventions = None if unknown else sum(counts[c] or 0 for c in codes)
        reports = cells.get(REPORTS, (None, NOT_REPORTED))[0]
        not_applicable = [
            TYPE_LABELS[c].lower() for c in all_types if cells.get(c, (None, ""))[1] == NOT_APPLICABLE
        ]
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
                "samenstelling": "?" if unknown else composition_text(counts, codes),
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
    return pl.DataFrame(
        rows,
        schema={
            "district": pl.String,
            "soort": pl.String,
            "label": pl.String,
            "volgorde": pl.Int64,
            "aantal": pl.Int64,
            "totaal": pl.Int64,
            "rapportages": pl.Int64,
            "weggelaten": pl.String,
        },
    )


def district_ratios(tidy: pl.DataFrame, *, include_care: bool = False) -> pl.DataFrame:
    """Interventions per report for every district and the unit, with exact (Garwood) intervals.

    Columns: ``gebied, interventies, rapportages, per_rapportage, ondergrens, bovengrens,
    weggelaten``; areas with ``?`` are left out of both counts and listed.
    """
    districts = [
        d for d in tidy.filter(pl.col("gebiedstype") == "totaal")["district"].unique(maintain_order=True)
    ]
    rows = []
    for area in districts:
        ratio = chain_ratio(
            tidy,
            "interventies_per_rapportage",
            district=None if area == UNIT else area,
            include_care=include_care,
        )
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
    return pl.DataFrame(
        rows,
        schema={
            "gebied": pl.String,
            "interventies": pl.Int64,
            "rapportages": pl.Int64,
            "per_rapportage": pl.Float64,
            "ondergrens": pl.Float64,
            "bovengrens": pl.Float64,
            "weggelaten": pl.String,
        },
    )


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
        return ("minstens " if self.lower_bound else "") + fmt_int(self.interventions_known)


def intervention_summary(
    tidy: pl.DataFrame, district: str = UNIT, *, include_care: bool = False
) -> InterventionSummary:
    """Summarise reports and interventions for the unit or one district (see :class:`InterventionSummary`)."""
    table = area_table(tidy, district=district, include_care=include_care)
    ratio = chain_ratio(
        tidy,
        "interventies_per_rapportage",
        district=None if district == UNIT else district,
        include_care=include_care,
    )
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


def _names(names: list[str]) -> str:
    """Join names the Dutch way: ``A``, ``A en B``, ``A, B en C``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def _gave(count: int) -> str:
    return "gaf" if count == 1 else "gaven"


def _where(district: str) -> str:
    return "Oost-Nederland" if district == UNIT else f"district {district}"


def intervention_answer(summary: InterventionSummary) -> str:
    """One sentence that answers the page's question for the selection, from the data."""
    ratio = summary.ratio
    noun = intervention_noun(summary.include_care)
    if ratio.value is None:
        head = (
            f"In {_where(summary.area)} staan {fmt_int(ratio.numerator)} {noun} bij 0 rapportages "
            "(zonder de gemeenten die geen opgave deden)"
        )
    else:
        head = (
            f"In {_where(summary.area)} registreerden gemeenten {fmt_int(ratio.numerator)} {noun} op "
            f"{fmt_int(ratio.denominator)} bestuurlijke rapportages ({ratio.value_text()} per rapportage; "
            f"marge {ratio.interval_text()})"
        )
    silent = summary.no_intervention["gebied"].to_list()
    if silent:
        verb = "kreeg" if len(silent) == 1 else "kregen"
        middle = f", maar {_names(silent)} {verb} een rapportage en registreerde{'' if len(silent) == 1 else 'n'} geen enkele interventie"
    else:
        middle = "; elke gemeente met een rapportage registreerde minstens één interventie"
    tail = ""
    if summary.left_out:
        verb = "gaf" if len(summary.left_out) == 1 else "gaven"
        tail = f", en {_names(list(summary.left_out))} {verb} geen opgave (?)"
    return head + middle + tail + "."


def no_intervention_lines(summary: InterventionSummary) -> list[str]:
    """One Dutch line per area that had reports but recorded 0 interventions."""
    return [
        f"**{r['gebied']}** ({r['district']}): {count_noun(r['rapportages'], 'rapportage', 'rapportages')}; "
        f"opgegeven: 0 {intervention_noun(summary.include_care)}"
        for r in summary.no_intervention.iter_rows(named=True)
    ]


def not_reported_lines(summary: InterventionSummary) -> list[str]:
    """One Dutch line per area that gave no figures on interventions (``?``)."""
    lines = []
    for r in summary.not_reported.iter_rows(named=True):
        reports = count_noun(r["rapportages"], "rapportage", "rapportages")
        signals = "" if r["signalen"] is None else f", {count_noun(r['signalen'], 'signaal', 'signalen')}"
        lines.append(f"**{r['gebied']}** ({r['district']}): {reports}{signals}; interventies: ?")
    return lines


def not_applicable_lines(summary: InterventionSummary) -> list[str]:
    """One Dutch line per area with a type marked ``-`` (not applicable)."""
    return [
        f"**{r['gebied']}**: {r['niet_van_toepassing']} staat op '-' (niet van toepassing). Dat telt "
        "niet mee in de som, maar betekent niet dat er 0 waren."
        for r in summary.not_applicable.iter_rows(named=True)
    ]


def without_report_lines(summary: InterventionSummary) -> list[str]:
    """One Dutch line per area with interventions but no report in the same year."""
    return [
        f"**{r['gebied']}**: {count_noun(r['interventies'], 'interventie', 'interventies')} "
        f"({r['samenstelling']}) bij 0 rapportages"
        for r in summary.without_report.iter_rows(named=True)
    ]


def care_shift(tidy: pl.DataFrame, district: str = UNIT) -> tuple[Ratio, Ratio]:
    """Interventions per report for the selection without and with care trajectories counted."""
    scope = None if district == UNIT else district
    return (
        chain_ratio(tidy, "interventies_per_rapportage", district=scope, include_care=False),
        chain_ratio(tidy, "interventies_per_rapportage", district=scope, include_care=True),
    )


def intervention_prompts(tidy: pl.DataFrame, summary: InterventionSummary) -> list[str]:
    """Two to four workshop questions generated from the selection's figures."""
    table = area_table(tidy, district=summary.area, include_care=summary.include_care)
    prompts: list[str] = []
    known = table.filter(pl.col("status") == REPORTED, pl.col("rapportages").fill_null(0) > 0)
    gap = known.with_columns((pl.col("rapportages") - pl.col("interventies")).alias("gat"))
    gap = gap.filter(pl.col("gat") > 0, pl.col("interventies") > 0).sort(
        ["gat", "rapportages"], descending=True
    )
    if not gap.is_empty():
        r = gap.row(0, named=True)
        prompts.append(
            f"{r['gebied']} kreeg {count_noun(r['rapportages'], 'rapportage', 'rapportages')}; de gemeente "
            f"registreerde {count_noun(r['interventies'], 'interventie', 'interventies')} "
            f"({r['samenstelling']}). Volgde op elke rapportage iets, of bleven er rapportages zonder vervolg, "
            "en waarom?"
        )
    elif not known.is_empty():
        r = known.sort(["rapportages", "gebied"], descending=[True, False]).row(0, named=True)
        prompts.append(
            f"{r['gebied']} kreeg {count_noun(r['rapportages'], 'rapportage', 'rapportages')} en registreerde "
            f"{count_noun(r['interventies'], 'interventie', 'interventies')} ({r['samenstelling']}). Wat "
            "maakt dat hier op een rapportage een interventie volgt, en wat kunnen anderen daarvan leren?"
        )
    if not summary.no_intervention.is_empty():
        rows = summary.no_intervention.to_dicts()
        names = _names([r["gebied"] for r in rows])
        if len(rows) == 1:
            verb, each = "kreeg", count_noun(rows[0]["rapportages"], "rapportage", "rapportages")
        elif len({r["rapportages"] for r in rows}) == 1:
            verb, each = "kregen", "elk " + count_noun(rows[0]["rapportages"], "rapportage", "rapportages")
        else:
            verb, each = "kregen", "rapportages"
        prompts.append(
            f"{names} {verb} {each} en {_gave(len(rows))} 0 interventies op. Was er geen "
            "aanleiding, loopt de zaak nog, of is een interventie niet geregistreerd?"
        )
    if not summary.not_reported.is_empty():
        first = summary.not_reported.row(0, named=True)
        others = [g for g in summary.left_out if g != first["gebied"]]
        also = f" Ook {_names(others)} {_gave(len(others))} geen opgave." if others else ""
        if (first["rapportages"] or 0) > 0:
            what = (
                f"{first['gebied']} kreeg {count_noun(first['rapportages'], 'rapportage', 'rapportages')}, "
                "maar gaf niet op welke interventies volgden (?): daar verbergt de '?' het antwoord."
            )
        else:
            busiest = summary.not_reported.sort(pl.col("signalen").fill_null(0), descending=True).row(
                0, named=True
            )
            others = [g for g in summary.left_out if g != busiest["gebied"]]
            also = f" Ook {_names(others)} {_gave(len(others))} geen opgave." if others else ""
            what = (
                f"{busiest['gebied']} gaf geen opgave van interventies (?), terwijl de politie daar "
                f"{count_noun(busiest['signalen'] or 0, 'signaal', 'signalen')} registreerde."
            )
        prompts.append(f"{what}{also} Wat is nodig om volgend jaar van elke gemeente cijfers te krijgen?")
    if not summary.without_report.is_empty():
        r = summary.without_report.row(0, named=True)
        prompts.append(
            f"{r['gebied']} registreerde {count_noun(r['interventies'], 'interventie', 'interventies')} "
            f"({r['samenstelling']}) zonder rapportage in hetzelfde jaar. Waar kwam de aanleiding vandaan: "
            "eigen toezicht, een melding, een rapportage van het jaar ervoor?"
        )
    if len(prompts) < 4:
        strict, care = care_shift(tidy, summary.area)
        prompts.append(
            f"Met zorgtrajecten meegeteld stijgt het aantal van {fmt_int(strict.numerator)} naar "
            f"{fmt_int(care.numerator)} interventies op {fmt_int(strict.denominator)} rapportages. Is een "
            "zorgtraject voor jullie een interventie, of een ander soort opvolging?"
        )
    return prompts[:4]


def area_display_table(table: pl.DataFrame, *, include_care: bool = False) -> pl.DataFrame:
    """The area table for the screen: Dutch headers, and ``?``/``-``/``leeg`` kept apart from 0."""

    def cell(value: int | None, marker: str) -> str:
        return marker if value is None else fmt_int(value)

    codes = intervention_codes(include_care)
    rows = []
    for r in table.iter_rows(named=True):
        unknown = r["status"] == NOT_REPORTED
        not_applicable = r["niet_van_toepassing"].split(", ") if r["niet_van_toepassing"] else []
        row = {
            "District": r["district"],
            "Gebied": r["gebied"],
            "Rapportages": cell(r["rapportages"], "leeg"),
            "Interventies": "?" if unknown else fmt_int(r["interventies"]),
        }
        for code in codes:
            marker = "-" if TYPE_LABELS[code].lower() in not_applicable else "?" if unknown else "leeg"
            row[TYPE_LABELS[code]] = cell(r[code], marker)
        row["Uitkomst"] = r["uitkomst"]
        rows.append(row)
    return pl.DataFrame(rows)


def mix_display_table(mix: pl.DataFrame, ratios: pl.DataFrame) -> pl.DataFrame:
    """The mix per district for the screen, with interventions per report, its interval and what is left out."""
    wide = mix.pivot(on="label", index=["district", "totaal", "rapportages", "weggelaten"], values="aantal")
    rows = []
    for r in wide.iter_rows(named=True):
        ratio = ratios.filter(pl.col("gebied") == r["district"]).row(0, named=True)
        row = {"District": r["district"]}
        row.update({k: fmt_int(v) for k, v in r.items() if k in TYPE_LABELS.values()})
        row["Totaal"] = ("minstens " if r["weggelaten"] else "") + fmt_int(r["totaal"])
        row["Rapportages"] = fmt_int(r["rapportages"])
        row["Per rapportage"] = fmt_dec(ratio["per_rapportage"], 2)
        row["95%-marge (exact)"] = f"{fmt_dec(ratio['ondergrens'], 2)}–{fmt_dec(ratio['bovengrens'], 2)}"
        row["Zonder (?)"] = r["weggelaten"]
        rows.append(row)
    return pl.DataFrame(rows)


def summary_metrics(summary: InterventionSummary) -> list[tuple[str, str, str]]:
    """The key figures of the page as (label, value, caption), every ratio with its counts."""
    ratio = summary.ratio
    left_out = f" Zonder {_names(list(summary.left_out))}: geen opgave (?)." if summary.left_out else ""
    care = "Zorgtrajecten meegeteld. " if summary.include_care else ""
    reports_left_out = summary.reports_total - ratio.denominator
    reports_caption = "Door politie en OM aan de gemeenten gestuurd."
    if reports_left_out > 0:
        reports_caption += (
            f" Daarvan gingen er {fmt_int(reports_left_out)} naar gemeenten zonder opgave van interventies; "
            "die tellen niet mee in de verhouding."
        )
    total_caption = "Som over de gemeenten en Overig met een opgave."
    if summary.lower_bound:
        total_caption += " Een ondergrens: niet elke gemeente gaf een opgave."
    return [
        (
            "Interventies per rapportage",
            ratio.value_text(),
            f"{care}{ratio.counts_text()}; 95%-marge {ratio.interval_text()} (exact, Garwood).{left_out}",
        ),
        ("Bestuurlijke interventies", summary.total_text(), care + total_caption),
        ("Bestuurlijke rapportages", fmt_int(summary.reports_total), reports_caption),
    ]


def intervention_caveats(summary: InterventionSummary) -> list[str]:
    """What to keep in mind when reading the page, in the app's own words, with the selection's figures."""
    items = [
        "Het dashboard telt rapportages en interventies per gemeente per jaar, maar koppelt ze niet aan "
        "elkaar. Een verhouding boven 1 betekent dus niet dat op elke rapportage iets volgde.",
    ]
    without = [
        f"{r['gebied']} ({count_noun(r['interventies'], 'interventie', 'interventies')})"
        for r in summary.without_report.iter_rows(named=True)
    ]
    if without:
        items.append(
            "Een interventie kan ook een andere aanleiding hebben dan een rapportage uit hetzelfde jaar. "
            f"Zonder enige rapportage registreerden interventies: {_names(without)}."
        )
    items += [
        "De interventies zijn een eigen opgave van de gemeenten. Wat de ene gemeente als waarschuwing "
        "vastlegt, noteert een andere misschien niet; verschillen kunnen dus ook uit de registratie komen.",
        "Of een zorgtraject een interventie is, is een keuze. Zet de schakelaar om en kijk welke getallen "
        "meebewegen.",
        "De marges zijn exact (Garwood) en gaan over toeval in kleine aantallen; fouten of verschillen in "
        "registratie vangen ze niet. Bron: Dashboard mensenhandel Oost-Nederland.",
    ]
    return items


@dataclass(frozen=True)
class InterventionView:
    """Everything the report-to-intervention page shows for one area, with or without care."""

    summary: InterventionSummary
    answer: str
    metrics: list[tuple[str, str, str]]
    areas: pl.DataFrame
    areas_display: pl.DataFrame
    no_intervention: list[str]
    not_reported: list[str]
    not_applicable: list[str]
    mix: pl.DataFrame
    mix_display: pl.DataFrame
    caveats: list[str]
    prompts: list[str]


def intervention_view(tables: Tables, district: str, include_care: bool) -> InterventionView:
    """The report-to-intervention page for ``district``; ``include_care`` counts care as intervention."""
    tidy = tables.tidy
    summary = intervention_summary(tidy, district, include_care=include_care)
    areas = area_table(tidy, district=district, include_care=include_care)
    mix = district_mix(tidy, include_care=include_care)
    return InterventionView(
        summary=summary,
        answer=intervention_answer(summary),
        metrics=summary_metrics(summary),
        areas=areas,
        areas_display=area_display_table(areas, include_care=include_care),
        no_intervention=no_intervention_lines(summary),
        not_reported=not_reported_lines(summary),
        not_applicable=not_applicable_lines(summary),
        mix=mix,
        mix_display=mix_display_table(mix, district_ratios(tidy, include_care=include_care)),
        caveats=intervention_caveats(summary),
        prompts=intervention_prompts(tidy, summary),
    )
