"""Shared, read-only fixtures for the analysis tests: the 2022 dashboard loaded once per session.

Polars frames are immutable and the analysis functions return new frames, so sharing
one tidy table between tests is safe and keeps the suite fast.
"""

import polars as pl
import pytest

from analysis import consistency_checks, load_context, load_dashboard, load_population

YEAR = 2022


@pytest.fixture(scope="session")
def tidy() -> pl.DataFrame:
    """The tidy table of the published 2022 dashboard."""
    return load_dashboard(YEAR)


@pytest.fixture(scope="session")
def population() -> pl.DataFrame:
    """The bundled CBS population per municipality of the unit."""
    return load_population()


@pytest.fixture(scope="session")
def context() -> pl.DataFrame:
    """The figures that the dashboard's text states but its tables do not."""
    return load_context()


@pytest.fixture(scope="session")
def checks(tidy: pl.DataFrame, context: pl.DataFrame) -> pl.DataFrame:
    """All consistency checks of the 2022 dashboard."""
    return consistency_checks(tidy, context)
