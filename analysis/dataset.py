"""Loading the bundled dashboards: one tidy table per published year."""

from dataclasses import dataclass

import polars as pl

from analysis.geography import Gazetteer, default_gazetteer
from analysis.parser import parse_layout
from analysis.paths import DASHBOARD_DIR, dashboard_file


def available_years() -> list[int]:
    """Return the years for which a published dashboard is bundled, oldest first."""
    return sorted(int(p.stem) for p in DASHBOARD_DIR.glob("*.txt") if p.stem.isdigit())


def load_dashboard(year: int, gazetteer: Gazetteer | None = None) -> pl.DataFrame:
    """Return the tidy table of the published dashboard for ``year``.

    Columns: ``jaar, district, gebied, gebiedstype (gemeente | overig | totaal),
    indicator, waarde (nullable integer), status``. Raises ``FileNotFoundError``
    for a year that is not bundled and ``LayoutError`` for a broken file.
    """
    path = dashboard_file(year)
    if not path.exists():
        raise FileNotFoundError(f"Geen dashboard voor {year}; beschikbaar: {available_years()}")
    return parse_layout(path.read_text(encoding="utf-8"), year, gazetteer or default_gazetteer())


@dataclass(frozen=True)
class Tables:
    """One year's tidy table with the tables every page view may need beside it.

    ``population`` is CBS population per municipality (``load_population``) and
    ``context`` the figures stated in the dashboard's text (``load_context``).
    """

    tidy: pl.DataFrame
    population: pl.DataFrame
    context: pl.DataFrame
