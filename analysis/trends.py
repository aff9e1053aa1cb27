"""What changed? The first dashboard (2019) against 2022, and every loaded year against the one before.

The tables of 2019 are not bundled; what is known about 2019 comes from the 2022 text:
three figures with a count for both years (signals, police investigations, B8
declarations) and a few relative statements without a 2019 count (online ads, CoMensHa
registrations, prostitution controls, OM intake). Where the text's 2022 figure differs
from the 2022 table, both are kept. For counts in both years the change comes with a
rate ratio and its exact (conditional-binomial) interval: is it more than chance?

From 2022 on every year with tables counts (bundled, saved or added in a session):
:func:`year_series` gives one value per indicator, area and year (with the 2019 text
figures and the 2022 text figures where they differ), :func:`year_steps` compares each
year with the loaded year before it, and :data:`SOURCE_CHANGES` records, as data, where
a source or definition changed so that a chart can mark it.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from analysis.dataset import Tables
from analysis.dutch import fmt_dec, fmt_int, fmt_pct
from analysis.frames import with_text
from analysis.geography import UNIT, population_year
from analysis.indicators import BY_CODE, DISTRICT_INDICATORS, SOURCE_DASHBOARD, label
from analysis.parser import AREA_TOTAL, EMPTY, NOT_APPLICABLE, NOT_REPORTED, REPORTED
from analysis.questions import trend_topics
from analysis.stats import rate_ratio_interval

BASE_YEAR = 2019
#: The dashboard whose text states the 2019 figures (and its own figures for that year).
TEXT_YEAR = 2022
TREND_SOURCE = (
    f"{SOURCE_DASHBOARD}: toelichting (cijfers 2019 en uitspraken over de ontwikkeling) en tabellen"
)

KIND_COUNT = "aantal in beide jaren"
KIND_STATEMENT = "uitspraak zonder aantal voor 2019"


@dataclass(frozen=True)
class SourceChange:
    """A source or definition that changed: from ``year`` on, ``indicator`` is counted differently."""

    indicator: str
    year: int
    before: str
    after: str
    note: str


#: Where a source or a definition changed, by indicator and the first year it applies to.
SOURCE_CHANGES: tuple[SourceChange, ...] = (
    SourceChange(
        "seksadvertenties",
        2022,
        "de webcrawler van de politie",
        "de webcrawler van Web-IQ",
        "Andere bron: in 2019 telde de webcrawler van de politie, in 2022 die van Web-IQ. Een deel "
        "van de stijging kan dus door de andere manier van tellen komen.",
    ),
)


def source_change_table() -> pl.DataFrame:
    """The source and definition changes as a table: indicator, year, before, after, note."""
    return pl.DataFrame(
        [
            {
                "indicator": c.indicator,
                "label": label(c.indicator),
                "jaar": c.year,
                "voorheen": c.before,
                "nu": c.after,
                "toelichting": c.note,
            }
            for c in SOURCE_CHANGES
        ],
        schema={
            "indicator": pl.String,
            "label": pl.String,
            "jaar": pl.Int64,
            "voorheen": pl.String,
            "nu": pl.String,
            "toelichting": pl.String,
        },
    )


def source_change(indicator: str, year: int) -> SourceChange | None:
    """The change that starts in ``year`` for ``indicator``, if any."""
    return next((c for c in SOURCE_CHANGES if c.indicator == indicator and c.year == year), None)


#: Words for how the text qualifies a figure (``benadering`` in context.csv).
APPROXIMATION_WORDS: dict[str, str] = {
    "exact": "",
    "ongeveer": "ongeveer ",
    "bijna": "bijna ",
    "meer_dan": "ruim ",
}


@dataclass(frozen=True)
class TrendSpec:
    """One indicator compared with 2019.

    A count row names the context codes of the 2019 figure and of the text's 2022
    figure. A statement row names the context code of a relative change (percent)
    with its direction (+1 rise, -1 fall), or ``steady`` for "about the same". A
    statement the text makes but context.csv lacks carries ``stated`` (where it is).
    """

    indicator: str
    short_label: str
    noun: str
    base_code: str | None = None
    text_code: str | None = None
    change_code: str | None = None
    direction: int = 0
    steady_code: str | None = None
    stated: str | None = None
    source_changed: bool = False
    note: str = ""


TRENDS: tuple[TrendSpec, ...] = (
    TrendSpec(
        "signalen",
        "Signalen",
        "signalen",
        base_code="signalen_2019",
        text_code="signalen_2022_tekst",
        note="Tekst en tabel noemen hetzelfde aantal.",
    ),
    TrendSpec(
        "strafrechtelijke_onderzoeken",
        "Strafrechtelijke onderzoeken",
        "strafrechtelijke onderzoeken",
        base_code="onderzoeken_2019",
        text_code="onderzoeken_2022_tekst",
    ),
    TrendSpec(
        "b8_aangiftes",
        "B8-aangiftes",
        "B8-aangiftes",
        base_code="b8_2019",
        text_code="b8_2022_tekst",
    ),
    TrendSpec(
        "seksadvertenties",
        "Seksadvertenties",
        "seksadvertenties",
        change_code="advertenties_stijging_pct",
        direction=1,
        source_changed=True,
        note=SOURCE_CHANGES[0].note,
    ),
    TrendSpec(
        "comensha_slachtoffers",
        "Slachtoffers bij CoMensHa",
        "slachtoffers bij CoMensHa",
        change_code="comensha_daling_pct",
        direction=-1,
        text_code="comensha_2022_tekst",
        note="De tekst zegt 'de afgelopen jaren', niet precies sinds 2019.",
    ),
    TrendSpec(
        "prostitutiecontroles",
        "Prostitutiecontroles",
        "prostitutiecontroles",
        steady_code="controles_per_jaar",
        note="Volgens de tekst al jaren rond de 150 per jaar.",
    ),
    TrendSpec(
        "instroom_om",
        "Instroom OM",
        "instroom bij het OM",
        stated="toelichting bij 'Strafrechtelijke onderzoeken'",
        note="Volgens de tekst ongeveer gelijk gebleven; het OM telt per verdachte, dus minder maar grotere "
        "onderzoeken kunnen dezelfde instroom geven.",
    ),
)

TREND_SCHEMA = {
    "indicator": pl.String,
    "label": pl.String,
    "naam": pl.String,
    "soort": pl.String,
    "waarde_2019": pl.Int64,
    "tekst_2022": pl.Int64,
    "tabel_2022": pl.Int64,
    "verandering": pl.Float64,
    "verandering_tabel": pl.Float64,
    "benadering": pl.String,
    "index_tekst": pl.Float64,
    "index_tabel": pl.Float64,
    "ratio": pl.Float64,
    "ratio_onder": pl.Float64,
    "ratio_boven": pl.Float64,
    "ratio_tabel": pl.Float64,
    "ratio_tabel_onder": pl.Float64,
    "ratio_tabel_boven": pl.Float64,
    "tekst_wijkt_af": pl.Boolean,
    "bron_gewijzigd": pl.Boolean,
    "verandering_tekst": pl.String,
    "opmerking": pl.String,
}

RATIO_SCHEMA = {
    "indicator": pl.String,
    "rij": pl.String,
    "bron_2022": pl.String,
    "waarde_2019": pl.Int64,
    "waarde_2022": pl.Int64,
    "ratio": pl.Float64,
    "ratio_onder": pl.Float64,
    "ratio_boven": pl.Float64,
    "ratio_tekst": pl.String,
    "oordeel": pl.String,
}


def _context_row(context: pl.DataFrame, code: str | None) -> dict | None:
    if code is None:
        return None
    found = context.filter(pl.col("code") == code)
    return None if found.is_empty() else found.row(0, named=True)


def _unit_value(tidy: pl.DataFrame, code: str) -> int | None:
    found = tidy.filter(pl.col("district") == UNIT, pl.col("indicator") == code)["waarde"]
    return None if found.is_empty() else found[0]


def signed_pct(change: float | None, digits: int = 1, approximation: str = "exact") -> str:
    """A relative change in Dutch with its sign and qualifier: ``−7,4%``, ``bijna +30%``, ``ongeveer 0%``."""
    if change is None:
        return "–"
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return f"{APPROXIMATION_WORDS.get(approximation, '')}{sign}{fmt_pct(abs(change), digits)}"


def _ratio(k_now: int | None, k_base: int | None) -> tuple[float | None, float | None, float | None]:
    if k_now is None or k_base is None:
        return None, None, None
    ratio, low, high = rate_ratio_interval(k_now, 1, k_base, 1)
    return ratio, low, high


def trend_table(tidy: pl.DataFrame, context: pl.DataFrame) -> pl.DataFrame:
    """Return the 2019-versus-now comparison, one row per indicator.

    ``waarde_2019`` and ``tekst_2022`` come from the dashboard's text, ``tabel_2022``
    from the unit's table. ``verandering`` is the relative change by the text's own
    figures (for a statement: the change it states); ``verandering_tabel`` uses the
    table. ``index_*`` puts 2019 at 100. For counts in both years ``ratio*`` is the
    rate ratio now/2019 with its exact 95% interval (text figure and table figure).
    """
    rows = []
    for spec in TRENDS:
        base = _context_row(context, spec.base_code)
        text = _context_row(context, spec.text_code)
        table = _unit_value(tidy, spec.indicator)
        text_value = None if text is None else round(text["waarde"])
        if base is not None:
            base_value = round(base["waarde"])
            now = text_value if text_value is not None else table
            change = None if now is None or base_value == 0 else now / base_value - 1
            change_table = None if table is None or base_value == 0 else table / base_value - 1
            approximation = "exact"
            kind = KIND_COUNT
        else:
            base_value, change_table = None, None
            kind = KIND_STATEMENT
            statement = _context_row(context, spec.change_code) or _context_row(context, spec.steady_code)
            if spec.change_code is not None and statement is not None:
                change = spec.direction * statement["waarde"] / 100
                approximation = statement["benadering"]
            elif spec.steady_code is not None or spec.stated is not None:
                change = 0.0
                approximation = "ongeveer"
            else:
                change, approximation = None, "exact"
        ratio, ratio_low, ratio_high = _ratio(text_value, base_value)
        table_ratio, table_low, table_high = _ratio(table, base_value)
        differs = text_value is not None and table is not None and text_value != table
        notes = [spec.note] if spec.note else []
        if differs and base_value is not None:
            notes.append(
                f"De tekst noemt voor 2022 {fmt_int(text_value)}, de tabel {fmt_int(table)}; beide worden getoond."
            )
        if spec.stated is not None:
            notes.append(f"Vindplaats: {spec.stated}.")
        if spec.steady_code is not None and table is not None:
            notes.append(f"De tabel 2022 noemt {fmt_int(table)}.")
        if change_table is not None and differs:
            change_text = f"{signed_pct(change)} (tekst), {signed_pct(change_table)} (tabel)"
        elif kind == KIND_STATEMENT and change == 0:
            change_text = "ongeveer gelijk"
        else:
            change_text = signed_pct(change, 1 if kind == KIND_COUNT else 0, approximation)
        rows.append(
            {
                "indicator": spec.indicator,
                "label": spec.short_label,
                "naam": spec.noun,
                "soort": kind,
                "waarde_2019": base_value,
                "tekst_2022": text_value,
                "tabel_2022": table,
                "verandering": change,
                "verandering_tabel": change_table,
                "benadering": approximation,
                "index_tekst": None if change is None else 100 * (1 + change),
                "index_tabel": None if change_table is None else 100 * (1 + change_table),
                "ratio": ratio,
                "ratio_onder": ratio_low,
                "ratio_boven": ratio_high,
                "ratio_tabel": table_ratio,
                "ratio_tabel_onder": table_low,
                "ratio_tabel_boven": table_high,
                "tekst_wijkt_af": differs,
                "bron_gewijzigd": spec.source_changed,
                "verandering_tekst": change_text,
                "opmerking": " ".join(notes),
            }
        )
    return pl.DataFrame(rows, schema=TREND_SCHEMA)


def _judgement(low: float | None, high: float | None) -> str:
    if low is None or high is None:
        return "niet te beoordelen"
    if high < 1:
        return "daling groter dan toeval"
    if low > 1:
        return "stijging groter dan toeval"
    return "past binnen toeval"


def ratio_rows(table: pl.DataFrame) -> pl.DataFrame:
    """Rate ratios now/2019 with exact 95% intervals, one row per 2022 source (text, table).

    Only indicators with a count in both years; where text and table agree there is one row.
    """
    rows = []
    for r in table.filter(pl.col("soort") == KIND_COUNT).iter_rows(named=True):
        variants = [("tekst", r["tekst_2022"], r["ratio"], r["ratio_onder"], r["ratio_boven"])]
        if r["tekst_wijkt_af"] or r["tekst_2022"] is None:
            variants.append(
                ("tabel", r["tabel_2022"], r["ratio_tabel"], r["ratio_tabel_onder"], r["ratio_tabel_boven"])
            )
        for source, now, ratio, low, high in variants:
            if now is None:
                continue
            suffix = f", {source} 2022" if r["tekst_wijkt_af"] else ""
            rows.append(
                {
                    "indicator": r["indicator"],
                    "rij": f"{r['label']}{suffix}: {fmt_int(now)} t.o.v. {fmt_int(r['waarde_2019'])}",
                    "bron_2022": source if r["tekst_wijkt_af"] else "tekst en tabel",
                    "waarde_2019": r["waarde_2019"],
                    "waarde_2022": now,
                    "ratio": ratio,
                    "ratio_onder": low,
                    "ratio_boven": high,
                    "ratio_tekst": f"{fmt_dec(ratio, 2)} (marge {fmt_dec(low, 2)}–{fmt_dec(high, 2)})",
                    "oordeel": _judgement(low, high),
                }
            )
    return pl.DataFrame(rows, schema=RATIO_SCHEMA)


def _row(table: pl.DataFrame, indicator: str) -> dict | None:
    found = table.filter(pl.col("indicator") == indicator)
    return None if found.is_empty() else found.row(0, named=True)


def _count_phrase(r: dict) -> str:
    """``203 → 188`` or ``54 → 32 volgens de tekst, 22 volgens de tabel``."""
    if r["tekst_wijkt_af"]:
        return (
            f"{fmt_int(r['waarde_2019'])} → {fmt_int(r['tekst_2022'])} volgens de tekst, "
            f"{fmt_int(r['tabel_2022'])} volgens de tabel"
        )
    now = r["tekst_2022"] if r["tekst_2022"] is not None else r["tabel_2022"]
    return f"{fmt_int(r['waarde_2019'])} → {fmt_int(now)}"


def _from_to(r: dict) -> str:
    """``van 54 naar 32 (tekst) of 22 (tabel)``, or ``van 203 naar 188``."""
    if r["tekst_wijkt_af"]:
        return (
            f"van {fmt_int(r['waarde_2019'])} naar {fmt_int(r['tekst_2022'])} (tekst) of "
            f"{fmt_int(r['tabel_2022'])} (tabel)"
        )
    now = r["tekst_2022"] if r["tekst_2022"] is not None else r["tabel_2022"]
    return f"van {fmt_int(r['waarde_2019'])} naar {fmt_int(now)}"


def _movement(change: float) -> str:
    if abs(change) < 0.1:
        return "bleven bijna gelijk"
    return "daalden" if change < 0 else "stegen"


def trend_answer(table: pl.DataFrame) -> str:
    """One sentence: what went down, what went up since 2019."""
    signals = _row(table, "signalen")
    investigations = _row(table, "strafrechtelijke_onderzoeken")
    b8 = _row(table, "b8_aangiftes")
    ads = _row(table, "seksadvertenties")
    parts = []
    if signals is not None and signals["verandering"] is not None:
        size = "licht" if abs(signals["verandering"]) < 0.1 else "flink"
        verb = "daalde" if signals["verandering"] < 0 else "steeg"
        parts.append(
            f"Sinds {BASE_YEAR} {verb} het aantal signalen {size} ({_count_phrase(signals)}, "
            f"{signed_pct(signals['verandering'])})"
        )
    strong = [r for r in (investigations, b8) if r is not None and r["verandering"] is not None]
    if strong:
        phrases = " en ".join(f"de {r['naam']} ({_count_phrase(r)})" for r in strong)
        parts.append(f"maar {phrases} daalden sterk")
    sentence = ", ".join(parts) if parts else f"Voor {BASE_YEAR} zijn geen vergelijkbare cijfers bekend"
    if ads is not None and ads["verandering"] is not None:
        sentence += (
            f"; het online aanbod van seksadvertenties groeide met "
            f"{APPROXIMATION_WORDS.get(ads['benadering'], '')}{fmt_pct(ads['verandering'], 0)}"
            + (", gemeten met een andere webcrawler" if ads["bron_gewijzigd"] else "")
        )
    return sentence + "."


def district_note(tidy: pl.DataFrame, district: str) -> str | None:
    """For a chosen district: say that 2019 is known only for the unit, and give the district's 2022 share."""
    if district == UNIT:
        return None
    parts = []
    for code, noun in (("signalen", "signalen"), ("strafrechtelijke_onderzoeken", "onderzoeken")):
        own = tidy.filter(
            pl.col("gebied") == district, pl.col("gebiedstype") == "totaal", pl.col("indicator") == code
        )
        total = _unit_value(tidy, code)
        if own.is_empty() or own["waarde"][0] is None or not total:
            continue
        parts.append(f"{fmt_int(own['waarde'][0])} van de {fmt_int(total)} {noun}")
    share = f" In 2022 kwamen {' en '.join(parts)} uit {district}." if parts else ""
    return (
        f"Voor {BASE_YEAR} noemt de toelichting alleen cijfers voor heel Oost-Nederland; deze pagina "
        f"vergelijkt daarom de eenheid, ook met {district} gekozen.{share}"
    )


