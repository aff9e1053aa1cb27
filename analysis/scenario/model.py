"""The scenario model: how many victims would we expect, and how many do we see?

A national estimate of victims is shared out over the unit and its districts by
population. Set against what is registered (police signals, CoMensHa registrations,
B8 declarations) this gives a "visible share". A signal is not a victim and the
sources overlap, so the visible share is an order of magnitude, not a measurement.

Numbers only: the Dutch words are in :mod:`analysis.scenario.labels`, the sentences
in :mod:`analysis.scenario.wording`.
"""

from dataclasses import dataclass
from typing import Any

import polars as pl

from analysis.checks import context_value
from analysis.frames import unit_value
from analysis.geography import NETHERLANDS_POPULATION, UNIT, population_year
from analysis.population import region_share, unit_population
from analysis.scenario.labels import SOURCE_LABELS
from analysis.stats import poisson_interval

#: Context codes: the national estimate the dashboard's text uses, and the text's regional figure.
DEFAULT_ESTIMATE_CODE = "slachtoffers_nl_2021"
TEXT_REGIONAL_CODE = "slachtoffers_on_2021_tekst"

#: Registered counts that the scenario sets against the expectation.
OBSERVED_CODES: tuple[str, ...] = ("signalen", "comensha_slachtoffers", "b8_aangiftes")

#: Published national estimates (multiple systems estimation) shown as a band, oldest first.
PUBLISHED_ESTIMATE_CODES: tuple[str, ...] = ("schatting_mse_2014_2015", "schatting_mse_2018_2019")

#: The national-estimate slider: wide enough for every published estimate and its range.
ESTIMATE_MIN = 1_000
ESTIMATE_MAX = 10_000
ESTIMATE_STEP = 250

#: The options (percent, one decimal) of the population-share override.
SHARE_OPTIONS: tuple[float, ...] = tuple(round(tenths / 10, 1) for tenths in range(50, 401))

VISIBILITY_SCHEMA = {
    "indicator": pl.String,
    "bron": pl.String,
    "aantal": pl.Int64,
    "verwacht": pl.Float64,
    "zichtbaar_aandeel": pl.Float64,
}


@dataclass(frozen=True)
class ScenarioResult:
    """Outcome of one scenario: assumptions, expectation, and what is visible."""

    national_estimate: float
    region_share: float
    share_is_override: bool
    population_year: int
    expected_unit: float
    districts: pl.DataFrame
    visibility: pl.DataFrame
    text_regional_figure: float
    text_implied_share: float
    computed_share: float

    @property
    def text_difference(self) -> float:
        """How far the text's regional figure lies above the population-share computation."""
        return self.text_regional_figure - self.national_estimate * self.computed_share


def default_national_estimate(context: pl.DataFrame) -> float:
    """Return the national estimate that the dashboard's text uses (more than 5.500)."""
    return context_value(context, DEFAULT_ESTIMATE_CODE)


def _context_row(context: pl.DataFrame, code: str) -> dict[str, Any]:
    row = context.filter(pl.col("code") == code)
    if row.is_empty():
        raise KeyError(code)
    return row.row(0, named=True)


def estimate_year(context: pl.DataFrame) -> int:
    """The year that the text's national estimate is about (2021 in the bundled context)."""
    return int(_context_row(context, DEFAULT_ESTIMATE_CODE)["jaar"])


def table_year(tidy: pl.DataFrame) -> int:
    """The year of a tidy dashboard table (its registered counts)."""
    return int(tidy["jaar"][0])


def estimate_period(code: str) -> str:
    """The period of a published estimate from its code: ``schatting_mse_2014_2015`` -> ``2014–2015``."""
    first, last = code.rsplit("_", 2)[-2:]
    return f"{first}–{last}"


