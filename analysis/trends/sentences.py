"""The page's sentences: the answer, the notes and the workshop prompts, read from the computed tables.

These functions only word what :mod:`.base_years` and :mod:`.series` computed; the
phrases they share live in :mod:`.wording`.
"""

from typing import Any

import polars as pl

from analysis.dutch import fmt_dec, fmt_int, fmt_pct, join_words, lower_first, signed
from analysis.geography import UNIT
from analysis.headlines import fitting
from analysis.trends.base_years import (
    BASE_VALUE,
    TABLE_VALUE,
    TEXT_VALUE,
    differing_figures,
    district_share,
    table_row,
)
from analysis.trends.series import steps_into
from analysis.trends.sources import BASE_YEAR, TEXT_YEAR, TREND_BY_INDICATOR
from analysis.trends.wording import (
    JUDGEMENT_CHANCE,
    JUDGEMENT_NONE,
    approximate_pct,
    area_phrase,
    ratio_phrase,
    signed_pct,
)
from analysis.trends.wording import trend_caveats as caveat_texts

# -- the comparison with 2019 ---------------------------------------------------------------------


def _count_phrase(r: dict[str, Any]) -> str:
    """``203 → 188`` or ``54 → 32 volgens de tekst, 22 volgens de tabel``."""
    if r["tekst_wijkt_af"]:
        return (
            f"{fmt_int(r[BASE_VALUE])} → {fmt_int(r[TEXT_VALUE])} volgens de tekst, "
            f"{fmt_int(r[TABLE_VALUE])} volgens de tabel"
        )
    now = r[TEXT_VALUE] if r[TEXT_VALUE] is not None else r[TABLE_VALUE]
    return f"{fmt_int(r[BASE_VALUE])} → {fmt_int(now)}"


def _from_to(r: dict[str, Any]) -> str:
    """``van 54 naar 32 (tekst) of 22 (tabel)``, or ``van 203 naar 188``."""
    if r["tekst_wijkt_af"]:
        return (
            f"van {fmt_int(r[BASE_VALUE])} naar {fmt_int(r[TEXT_VALUE])} (tekst) of "
            f"{fmt_int(r[TABLE_VALUE])} (tabel)"
        )
    now = r[TEXT_VALUE] if r[TEXT_VALUE] is not None else r[TABLE_VALUE]
    return f"van {fmt_int(r[BASE_VALUE])} naar {fmt_int(now)}"


def _movement(change: float) -> str:
    if abs(change) < 0.1:
        return "bleven bijna gelijk"
    return "daalden" if change < 0 else "stegen"


def _headline_counts(r: dict[str, Any]) -> str:
    """``54 → 32, in de tabel 22`` when text and table differ, else ``203 → 188``: short, for the headline."""
    now = r[TEXT_VALUE] if r[TEXT_VALUE] is not None else r[TABLE_VALUE]
    text = f"{fmt_int(r[BASE_VALUE])} → {fmt_int(now)}"
    if r["tekst_wijkt_af"]:
        text += f", in de tabel {fmt_int(r[TABLE_VALUE])}"
    return text


def _verb(changes: list[float]) -> str:
    """``daalden`` when every change is a fall, ``stegen`` when every one rises, else ``veranderden``."""
    if all(c < 0 for c in changes):
        return "daalden"
    if all(c > 0 for c in changes):
        return "stegen"
    return "veranderden"


#: The indicators the answer names first, as strong changes, when the table has them.
STRONG_INDICATORS = ("strafrechtelijke_onderzoeken", "b8_aangiftes")


def _strong_rows(table: pl.DataFrame) -> list[dict[str, Any]]:
    rows = (table_row(table, indicator) for indicator in STRONG_INDICATORS)
    return [r for r in rows if r is not None and r["verandering"] is not None]


def lead_indicator(table: pl.DataFrame) -> str:
    """The indicator :func:`trend_answer` names first: the first strong change, else the signals."""
    strong = _strong_rows(table)
    return str(strong[0]["indicator"]) if strong else "signalen"


