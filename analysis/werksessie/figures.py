"""The figures a werksessie lets participants estimate, where each comes from, and the link to its view.

Which figures there are, and on which page each is discussed, comes from the question registry
(:mod:`analysis.questions`); their questions come from :mod:`analysis.werksessie.wording`.

Every figure says what it is (:class:`FigureOrigin`): a number printed in the dashboard, a number
the app computed from printed counts (a share, a rate, a sum over districts), or the app's own
estimate (the expected number of victims: a national estimate shared out by population). A reveal
names the source and never calls a computed figure published.

A session made for one or two districts gets those districts' figures: counts are summed over the
districts before dividing. A figure that exists only for the whole unit keeps the unit's value and
says why in ``area_note``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from urllib.parse import urlencode

import polars as pl

from analysis.checks import context_value
from analysis.dutch import fmt_int, fmt_pct, join_words
from analysis.geography import NETHERLANDS_POPULATION, UNIT
from analysis.population import unit_population
from analysis.questions import estimate_keys, estimate_question
from analysis.ratios import RATIOS, Ratio, chain_ratio, exact_ratio
from analysis.scenario import run_scenario
from analysis.scenario.model import DEFAULT_ESTIMATE_CODE, TEXT_REGIONAL_CODE, estimate_year
from analysis.werksessie.session import FigureUnit, session_area
from analysis.werksessie.wording import (
    EXPECTED_NOTE,
    FIGURE_QUESTIONS,
    area_text,
    left_out_note,
    share_counts_text,
    signals_counts_text,
)

#: Keys of the figures a facilitator may choose, in the order of the route.
FIGURE_KEYS: tuple[str, ...] = estimate_keys()


class FigureOrigin(StrEnum):
    """Where a figure's value comes from; the value is the label a reveal shows next to the number."""

    PUBLISHED = "Gepubliceerd cijfer"
    FROM_COUNTS = "Berekend uit gepubliceerde aantallen"
    APP = "Berekend door de app"


@dataclass(frozen=True)
class Reference:
    """A published number shown beside a figure that is not itself published (the text's ~1.150)."""

    label: str
    value: float
    value_text: str
    counts_text: str
    source: str


@dataclass(frozen=True)
class Figure:
    """A figure to estimate: the question, its value and origin, the counts behind it, its source and page.

    ``area`` names the area the value describes (``Oost-Nederland``, ``district Twente``,
    ``de districten Twente en IJsselland``); ``area_note`` says why the value is the unit's when
    the session chose districts. ``references`` are published numbers to show beside a value
    that is not published itself.
    """

    key: str
    question: str
    unit: FigureUnit
    value: float
    value_text: str
    counts_text: str
    source: str
    page: str
    low: float = 0.0
    high: float = 1000.0
    note: str = ""
    origin: FigureOrigin = FigureOrigin.PUBLISHED
    area: str = "Oost-Nederland"
    area_note: str | None = None
    references: tuple[Reference, ...] = ()

    @property
    def published(self) -> bool:
        """True when the value is printed as such in the source; False when the app computed it."""
        return self.origin == FigureOrigin.PUBLISHED

    @property
    def value_label(self) -> str:
        """What the value is, for a reveal: ``Gepubliceerd cijfer``, ``Berekend door de app``, ..."""
        return self.origin.value

    def format(self, value: float | None) -> str:
        """A value in this figure's unit, Dutch formatting."""
        if value is None:
            return "–"
        if self.unit == FigureUnit.PERCENT:
            return fmt_pct(value / 100)
        if self.unit == FigureUnit.PER_100:
            return f"{fmt_int(value)} {FigureUnit.PER_100}"
        return fmt_int(value)


# ---------------------------------------------------------------------------
# Wording of sources and area notes (kept here until it can join wording.py)
# ---------------------------------------------------------------------------


#: Where in the tables each figure is printed, with who supplies it.
TABLE_PLACES: dict[str, str] = {
    "signalen": "rij 'Signalen mensenhandel' (politie, BVH)",
    "onderzoek": "rijen 'Strafrechtelijke onderzoeken' en 'Signalen mensenhandel' (politie, BVH en MRO)",
    "interventies": (
        "blok 'Bestuurlijke opvolging' (waarschuwingen, boetes, dwangsommen, sluitingen en andere "
        "interventies; gemeenten, eigen opgave) en rij 'Bestuurlijke rapportages politie/OM'"
    ),
}