def run_scenario(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    context: pl.DataFrame,
    *,
    national_estimate: float | None = None,
    share_override: float | None = None,
) -> ScenarioResult:
    """Compute expected victims for the unit and each district, and the visible share.

    ``national_estimate`` defaults to the figure in the dashboard's text;
    ``share_override`` (a fraction, e.g. ``0.2``) replaces the unit's CBS population
    share. Districts always get their population share of the unit's expectation.
    """
    year = table_year(tidy)
    estimate = default_national_estimate(context) if national_estimate is None else float(national_estimate)
    if estimate < 0:
        raise ValueError("national estimate must be >= 0")
    if share_override is not None and not 0 < share_override <= 1:
        raise ValueError("population share must be in (0, 1]")
    computed = region_share(population, year)
    share = computed if share_override is None else float(share_override)
    expected_unit = estimate * share
    pop_year = population_year(population, year)
    column = f"inwoners_{pop_year}"
    unit_pop = unit_population(population, year)
    signals = tidy.filter(
        pl.col("indicator") == "signalen", pl.col("gebiedstype") == "totaal", pl.col("district") != UNIT
    )
    districts = (
        population.group_by("district", maintain_order=True)
        .agg(pl.col(column).sum().alias("inwoners"))
        .with_columns((pl.col("inwoners") / unit_pop).alias("aandeel_inwoners"))
        .with_columns((pl.col("aandeel_inwoners") * expected_unit).alias("verwacht"))
        .join(signals.select("district", pl.col("waarde").alias("signalen")), on="district", how="left")
        .with_columns(
            pl.when(pl.col("verwacht") > 0)
            .then(pl.col("signalen") / pl.col("verwacht"))
            .otherwise(None)
            .alias("zichtbaar_aandeel")
        )
    )
    observed: list[dict[str, object]] = []
    for code in OBSERVED_CODES:
        count = unit_value(tidy, code)
        visible = None if count is None or expected_unit <= 0 else count / expected_unit
        observed.append(
            {
                "indicator": code,
                "bron": SOURCE_LABELS[code],
                "aantal": count,
                "verwacht": expected_unit,
                "zichtbaar_aandeel": visible,
            }
        )
    text_figure = context_value(context, TEXT_REGIONAL_CODE)
    return ScenarioResult(
        national_estimate=estimate,
        region_share=share,
        share_is_override=share_override is not None,
        population_year=pop_year,
        expected_unit=expected_unit,
        districts=districts,
        visibility=pl.DataFrame(observed, schema=VISIBILITY_SCHEMA),
        text_regional_figure=text_figure,
        text_implied_share=text_figure / default_national_estimate(context),
        computed_share=computed,
    )


def scenario_from_controls(
    tidy: pl.DataFrame,
    population: pl.DataFrame,
    context: pl.DataFrame,
    *,
    national_estimate: float,
    own_share: bool,
    share_percent: float | None,
) -> ScenarioResult:
    """Run the scenario from the page's controls.

    ``share_percent`` (e.g. ``20.0``) replaces the CBS population share only when
    ``own_share`` is on; otherwise the computed share is used.
    """
    override = share_percent / 100 if own_share and share_percent is not None else None
    return run_scenario(
        tidy, population, context, national_estimate=national_estimate, share_override=override
    )


