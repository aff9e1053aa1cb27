"""Population per area of the dashboard: municipality, district "Overig", district, unit."""

import polars as pl

from analysis.geography import NETHERLANDS_POPULATION, UNIT, population_year
from analysis.parser import AREA_MUNICIPALITY, AREA_OTHER, AREA_TOTAL, OTHER_PREFIX


def area_population(tidy: pl.DataFrame, population: pl.DataFrame, year: int) -> pl.DataFrame:
    """Return the inhabitants of every area the dashboard reports for ``year``.

    Each named municipality gets its own CBS figure; a district's "Overig" gets the
    district minus the municipalities named in that district's block; districts and
    the unit get their sums. Columns: ``district, gebied, gebiedstype, inwoners``.
    """
    column = f"inwoners_{population_year(population, year)}"
    named = (
        tidy.filter(
            pl.col("jaar") == year,
            pl.col("gebiedstype") == AREA_MUNICIPALITY,
            pl.col("indicator") == "signalen",
        )
        .select("district", "gebied")
        .unique()
    )
    per_municipality = population.select(
        pl.col("gemeente").alias("gebied"), "district", pl.col(column).alias("inwoners")
    )
    districts = per_municipality.group_by("district", maintain_order=True).agg(pl.col("inwoners").sum())
    named_pop = named.join(per_municipality, on=["district", "gebied"], how="left")
    named_sum = named_pop.group_by("district").agg(pl.col("inwoners").sum().alias("benoemd"))
    others = districts.join(named_sum, on="district", how="left").select(
        "district",
        pl.format("{} {}", pl.lit(OTHER_PREFIX), pl.col("district")).alias("gebied"),
        pl.lit(AREA_OTHER).alias("gebiedstype"),
        (pl.col("inwoners") - pl.col("benoemd").fill_null(0)).alias("inwoners"),
    )
    totals = districts.select(
        "district", pl.col("district").alias("gebied"), pl.lit(AREA_TOTAL).alias("gebiedstype"), "inwoners"
    )
    unit = pl.DataFrame(
        {
            "district": [UNIT],
            "gebied": [UNIT],
            "gebiedstype": [AREA_TOTAL],
            "inwoners": [int(districts["inwoners"].sum())],
        }
    )
    municipalities = named_pop.select(
        "district", "gebied", pl.lit(AREA_MUNICIPALITY).alias("gebiedstype"), "inwoners"
    )
    return pl.concat([municipalities, others, totals, unit]).sort("district", "gebiedstype", "gebied")


def unit_population(population: pl.DataFrame, year: int) -> int:
    """Return the inhabitants of the whole unit Oost-Nederland for ``year``."""
    return int(population[f"inwoners_{population_year(population, year)}"].sum())


def region_share(population: pl.DataFrame, year: int) -> float:
    """Return the unit's share of the Dutch population on 1 January of ``year``."""
    pop_year = population_year(population, year)
    return unit_population(population, pop_year) / NETHERLANDS_POPULATION[pop_year]