def trend_prompts(tidy: pl.DataFrame, table: pl.DataFrame, district: str = UNIT) -> list[str]:
    """Two to four workshop prompts from the comparison (one about the chosen district)."""
    prompts = []
    signals = _row(table, "signalen")
    investigations = _row(table, "strafrechtelijke_onderzoeken")
    if signals is not None and investigations is not None and signals["verandering"] is not None:
        prompts.append(
            f"De signalen {_movement(signals['verandering'])} ({_from_to(signals)}; verhouding "
            f"{fmt_dec(signals['ratio'], 2)}, marge {fmt_dec(signals['ratio_onder'], 2)}–"
            f"{fmt_dec(signals['ratio_boven'], 2)}), terwijl de onderzoeken "
            f"{_movement(investigations['verandering'])} {_from_to(investigations)}. "
            + ("Welk getal voor 2022 klopt, en waarom" if investigations["tekst_wijkt_af"] else "Waarom")
            + " leiden minder signalen tot een onderzoek: capaciteit, prioriteit, of grotere zaken?"
        )
    b8 = _row(table, "b8_aangiftes")
    if b8 is not None and b8["verandering"] is not None:
        prompts.append(
            f"De B8-aangiftes {_movement(b8['verandering'])} {_from_to(b8)}, "
            f"{signed_pct(b8['verandering'], 0)}. De toelichting wijst op corona en het beleid bij een "
            "Dublinindicatie. Zien jullie dat in de praktijk, of spelen er ook andere redenen?"
        )
    ads = _row(table, "seksadvertenties")
    controls = _row(table, "prostitutiecontroles")
    if ads is not None and controls is not None and ads["verandering"] is not None:
        prompts.append(
            f"Het online aanbod groeide met {APPROXIMATION_WORDS.get(ads['benadering'], '')}"
            f"{fmt_pct(ads['verandering'], 0)} (let op: andere webcrawler dan in {BASE_YEAR}), terwijl het "
            f"aantal controles rond de 150 bleef ({fmt_int(controls['tabel_2022'])} in de tabel 2022). "
            "Past de controlecapaciteit nog bij het aanbod?"
        )
    if district != UNIT:
        own = tidy.filter(
            pl.col("gebied") == district, pl.col("gebiedstype") == "totaal", pl.col("indicator") == "signalen"
        )
        total = _unit_value(tidy, "signalen")
        if not own.is_empty() and own["waarde"][0] is not None and total:
            prompts.append(
                f"In 2022 kwamen {fmt_int(own['waarde'][0])} van de {fmt_int(total)} signalen uit {district} "
                f"({fmt_pct(own['waarde'][0] / total)}). Voor {BASE_YEAR} heeft deze app alleen cijfers voor de "
                f"eenheid: wie kent de cijfers van {district} uit het dashboard {BASE_YEAR}, en is het beeld "
                "veranderd?"
            )
    else:
        comensha = _row(table, "comensha_slachtoffers")
        if comensha is not None and comensha["verandering"] is not None:
            prompts.append(
                f"CoMensHa registreerde {APPROXIMATION_WORDS.get(comensha['benadering'], '')}"
                f"{fmt_pct(abs(comensha['verandering']), 0)} minder slachtoffers ({fmt_int(comensha['tabel_2022'])} "
                "in 2022), terwijl de Nationaal Rapporteur verwacht dat het werkelijke aantal niet daalde. Betekent "
                "minder registraties minder slachtoffers, of minder zicht?"
            )
    return prompts[:4]