def trend_answer(table: pl.DataFrame) -> str:
    """The answer since 2019, largest changes first, within 30 words.

    ``Sinds 2019 daalden de strafrechtelijke onderzoeken (54 → 32, in de tabel 22) en de
    B8-aangiftes (126 → 14, in de tabel 13) sterk; de signalen daalden licht (203 → 188, −7,4%).``
    The ads, counted with another webcrawler, are left to the warning and the charts below.
    """
    signals = table_row(table, "signalen")
    strong = _strong_rows(table)
    parts = []
    if strong:
        phrases = join_words(f"de {r['naam']} ({_headline_counts(r)})" for r in strong)
        parts.append(f"Sinds {BASE_YEAR} {_verb([r['verandering'] for r in strong])} {phrases} sterk")
    if signals is not None and signals["verandering"] is not None:
        size = "licht" if abs(signals["verandering"]) < 0.1 else "flink"
        verb = "daalden" if signals["verandering"] < 0 else "stegen"
        counts = f"{_headline_counts(signals)}, {signed_pct(signals['verandering'])}"
        since = "" if strong else f"sinds {BASE_YEAR} "
        parts.append(f"de signalen {verb} {since}{size} ({counts})")
    if not parts:
        return f"Voor {BASE_YEAR} zijn geen vergelijkbare cijfers bekend."
    sentence = "; ".join(parts)
    return sentence[:1].upper() + sentence[1:] + "."


def district_note(tidy: pl.DataFrame, district: str) -> str | None:
    """For a chosen district: say that 2019 is known only for the unit, and give the district's 2022 share."""
    if district == UNIT:
        return None
    parts = []
    for indicator in ("signalen", "strafrechtelijke_onderzoeken"):
        share = district_share(tidy, district, indicator)
        if share is not None:
            own, total = share
            parts.append(f"{fmt_int(own)} van de {fmt_int(total)} {TREND_BY_INDICATOR[indicator].short_noun}")
    share_text = f" In {TEXT_YEAR} kwamen {join_words(parts)} uit {district}." if parts else ""
    return (
        f"Voor {BASE_YEAR} noemt de toelichting alleen cijfers voor heel {UNIT}; deze pagina "
        f"vergelijkt daarom de eenheid, ook met {district} gekozen.{share_text}"
    )


def trend_prompts(tidy: pl.DataFrame, table: pl.DataFrame, district: str = UNIT) -> list[str]:
    """Two to four workshop prompts from the comparison (one about the chosen district)."""
    prompts = []
    signals = table_row(table, "signalen")
    investigations = table_row(table, "strafrechtelijke_onderzoeken")
    if signals is not None and investigations is not None and signals["verandering"] is not None:
        prompts.append(
            f"De signalen {_movement(signals['verandering'])} ({_from_to(signals)}; verhouding "
            f"{fmt_dec(signals['ratio'], 2)}, marge {fmt_dec(signals['ratio_onder'], 2)}–"
            f"{fmt_dec(signals['ratio_boven'], 2)}), terwijl de onderzoeken "
            f"{_movement(investigations['verandering'])} {_from_to(investigations)}. "
            + (
                f"Welk getal voor {TEXT_YEAR} klopt, en waarom"
                if investigations["tekst_wijkt_af"]
                else "Waarom"
            )
            + " leiden minder signalen tot een onderzoek: capaciteit, prioriteit, of grotere zaken?"
        )
    b8 = table_row(table, "b8_aangiftes")
    if b8 is not None and b8["verandering"] is not None:
        prompts.append(
            f"De B8-aangiftes {_movement(b8['verandering'])} {_from_to(b8)}, "
            f"{signed_pct(b8['verandering'], 0)}. De toelichting wijst op corona en het beleid bij een "
            "Dublinindicatie. Zien jullie dat in de praktijk, of spelen er ook andere redenen?"
        )
    ads = table_row(table, "seksadvertenties")
    controls = table_row(table, "prostitutiecontroles")
    if ads is not None and controls is not None and ads["verandering"] is not None:
        prompts.append(
            f"Het online aanbod groeide met {approximate_pct(ads['verandering'], ads['benadering'])} (let op: "
            f"andere webcrawler dan in {BASE_YEAR}), terwijl het aantal controles rond de 150 bleef "
            f"({fmt_int(controls[TABLE_VALUE])} in de tabel {TEXT_YEAR}). Past de controlecapaciteit nog bij "
            "het aanbod?"
        )
    if district != UNIT:
        share = district_share(tidy, district, "signalen")
        if share is not None:
            own, total = share
            prompts.append(
                f"In {TEXT_YEAR} kwamen {fmt_int(own)} van de {fmt_int(total)} signalen uit {district} "
                f"({fmt_pct(own / total)}). Voor {BASE_YEAR} heeft deze app alleen cijfers voor de "
                f"eenheid: wie kent de cijfers van {district} uit het dashboard {BASE_YEAR}, en is het beeld "
                "veranderd?"
            )
    else:
        comensha = table_row(table, "comensha_slachtoffers")
        if comensha is not None and comensha["verandering"] is not None:
            prompts.append(
                f"CoMensHa registreerde {approximate_pct(comensha['verandering'], comensha['benadering'])} minder "
                f"slachtoffers ({fmt_int(comensha[TABLE_VALUE])} in {TEXT_YEAR}), terwijl de Nationaal "
                "Rapporteur verwacht dat het werkelijke aantal niet daalde. Betekent minder registraties minder "
                "slachtoffers, of minder zicht?"
            )
    return prompts[:4]


