"""What is the nature and size? Sex ads, prostitution controls and trafficking signals per area.

Everything the page "Aard en omvang" shows is computed here: counts and rates per
100.000 inhabitants per area (with exact Poisson intervals), prostitution controls per
1.000 sex ads, a funnel plot of signal rates (Spiegelhalter 2005), the one-sentence
answer and the discussion prompts.

Missing is not zero: an empty cell (``leeg``: no signal could be attributed to the
municipality) keeps its status, gets no rate and no place in the funnel, and is named.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import polars as pl
from scipy.stats import poisson

from analysis.dataset import Tables
from analysis.dutch import count_noun, fmt_dec, fmt_int
from analysis.geography import UNIT
from analysis.indicators import SOURCE_POLICE, SOURCE_WEBIQ
from analysis.parser import (
    AREA_MUNICIPALITY,
    AREA_OTHER,
    AREA_TOTAL,
    EMPTY,
    NOT_REPORTED,
    REPORTED,
    STATUS_LABELS,
)
from analysis.ratios import Ratio, chain_ratio, rates_per_100k, ratio_table

#: The indicators a user can choose, by their Dutch label on screen.
INDICATOR_CHOICES: dict[str, str] = {
    "Signalen": "signalen",
    "Advertenties": "seksadvertenties",
    "Controles": "prostitutiecontroles",
}
DEFAULT_INDICATOR = "Signalen"

MEASURE_COUNT = "Aantallen"
MEASURE_RATE = "Per 100.000 inwoners"
MEASURES = (MEASURE_COUNT, MEASURE_RATE)

LEVEL_AREAS = "Gemeenten"
LEVEL_DISTRICTS = "Districten"
LEVELS = (LEVEL_AREAS, LEVEL_DISTRICTS)

#: Control limits of the funnel plot: 95% (about 2 standard deviations) and 99,8% (about 3).
FUNNEL_LEVELS: tuple[float, ...] = (0.95, 0.998)
PER = 100_000
CONTROLS_RATIO = "controles_per_1000_advertenties"
CONTROLS_TITLE = "Waar staan veel advertenties tegenover weinig controles?"
CONTROLS_SOURCE = (
    f"Dashboard mensenhandel Oost-Nederland; advertenties: {SOURCE_WEBIQ}; controles: {SOURCE_POLICE}"
)

#: Where the police of the unit is based; signals without a known place of exploitation
#: are often registered there (the dashboard's text names these two).
POLICE_LOCATIONS = ("Arnhem", "Enschede")

#: Singular and plural noun of each indicator, and its long label for sentences.
NOUNS: dict[str, tuple[str, str]] = {
    "signalen": ("signaal", "signalen"),
    "seksadvertenties": ("advertentie", "advertenties"),
    "prostitutiecontroles": ("controle", "controles"),
}
LONG_LABELS: dict[str, str] = {
    "signalen": "Signalen mensenhandel",
    "seksadvertenties": "Actieve seksadvertenties",
    "prostitutiecontroles": "Prostitutiecontroles",
}
SOURCES: dict[str, str] = {
    "signalen": SOURCE_POLICE,
    "seksadvertenties": SOURCE_WEBIQ,
    "prostitutiecontroles": SOURCE_POLICE,
}

#: Why a cell has no number, in words for tables and tooltips.
MISSING_TEXT = STATUS_LABELS

ABOVE_998 = "boven de 99,8%-grens"
ABOVE_95 = "boven de 95%-grens"
INSIDE = "binnen de grenzen"
BELOW_95 = "onder de 95%-grens"
BELOW_998 = "onder de 99,8%-grens"
OUTSIDE_FUNNEL = "niet in de trechter (leeg)"


def indicator_code(choice: str) -> str:
    """Return the indicator code for a label on screen; an unknown label gives the default."""
    return INDICATOR_CHOICES.get(choice, INDICATOR_CHOICES[DEFAULT_INDICATOR])


def source_text(indicator: str) -> str:
    """The source of an indicator for a chart caption."""
    return f"Dashboard mensenhandel Oost-Nederland; {SOURCES[indicator]}; inwoners: CBS StatLine 37259"


def _rate_text(value: float | None) -> str:
    """A rate per 100.000 in Dutch: one decimal below 100, whole numbers above."""
    if value is None:
        return "–"
    return fmt_dec(value, 1) if value < 100 else fmt_int(value)


def area_rates(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    indicator: str,
    *,
    by: Literal["gebied", "district"] = "gebied",
    district: str = UNIT,
) -> pl.DataFrame:
    """Return one indicator per area, as a count and per 100.000 inhabitants.

    ``by="gebied"`` gives every named municipality and each district's Overig (only
    those of ``district`` when one is chosen); ``by="district"`` gives the five
    districts. Rows keep the published order. Columns: ``district, gebied,
    gebiedstype, waarde, status, inwoners, per_100k, ondergrens, bovengrens``
    (exact 95% Poisson interval) and Dutch text columns ``aantal_tekst`` (the count
    with its denominator, or why it is missing), ``per_100k_tekst`` and ``marge_tekst``.
    A cell that is ``leeg``, ``?`` or ``-`` keeps a null ``waarde`` and rate.
    """
    rates = rates_per_100k(tidy, population, indicator)
    if by == "gebied":
        rates = rates.filter(pl.col("gebiedstype").is_in([AREA_MUNICIPALITY, AREA_OTHER]))
    else:
        rates = rates.filter(pl.col("gebiedstype") == AREA_TOTAL, pl.col("gebied") != UNIT)
    if district != UNIT:
        rates = rates.filter(pl.col("district") == district)
    order = tidy.filter(pl.col("indicator") == indicator)["gebied"].unique(maintain_order=True).to_list()
    rates = rates.with_columns(
        pl.col("gebied").replace_strict(order, list(range(len(order))), default=len(order)).alias("_o")
    )
    rates = rates.sort("_o").drop("_o")
    singular, plural = NOUNS.get(indicator, ("", indicator))
    counts, rate_texts, margins = [], [], []
    for row in rates.iter_rows(named=True):
        if row["waarde"] is None:
            counts.append(MISSING_TEXT.get(row["status"], row["status"]))
            rate_texts.append(MISSING_TEXT.get(row["status"], row["status"]).split(":")[0])
            margins.append("–")
            continue
        counts.append(f"{count_noun(row['waarde'], singular, plural)} op {fmt_int(row['inwoners'])} inwoners")
        rate_texts.append(f"{_rate_text(row['per_100k'])} per 100.000")
        margins.append(f"{_rate_text(row['ondergrens'])}–{_rate_text(row['bovengrens'])} per 100.000")
    return rates.with_columns(
        pl.Series("aantal_tekst", counts, dtype=pl.String),
        pl.Series("per_100k_tekst", rate_texts, dtype=pl.String),
        pl.Series("marge_tekst", margins, dtype=pl.String),
    )


def rates_display(rates: pl.DataFrame) -> pl.DataFrame:
    """The table under the area and district charts, with Dutch numbers and missing cells in words."""
    rows = []
    for r in rates.iter_rows(named=True):
        missing = r["waarde"] is None
        rows.append(
            {
                "Gebied": r["gebied"],
                "District": r["district"],
                "Aantal": MISSING_TEXT.get(r["status"], "").split(":")[0]
                if missing
                else fmt_int(r["waarde"]),
                "Inwoners": fmt_int(r["inwoners"]),
                "Per 100.000 inwoners": "–" if missing else _rate_text(r["per_100k"]),
                "95%-marge (exact)": r["marge_tekst"],
                "Toelichting": MISSING_TEXT.get(r["status"], "") if missing else r["aantal_tekst"],
            }
        )
    return pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String) if rows else None)


@dataclass(frozen=True)
class SupplyFigure:
    """One indicator for the unit or a district: count, rate per 100.000 and its interval."""

    indicator: str
    label: str
    count: int | None
    inhabitants: int
    per_100k: float | None
    lower: float | None
    upper: float | None
    lower_bound: bool
    left_out: tuple[str, ...] = ()

    def count_text(self) -> str:
        """The count in Dutch, with 'minstens' when a ``?`` makes it a lower bound."""
        return ("minstens " if self.lower_bound else "") + fmt_int(self.count)

    @property
    def short_label(self) -> str:
        """The indicator's short name on screen: ``Signalen``, ``Advertenties``, ``Controles``."""
        return next(k for k, v in INDICATOR_CHOICES.items() if v == self.indicator)

    def rate_value_text(self) -> str:
        """The rate as a bare Dutch number for a card: ``5,7`` (the label says 'per 100.000')."""
        return ("minstens " if self.lower_bound else "") + _rate_text(self.per_100k)

    def rate_text(self) -> str:
        """The rate in Dutch: ``5,7 per 100.000``."""
        prefix = "minstens " if self.lower_bound else ""
        return f"{prefix}{_rate_text(self.per_100k)} per 100.000"

    def detail_text(self) -> str:
        """Counts and exact interval: ``188 signalen op 3.282.382 inwoners; 95%-marge 4,9–6,6``."""
        singular, plural = NOUNS[self.indicator]
        text = f"{count_noun(self.count, singular, plural)} op {fmt_int(self.inhabitants)} inwoners"
        if self.lower is not None and self.upper is not None:
            text += f"; 95%-marge {_rate_text(self.lower)}–{_rate_text(self.upper)} per 100.000 (exact)"
        if self.left_out:
            text += "; zonder " + ", ".join(self.left_out) + " (?)"
        return text


