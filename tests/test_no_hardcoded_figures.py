"""Pages and components take years and published figures from the data, never from literals.

A literal "2022" or "188" in a page is right for one year and silently wrong once the next
year is loaded. This test reads every string and number in the code of ``pages/`` and
``components/`` (docstrings and comments excepted: they explain, they do not show) and fails
on a four-digit year or on a figure the dashboard publishes.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polars as pl
import pytest

from analysis import load_dashboard
from analysis.dutch import fmt_int
from analysis.paths import CONTEXT_CSV

ROOT = Path(__file__).resolve().parents[1]
SCANNED = sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("components/*.py")])
YEAR = re.compile(r"(?<![\d.,#-])(?:19[5-9]\d|20\d\d)(?![\d.,])")
#: Published counts this small turn up as ordinary words and sizes ("2 kolommen", "12 px"); from 20
#: on, a number in a page's text is a figure someone copied.
SMALLEST_FIGURE = 20


def _docstring_nodes(tree: ast.AST) -> set[int]:
    """The ids of the string constants that are docstrings."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def literals(path: Path) -> list[tuple[int, object]]:
    """Every string or number constant in ``path`` with its line, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstring_nodes(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and id(node) not in docstrings
        and isinstance(node.value, str | int)
        and not isinstance(node.value, bool)
    ]


def published_figures() -> set[int]:
    """Every count the 2022 dashboard publishes (tables and text), from the data files."""
    tidy = load_dashboard(2022)
    values = set(tidy.filter(pl.col("waarde").is_not_null())["waarde"].to_list())
    context = pl.read_csv(CONTEXT_CSV, infer_schema_length=0)
    for column in context.columns:
        for text in context[column].drop_nulls().to_list():
            if re.fullmatch(r"\d+", text.strip()):
                values.add(int(text))
    return {v for v in values if v >= SMALLEST_FIGURE}


def _figure_pattern(figures: set[int]) -> re.Pattern[str]:
    forms = sorted({fmt_int(v) for v in figures} | {str(v) for v in figures}, key=len, reverse=True)
    return re.compile(r"(?<![\w.,#%-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w.,%])")


FIGURES = published_figures()
FIGURE = _figure_pattern(FIGURES)


@pytest.mark.parametrize("path", SCANNED, ids=[str(p.relative_to(ROOT)) for p in SCANNED])
def test_no_year_or_published_figure_in_pages_and_components(path: Path) -> None:
    found = []
    for line, value in literals(path):
        if isinstance(value, int):
            if 1950 <= value <= 2099:
                found.append(f"line {line}: the number {value} (a year?)")
            continue
        if match := YEAR.search(value):
            found.append(f"line {line}: year {match.group()} in {value[:80]!r}")
        elif match := FIGURE.search(value):
            found.append(f"line {line}: published figure {match.group()} in {value[:80]!r}")
    assert found == [], "take these from the data:\n" + "\n".join(found)


def test_the_scan_catches_what_it_should() -> None:
    """The patterns flag a copied year and figure, and leave sizes and CSS alone."""
    assert YEAR.search("signalen 2022")
    assert FIGURE.search("De toelichting noemt 32 onderzoeken, de tabel 22.")
    assert FIGURE.search("29.764 advertenties")
    assert 188 in FIGURES and 63 in FIGURES and 29_764 in FIGURES
    for harmless in ("max-width: 1700px", "font-size: 1.3rem", "#fff6d9", "per 100.000 inwoners"):
        assert not YEAR.search(harmless), harmless
