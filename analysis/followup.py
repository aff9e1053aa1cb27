"""Do signals get follow-up? The criminal-justice chain: signals -> investigations -> OM intake."""

from dataclasses import dataclass

import polars as pl

from analysis.checks import context_value
from analysis.dataset import Tables
from analysis.dutch import fmt_dec, fmt_int, fmt_pct
from analysis.frames import unit_value
from analysis.geography import UNIT
from analysis.population import area_population
from analysis.ratios import chain_ratio, ratio_table

CHAIN_SOURCE = (
    "Dashboard mensenhandel Oost-Nederland; signalen en onderzoeken: politie (BVH, MRO); instroom: OM"
)

FOLLOWUP_SCHEMA = {
    "gebied": pl.String,
    "signalen": pl.Int64,
    "onderzoeken": pl.Int64,
    "aandeel_onderzoek": pl.Float64,
    "aandeel_ondergrens": pl.Float64,
    "aandeel_bovengrens": pl.Float64,
    "instroom_om": pl.Int64,
    "instroom_per_100": pl.Float64,
    "instroom_ondergrens": pl.Float64,
    "instroom_bovengrens": pl.Float64,
    "signalen_per_100k": pl.Float64,
}


def followup_table(tidy: pl.DataFrame, population: pl.DataFrame) -> pl.DataFrame:
    """Return the chain for every district and the unit, with exact intervals.

    ``aandeel_onderzoek`` is the share of signals that led to an investigation
    (Clopper-Pearson); ``instroom_per_100`` is OM intake (counted per suspect) per
    100 signals (Garwood). ``signalen_per_100k`` sets signals against inhabitants.
    """
    year = int(tidy["jaar"][0])
    pops = area_population(tidy, population, year).filter(pl.col("gebiedstype") == "totaal")
    areas = [
        d
        for d in tidy.filter(pl.col("gebiedstype") == "totaal")["district"].unique(maintain_order=True)
        if d != UNIT
    ]
    rows = []
    for area in [*areas, UNIT]:
        district = None if area == UNIT else area
        share = chain_ratio(tidy, "onderzoeken_per_signaal", district=district)
        intake = chain_ratio(tidy, "instroom_per_signaal", district=district)
        inhabitants = pops.filter(pl.col("gebied") == area)["inwoners"][0]
        rows.append(
            {
                "gebied": area,
                "signalen": share.denominator,
                "onderzoeken": share.numerator,
                "aandeel_onderzoek": share.value,
                "aandeel_ondergrens": share.lower,
                "aandeel_bovengrens": share.upper,
                "instroom_om": intake.numerator,
                "instroom_per_100": None if intake.value is None else intake.value * 100,
                "instroom_ondergrens": None if intake.lower is None else intake.lower * 100,
                "instroom_bovengrens": None if intake.upper is None else intake.upper * 100,
                "signalen_per_100k": share.denominator / inhabitants * 100_000,
            }
        )
    return pl.DataFrame(rows, schema=FOLLOWUP_SCHEMA)


def om_decisions(context: pl.DataFrame, year: int) -> pl.DataFrame:
    """The OM's split of decisions in ``year``, as the dashboard's text states it (percent).

    ``rij`` labels the one bar of the chart (``OM 2022``).
    """
    return pl.DataFrame(
        {
            "beslissing": ["Dagvaarden", "Seponeren"],
            "procent": [
                context_value(context, "om_dagvaarden_pct"),
                context_value(context, "om_seponeren_pct"),
            ],
            "rij": [f"OM {year}"] * 2,
        }
    )


def text_figure(context: pl.DataFrame, indicator: str, year: int) -> int | None:
    """The figure the dashboard's text (not its table) gives for ``indicator`` in ``year``, if any."""
    found = context.filter(
        pl.col("indicator") == indicator, pl.col("jaar") == year, pl.col("code").str.ends_with("_tekst")
    )
    return None if found.is_empty() else int(found["waarde"][0])


def followup_caveats(tidy: pl.DataFrame, context: pl.DataFrame) -> list[str]:
    """What to keep in mind on the follow-up page, with the year's own figures."""
    year = int(tidy["jaar"][0])
    caveats = [
        "Een signaal is een registratie die op mensenhandel wijst, geen bewezen zaak. Alleen signalen die "
        "tot een onderzoek van enige omvang leidden (bijzondere bevoegdheden of langer dan vijf werkdagen) "
        "tellen als onderzoek.",
        "De instroom bij het OM is geteld per verdachte en per plaats van uitbuiting; hij is dus niet één op "
        "één te vergelijken met het aantal onderzoeken.",
    ]
    in_text = text_figure(context, "strafrechtelijke_onderzoeken", year)
    in_table = unit_value(tidy, "strafrechtelijke_onderzoeken")
    if in_text is not None and in_table is not None and in_text != in_table:
        caveats.append(
            f"De toelichting noemt {fmt_int(in_text)} onderzoeken in {year}, de tabel {fmt_int(in_table)}. "
            "Deze pagina rekent met de tabel."
        )
    return caveats