def supply_figures(tidy: pl.DataFrame, population: pl.DataFrame, district: str = UNIT) -> list[SupplyFigure]:
    """Return ads, controls and signals for the unit or one district (printed totals).

    Where an area in scope has ``?`` for the indicator, the printed total is a lower
    bound and the areas are named in ``left_out``.
    """
    figures = []
    for indicator in ("seksadvertenties", "prostitutiecontroles", "signalen"):
        rates = rates_per_100k(tidy, population, indicator)
        total = rates.filter(pl.col("gebied") == district, pl.col("gebiedstype") == AREA_TOTAL).row(
            0, named=True
        )
        parts = rates.filter(pl.col("gebiedstype").is_in([AREA_MUNICIPALITY, AREA_OTHER]))
        if district != UNIT:
            parts = parts.filter(pl.col("district") == district)
        left_out = tuple(parts.filter(pl.col("status") == NOT_REPORTED)["gebied"].to_list())
        count, rate, lower, upper = (
            total["waarde"],
            total["per_100k"],
            total["ondergrens"],
            total["bovengrens"],
        )
        if total["status"] != REPORTED:
            count = int(parts["waarde"].fill_null(0).sum())
            rate = count / total["inwoners"] * PER
            lower = upper = None
        figures.append(
            SupplyFigure(
                indicator,
                LONG_LABELS[indicator],
                count,
                int(total["inwoners"]),
                rate,
                lower,
                upper,
                bool(left_out) or total["status"] != REPORTED,
                left_out,
            )
        )
    return figures