def source_changes(table: pl.DataFrame) -> list[str]:
    """Warnings for indicators whose source or definition changed since 2019."""
    changed = table.filter(pl.col("bron_gewijzigd"))
    return [f"{r['label']}: {r['opmerking']}" for r in changed.iter_rows(named=True)]


def trend_caveats(table: pl.DataFrame) -> list[str]:
    """What to keep in mind when comparing with 2019, naming the figures whose text and table disagree."""
    return caveat_texts(differing_figures(table))


# -- every loaded year ----------------------------------------------------------------------------


def step_sentence(
    steps: pl.DataFrame, year: int, area: str, limit: int = 3, *, ratios: bool = True
) -> str | None:
    """What changed from the loaded year before ``year`` to ``year``, in one Dutch sentence; None without one.

    With ``ratios`` each change carries its rate ratio and margin; without, only whether it
    is more than chance (for the page's answer, which names no margins).
    """
    into = steps_into(steps, year)
    if into is None:
        return None
    head = f"Van {into.before} naar {year} ({area_phrase(area).removeprefix('in ')})"
    if into.compared == 0:
        return f"{head} is geen enkel cijfer van deze keuze in beide jaren bekend."
    if into.changed.is_empty():
        return f"{head} bleven alle {fmt_int(into.compared)} vergeleken cijfers gelijk."
    parts = [
        f"{lower_first(r['label'])} {r['tekst_van']} → {r['tekst_naar']} ({signed(r['verschil'])}; "
        + (f"{ratio_phrase(r['ratio'], r['ratio_onder'], r['ratio_boven'])}: " if ratios else "")
        + f"{r['oordeel']})"
        for r in into.changed.head(limit).iter_rows(named=True)
    ]
    rest = into.changed.height - len(parts)
    same = into.compared - into.changed.height
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
    """The page's answer, within 30 words: the step into ``year`` when there is one, else the comparison with 2019.

    The step names as many changes as fit; the comparison with 2019 leads only while one
    year of tables is loaded.
    """
    answer = trend_answer(table) if not table.is_empty() else ""
    steps_told = [step_sentence(steps, year, area, limit, ratios=False) for limit in (3, 2, 1)]
    step = [s for s in steps_told if s]
    if not step:
        return answer or "Er is nog maar één jaar met cijfers geladen."
    return fitting(*(f"{answer} {s}" for s in step if answer), *step)


def step_prompt(steps: pl.DataFrame, year: int, area: str) -> str | None:
    """A workshop prompt on the largest change into ``year`` (by relative size), or None."""
    into = steps_into(steps, year)
    if into is None or into.changed.is_empty():
        return None
    row = into.changed.row(0, named=True)
    verb = "stegen" if row["verschil"] > 0 else "daalden"
    chance = (
        "Dat kan toeval zijn"
        if row["oordeel"] == JUDGEMENT_CHANCE
        else "Dat is meer dan toeval alleen"
        if row["oordeel"] != JUDGEMENT_NONE
        else "Of dat toeval is, is niet te zeggen"
    )
    return (
        f"De {lower_first(row['label'])} {area_phrase(row['gebied'])} {verb} van {row['tekst_van']} "
        f"({row['jaar_van']}) naar {row['tekst_naar']} ({row['jaar_naar']}); "
        f"{ratio_phrase(row['ratio'], row['ratio_onder'], row['ratio_boven'])}. {chance}. Wat is er "
        "veranderd: in de praktijk, in de aandacht, of in de manier van registreren?"
    )
