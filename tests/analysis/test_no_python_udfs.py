"""No Python function runs inside a polars expression in app code.

polars runs ``map_elements``/``map_batches`` callbacks on its thread pool; with Streamlit
calling ``to_pandas`` for tables in another thread, that deadlocks the server under a full
room (reproduced in bench/repro_polars_deadlock.py). Build text columns with
``analysis.frames.with_text`` instead.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_CODE = sorted(
    path
    for folder in ("analysis", "components", "pages", "storage")
    for path in (ROOT / folder).rglob("*.py")
)
FORBIDDEN = re.compile(r"\.(map_elements|map_batches|map_rows|map_groups)\(")


@pytest.mark.parametrize("path", APP_CODE, ids=[str(p.relative_to(ROOT)) for p in APP_CODE])
def test_no_python_callbacks_in_polars(path: Path) -> None:
    hits = [
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if FORBIDDEN.search(line)
    ]
    assert not hits, f"{path.relative_to(ROOT)} calls a Python callback inside polars on lines {hits}"


def test_with_text_builds_the_column_in_python() -> None:
    import polars as pl

    from analysis.frames import with_text

    frame = with_text(
        pl.DataFrame({"n": [1, None, 29764]}), "tekst", lambda n: "–" if n is None else f"{n:,}", "n"
    )
    assert frame["tekst"].to_list() == ["1", "–", "29,764"]