def controls_per_ads(
    tidy: pl.DataFrame, *, by: Literal["gebied", "district"], district: str = UNIT
) -> pl.DataFrame:
    """Prostitution controls per 1.000 sex ads per area or district, with counts and exact intervals.

    Wraps :func:`analysis.ratios.ratio_table`; adds ``per_1000``, ``ondergrens_1000``,
    ``bovengrens_1000`` and Dutch text columns ``verhouding_tekst`` ("16 controles op
    2.766 advertenties"), ``per_1000_tekst`` and ``marge_tekst``.
    """
    table = ratio_table(tidy, CONTROLS_RATIO, by=by)
    if district != UNIT:
        table = table.filter(pl.col("district") == district)
    texts, values, margins = [], [], []
    for r in table.iter_rows(named=True):
        if r["waarde"] is None:
            texts.append(r["opmerking"] or "niet te berekenen")
            values.append("–")
            margins.append("–")
            continue
        texts.append(
            f"{count_noun(r['teller'], 'controle', 'controles')} op "
            f"{count_noun(r['noemer'], 'advertentie', 'advertenties')}"
        )
        values.append(f"{fmt_dec(r['waarde'] * 1000, 1)} per 1.000")
        margins.append(f"{fmt_dec(r['ondergrens'] * 1000, 1)}–{fmt_dec(r['bovengrens'] * 1000, 1)}")
    return table.with_columns(
        (pl.col("waarde") * 1000).alias("per_1000"),
        (pl.col("ondergrens") * 1000).alias("ondergrens_1000"),
        (pl.col("bovengrens") * 1000).alias("bovengrens_1000"),
        pl.Series("verhouding_tekst", texts, dtype=pl.String),
        pl.Series("per_1000_tekst", values, dtype=pl.String),
        pl.Series("marge_tekst", margins, dtype=pl.String),
    )


def controls_display(areas: pl.DataFrame, districts: pl.DataFrame) -> pl.DataFrame:
    """The table under the controls chart: areas first, then their districts, in Dutch."""
    rows = []
    for r in [*areas.iter_rows(named=True), *districts.iter_rows(named=True)]:
        rows.append(
            {
                "Gebied": r["gebied"] if r["gebiedstype"] != AREA_TOTAL else f"{r['gebied']} (district)",
                "District": r["district"],
                "Controles": fmt_int(r["teller"]),
                "Advertenties": fmt_int(r["noemer"]),
                "Per 1.000 advertenties": r["per_1000_tekst"],
                "95%-marge (exact)": r["marge_tekst"],
                "Verhouding": r["verhouding_tekst"],
            }
        )
    return pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String) if rows else None)


def _level_text(level: float) -> str:
    """A control level in Dutch: ``95%``, ``99,8%``."""
    return f"{fmt_dec(level * 100, 1).removesuffix(',0')}%"


def _poisson_limit(expected: float, p: float) -> float:
    """The interpolated ``p``-quantile of a Poisson count (Spiegelhalter 2005, appendix).

    Poisson quantiles jump in whole steps; interpolating between them gives smooth
    limits: ``r - a`` with ``r`` the quantile and ``a`` how far ``p`` lies below ``F(r)``.
    """
    r = float(poisson.ppf(p, expected))
    f_r = float(poisson.cdf(r, expected))
    f_below = float(poisson.cdf(r - 1, expected)) if r > 0 else 0.0
    share = (f_r - p) / (f_r - f_below) if f_r > f_below else 0.0
    return max(r - share, 0.0)


def population_grid(low: float, high: float, points: int = 200) -> list[float]:
    """Return ``points`` populations spaced evenly on a log scale from ``low`` to ``high``."""
    if low <= 0 or high <= low or points < 2:
        raise ValueError(f"need 0 < low < high and points >= 2, got {low}, {high}, {points}")
    step = math.log(high / low) / (points - 1)
    return [low * math.exp(step * i) for i in range(points)]