def source_changes(table: pl.DataFrame) -> list[str]:
    """Warnings for indicators whose source or definition changed since 2019."""
    changed = table.filter(pl.col("bron_gewijzigd"))
    return [f"{r['label']}: {r['opmerking']}" for r in changed.iter_rows(named=True)]


#: What to keep in mind when comparing with 2019, in the app's own words.
TREND_CAVEATS: tuple[str, ...] = (
    "Van 2019 kent deze app alleen wat de toelichting van 2022 erover zegt; de tabellen van 2019 zitten er "
    "niet in. Per district of gemeente is daarom niets te vergelijken.",
    "Waar de toelichting een ander getal voor 2022 noemt dan de tabel (onderzoeken 32 of 22, B8-aangiftes 14 "
    "of 13), tonen we beide. Welke telling met 2019 overeenkomt, staat er niet bij.",
    "Twee jaren zijn geen trend. Wat er in 2020 en 2021 gebeurde (bijvoorbeeld door corona) is niet zichtbaar.",
    "Uitspraken als 'bijna 30%' of 'met een kwart' zijn afgeronde woorden uit de tekst, geen exacte aantallen; "
    "de stippellijnen tonen ze bij benadering.",
    "De marge bij een verhouding gaat alleen over toeval in de aantallen, niet over veranderde definities of "
    "registratiegewoonten.",
)


