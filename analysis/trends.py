"""What changed since 2019? The dashboard's text compares 2022 with the first dashboard (2019).

The tables of 2019 are not bundled; what is known about 2019 comes from the 2022 text:
three figures with a count for both years (signals, police investigations, B8
declarations) and a few relative statements without a 2019 count (online ads, CoMensHa
registrations, prostitution controls, OM intake). Where the text's 2022 figure differs
from the 2022 table, both are kept. For counts in both years the change comes with a
rate ratio and its exact (conditional-binomial) interval: is it more than chance?
"""

from dataclasses import dataclass

import polars as pl

from analysis.dutch import fmt_dec, fmt_int, fmt_pct
from analysis.geography import UNIT
from analysis.indicators import SOURCE_DASHBOARD
from analysis.stats import rate_ratio_interval

BASE_YEAR = 2019
TREND_SOURCE = (
    f"{SOURCE_DASHBOARD}: toelichting (cijfers 2019 en uitspraken over de ontwikkeling) en tabellen"
)

KIND_COUNT = "aantal in beide jaren"
KIND_STATEMENT = "uitspraak zonder aantal voor 2019"

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
        note="Andere bron: in 2019 telde de webcrawler van de politie, in 2022 die van Web-IQ. Een deel "
        "van de stijging kan dus door de andere manier van tellen komen.",
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