def funnel_limits(
    overall_rate: float,
    populations: Sequence[float],
    levels: Sequence[float] = FUNNEL_LEVELS,
    *,
    per: int = PER,
) -> pl.DataFrame:
    """Return the funnel plot's control limits around ``overall_rate`` for each population.

    ``overall_rate`` is events per ``per`` inhabitants (5,7 signals per 100.000). For
    a population ``n`` the expected count is ``overall_rate * n / per``; the limits at
    level ``L`` are the exact Poisson quantiles ``(1-L)/2`` and ``(1+L)/2`` of that
    expected count (interpolated as in Spiegelhalter 2005), turned back into rates per
    ``per``. Columns: ``inwoners, niveau, niveau_tekst, verwacht, ondergrens, bovengrens``.
    """
    if overall_rate < 0:
        raise ValueError(f"overall rate must be >= 0, got {overall_rate}")
    rows = []
    for level in levels:
        if not 0 < level < 1:
            raise ValueError(f"level must lie strictly between 0 and 1, got {level}")
        alpha = 1 - level
        label = _level_text(level)
        for n in populations:
            if n <= 0:
                raise ValueError(f"population must be > 0, got {n}")
            expected = overall_rate * n / per
            rows.append(
                {
                    "inwoners": float(n),
                    "niveau": float(level),
                    "niveau_tekst": label,
                    "verwacht": expected,
                    "ondergrens": _poisson_limit(expected, alpha / 2) / n * per,
                    "bovengrens": _poisson_limit(expected, 1 - alpha / 2) / n * per,
                }
            )
    schema = {
        "inwoners": pl.Float64,
        "niveau": pl.Float64,
        "niveau_tekst": pl.String,
        "verwacht": pl.Float64,
        "ondergrens": pl.Float64,
        "bovengrens": pl.Float64,
    }
    return pl.DataFrame(rows, schema=schema)


def funnel_position(observed: int, expected: float, levels: Sequence[float] = FUNNEL_LEVELS) -> str:
    """Where a count lies against the funnel around ``expected``: above, inside or below its limits.

    Checks the widest limits first, so 46 signals where 9,4 are expected is
    ``boven de 99,8%-grens`` rather than only above the 95% limit.
    """
    widest_first = sorted(levels, reverse=True)
    for level in widest_first:
        if observed > _poisson_limit(expected, 1 - (1 - level) / 2):
            return f"boven de {_level_text(level)}-grens"
    for level in widest_first:
        if observed < _poisson_limit(expected, (1 - level) / 2):
            return f"onder de {_level_text(level)}-grens"
    return INSIDE


def overall_signal_rate(tidy: pl.DataFrame, population: pl.DataFrame) -> SupplyFigure:
    """The unit's signals per 100.000 inhabitants: the centre line of the funnel."""
    return next(f for f in supply_figures(tidy, population, UNIT) if f.indicator == "signalen")


def funnel_points(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    *,
    by: Literal["gebied", "district"] = "gebied",
    district: str = UNIT,
) -> pl.DataFrame:
    """Signal rates per area (or district) with their position against the unit's funnel.

    Every area is kept (the chosen district's areas get ``gekozen = True``), so the
    chart can highlight them. Adds ``verwacht`` (expected signals at the unit's
    rate), the limits at the area's own population (``grens95_onder`` ...
    ``grens998_boven``), ``positie`` and ``buiten`` (outside the 95% limits). An
    empty cell gets ``positie = "niet in de trechter (leeg)"`` and no rate.
    """
    overall = overall_signal_rate(tidy, population)
    rates = area_rates(tidy, population, "signalen", by=by)
    limits = funnel_limits(overall.per_100k or 0.0, rates["inwoners"].cast(pl.Float64).to_list())
    lim95 = limits.filter(pl.col("niveau") == FUNNEL_LEVELS[0])
    lim998 = limits.filter(pl.col("niveau") == FUNNEL_LEVELS[1])
    positions = [
        OUTSIDE_FUNNEL if v is None else funnel_position(int(v), e)
        for v, e in zip(rates["waarde"].to_list(), lim95["verwacht"].to_list(), strict=True)
    ]
    chosen = pl.lit(True) if district == UNIT else pl.col("district") == district
    return rates.with_columns(
        lim95["verwacht"].alias("verwacht"),
        lim95["ondergrens"].alias("grens95_onder"),
        lim95["bovengrens"].alias("grens95_boven"),
        lim998["ondergrens"].alias("grens998_onder"),
        lim998["bovengrens"].alias("grens998_boven"),
        pl.Series("positie", positions, dtype=pl.String),
        chosen.alias("gekozen"),
    ).with_columns(
        pl.col("positie").is_in([ABOVE_998, ABOVE_95, BELOW_95, BELOW_998]).alias("buiten"),
    )


def funnel_grid(points: pl.DataFrame, overall_rate: float, steps: int = 200) -> pl.DataFrame:
    """Control limits on a grid that spans the populations in ``points`` (for drawing)."""
    pops = points["inwoners"]
    grid = population_grid(float(pops.min()) * 0.8, float(pops.max()) * 1.1, steps)
    return funnel_limits(overall_rate, grid)