# -- every loaded year ------------------------------------------------------------------

KEY_FIGURES = "Kerncijfers"

#: The indicators of each workshop question (from the question registry), for the trend view and
#: the year comparison on each page; the key figures come first.
QUESTIONS: dict[str, tuple[str, ...]] = {
    KEY_FIGURES: tuple(spec.indicator for spec in TRENDS),
    **trend_topics(),
}

SOURCE_TABLE = "tabel"
SOURCE_TEXT = "toelichting"
#: Status of an indicator that a year's tables do not have at all.
ABSENT = "ontbreekt"

YEARS_SOURCE = (
    "Dashboard mensenhandel Oost-Nederland: tabellen van elk geladen jaar; 2019 uit de toelichting bij het "
    "dashboard 2022"
)

SERIES_SCHEMA = {
    "indicator": pl.String,
    "label": pl.String,
    "jaar": pl.Int64,
    "gebied": pl.String,
    "bron": pl.String,
    "waarde": pl.Int64,
    "status": pl.String,
    "ondergrens": pl.Boolean,
    "waarde_tekst": pl.String,
    "bron_gewijzigd": pl.Boolean,
    "opmerking": pl.String,
}

STEP_SCHEMA = {
    "indicator": pl.String,
    "label": pl.String,
    "gebied": pl.String,
    "jaar_van": pl.Int64,
    "jaar_naar": pl.Int64,
    "waarde_van": pl.Int64,
    "waarde_naar": pl.Int64,
    "tekst_van": pl.String,
    "tekst_naar": pl.String,
    "verschil": pl.Int64,
    "verandering": pl.Float64,
    "per_100k_van": pl.Float64,
    "per_100k_naar": pl.Float64,
    "ratio": pl.Float64,
    "ratio_onder": pl.Float64,
    "ratio_boven": pl.Float64,
    "ratio_tekst": pl.String,
    "oordeel": pl.String,
    "rij": pl.String,
    "bron_gewijzigd": pl.Boolean,
    "toelichting": pl.String,
}

