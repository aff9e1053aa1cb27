"""Inhabitants of the unit for the data page: per district, the unit and the Netherlands (CBS 37259).

Numbers are written the Dutch way; the headings and the sentence come from
:mod:`analysis.blocks.wording`.
"""

import polars as pl

from analysis.blocks import wording
from analysis.dutch import fmt_int, fmt_pct
from analysis.geography import NETHERLANDS_POPULATION, UNIT, population_year

_PREFIX = "inwoners_"


def _years(population: pl.DataFrame) -> list[int]:
    """The population years in the table, oldest first."""
    return sorted(int(c.removeprefix(_PREFIX)) for c in population.columns if c.startswith(_PREFIX))


def population_overview(population: pl.DataFrame, year: int) -> pl.DataFrame:
    """Inhabitants per district, the unit and the Netherlands on 1 January (CBS 37259), formatted Dutch.

    Columns: ``Gebied, Gemeenten, Inwoners 1 januari <y1>, Inwoners 1 januari <y2>, Aandeel van
    Nederland <year>``. The share uses the population year nearest to ``year``.
    """
    years = _years(population)
    share_year = population_year(population, year)
    per_district = population.group_by("district", maintain_order=True).agg(
        pl.len().alias("n"), *[pl.col(f"{_PREFIX}{y}").sum() for y in years]
    )
    rows: list[tuple[str, int, dict[int, int]]] = [
        (r["district"], r["n"], {y: r[f"{_PREFIX}{y}"] for y in years})
        for r in per_district.iter_rows(named=True)
    ]
    rows.append((UNIT, population.height, {y: int(population[f"{_PREFIX}{y}"].sum()) for y in years}))
    out: dict[str, list[str]] = {
        wording.AREA: [r[0] for r in rows] + [wording.NETHERLANDS],
        wording.MUNICIPALITIES: [fmt_int(r[1]) for r in rows] + ["–"],
    }
    for y in years:
        national = NETHERLANDS_POPULATION.get(y)
        out[wording.inhabitants_heading(y)] = [fmt_int(r[2][y]) for r in rows] + [fmt_int(national)]
    nl = NETHERLANDS_POPULATION.get(share_year)
    out[wording.share_heading(share_year)] = [fmt_pct(r[2][share_year] / nl) if nl else "–" for r in rows] + [
        fmt_pct(1.0) if nl else "–"
    ]
    return pl.DataFrame(out)


def population_sentence(population: pl.DataFrame, year: int) -> str:
    """One sentence on the unit's size: inhabitants, municipalities and share of the Netherlands."""
    pop_year = population_year(population, year)
    unit = int(population[f"{_PREFIX}{pop_year}"].sum())
    return wording.population_text(pop_year, population.height, unit, NETHERLANDS_POPULATION.get(pop_year))


def population_municipalities(population: pl.DataFrame) -> pl.DataFrame:
    """The municipalities of the unit with their inhabitants, numbers written the Dutch way."""
    ordered = population.sort("district", "gemeente")
    years = [c for c in ordered.columns if c.startswith(_PREFIX)]
    return pl.DataFrame(
        {
            **{heading: ordered[column] for column, heading in wording.MUNICIPALITY_COLUMNS.items()},
            **{
                wording.inhabitants_heading(c.removeprefix(_PREFIX)): [fmt_int(v) for v in ordered[c]]
                for c in years
            },
        }
    )
