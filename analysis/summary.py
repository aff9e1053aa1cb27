"""Key figures for an area, with their status and source, and the one-sentence answers."""

from dataclasses import dataclass, replace

import polars as pl

from analysis.checks import KIND_LOWER_BOUND, consistency_checks
from analysis.dataset import Tables
from analysis.dutch import fmt_int
from analysis.geography import UNIT
from analysis.indicators import BY_CODE, INTERVENTIONS
from analysis.parser import REPORTED
from analysis.ratios import chain_ratio

#: The key figures of the start page, grouped as the chain runs.
KEY_FIGURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Zichtbaar aanbod", ("seksadvertenties", "prostitutiecontroles", "bestuurlijke_rapportages")),
    ("Opsporing en vervolging", ("signalen", "strafrechtelijke_onderzoeken", "instroom_om")),
    ("Bestuurlijke opvolging", ("bestuurlijke_interventies", "zorgtrajecten")),
    ("Slachtoffers in beeld", ("comensha_slachtoffers", "b8_aangiftes")),
)

INTERVENTIONS_LABEL = "Bestuurlijke interventies"

#: The ratio that puts each key figure in context (its counts and interval).
CONTEXT_RATIO: dict[str, str] = {
    "prostitutiecontroles": "controles_per_1000_advertenties",
    "bestuurlijke_rapportages": "rapportages_per_controle",
    "strafrechtelijke_onderzoeken": "onderzoeken_per_signaal",
    "instroom_om": "instroom_per_signaal",
    "bestuurlijke_interventies": "interventies_per_rapportage",
    "zorgtrajecten": "zorgtrajecten_per_signaal",
}


@dataclass(frozen=True)
class KeyFigure:
    """One figure for the start page: value, whether it is a lower bound, and its source."""

    code: str
    label: str
    value: int | None
    status: str
    lower_bound: bool
    source: str
    note: str = ""
    detail: str = ""

    def value_text(self) -> str:
        """The value in Dutch, with 'minstens' for a lower bound and a word for missing."""
        if self.value is None:
            return "niet gerapporteerd" if self.status != REPORTED else "–"
        return ("minstens " if self.lower_bound else "") + fmt_int(self.value)


def _cell(tidy: pl.DataFrame, district: str, code: str) -> tuple[int | None, str]:
    found = tidy.filter(
        pl.col("gebied") == district, pl.col("gebiedstype") == "totaal", pl.col("indicator") == code
    )
    if found.is_empty():
        return None, "ontbreekt"
    return found["waarde"][0], found["status"][0]


def _is_lower_bound(checks: pl.DataFrame, district: str, codes: tuple[str, ...]) -> bool:
    flagged = checks.filter(
        pl.col("soort") == KIND_LOWER_BOUND, pl.col("gebied") == district, pl.col("indicator").is_in(codes)
    )
    return not flagged.is_empty()


def key_figure(tidy: pl.DataFrame, checks: pl.DataFrame, code: str, district: str = UNIT) -> KeyFigure:
    """Return one key figure for the unit or a district.

    ``bestuurlijke_interventies`` is the sum of warnings, fines, orders subject to
    penalty, closures and other interventions (care trajectories excluded).
    """
    if code == "bestuurlijke_interventies":
        cells = [_cell(tidy, district, c) for c in INTERVENTIONS]
        known = [v for v, _ in cells if v is not None]
        value = sum(known) if known else None
        status = REPORTED if known else cells[0][1]
        return KeyFigure(
            code,
            INTERVENTIONS_LABEL,
            value,
            status,
            _is_lower_bound(checks, district, INTERVENTIONS),
            BY_CODE["waarschuwingen"].source,
            "waarschuwingen, boetes, dwangsommen, sluitingen en overige; zonder zorgtrajecten",
        )
    value, status = _cell(tidy, district, code)
    indicator = BY_CODE[code]
    return KeyFigure(
        code, indicator.label, value, status, _is_lower_bound(checks, district, (code,)), indicator.source
    )


def ratio_detail(tidy: pl.DataFrame, code: str, district: str = UNIT) -> str:
    """A sentence with the ratio that puts a key figure in context, with counts and interval."""
    if code not in CONTEXT_RATIO:
        return ""
    ratio = chain_ratio(tidy, CONTEXT_RATIO[code], district=None if district == UNIT else district)
    if ratio.value is None:
        return f"{ratio.counts_text()}: niet te berekenen."
    text = f"{ratio.value_text()}: {ratio.counts_text()} (marge {ratio.interval_text()})."
    if ratio.left_out:
        text += " Zonder " + ", ".join(ratio.left_out) + " (geen opgave)."
    return text