_MISSING_WORDS = {
    EMPTY: "leeg (geen getal)",
    NOT_REPORTED: "? (geen opgave)",
    NOT_APPLICABLE: "- (niet van toepassing)",
}


@dataclass(frozen=True)
class AreaValue:
    """One indicator of one area in one year: the count (or why there is none) and for which area."""

    value: int | None
    status: str
    lower_bound: bool
    area: str
    note: str = ""

    def text(self, year: int) -> str:
        """The value in Dutch: ``188``, ``minstens 25``, ``? (geen opgave)``, ``niet in 2023``."""
        if self.status == REPORTED:
            return ("minstens " if self.lower_bound else "") + fmt_int(self.value)
        if self.status == ABSENT:
            return f"niet in {year}"
        return _MISSING_WORDS.get(self.status, self.status)


def _has_unknown_part(tidy: pl.DataFrame, indicator: str, district: str | None) -> bool:
    parts = tidy.filter(
        pl.col("indicator") == indicator,
        pl.col("gebiedstype") != AREA_TOTAL,
        pl.col("status") == NOT_REPORTED,
    )
    if district is not None:
        parts = parts.filter(pl.col("district") == district)
    return not parts.is_empty()


def area_value(tidy: pl.DataFrame, area: str, indicator: str) -> AreaValue:
    """The total of ``indicator`` for ``area`` (the unit or a district) in one tidy year.

    A total that includes a municipality marked '?' is a lower bound. Where the unit has
    no total of its own (casustafels) it is the sum of the district totals; where a
    district has none (CoMensHa, B8) the unit's figure is given, with a note.
    """
    totals = tidy.filter(pl.col("indicator") == indicator, pl.col("gebiedstype") == AREA_TOTAL)
    own = totals.filter(pl.col("gebied") == area)
    if not own.is_empty():
        row = own.row(0, named=True)
        district = None if area == UNIT else area
        bound = row["status"] == REPORTED and (
            _has_unknown_part(tidy, indicator, district) if indicator in DISTRICT_INDICATORS else False
        )
        return AreaValue(row["waarde"], row["status"], bound, area)
    if area == UNIT and not totals.is_empty():
        reported = totals.filter(pl.col("status") == REPORTED)
        unknown = totals.filter(pl.col("status") == NOT_REPORTED)
        note = "som van de districten"
        if reported.is_empty():
            status = totals["status"][0]
            return AreaValue(None, status, False, area, note)
        if not unknown.is_empty():
            note += f" ({', '.join(unknown['gebied'].to_list())}: geen opgave, niet meegeteld)"
        return AreaValue(int(reported["waarde"].sum()), REPORTED, not unknown.is_empty(), area, note)
    unit = totals.filter(pl.col("gebied") == UNIT)
    per_district = totals.filter(pl.col("gebied") != UNIT)
    if area != UNIT and not unit.is_empty() and per_district.is_empty():
        shown = area_value(tidy, UNIT, indicator)
        return AreaValue(
            shown.value,
            shown.status,
            shown.lower_bound,
            UNIT,
            f"alleen voor heel {UNIT} bekend, niet per district",
        )
    return AreaValue(None, ABSENT, False, area)


def _context_count(context: pl.DataFrame | None, code: str | None) -> int | None:
    row = None if context is None else _context_row(context, code)
    return None if row is None else round(row["waarde"])