def estimate_slider_range(context: pl.DataFrame) -> tuple[int, int, int]:
    """Return ``(min, max, step)`` for the national-estimate slider.

    The range covers 1.000–10.000 and is widened, if ever needed, so that the text's
    estimate and every published estimate with its bounds can be chosen.
    """
    values = [default_national_estimate(context)]
    for code in PUBLISHED_ESTIMATE_CODES:
        row = _context_row(context, code)
        values += [float(v) for v in (row["waarde"], row["ondergrens"], row["bovengrens"]) if v is not None]
    low = min(ESTIMATE_MIN, int(min(values) // ESTIMATE_STEP * ESTIMATE_STEP))
    high = max(ESTIMATE_MAX, int(-(-max(values) // ESTIMATE_STEP) * ESTIMATE_STEP))
    return low, high, ESTIMATE_STEP


def default_share_percent(population: pl.DataFrame, year: int) -> float:
    """The unit's CBS population share in percent, rounded to one decimal (18,7 for 2022)."""
    return round(region_share(population, year) * 100, 1)


def area_figures(result: ScenarioResult, district: str) -> tuple[float, float, int | None]:
    """Expected victims, share of the Dutch population used, and police signals for the area.

    ``district`` is the unit (:data:`analysis.geography.UNIT`) or one of its districts.
    """
    if district == UNIT:
        found = result.visibility.filter(pl.col("indicator") == "signalen")["aantal"]
        signals = None if found.is_empty() or found[0] is None else int(found[0])
        return result.expected_unit, result.region_share, signals
    rows = result.districts.filter(pl.col("district") == district)
    if rows.is_empty():
        raise KeyError(district)
    row = rows.row(0, named=True)
    district_signals = None if row["signalen"] is None else int(row["signalen"])
    return float(row["verwacht"]), result.region_share * float(row["aandeel_inwoners"]), district_signals


def observed_counts(result: ScenarioResult) -> dict[str, int | None]:
    """The unit's registered counts (police signals, CoMensHa, B8) by indicator code."""
    return dict(zip(result.visibility["indicator"], result.visibility["aantal"], strict=True))


def visible_share(count: int | None, expected: float) -> tuple[float | None, float | None, float | None]:
    """Count as a share of the expectation, with the exact Poisson margin of the count."""
    if count is None or expected <= 0:
        return None, None, None
    low, high = poisson_interval(count)
    return count / expected, low / expected, high / expected


def published_estimates(context: pl.DataFrame, result: ScenarioResult, district: str = UNIT) -> pl.DataFrame:
    """The published national estimates, converted to the area by the share in use.

    Columns: ``code, periode, landelijk, landelijk_onder, landelijk_boven, regio,
    regio_onder, regio_boven``.
    """
    _, share, _ = area_figures(result, district)
    rows = []
    for code in PUBLISHED_ESTIMATE_CODES:
        row = _context_row(context, code)
        rows.append(
            {
                "code": code,
                "periode": estimate_period(code),
                "landelijk": row["waarde"],
                "landelijk_onder": row["ondergrens"],
                "landelijk_boven": row["bovengrens"],
                "regio": row["waarde"] * share,
                "regio_onder": row["ondergrens"] * share,
                "regio_boven": row["bovengrens"] * share,
            }
        )
    return pl.DataFrame(rows)


@dataclass(frozen=True)
class TextFigure:
    """The text's regional figure set against the population-share computation with the text's own estimate."""

    national_estimate: float
    estimate_year: int
    population_year: int
    unit_population: int
    national_population: int
    share: float
    computed: float
    text_figure: float
    text_share: float

    @property
    def difference(self) -> float:
        """How far the text's figure lies above (positive) or below the computation."""
        return self.text_figure - self.computed


def text_figure(result: ScenarioResult, population: pl.DataFrame, context: pl.DataFrame) -> TextFigure:
    """The figures behind the text's regional figure (about 1.150), whatever estimate the scenario uses."""
    estimate = default_national_estimate(context)
    year = result.population_year
    return TextFigure(
        national_estimate=estimate,
        estimate_year=estimate_year(context),
        population_year=year,
        unit_population=unit_population(population, year),
        national_population=NETHERLANDS_POPULATION[year],
        share=result.computed_share,
        computed=estimate * result.computed_share,
        text_figure=result.text_regional_figure,
        text_share=result.text_implied_share,
    )


def district_extremes(result: ScenarioResult) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The districts with the lowest and the highest visible share (rows of ``result.districts``).

    None when fewer than two districts have a visible share.
    """
    districts = result.districts.filter(pl.col("zichtbaar_aandeel").is_not_null())
    if districts.height < 2:
        return None
    low = districts.sort("zichtbaar_aandeel").row(0, named=True)
    high = districts.sort("zichtbaar_aandeel", descending=True).row(0, named=True)
    return low, high
