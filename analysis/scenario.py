"""The scenario model: how many victims would we expect, and how many do we see?

A national estimate of victims is shared out over the unit and its districts by
population. Set against what is registered (police signals, CoMensHa registrations,
B8 declarations) this gives a "visible share". A signal is not a victim and the
sources overlap, so the visible share is an order of magnitude, not a measurement.
"""

from dataclasses import dataclass

import polars as pl

from analysis.checks import context_value
from analysis.geography import UNIT, population_year
from analysis.population import region_share, unit_population

DEFAULT_ESTIMATE_CODE = "slachtoffers_nl_2021"
TEXT_REGIONAL_CODE = "slachtoffers_on_2021_tekst"

#: Registered counts that the scenario sets against the expectation, with a Dutch label.
OBSERVED_SOURCES: tuple[tuple[str, str], ...] = (
    ("signalen", "Signalen mensenhandel (politie)"),
    ("comensha_slachtoffers", "Gemelde slachtoffers (CoMensHa)"),
    ("b8_aangiftes", "B8-aangiftes"),
)


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
    year = int(tidy["jaar"][0])
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
    observed = []
    for code, source_label in OBSERVED_SOURCES:
        found = tidy.filter(pl.col("district") == UNIT, pl.col("indicator") == code)["waarde"]
        count = None if found.is_empty() else found[0]
        visible = None if count is None or expected_unit <= 0 else count / expected_unit
        observed.append(
            {
                "indicator": code,
                "bron": source_label,
                "aantal": count,
                "verwacht": expected_unit,
                "zichtbaar_aandeel": visible,
            }
        )
    visibility = pl.DataFrame(
        observed,
        schema={
            "indicator": pl.String,
            "bron": pl.String,
            "aantal": pl.Int64,
            "verwacht": pl.Float64,
            "zichtbaar_aandeel": pl.Float64,
        },
    )
    text_figure = context_value(context, TEXT_REGIONAL_CODE)
    text_estimate = default_national_estimate(context)
    return ScenarioResult(
        national_estimate=estimate,
        region_share=share,
        share_is_override=share_override is not None,
        population_year=pop_year,
        expected_unit=expected_unit,
        districts=districts,
        visibility=visibility,
        text_regional_figure=text_figure,
        text_implied_share=text_figure / text_estimate,
        computed_share=computed,
    )