def year_series(
    tidies: Sequence[pl.DataFrame],
    area: str,
    indicators: Sequence[str],
    context: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per indicator and year: the area's total in every loaded year, oldest first.

    ``bron`` is ``tabel`` for a year's tables. With ``context`` (the figures the 2022
    text states) the 2019 counts are added as ``toelichting`` rows where the shown area
    is the unit, and so are the text's 2022 counts where they differ from the table.
    A figure that only the unit has is labelled ``(heel Oost-Nederland)`` for a district.
    ``bron_gewijzigd`` marks a year whose source or definition changed
    (:data:`SOURCE_CHANGES`). ``waarde`` is empty when there is no count; ``status``
    says why (``leeg``, ``?``, ``-`` or ``ontbreekt``), never 0.
    """
    ordered = sorted(tidies, key=lambda t: int(t["jaar"][0]))
    specs = {spec.indicator: spec for spec in TRENDS}
    rows: list[dict] = []
    for indicator in indicators:
        spec = specs.get(indicator)
        values = [(int(t["jaar"][0]), area_value(t, area, indicator)) for t in ordered]
        shown_area = values[-1][1].area if values else area
        # A figure known only for the whole unit says so in its name when a district is chosen.
        name = label(indicator) if shown_area == area else f"{label(indicator)} (heel {UNIT})"
        if spec is not None and spec.base_code is not None and shown_area == UNIT:
            base = _context_count(context, spec.base_code)
            if base is not None:
                rows.append(
                    {
                        "indicator": indicator,
                        "label": name,
                        "jaar": BASE_YEAR,
                        "gebied": UNIT,
                        "bron": SOURCE_TEXT,
                        "waarde": base,
                        "status": REPORTED,
                        "ondergrens": False,
                        "waarde_tekst": fmt_int(base),
                        "bron_gewijzigd": False,
                        "opmerking": f"Uit de toelichting bij het dashboard {TEXT_YEAR}; de tabellen van "
                        f"{BASE_YEAR} zitten niet in de app.",
                    }
                )
        for year, value in values:
            change = source_change(indicator, year)
            notes = [n for n in (value.note, change.note if change else "") if n]
            if value.lower_bound:
                notes.append("Ondergrens: een deel gaf geen opgave ('?').")
            rows.append(
                {
                    "indicator": indicator,
                    "label": name,
                    "jaar": year,
                    "gebied": value.area,
                    "bron": SOURCE_TABLE,
                    "waarde": value.value,
                    "status": value.status,
                    "ondergrens": value.lower_bound,
                    "waarde_tekst": value.text(year),
                    "bron_gewijzigd": change is not None,
                    "opmerking": " ".join(notes),
                }
            )
            text_value = _context_count(context, spec.text_code) if spec is not None else None
            if (
                year == TEXT_YEAR
                and value.area == UNIT
                and text_value is not None
                and value.status == REPORTED
                and text_value != value.value
            ):
                rows.append(
                    {
                        "indicator": indicator,
                        "label": name,
                        "jaar": year,
                        "gebied": UNIT,
                        "bron": SOURCE_TEXT,
                        "waarde": text_value,
                        "status": REPORTED,
                        "ondergrens": False,
                        "waarde_tekst": fmt_int(text_value),
                        "bron_gewijzigd": False,
                        "opmerking": f"De toelichting noemt {fmt_int(text_value)}, de tabel "
                        f"{fmt_int(value.value)}; beide worden getoond.",
                    }
                )
    return pl.DataFrame(rows, schema=SERIES_SCHEMA)


def _area_inhabitants(population: pl.DataFrame, area: str, year: int) -> int | None:
    column = f"inwoners_{population_year(population, year)}"
    chosen = population if area == UNIT else population.filter(pl.col("district") == area)
    return int(chosen[column].sum()) if not chosen.is_empty() else None


def ratio_text(ratio: float | None, low: float | None, high: float | None) -> str:
    """A rate ratio with its margin in Dutch: ``1,40 (marge 0,82–2,42)``; an open upper end is 'onbegrensd'."""
    if low is None or high is None:
        return "niet te berekenen"
    top = "onbegrensd" if math.isinf(high) else fmt_dec(high, 2)
    if ratio is None:
        return f"niet te berekenen (vorig jaar 0; marge {fmt_dec(low, 2)}–{top})"
    return f"{fmt_dec(ratio, 2)} (marge {fmt_dec(low, 2)}–{top})"


def _signed(n: int) -> str:
    return ("+" if n > 0 else "−" if n < 0 else "±") + fmt_int(abs(n))


def _lower_first(text: str) -> str:
    """``Signalen mensenhandel`` -> ``signalen mensenhandel``; ``B8-aangiftes`` and ``CoMensHa`` stay."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _ratio_phrase(ratio: float | None, low: float | None, high: float | None) -> str:
    """``verhouding 1,40, marge 0,81–2,44`` for use inside a sentence."""
    if ratio is None or low is None or high is None:
        return "verhouding niet te berekenen"
    top = "onbegrensd" if math.isinf(high) else fmt_dec(high, 2)
    return f"verhouding {fmt_dec(ratio, 2)}, marge {fmt_dec(low, 2)}–{top}"


def year_steps(series: pl.DataFrame, population: pl.DataFrame | None = None) -> pl.DataFrame:
    """Each loaded year with tables against the loaded year before it, per indicator.

    Only ``tabel`` rows count (the 2019 text figures are compared on their own). Where
    both years have a count: the difference, the relative change and the rate ratio
    with its exact 95% interval (:func:`analysis.stats.rate_ratio_interval`). With
    ``population`` the exposure is the area's inhabitants in each year (the nearest CBS
    year) and the rates per 100.000 inhabitants are given; without, one year each.
    ``toelichting`` names a changed source, a lower bound, skipped years, or why there
    is no comparison.
    """
    table = series.filter(pl.col("bron") == SOURCE_TABLE).sort("jaar", maintain_order=True)
    rows: list[dict] = []
    for indicator in table["indicator"].unique(maintain_order=True).to_list():
        own = table.filter(pl.col("indicator") == indicator).to_dicts()
        for before, after in zip(own, own[1:], strict=False):
            notes = []
            both = before["status"] == REPORTED and after["status"] == REPORTED
            diff = relative = ratio = low = high = None
            rate_before = rate_after = None
            if both:
                k_new, k_old = after["waarde"], before["waarde"]
                diff = k_new - k_old
                relative = diff / k_old if k_old else None
                exposure_new = exposure_old = 1.0
                if population is not None:
                    pop_old = _area_inhabitants(population, before["gebied"], before["jaar"])
                    pop_new = _area_inhabitants(population, after["gebied"], after["jaar"])
                    if pop_old and pop_new:
                        exposure_old, exposure_new = float(pop_old), float(pop_new)
                        rate_before = k_old / pop_old * 100_000
                        rate_after = k_new / pop_new * 100_000
                ratio, low, high = rate_ratio_interval(k_new, exposure_new, k_old, exposure_old)
            else:
                missing = [
                    f"{r['jaar']}: {r['waarde_tekst']}" for r in (before, after) if r["status"] != REPORTED
                ]
                notes.append("Geen vergelijking: " + "; ".join(missing) + ".")
            if after["bron_gewijzigd"]:
                notes.append(after["opmerking"])
            bounds = [str(r["jaar"]) for r in (before, after) if r["ondergrens"]]
            if bounds:
                notes.append(f"Ondergrens in {' en '.join(bounds)}: een deel gaf geen opgave ('?').")
            if after["jaar"] - before["jaar"] > 1:
                gap = ", ".join(str(y) for y in range(before["jaar"] + 1, after["jaar"]))
                notes.append(f"Geen tabellen van {gap}.")
            if after["gebied"] != before["gebied"] or (
                after["gebied"] == UNIT and "alleen" in after["opmerking"]
            ):
                notes.append(f"Alleen voor heel {UNIT} bekend.")
            rows.append(
                {
                    "indicator": indicator,
                    "label": after["label"],
                    "gebied": after["gebied"],
                    "jaar_van": before["jaar"],
                    "jaar_naar": after["jaar"],
                    "waarde_van": before["waarde"],
                    "waarde_naar": after["waarde"],
                    "tekst_van": before["waarde_tekst"],
                    "tekst_naar": after["waarde_tekst"],
                    "verschil": diff,
                    "verandering": relative,
                    "per_100k_van": rate_before,
                    "per_100k_naar": rate_after,
                    "ratio": ratio,
                    "ratio_onder": low,
                    "ratio_boven": high,
                    "ratio_tekst": ratio_text(ratio, low, high) if both else "–",
                    "oordeel": _judgement(low, high) if both else "niet te beoordelen",
                    "rij": f"{after['label']} {before['jaar']} → {after['jaar']}: "
                    f"{before['waarde_tekst']} → {after['waarde_tekst']}",
                    "bron_gewijzigd": bool(after["bron_gewijzigd"]),
                    "toelichting": " ".join(notes),
                }
            )
    return pl.DataFrame(rows, schema=STEP_SCHEMA)