def table_source(year: int, key: str) -> str:
    """The exact source of a figure from the tables: ``Dashboard ... 2022, rij 'Signalen mensenhandel' (...)``."""
    return f"Dashboard mensenhandel Oost-Nederland {year}, {TABLE_PLACES[key]}"


def districts_text(districts: Sequence[str]) -> str:
    """The area of a session in a sentence: ``Oost-Nederland``, ``district Twente``, ``de districten A en B``."""
    if not districts:
        return area_text(UNIT)
    if len(districts) == 1:
        return area_text(districts[0])
    return "de districten " + join_words(list(districts))


def sum_counts_text(parts: Sequence[tuple[str, int]], noun: str) -> str:
    """A sum over districts with its parts: ``66 signalen (Twente 41 + IJsselland 25)``."""
    total = sum(n for _, n in parts)
    terms = " + ".join(f"{name} {fmt_int(n)}" for name, n in parts)
    return f"{fmt_int(total)} {noun} ({terms})"


def unit_only_note(districts: Sequence[str], reason: str) -> str:
    """Why a district session sees the unit's figure: ``Voor district Twente ...: <reason>. Hier staat ...``."""
    return (
        f"Geen cijfer voor {districts_text(districts)}: {reason}. Hier staat daarom het cijfer voor heel "
        "Oost-Nederland."
    )


#: Why the expected number of victims exists only for the unit.
EXPECTED_UNIT_ONLY = (
    "de landelijke schatting wordt in de toelichting van het dashboard alleen voor heel Oost-Nederland "
    "omgerekend (de pagina Onzichtbare slachtoffers verdeelt haar per district naar inwoners)"
)


def not_in_tables_text(names: Sequence[str], year: int) -> str:
    """Why a session's district has no figures: ``Atlantis staat niet in de tabellen van 2022``."""
    verb = "staat" if len(names) == 1 else "staan"
    quoted = join_words([f"'{n}'" for n in names])
    return f"{quoted} {verb} niet in de tabellen van {year}"


#: Why a ratio cannot be computed for the session's districts.
NO_DENOMINATOR = "de districten hebben samen geen {noun} in de tabel"


def expected_source(context: pl.DataFrame, population_year: int) -> str:
    """The exact source of the app's expected number of victims: what it multiplied, and from where."""
    row = context.filter(pl.col("code") == DEFAULT_ESTIMATE_CODE).row(0, named=True)
    dashboard = str(row["bron"]).split(",")[0]
    return (
        f"Nationaal Rapporteur Mensenhandel: meer dan {fmt_int(row['waarde'])} slachtoffers in Nederland in "
        f"{row['jaar']} (genoemd in de toelichting van het {dashboard}), × het aandeel van Oost-Nederland in de "
        f"bevolking op 1 januari {population_year} (CBS StatLine 37259)"
    )


def text_estimate_note(text_value: float, national: float, computed: float, share: float) -> str:
    """The text's published regional estimate beside the app's figure, with the counts behind both."""
    return (
        f"De toelichting van het dashboard noemt zelf ongeveer {fmt_int(text_value)} slachtoffers voor "
        f"Oost-Nederland ({fmt_int(text_value)} van {fmt_int(national)} = {fmt_pct(text_value / national)} van "
        f"de landelijke schatting). Naar inwonertal verdeeld ({fmt_pct(share)}) is het {fmt_int(computed)}; "
        f"hoe de opstellers op {fmt_int(text_value)} kwamen, staat er niet bij."
    )


def population_counts_text(national: float, unit_inhabitants: int, national_inhabitants: int) -> str:
    """How the app's expectation is made, with the inhabitants: ``5.500 × 3.302.925 / 17.590.672 inwoners``."""
    share = unit_inhabitants / national_inhabitants
    return (
        f"landelijke schatting {fmt_int(national)} × inwonersaandeel {fmt_pct(share)} "
        f"({fmt_int(unit_inhabitants)} van {fmt_int(national_inhabitants)} inwoners)"
    )


