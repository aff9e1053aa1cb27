"""Municipalities, districts and the unit: names, aliases and population (CBS)."""

import difflib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polars as pl

from analysis.names import name_key
from analysis.paths import ALIASES_CSV, GEMEENTEN_CSV

UNIT = "Oost-Nederland"
NETHERLANDS_POPULATION: dict[int, int] = {2021: 17_475_415, 2022: 17_590_672}
POPULATION_SOURCE = "CBS StatLine 37259, Bevolking op 1 januari (CC BY 4.0)"

POPULATION_SCHEMA = {
    "gemeentecode": pl.String,
    "gemeente": pl.String,
    "provincie": pl.String,
    "district": pl.String,
    "inwoners_2021": pl.Int64,
    "inwoners_2022": pl.Int64,
}


def load_population(path: Path = GEMEENTEN_CSV) -> pl.DataFrame:
    """Return one row per municipality of the unit with CBS population per 1 January.

    Columns: ``gemeentecode, gemeente, provincie, district, inwoners_2021,
    inwoners_2022``.
    """
    return pl.read_csv(path, schema=POPULATION_SCHEMA)


def load_aliases(path: Path = ALIASES_CSV) -> pl.DataFrame:
    """Return the known alternative spellings of municipality and district names."""
    return pl.read_csv(path, schema_overrides={"alias": pl.String, "naam": pl.String})


def population_year(population: pl.DataFrame, year: int) -> int:
    """Return the population year to use for a dashboard year: the same or the nearest."""
    years = sorted(
        int(col.removeprefix("inwoners_")) for col in population.columns if col.startswith("inwoners_")
    )
    return min(years, key=lambda y: (abs(y - year), -y))


@dataclass(frozen=True)
class Match:
    """The outcome of looking up a name: the canonical name, or the closest suggestion."""

    name: str | None
    suggestion: str | None


class Gazetteer:
    """Resolves printed names of municipalities and districts to canonical names."""

    def __init__(self, population: pl.DataFrame, aliases: pl.DataFrame) -> None:
        """Build the lookup tables from the population table and the alias table."""
        self.population = population
        self._municipalities = {name_key(n): n for n in population["gemeente"]}
        self._districts = {name_key(n): n for n in population["district"].unique(maintain_order=True)}
        for row in aliases.iter_rows(named=True):
            target = self._districts if row["soort"] == "district" else self._municipalities
            target[name_key(row["alias"])] = row["naam"]
        self._district_of = dict(zip(population["gemeente"], population["district"], strict=True))

    @cached_property
    def districts(self) -> tuple[str, ...]:
        """The canonical district names, in the order of the population file."""
        return tuple(self.population["district"].unique(maintain_order=True))

    def municipality(self, printed: str) -> Match:
        """Look up a municipality by its printed name."""
        return self._lookup(printed, self._municipalities)

    def district(self, printed: str) -> Match:
        """Look up a district by its printed name or abbreviation."""
        return self._lookup(printed, self._districts)

    def district_of(self, municipality: str) -> str:
        """Return the district a canonical municipality belongs to."""
        return self._district_of[municipality]

    @staticmethod
    def _lookup(printed: str, table: dict[str, str]) -> Match:
        key = name_key(printed)
        if key in table:
            return Match(table[key], None)
        close = difflib.get_close_matches(key, list(table), n=1, cutoff=0.0)
        return Match(None, table[close[0]] if close else None)


def default_gazetteer() -> Gazetteer:
    """Return a gazetteer over the bundled population and alias files."""
    return Gazetteer(load_population(), load_aliases())