def _flag(position: str) -> str:
    """A marker in front of a position outside the funnel: up for above, down for below."""
    if position.startswith("boven"):
        return "▲ "
    if position.startswith("onder"):
        return "▼ "
    return ""


def funnel_display(points: pl.DataFrame) -> pl.DataFrame:
    """The table under the funnel plot, in Dutch, areas outside the limits flagged."""
    rows = []
    for r in points.iter_rows(named=True):
        missing = r["waarde"] is None
        rows.append(
            {
                "Gebied": r["gebied"],
                "District": r["district"],
                "Signalen": "leeg" if missing else fmt_int(r["waarde"]),
                "Inwoners": fmt_int(r["inwoners"]),
                "Per 100.000": "–" if missing else fmt_dec(r["per_100k"], 1),
                "Positie": _flag(r["positie"]) + r["positie"],
                "Verwacht bij gemiddelde": fmt_dec(r["verwacht"], 1),
                "Trechter 95%": f"{fmt_dec(r['grens95_onder'], 1)}–{fmt_dec(r['grens95_boven'], 1)}",
                "Trechter 99,8%": f"{fmt_dec(r['grens998_onder'], 1)}–{fmt_dec(r['grens998_boven'], 1)}",
            }
        )
    return pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String) if rows else None)


def _names(names: Sequence[str]) -> str:
    """Join names the Dutch way: ``A``, ``A en B``, ``A, B en C``."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def funnel_title(points: pl.DataFrame) -> str:
    """A chart title that states the finding: which areas lie above the funnel."""
    above = points.filter(pl.col("positie") == ABOVE_998).sort("per_100k", descending=True)
    if above.is_empty():
        above = points.filter(pl.col("positie") == ABOVE_95).sort("per_100k", descending=True)
    if above.is_empty():
        return "Geen gebied ligt boven de trechter: de verschillen passen bij toeval"
    names = above["gebied"].to_list()
    verb = "ligt" if len(names) == 1 else "liggen"
    return f"{_names(names)} {verb} boven de trechter: meer signalen dan toeval verklaart"


def empty_cells(tidy: pl.DataFrame, population: pl.DataFrame, district: str = UNIT) -> pl.DataFrame:
    """Areas of the selection whose signals cell is empty (``leeg``), with their ads and inhabitants."""
    signals = area_rates(tidy, population, "signalen", district=district).filter(pl.col("status") == EMPTY)
    ads = tidy.filter(pl.col("indicator") == "seksadvertenties").select(
        "gebied", pl.col("waarde").alias("advertenties")
    )
    return signals.select("district", "gebied", "inwoners").join(ads, on="gebied", how="left")


def empty_note(empty: pl.DataFrame) -> str:
    """One sentence that explains the grey 'leeg' cells of the selection, or an empty string."""
    if empty.is_empty():
        return ""
    names = _names(empty["gebied"].to_list())
    return (
        f"Bij {names} is het vak voor signalen leeg. Dat is geen nul: de politie kon geen signaal aan "
        "die gemeente koppelen, omdat de plaats van uitbuiting niet vastlag. Zulke signalen tellen mee in "
        "Overig of in het totaal. In de grafieken staan deze gemeenten grijs, met 'leeg'."
    )


def funnel_note() -> str:
    """One sentence on what a funnel plot shows."""
    return (
        "Een trechterdiagram zet het aantal signalen per 100.000 inwoners af tegen het aantal inwoners: "
        "kleine gebieden wijken door toeval sterker af, dus de grenzen waarbinnen toeval een afwijking "
        "verklaart zijn daar breder, en alleen een punt buiten de trechter vraagt om uitleg."
    )


def area_chart_title(rates: pl.DataFrame, indicator: str, measure: str) -> str:
    """A chart title that states the finding: which area has the most, as a count or per inhabitant."""
    column = "per_100k" if measure == MEASURE_RATE else "waarde"
    known = rates.filter(pl.col(column).is_not_null())
    plural = NOUNS[indicator][1]
    if known.is_empty():
        return f"Geen {plural} gerapporteerd"
    top = known.sort(column, descending=True).row(0, named=True)
    if measure == MEASURE_RATE:
        return f"De meeste {plural} per 100.000 inwoners: {top['gebied']} ({_rate_text(top['per_100k'])})"
    return f"De meeste {plural}: {top['gebied']} ({fmt_int(top['waarde'])})"


def supply_answer(tidy: pl.DataFrame, population: pl.DataFrame, district: str = UNIT) -> str:
    """One sentence: ads, controls (per 1.000 ads) and signals (per 100.000 inhabitants) of the selection."""
    year = int(tidy["jaar"][0])
    ads, controls, signals = supply_figures(tidy, population, district)
    ratio = chain_ratio(tidy, CONTROLS_RATIO, district=None if district == UNIT else district)
    where = "Oost-Nederland" if district == UNIT else district
    sentence = (
        f"In {year} telde {where} {ads.count_text()} actieve seksadvertenties en {controls.count_text()} "
        f"prostitutiecontroles ({ratio.value_text()} advertenties), en registreerde de politie "
        f"{signals.count_text()} signalen van mensenhandel: {signals.rate_text()} inwoners"
    )
    if district != UNIT:
        unit = overall_signal_rate(tidy, population)
        sentence += f" (heel Oost-Nederland: {_rate_text(unit.per_100k)})"
    return sentence + "."


def controls_shortfall(ratios: pl.DataFrame, unit_ratio: float) -> pl.DataFrame:
    """Areas with fewer controls than the unit's controls-per-ad rate would give, largest shortfall first.

    ``ratios`` comes from :func:`controls_per_ads`; ``verwacht`` is ads times the unit's
    rate and ``tekort`` the expected minus the actual controls. Areas at or above the
    unit's rate are left out, so the first row has many ads and few controls.
    """
    return (
        ratios.filter(pl.col("waarde").is_not_null())
        .with_columns((pl.col("noemer") * unit_ratio).alias("verwacht"))
        .with_columns((pl.col("verwacht") - pl.col("teller")).alias("tekort"))
        .filter(pl.col("tekort") > 0)
        .sort(["tekort", "noemer"], descending=[True, True])
    )


def _highest_outside(points: pl.DataFrame, labels: tuple[str, str]) -> pl.DataFrame:
    """The rows at the outer label, else the inner label."""
    outer = points.filter(pl.col("positie") == labels[0])
    return outer if not outer.is_empty() else points.filter(pl.col("positie") == labels[1])


def supply_prompts(tidy: pl.DataFrame, population: pl.DataFrame, district: str = UNIT) -> list[str]:
    """Two to four discussion prompts generated from the selection's ads, controls and signals."""
    points = funnel_points(tidy, population, district=district).filter(pl.col("gekozen"))
    prompts = []
    above = _highest_outside(points, (ABOVE_998, ABOVE_95)).sort("per_100k", descending=True)
    if above.height == 1:
        top = above.row(0, named=True)
        text = (
            f"{top['gebied']} ligt met {top['aantal_tekst']} ({_rate_text(top['per_100k'])} per 100.000; "
            f"bij het gemiddelde van Oost-Nederland zouden het er {fmt_dec(top['verwacht'], 1)} zijn) "
            f"{top['positie']} van de trechter. "
        )
    elif above.height > 1:
        parts = [
            f"{r['gebied']} ({fmt_int(r['waarde'])} op {fmt_int(r['inwoners'])}; {_rate_text(r['per_100k'])} per "
            f"100.000, verwacht {fmt_dec(r['verwacht'], 1)})"
            for r in above.iter_rows(named=True)
        ]
        text = f"{_names(parts)} liggen {above['positie'][0]} van de trechter. "
    if not above.is_empty():
        police = [name for name in above["gebied"].to_list() if name in POLICE_LOCATIONS]
        if police:
            text += (
                f"In {_names(police)} is de politie gevestigd, en signalen zonder bekende pleegplaats worden "
                "vaak daar geregistreerd. Hoeveel van deze signalen gaan echt over uitbuiting ter plaatse?"
            )
        else:
            text += "Wat verklaart dat: meer uitbuiting, meer oog ervoor, of de manier van registreren?"
        prompts.append(text)
    else:
        known = points.filter(pl.col("waarde").is_not_null()).sort("per_100k", descending=True)
        if not known.is_empty():
            top = known.row(0, named=True)
            prompts.append(
                f"Geen gebied in {district} ligt boven de trechter; het hoogste is {top['gebied']} met "
                f"{top['aantal_tekst']} ({_rate_text(top['per_100k'])} per 100.000). Herkennen jullie "
                "dat beeld, of is het verschil met de rest toeval?"
            )
    below = _highest_outside(points, (BELOW_998, BELOW_95)).sort("inwoners", descending=True)
    if not below.is_empty():
        low = below.row(0, named=True)
        who = (
            f"{low['gebied']} (de gemeenten zonder eigen kolom)"
            if low["gebiedstype"] == AREA_OTHER
            else low["gebied"]
        )
        prompts.append(
            f"{who} ligt met {low['aantal_tekst']} ({_rate_text(low['per_100k'])} per 100.000; verwacht "
            f"{fmt_dec(low['verwacht'], 1)}) {low['positie']}. Worden signalen hier gemist, of komen ze "
            "terecht bij de plaats waar de politie zit?"
        )
    ratios = controls_per_ads(tidy, by="gebied", district=district).filter(pl.col("waarde").is_not_null())
    used = ""
    unit_ratio = chain_ratio(tidy, CONTROLS_RATIO)
    short = controls_shortfall(ratios, unit_ratio.value or 0.0)
    if not short.is_empty():
        low = short.row(0, named=True)
        used = low["gebied"]
        if low["teller"] == 0:
            what = f"{fmt_int(low['noemer'])} advertenties en geen enkele controle"
        else:
            what = f"{low['verhouding_tekst']} ({low['per_1000_tekst']})"
        prompts.append(
            f"{low['gebied']} heeft veel advertenties en weinig controles: {what}; bij het gemiddelde van "
            f"Oost-Nederland ({unit_ratio.value_text()}) zouden het er ongeveer {fmt_int(low['verwacht'])} "
            "zijn. Waar kiest het controleteam zijn plekken, en wat zou een controle hier opleveren?"
        )
    empty = empty_cells(tidy, population, district)
    if not empty.is_empty():
        ads = _names([fmt_int(a) for a in empty["advertenties"].to_list()])
        prompts.append(
            f"Bij {_names(empty['gebied'].to_list())} is het vak voor signalen leeg (geen signaal te koppelen), "
            f"terwijl daar wel {ads} advertenties stonden. Hoe zorgen we dat de plaats van uitbuiting wordt "
            "vastgelegd, zodat ook deze gemeenten in beeld komen?"
        )
    else:
        silent = ratios.filter(pl.col("teller") == 0, pl.col("gebied") != used).sort(
            "noemer", descending=True
        )
        if not silent.is_empty():
            quiet = silent.row(0, named=True)
            prompts.append(
                f"{quiet['gebied']}: {fmt_int(quiet['noemer'])} advertenties en geen enkele controle. "
                "Is daar geen aanbod zonder vergunning, of komt het controleteam er niet aan toe?"
            )
    return prompts[:4]


