"""Small helpers for polars frames.

Python functions must never run inside polars expressions (``map_elements``): polars
runs them on its own thread pool, which waits for the GIL while another thread holds it
in ``to_pandas`` (Streamlit calls that for every table), and the server hangs under a
full room (see docs/performance.md). Text columns are built here in plain Python instead.
"""

from collections.abc import Callable
from typing import Any

import polars as pl

from analysis.geography import UNIT


def text_column(frame: pl.DataFrame, name: str, make: Callable[..., str | None], *columns: str) -> pl.Series:
    """A string column computed row by row in Python from ``columns`` (nulls are passed as None)."""
    values = zip(*(frame[column].to_list() for column in columns), strict=True)
    return pl.Series(name, [make(*row) for row in values], dtype=pl.String)


def with_text(frame: pl.DataFrame, name: str, make: Callable[..., Any], *columns: str) -> pl.DataFrame:
    """``frame`` with a new string column ``name`` made by :func:`text_column`."""
    return frame.with_columns(text_column(frame, name, make, *columns))


def unit_value(tidy: pl.DataFrame, indicator: str) -> int | None:
    """The unit-wide (Oost-Nederland) value of ``indicator`` in a tidy table, or None when absent or missing."""
    found = tidy.filter(pl.col("district") == UNIT, pl.col("indicator") == indicator)["waarde"]
    return None if found.is_empty() else found[0]
