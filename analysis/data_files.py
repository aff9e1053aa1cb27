"""The data files the app cannot work without, and what is wrong with one of them.

Every page needs the municipalities with their population (``data/gemeenten.csv``), the
other spellings of their names (``data/naam_aliassen.csv``), the figures stated in the
dashboard's text (``data/context.csv``) and the published tables of each dashboard year
(``data/dashboard/<jaar>.txt``). Which years those are follows from ``context.csv``: every
year whose dashboard it names as a source must be there, plus any other bundled year.

:func:`data_file_problem` reads each file the way the app does and returns the first
problem, with a Dutch message that names the file, or ``None``. The app checks this once
per run (cached by :func:`fingerprint`) before it draws a page, so a missing or broken
file gives one clear page instead of a traceback on every page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from analysis.checks import load_context
from analysis.dataset import available_years, load_dashboard
from analysis.geography import Gazetteer, load_aliases, load_population
from analysis.paths import ALIASES_CSV, CONTEXT_CSV, DASHBOARD_DIR, GEMEENTEN_CSV, PROJECT_DIR, dashboard_file

#: The dashboard a context figure comes from, as its source names it.
_DASHBOARD_SOURCE = re.compile(r"Dashboard mensenhandel Oost-Nederland (\d{4})")
#: What each file holds, as the message names it.
WHAT: dict[Path, str] = {
    GEMEENTEN_CSV: "de gemeenten met hun inwoners (CBS)",
    ALIASES_CSV: "de andere schrijfwijzen van gemeente- en districtsnamen",
    CONTEXT_CSV: "de cijfers uit de toelichting van het dashboard",
}
_ADVICE = (
    "Een beheerder kan het bestand terugzetten uit de broncode van de app (de map data/, beschreven "
    "in data/README.md) en de app opnieuw starten. Tot dan kan de app geen cijfers tonen."
)


@dataclass(frozen=True)
class DataFileProblem:
    """A data file that is missing or cannot be read: the file (relative to the project) and why, in Dutch."""

    file: str
    message: str


def relative(path: Path) -> str:
    """``path`` as the project names it: ``data/gemeenten.csv``."""
    try:
        return path.resolve().relative_to(PROJECT_DIR).as_posix()
    except ValueError:
        return path.as_posix()


def missing_message(path: Path, what: str) -> str:
    """The Dutch message for a missing file."""
    return f"Het bestand {relative(path)} ontbreekt. Daarin staan {what}. {_ADVICE}"


def broken_message(path: Path, what: str, detail: str) -> str:
    """The Dutch message for a file that is there but cannot be read (``detail`` says why, may be empty)."""
    why = f" ({detail})" if detail else ""
    return f"Het bestand {relative(path)} is beschadigd of heeft niet de verwachte opmaak{why}. Daarin staan {what}. {_ADVICE}"


def _population_ok(path: Path) -> None:
    population = load_population(path)
    if population.is_empty() or population["gemeente"].null_count() or population["district"].null_count():
        raise ValueError("geen gemeenten of lege namen")


def _aliases_ok(path: Path) -> None:
    aliases = load_aliases(path)
    missing = {"alias", "naam", "soort"} - set(aliases.columns)
    if missing:
        raise ValueError(f"kolom {', '.join(sorted(missing))} ontbreekt")


def _context_ok(path: Path) -> None:
    context = load_context(path)
    missing = {"code", "jaar", "waarde", "bron"} - set(context.columns)
    if missing:
        raise ValueError(f"kolom {', '.join(sorted(missing))} ontbreekt")


def _dashboard_ok(_path: Path, *, year: int, load_year: Callable[[int], object]) -> None:
    load_year(year)


def dashboard_years(context: pl.DataFrame | None) -> list[int]:
    """The dashboard years the app ships: those ``context.csv`` names as a source, and every bundled one."""
    named: set[int] = set()
    if context is not None and "bron" in context.columns:
        for source in context["bron"].drop_nulls().to_list():
            named.update(int(year) for year in _DASHBOARD_SOURCE.findall(str(source)))
    return sorted(named | set(available_years()))


def _detail(error: Exception) -> str:
    """A short reason from a loader's error, in Dutch where the app wrote it."""
    message = getattr(error, "message", None) or (str(error) if isinstance(error, ValueError) else "")
    first = message.strip().splitlines()[0] if message.strip() else ""
    return first if len(first) <= 160 else first[:159] + "…"


def _check(path: Path, what: str, read: Callable[[Path], object]) -> DataFileProblem | None:
    if not path.is_file():
        return DataFileProblem(relative(path), missing_message(path, what))
    try:
        read(path)
    except Exception as error:  # any reading error: the file is not what the app expects
        return DataFileProblem(relative(path), broken_message(path, what, _detail(error)))
    return None


def data_file_problem(load_year: Callable[[int], object] | None = None) -> DataFileProblem | None:
    """The first data file that is missing or cannot be read, or ``None`` when all are fine.

    ``load_year`` reads one bundled year (default: :func:`analysis.load_dashboard`); the app
    passes its cached loader, so that the check and the pages share one parse.
    """
    for path, read in (
        (GEMEENTEN_CSV, _population_ok),
        (ALIASES_CSV, _aliases_ok),
        (CONTEXT_CSV, _context_ok),
    ):
        problem = _check(path, WHAT[path], read)
        if problem is not None:
            return problem
    if load_year is None:
        gazetteer = Gazetteer(load_population(), load_aliases())

        def load_year(year: int) -> object:
            return load_dashboard(year, gazetteer)

    years = dashboard_years(load_context())
    if not years:
        return DataFileProblem(
            relative(DASHBOARD_DIR),
            f"In de map {relative(DASHBOARD_DIR)} staan geen gepubliceerde tabellen (zoals <jaar>.txt). {_ADVICE}",
        )
    for year in years:
        read_year = functools.partial(_dashboard_ok, year=year, load_year=load_year)
        problem = _check(dashboard_file(year), f"de gepubliceerde tabellen van {year}", read_year)
        if problem is not None:
            return problem
    return None


def fingerprint() -> tuple[tuple[str, int, int], ...]:
    """Name, size and change time of every data file: a new key whenever one of them changes."""
    paths = [GEMEENTEN_CSV, ALIASES_CSV, CONTEXT_CSV, DASHBOARD_DIR, *sorted(DASHBOARD_DIR.glob("*.txt"))]
    stamps = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            stamps.append((str(path), -1, -1))
        else:
            stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)