def reference_rate(tidy: pl.DataFrame, population: pl.DataFrame, indicator: str) -> float | None:
    """The unit's rate per 100.000 inhabitants for ``indicator`` (the dashed line in the charts)."""
    return next(f.per_100k for f in supply_figures(tidy, population, UNIT) if f.indicator == indicator)


def funnel_subtitle(overall_rate: float, district: str = UNIT) -> list[str]:
    """The funnel chart's subtitle lines: what the lines are, and which areas are highlighted."""
    lines = [
        f"Blauwe lijn: gemiddelde van Oost-Nederland ({fmt_dec(overall_rate, 1)} per 100.000); "
        "gestreept: 95%-grens; doorgetrokken: 99,8%-grens",
        "'Overig': de rest van het district (kleur = district)",
    ]
    if district != UNIT:
        lines[1] += f"; fel gekleurd: {district}, vaag: de andere districten"
    return lines


def ads_total_note(tidy: pl.DataFrame) -> str:
    """Name a difference between the unit's printed ads total and the sum of its districts, if any."""
    ads = tidy.filter(pl.col("indicator") == "seksadvertenties", pl.col("gebiedstype") == AREA_TOTAL)
    unit = ads.filter(pl.col("gebied") == UNIT)["waarde"]
    districts = ads.filter(pl.col("gebied") != UNIT)["waarde"]
    if unit.is_empty() or unit[0] is None or districts.null_count() > 0:
        return ""
    unit_total, district_sum = int(unit[0]), int(districts.sum())
    if unit_total == district_sum:
        return ""
    return (
        f"De vijf districten tellen samen {fmt_int(district_sum)} advertenties, het gepubliceerde totaal van "
        f"de eenheid is {fmt_int(unit_total)}. Deze pagina laat beide staan zoals ze zijn gepubliceerd."
    )