def _rate_text(rate: float | None) -> str:
    return "–" if rate is None else fmt_dec(rate, 1)


def steps_display(steps: pl.DataFrame, *, rates: bool = False, compact: bool = False) -> pl.DataFrame:
    """The steps as a table for the screen, every figure as Dutch text (counts before ratios).

    ``compact`` is for one pair of years: the years become the column heads and the area
    column is left out when all rows are about the same area.
    """
    steps = with_text(steps, "_verschil_tekst", lambda d: "–" if d is None else _signed(d), "verschil")
    signed = pl.col("_verschil_tekst").alias("Verschil")
    years = steps.select("jaar_van", "jaar_naar").unique()
    if compact and years.height == 1:
        before, after = str(years["jaar_van"][0]), str(years["jaar_naar"][0])
        columns = [pl.col("label").alias("Indicator")]
        if steps["gebied"].n_unique() > 1:
            columns.append(pl.col("gebied").alias("Gebied"))
        columns += [pl.col("tekst_van").alias(before), pl.col("tekst_naar").alias(after), signed]
    else:
        columns = [
            pl.col("label").alias("Indicator"),
            pl.col("gebied").alias("Gebied"),
            pl.format("{} → {}", "jaar_van", "jaar_naar").alias("Jaren"),
            pl.col("tekst_van").alias("Van"),
            pl.col("tekst_naar").alias("Naar"),
            signed,
        ]
    frame = steps.select(columns)
    if rates:
        per = [
            f"{_rate_text(a)} → {_rate_text(b)}"
            for a, b in zip(steps["per_100k_van"], steps["per_100k_naar"], strict=True)
        ]
        frame = frame.with_columns(pl.Series("Per 100.000 inwoners", per, dtype=pl.String))
    return frame.with_columns(
        steps["ratio_tekst"].alias("Verhouding (95%-marge)"),
        steps["oordeel"].alias("Oordeel"),
        steps["toelichting"].alias("Toelichting"),
    )


def _area_phrase(area: str) -> str:
    return f"in heel {UNIT}" if area == UNIT else f"in {area}"


def step_sentence(steps: pl.DataFrame, year: int, area: str, limit: int = 3) -> str | None:
    """What changed from the loaded year before ``year`` to ``year``, in one Dutch sentence; None without one."""
    into = steps.filter(pl.col("jaar_naar") == year)
    if into.is_empty():
        return None
    before = int(into["jaar_van"][0])
    compared = into.filter(pl.col("verschil").is_not_null())
    changed = compared.filter(pl.col("verschil") != 0)
    head = f"Van {before} naar {year} ({_area_phrase(area).removeprefix('in ')})"
    if compared.is_empty():
        return f"{head} is geen enkel cijfer van deze keuze in beide jaren bekend."
    if changed.is_empty():
        return f"{head} bleven alle {fmt_int(compared.height)} vergeleken cijfers gelijk."
    ordered = changed.with_columns(
        pl.col("verandering").abs().fill_null(float("inf")).alias("_grootte")
    ).sort("_grootte", descending=True, maintain_order=True)
    parts = [
        f"{_lower_first(r['label'])} {r['tekst_van']} → {r['tekst_naar']} ({_signed(r['verschil'])}; "
        f"{_ratio_phrase(r['ratio'], r['ratio_onder'], r['ratio_boven'])}: {r['oordeel']})"
        for r in ordered.head(limit).iter_rows(named=True)
    ]
    rest = changed.height - len(parts)
    same = compared.height - changed.height
    tail = []
    if rest > 0:
        tail.append(f"nog {fmt_int(rest)} {'cijfer veranderde' if rest == 1 else 'cijfers veranderden'}")
    if same > 0:
        tail.append(
            "het andere cijfer bleef gelijk"
            if same == 1
            else f"de andere {fmt_int(same)} cijfers bleven gelijk"
        )
    return f"{head}: " + "; ".join(parts) + (f"; {', '.join(tail)}" if tail else "") + "."


def years_answer(table: pl.DataFrame, steps: pl.DataFrame, year: int, area: str) -> str:
    """The page's answer: the comparison with 2019, followed by the step into ``year`` if there is one."""
    answer = trend_answer(table) if not table.is_empty() else ""
    step = step_sentence(steps, year, area)
    return " ".join(part for part in (answer, step) if part) or "Er is nog maar één jaar met cijfers geladen."


def step_prompt(steps: pl.DataFrame, year: int, area: str) -> str | None:
    """A workshop prompt on the largest change into ``year`` (by relative size), or None."""
    into = steps.filter(
        pl.col("jaar_naar") == year, pl.col("verschil").is_not_null(), pl.col("verschil") != 0
    )
    if into.is_empty():
        return None
    row = (
        into.with_columns(pl.col("verandering").abs().fill_null(float("inf")).alias("_g"))
        .sort("_g", descending=True, maintain_order=True)
        .row(0, named=True)
    )
    verb = "stegen" if row["verschil"] > 0 else "daalden"
    chance = (
        "Dat kan toeval zijn"
        if row["oordeel"] == "past binnen toeval"
        else "Dat is meer dan toeval alleen"
        if row["oordeel"] != "niet te beoordelen"
        else "Of dat toeval is, is niet te zeggen"
    )
    return (
        f"De {_lower_first(row['label'])} {_area_phrase(row['gebied'])} {verb} van {row['tekst_van']} "
        f"({row['jaar_van']}) naar {row['tekst_naar']} ({row['jaar_naar']}); "
        f"{_ratio_phrase(row['ratio'], row['ratio_onder'], row['ratio_boven'])}. {chance}. Wat is er "
        "veranderd: in de praktijk, in de aandacht, of in de manier van registreren?"
    )