def followup_answer(tidy: pl.DataFrame, district: str = UNIT) -> str:
    """One sentence, counts first: ``22 van de 188 signalen (11,7%) leidden ... het OM besliste over 44 verdachten``."""
    scope = None if district == UNIT else district
    share = chain_ratio(tidy, "onderzoeken_per_signaal", district=scope)
    intake = chain_ratio(tidy, "instroom_per_signaal", district=scope)
    where = "Oost-Nederland" if district == UNIT else district
    verb = "leidde" if share.numerator == 1 else "leidden"
    suspects = "verdachte" if intake.numerator == 1 else "verdachten"
    return (
        f"{fmt_int(share.numerator)} van de {fmt_int(share.denominator)} signalen ({fmt_pct(share.value)}) "
        f"{verb} in {where} tot een strafrechtelijk onderzoek; het OM besliste over "
        f"{fmt_int(intake.numerator)} {suspects}."
    )


def followup_prompts(tidy: pl.DataFrame, table: pl.DataFrame, district: str = UNIT) -> list[str]:
    """Two to four discussion prompts generated from the chain of the selection."""
    districts = table.filter(pl.col("gebied") != UNIT)
    prompts = []
    if district != UNIT:
        own = table.filter(pl.col("gebied") == district).row(0, named=True)
        unit = table.filter(pl.col("gebied") == UNIT).row(0, named=True)
        prompts.append(
            f"In {district} leidde {fmt_int(own['onderzoeken'])} van {fmt_int(own['signalen'])} signalen tot een "
            f"onderzoek ({fmt_pct(own['aandeel_onderzoek'])}), in heel Oost-Nederland {fmt_pct(unit['aandeel_onderzoek'])}. "
            "Met zulke kleine aantallen: herkennen jullie het verschil, of is het toeval?"
        )
    busiest = districts.sort("signalen_per_100k", descending=True).row(0, named=True)
    lowest = districts.sort("aandeel_onderzoek").row(0, named=True)
    if busiest["gebied"] == lowest["gebied"]:
        prompts.append(
            f"{busiest['gebied']} heeft de meeste signalen per inwoner ({fmt_dec(busiest['signalen_per_100k'])} per "
            f"100.000), maar het kleinste deel leidde tot een onderzoek ({fmt_int(lowest['onderzoeken'])} van "
            f"{fmt_int(lowest['signalen'])}). Hoe komt dat, en wat zegt het over de opvolging?"
        )
    else:
        prompts.append(
            f"{busiest['gebied']} heeft de meeste signalen per inwoner ({fmt_dec(busiest['signalen_per_100k'])} "
            "per 100.000). Zegt dat iets over de omvang, of over waar en hoe er geregistreerd wordt?"
        )
        prompts.append(
            f"In {lowest['gebied']} leidde het kleinste deel van de signalen tot een onderzoek "
            f"({fmt_int(lowest['onderzoeken'])} van {fmt_int(lowest['signalen'])}). Welke afwegingen "
            "(capaciteit, prioriteit, opsporingsindicaties) spelen daar?"
        )
    per_area = ratio_table(tidy, "onderzoeken_per_signaal", by="gebied")
    if district != UNIT:
        per_area = per_area.filter(pl.col("district") == district)
    silent = per_area.filter(
        pl.col("gebiedstype") == "gemeente", pl.col("teller") == 0, pl.col("noemer") >= 5
    )
    silent = silent.sort("noemer", descending=True)
    if not silent.is_empty():
        top = silent.row(0, named=True)
        prompts.append(
            f"{top['gebied']}: {fmt_int(top['noemer'])} signalen en geen enkel onderzoek. Komen die signalen echt "
            "uit deze gemeente, of is de vestigingsplaats van de politie als pleegplaats geregistreerd?"
        )
    more_suspects = districts.filter(pl.col("instroom_om") > pl.col("onderzoeken"))
    if more_suspects.height == districts.height:
        prompts.append(
            "In elk district telt het OM meer verdachten dan er onderzoeken zijn. Gaat het om zaken met "
            "meerdere verdachten, om zaken uit eerdere jaren, of om beide?"
        )
    elif not more_suspects.is_empty():
        names = ", ".join(more_suspects["gebied"].to_list())
        prompts.append(
            f"In {names} telt het OM meer verdachten dan er onderzoeken zijn. Gaat het om grote zaken met "
            "meerdere verdachten, of om zaken uit een eerder jaar?"
        )
    return prompts[:4]


@dataclass(frozen=True)
class FollowupView:
    """What the follow-up page shows for one area: the chain per district and the OM's decisions."""

    table: pl.DataFrame
    unit_share: float | None
    answer: str
    share_display: pl.DataFrame
    decisions: pl.DataFrame
    prompts: list[str]
    caveats: list[str]


def followup_view(tables: Tables, district: str = UNIT) -> FollowupView:
    """The follow-up page for ``district`` (or the whole unit)."""
    table = followup_table(tables.tidy, tables.population)
    return FollowupView(
        table=table,
        unit_share=table.filter(pl.col("gebied") == UNIT)["aandeel_onderzoek"][0],
        answer=followup_answer(tables.tidy, district),
        share_display=table.select(
            "gebied",
            "signalen",
            "onderzoeken",
            "aandeel_onderzoek",
            "aandeel_ondergrens",
            "aandeel_bovengrens",
        ),
        decisions=om_decisions(tables.context, int(tables.tidy["jaar"][0])),
        prompts=followup_prompts(tables.tidy, table, district),
        caveats=followup_caveats(tables.tidy, tables.context),
    )