def supply_caveats(tidy: pl.DataFrame) -> list[str]:
    """The caveats of the page in the app's own words (after the dashboard's explanatory text)."""
    items = [
        "Signalen worden geteld naar de plaats waar de uitbuiting plaatsvond. Lukte het niet die plaats vast "
        "te leggen, dan staat het signaal alleen bij Overig of in het totaal; de gemeente zelf krijgt het "
        "dan niet. Per gemeente zijn de signalen dus eerder te laag dan te hoog.",
        "Zulke signalen zonder duidelijke pleegplaats worden vaak geboekt op de plek waar de politie zit: "
        f"{_names(list(POLICE_LOCATIONS))}. Daar vallen de aantallen dus waarschijnlijk te hoog uit; een "
        "hoge plek in de trechter is daar eerst een vraag over registratie.",
        "Een leeg vak bij signalen is geen nul: er kon geen signaal aan die gemeente worden gekoppeld. "
        "Grijs met 'leeg' in de grafieken, geen streepje of nul.",
        "Advertenties zijn een aanwijzing voor het zichtbare online aanbod, geen telling van mensen: wie op "
        "meer sites adverteert kan vaker meetellen, en wat de webcrawler niet vindt telt niet mee.",
        "De advertenties van 2022 komen van de webcrawler van Web-IQ, die van 2019 van de crawler van de "
        "politie. Een verschil met 2019 kan dus ook aan de andere zoekmachine liggen.",
        "Prostitutiecontroles zijn controles in de sector zonder vergunning; weinig controles bij veel "
        "advertenties zegt iets over de inzet, niet per se over het aanbod.",
        "De trechter gaat uit van signalen die los van elkaar ontstaan (Poisson). Registratie-effecten en "
        "gemeenten van heel verschillende aard maken een punt buiten de trechter tot een gespreksvraag, "
        "geen oordeel. Grenzen: exacte Poisson-kwantielen, geïnterpoleerd volgens Spiegelhalter (2005).",
    ]
    note = ads_total_note(tidy)
    if note:
        items.append(note)
    items.append(
        "Bron van deze kanttekeningen: de toelichting bij het Dashboard mensenhandel Oost-Nederland."
    )
    return items