def area_change_notes(tidies: Sequence[pl.DataFrame], district: str = UNIT) -> list[str]:
    """What changed in the municipalities named per district, between each loaded year and the one before.

    Mergers, renamings and municipalities that moved (:func:`analysis.intake.area_changes`);
    for a chosen district only the notes about it.
    """
    from analysis.intake import area_changes  # intake imports this module: import here

    ordered = sorted(tidies, key=lambda t: int(t["jaar"][0]))
    notes = []
    for before, after in zip(ordered, ordered[1:], strict=False):
        for finding in area_changes(after, before):
            if district == UNIT or finding.block == district or district in finding.message:
                notes.append(finding.message)
    return notes


COMPARE_DISPLAY_COLUMNS = (
    "Gebied",
    "Indicator",
    "Vorig jaar",
    "Nieuw jaar",
    "Verschil",
    "Verhouding (95%-marge)",
)


def _status_text(value: int | None, status: str | None, year: int) -> str:
    if status is None:
        return f"niet in {year}"
    if status == REPORTED:
        return fmt_int(value)
    return _MISSING_WORDS.get(status, status)


def comparison_display(comparison: pl.DataFrame) -> pl.DataFrame:
    """The output of :func:`analysis.intake.compare_years` as a table for the screen, in Dutch text.

    The column heads name the two years (``2022``, ``2023``).
    """
    if comparison.is_empty():
        return pl.DataFrame()
    old, new = int(comparison["jaar_vorig"][0]), int(comparison["jaar_nieuw"][0])
    rows = []
    for r in comparison.iter_rows(named=True):
        rows.append(
            {
                "Gebied": r["gebied"],
                "Indicator": r["label"],
                str(old): _status_text(r["waarde_vorig"], r["status_vorig"], old),
                str(new): _status_text(r["waarde_nieuw"], r["status_nieuw"], new),
                "Verschil": "–" if r["verschil"] is None else _signed(r["verschil"]),
                "Verhouding (95%-marge)": ratio_text(r["ratio"], r["ratio_ondergrens"], r["ratio_bovengrens"])
                if r["verschil"] is not None
                else "–",
                "Toelichting": r["toelichting"],
            }
        )
    return pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String))


def changed_first(comparison: pl.DataFrame) -> pl.DataFrame:
    """Rows of a :func:`analysis.intake.compare_years` table with a difference other than 0 (changes only)."""
    return comparison.filter(pl.col("verschil").is_not_null(), pl.col("verschil") != 0)


#: What to keep in mind when comparing loaded years, in the app's own words.
YEARS_CAVEATS: tuple[str, ...] = (
    "Een verschil tussen twee jaren kan toeval zijn, zeker bij kleine aantallen; de marge bij de verhouding "
    "laat zien hoe groot dat toeval kan zijn. Een marge die 1 omvat betekent: niet te onderscheiden van "
    "gelijk gebleven.",
    "Een jaar dat in deze sessie is toegevoegd, is niet door een beheerder nagekeken. Kijk bij twijfel op de "
    "pagina 'Nieuw jaar toevoegen' naar de controles.",
    "Als een gemeente in een jaar niet meer apart staat (samenvoeging, andere keuze), zijn de cijfers per "
    "gemeente en 'Overig' niet te vergelijken; de district- en eenheidstotalen wel.",
)


def known_indicators(codes: Sequence[str]) -> tuple[str, ...]:
    """The codes that are real indicators, in order (guards page-supplied lists)."""
    return tuple(code for code in codes if code in BY_CODE)


# ---------------------------------------------------------------------------
# Page view: everything the page 'Ontwikkeling' shows, in one call
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendsView:
    """2019 against 2022 as the text states it, and every loaded year for one topic and area."""

    district_note: str | None
    table: pl.DataFrame
    table_display: pl.DataFrame
    source_changes: list[str]
    ratios: pl.DataFrame
    ratios_display: pl.DataFrame
    series: pl.DataFrame
    series_display: pl.DataFrame
    area_notes: list[str]
    steps: pl.DataFrame
    steps_display: pl.DataFrame
    answer: str
    prompts: list[str]


def trends_view(years: Sequence[Tables], year: int, district: str, question: str) -> TrendsView:
    """The page for the loaded ``years`` (oldest first), the chosen ``year``, area and topic."""
    tidies = [t.tidy for t in years]
    context = years[0].context
    base = next(t.tidy for t in years if t.tidy["jaar"][0] == TEXT_YEAR)
    table = trend_table(base, context)
    ratios = ratio_rows(table)
    series = year_series(tidies, district, QUESTIONS[question], context)
    steps = year_steps(series, years[0].population)
    step = step_prompt(steps, year, district)
    prompts = trend_prompts(base, table, district)
    return TrendsView(
        district_note=district_note(base, district),
        table=table,
        table_display=table.select(
            "label",
            "soort",
            "waarde_2019",
            "tekst_2022",
            "tabel_2022",
            "verandering_tekst",
            "benadering",
            "opmerking",
        ),
        source_changes=source_changes(table),
        ratios=ratios,
        ratios_display=ratios.select(
            "rij", "waarde_2019", "waarde_2022", "ratio", "ratio_onder", "ratio_boven", "oordeel"
        ),
        series=series,
        series_display=series.select("label", "jaar", "gebied", "bron", "waarde_tekst", "opmerking"),
        area_notes=area_change_notes(tidies, district),
        steps=steps,
        steps_display=steps_display(steps, rates=True),
        answer=years_answer(table, steps, year, district),
        prompts=([step] if step else []) + prompts[: 4 - bool(step)],
    )