#: How the text's regional figure is labelled beside the app's figure.
TEXT_ESTIMATE_LABEL = "Gepubliceerd in de toelichting"


# ---------------------------------------------------------------------------
# Computing the figures
# ---------------------------------------------------------------------------


def _value(ratio: Ratio) -> float:
    """A ratio's value; a figure cannot be estimated without one (no denominator)."""
    if ratio.value is None:
        raise ValueError(f"{ratio.label}: no value to estimate (the denominator is 0)")
    return ratio.value


def table_districts(tidy: pl.DataFrame) -> tuple[str, ...]:
    """The districts in a year's tables, in the order of the tables (the unit left out)."""
    return tuple(d for d in tidy["district"].unique(maintain_order=True).to_list() if d != UNIT)


def session_districts(
    tidy: pl.DataFrame, area: str | Sequence[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The districts a session's figures describe (empty for the whole unit), and the names not in the tables.

    ``area`` is one name (a district or the unit, as before) or the session's districts. The
    unit's name, repeats and order do not matter; all districts of the tables together are the
    unit. A name that is no district of this year's tables is returned apart, so the figures can
    fall back to the unit and say why.
    """
    names = [area] if isinstance(area, str) else list(area)
    known = table_districts(tidy)
    chosen: list[str] = []
    missing: list[str] = []
    for name in names:
        if name == UNIT or name in chosen or name in missing:
            continue
        (chosen if name in known else missing).append(name)
    return (() if set(chosen) == set(known) else tuple(chosen)), tuple(missing)


@dataclass(frozen=True)
class _AreaRatio:
    """A ratio for the session's area, the parts it was summed from, and a note when it is the unit's."""

    ratio: Ratio
    parts: tuple[tuple[str, Ratio], ...]
    area_note: str | None


def _area_ratio(tidy: pl.DataFrame, key: str, districts: Sequence[str]) -> _AreaRatio:
    """Ratio ``key`` summed over ``districts`` (counts first, then divided); the unit's when that is impossible."""
    unit = chain_ratio(tidy, key)
    if not districts:
        return _AreaRatio(unit, (), None)
    parts = tuple((d, chain_ratio(tidy, key, district=d)) for d in districts)
    if len(parts) == 1:
        ratio = parts[0][1]
    else:
        first = parts[0][1]
        ratio = exact_ratio(
            sum(r.numerator for _, r in parts),
            sum(r.denominator for _, r in parts),
            RATIOS[key].kind,
            label=first.label,
            scale=first.scale,
            left_out=tuple(a for _, r in parts for a in r.left_out),
            numerator_label=first.numerator_label,
            denominator_label=first.denominator_label,
        )
    if ratio.value is None:
        reason = NO_DENOMINATOR.format(noun=unit.denominator_label or "noemer")
        return _AreaRatio(unit, (), unit_only_note(districts, reason))
    return _AreaRatio(ratio, parts, None)


def published_figures(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    context: pl.DataFrame,
    area: str | Sequence[str] = UNIT,
) -> dict[str, Figure]:
    """The figures participants can estimate, for the session's area, from the tables of one year.

    ``area`` is the session's districts (one or two names; none or the unit's name for the whole
    unit), or a single name as before. Counts are summed over the districts before dividing; a
    figure that exists only for the unit keeps the unit's value with ``area_note`` saying why.
    """
    year = int(tidy["jaar"][0])
    districts, missing = session_districts(tidy, area)
    if missing:
        note = unit_only_note([*districts, *missing], not_in_tables_text(missing, year))
        unit = published_figures(tidy, population, context)
        return {key: replace(figure, area_note=note) for key, figure in unit.items()}
    where = districts_text(districts)

    def question(key: str) -> str:
        return FIGURE_QUESTIONS[key].format(year=year, where=where)

    followup = _area_ratio(tidy, "onderzoeken_per_signaal", districts)
    interventions = _area_ratio(tidy, "interventies_per_rapportage", districts)
    signals = followup.ratio.denominator
    summed = len(followup.parts) > 1
    per_100 = _value(interventions.ratio) * 100
    figures = {
        "signalen": Figure(
            key="signalen",
            question=question("signalen"),
            unit=FigureUnit.COUNT,
            value=float(signals),
            value_text=fmt_int(signals),
            counts_text=(
                sum_counts_text([(d, r.denominator) for d, r in followup.parts], "geregistreerde signalen")
                if summed
                else signals_counts_text(signals)
            ),
            source=table_source(year, "signalen"),
            page=estimate_question("signalen").slug,
            low=0,
            high=1000,
            origin=FigureOrigin.FROM_COUNTS if summed else FigureOrigin.PUBLISHED,
            area=where if followup.area_note is None else area_text(UNIT),
            area_note=followup.area_note,
        ),
        "onderzoek": Figure(
            key="onderzoek",
            question=question("onderzoek"),
            unit=FigureUnit.PERCENT,
            value=_value(followup.ratio) * 100,
            value_text=fmt_pct(followup.ratio.value),
            counts_text=share_counts_text(followup.ratio),
            source=table_source(year, "onderzoek"),
            page=estimate_question("onderzoek").slug,
            low=0,
            high=100,
            note=left_out_note(followup.ratio.left_out),
            origin=FigureOrigin.FROM_COUNTS,
            area=where if followup.area_note is None else area_text(UNIT),
            area_note=followup.area_note,
        ),
        "interventies": Figure(
            key="interventies",
            question=question("interventies"),
            unit=FigureUnit.PER_100,
            value=per_100,
            value_text=f"{fmt_int(per_100)} {FigureUnit.PER_100}",
            counts_text=interventions.ratio.counts_text(),
            source=table_source(year, "interventies"),
            page=estimate_question("interventies").slug,
            low=0,
            high=400,
            note=left_out_note(interventions.ratio.left_out),
            origin=FigureOrigin.FROM_COUNTS,
            area=where if interventions.area_note is None else area_text(UNIT),
            area_note=interventions.area_note,
        ),
        "slachtoffers": _expected_figure(tidy, population, context, districts),
    }
    return figures


def _expected_figure(
    tidy: pl.DataFrame, population: pl.DataFrame, context: pl.DataFrame, districts: Sequence[str]
) -> Figure:
    """The app's expected number of victims for the unit, with the text's published ~1.150 beside it."""
    year = int(tidy["jaar"][0])
    scenario = run_scenario(tidy, population, context)
    national = context_value(context, DEFAULT_ESTIMATE_CODE)
    text_value = context_value(context, TEXT_REGIONAL_CODE)
    text_row = context.filter(pl.col("code") == TEXT_REGIONAL_CODE).row(0, named=True)
    pop_year = scenario.population_year
    inhabitants = unit_population(population, pop_year)
    expected = scenario.expected_unit
    return Figure(
        key="slachtoffers",
        question=FIGURE_QUESTIONS["slachtoffers"].format(year=year, where=area_text(UNIT)),
        unit=FigureUnit.COUNT,
        value=expected,
        value_text=fmt_int(expected),
        counts_text=population_counts_text(national, inhabitants, NETHERLANDS_POPULATION[pop_year]),
        source=expected_source(context, pop_year),
        page=estimate_question("slachtoffers").slug,
        low=0,
        high=5000,
        note=f"{EXPECTED_NOTE} "
        + text_estimate_note(text_value, national, expected, scenario.computed_share),
        origin=FigureOrigin.APP,
        area=area_text(UNIT),
        area_note=unit_only_note(districts, EXPECTED_UNIT_ONLY) if districts else None,
        references=(
            Reference(
                label=TEXT_ESTIMATE_LABEL,
                value=text_value,
                value_text=f"ongeveer {fmt_int(text_value)}",
                counts_text=f"{fmt_pct(text_value / national)} van de landelijke schatting van "
                f"{fmt_int(national)} ({estimate_year(context)})",
                source=f"{text_row['bron']} ({text_row['vindplaats']})",
            ),
        ),
    )


def view_link(base_url: str, figure: Figure, districts: Sequence[str], year: int) -> str:
    """The link to the exact app view a figure was discussed on (its page, year and the session's area).

    The app's pages show one district or the unit, so a session of two districts links to the unit.
    """
    query = urlencode({"jaar": year, "district": session_area(districts)})
    return f"{base_url.rstrip('/')}/{figure.page}?{query}"