def axis_title(indicator: str, measure: str) -> str:
    """The value axis of the bar charts: ``Aantal signalen`` or ``Signalen per 100.000 inwoners``."""
    plural = NOUNS[indicator][1]
    return f"{plural.capitalize()} per 100.000 inwoners" if measure == MEASURE_RATE else f"Aantal {plural}"


def bar_subtitle(measure: str, has_missing: bool = True) -> str:
    """The subtitle of the bar charts: what the marks mean in this measure."""
    parts = ["Lijn: exacte 95%-marge", "stippellijn: heel Oost-Nederland"] if measure == MEASURE_RATE else []
    if has_missing:
        parts.append("grijs 'leeg': geen nul, maar geen signaal aan de gemeente te koppelen")
    return "; ".join(parts) if parts else "Aantallen zoals gepubliceerd"


def funnel_caption(points: pl.DataFrame) -> str:
    """The caption under the funnel table: what the markers mean and which areas are not in the funnel."""
    text = "▲ boven en ▼ onder de trechter (buiten de 95%-grens). Verwacht: het aantal bij het gemiddelde van Oost-Nederland."
    empty = points.filter(pl.col("positie") == OUTSIDE_FUNNEL)["gebied"].to_list()
    if empty:
        text += f" Niet in de trechter: {_names(empty)}, omdat hun vak leeg is (geen signaal te koppelen)."
    return text


# ---------------------------------------------------------------------------
# Page views: everything one part of the page shows, computed in one call
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SupplyOverview:
    """The page's answer, figure cards, controls ratios, caveats and prompts for one area."""

    answer: str
    figures: list[SupplyFigure]
    area_controls: pl.DataFrame
    controls_display: pl.DataFrame
    unit_controls: Ratio
    caveats: list[str]
    prompts: list[str]


def supply_overview(tables: Tables, district: str = UNIT) -> SupplyOverview:
    """Everything on the page that does not depend on the indicator or funnel level chosen."""
    tidy, population = tables.tidy, tables.population
    area_controls = controls_per_ads(tidy, by="gebied", district=district)
    return SupplyOverview(
        answer=supply_answer(tidy, population, district),
        figures=supply_figures(tidy, population, district),
        area_controls=area_controls,
        controls_display=controls_display(
            area_controls, controls_per_ads(tidy, by="district", district=district)
        ),
        unit_controls=chain_ratio(tidy, CONTROLS_RATIO),
        caveats=supply_caveats(tidy),
        prompts=supply_prompts(tidy, population, district),
    )


@dataclass(frozen=True)
class IndicatorView:
    """One indicator per area and per district, with the unit's reference rate."""

    reference: float | None
    areas: pl.DataFrame
    districts: pl.DataFrame
    area_display: pl.DataFrame
    district_display: pl.DataFrame
    #: Chart titles per measure (``MEASURES``): for the areas and for the districts.
    area_titles: dict[str, str]
    district_titles: dict[str, str]
    empty_note: str
    ads_note: str | None


def indicator_view(tables: Tables, district: str, indicator: str) -> IndicatorView:
    """The bar charts' data for ``indicator``: the areas of ``district`` and the five districts."""
    tidy, population = tables.tidy, tables.population
    empty = empty_note(empty_cells(tidy, population, district)) if indicator == "signalen" else ""
    areas = area_rates(tidy, population, indicator, district=district)
    districts = area_rates(tidy, population, indicator, by="district")
    return IndicatorView(
        reference=reference_rate(tidy, population, indicator),
        areas=areas,
        districts=districts,
        area_display=rates_display(areas),
        district_display=rates_display(districts),
        area_titles={m: area_chart_title(areas, indicator, m) for m in MEASURES},
        district_titles={m: area_chart_title(districts, indicator, m) for m in MEASURES},
        empty_note=empty,
        ads_note=ads_total_note(tidy) if indicator == "seksadvertenties" else None,
    )


@dataclass(frozen=True)
class FunnelView:
    """The funnel plot's points, limits on a grid, and its texts."""

    points: pl.DataFrame
    grid: pl.DataFrame
    overall: float
    title: str
    subtitle: list[str]
    display: pl.DataFrame
    caption: str


def funnel_view(tables: Tables, district: str, by: Literal["gebied", "district"]) -> FunnelView:
    """The funnel plot of signals per 100.000 inhabitants at level ``by``, ``district`` highlighted."""
    tidy, population = tables.tidy, tables.population
    points = funnel_points(tidy, population, by=by, district=district)
    overall = overall_signal_rate(tidy, population).per_100k or 0.0
    return FunnelView(
        points=points,
        grid=funnel_grid(points, overall),
        overall=overall,
        title=funnel_title(points),
        subtitle=funnel_subtitle(overall, district),
        display=funnel_display(points),
        caption=funnel_caption(points),
    )