def key_figures(
    tidy: pl.DataFrame, checks: pl.DataFrame, district: str = UNIT
) -> list[tuple[str, list[KeyFigure]]]:
    """Return the start page's key figures for the unit or one district, grouped by section.

    Each figure carries a ``detail`` with the ratio that puts it in context.
    Unit-only blocks (CoMensHa, B8) are left out for a district.
    """
    groups = []
    for section, codes in KEY_FIGURES:
        figures = [
            replace(key_figure(tidy, checks, c, district), detail=ratio_detail(tidy, c, district))
            for c in codes
        ]
        figures = [f for f in figures if f.status != "ontbreekt"]
        if figures:
            groups.append((section, figures))
    return groups


def headline(tidy: pl.DataFrame, district: str = UNIT) -> str:
    """One sentence that answers 'what happened to the signals?': ``22 van de 188 signalen (11,7%) leidden ...``.

    The counts come first, in words; the margin stays on the cards below.
    """
    ratio = chain_ratio(tidy, "onderzoeken_per_signaal", district=None if district == UNIT else district)
    year = int(tidy["jaar"][0])
    where = "Oost-Nederland" if district == UNIT else f"district {district}"
    verb = "leidde" if ratio.numerator == 1 else "leidden"
    return (
        f"{fmt_int(ratio.numerator)} van de {fmt_int(ratio.denominator)} signalen van mensenhandel "
        f"({ratio.value_text()}) {verb} in {year} in {where} tot een strafrechtelijk onderzoek van enige omvang."
    )


#: The two chains of the start page, each step with the ratio to the step before it.
CHAINS: tuple[tuple[str, tuple[tuple[str, str | None, str], ...]], ...] = (
    (
        "Bestuurlijke keten",
        (
            ("seksadvertenties", None, "Seksadvertenties"),
            ("prostitutiecontroles", "controles_per_1000_advertenties", "Controles"),
            ("bestuurlijke_rapportages", "rapportages_per_controle", "Rapportages"),
            ("bestuurlijke_interventies", "interventies_per_rapportage", "Interventies"),
        ),
    ),
    (
        "Strafrechtelijke keten",
        (
            ("signalen", None, "Signalen"),
            ("strafrechtelijke_onderzoeken", "onderzoeken_per_signaal", "Onderzoeken"),
            ("instroom_om", "instroom_per_signaal", "Instroom OM"),
        ),
    ),
)

CHAIN_SCHEMA = {
    "keten": pl.String,
    "stap": pl.Int64,
    "indicator": pl.String,
    "label": pl.String,
    "kort": pl.String,
    "aantal": pl.Int64,
    "aantal_tekst": pl.String,
    "ondergrens": pl.Boolean,
    "verhouding_tekst": pl.String,
}


def chain_steps(tidy: pl.DataFrame, checks: pl.DataFrame, district: str = UNIT) -> pl.DataFrame:
    """Return the steps of both chains for the unit or a district, with counts and step ratios.

    Each step carries its count (``minstens`` where a ``?`` makes it a lower bound)
    and the ratio to the previous step with its counts and exact interval.
    """
    rows = []
    scope = None if district == UNIT else district
    for chain, steps in CHAINS:
        for number, (code, ratio_key, short) in enumerate(steps, start=1):
            figure = key_figure(tidy, checks, code, district)
            ratio_text = ""
            if ratio_key is not None:
                ratio = chain_ratio(tidy, ratio_key, district=scope)
                ratio_text = f"{ratio.value_text()} ({ratio.counts_text()}; marge {ratio.interval_text()})"
                if ratio.left_out:
                    ratio_text += "; zonder " + ", ".join(ratio.left_out)
            rows.append(
                {
                    "keten": chain,
                    "stap": number,
                    "indicator": code,
                    "label": figure.label,
                    "kort": short,
                    "aantal": figure.value,
                    "aantal_tekst": figure.value_text(),
                    "ondergrens": figure.lower_bound,
                    "verhouding_tekst": ratio_text,
                }
            )
    return pl.DataFrame(rows, schema=CHAIN_SCHEMA)


#: The group of key figures the start page shows beside the chain.
VICTIMS_GROUP = "Slachtoffers in beeld"


@dataclass(frozen=True)
class StartView:
    """What the start page shows for one area: the headline, the chain, the victims in view, the checks."""

    headline: str
    steps: pl.DataFrame
    victims: list[KeyFigure]
    checks: pl.DataFrame


def start_view(tables: Tables, district: str = UNIT) -> StartView:
    """The start page's figures for ``district`` (or the whole unit)."""
    checks = consistency_checks(tables.tidy, tables.context)
    groups = dict(key_figures(tables.tidy, checks, district))
    return StartView(
        headline=headline(tables.tidy, district),
        steps=chain_steps(tables.tidy, checks, district),
        victims=groups.get(VICTIMS_GROUP, []),
        checks=checks,
    )
