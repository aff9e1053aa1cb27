"""The data-file check: which files the app needs, and a Dutch message that names the broken one.

The app run from a copy with each file removed or broken is tested in
``tests/browser/test_faults.py``; here the pure parts.
"""

from __future__ import annotations

from analysis.checks import load_context
from analysis.data_files import DataFileProblem, dashboard_years, data_file_problem, fingerprint
from analysis.parser import LayoutError
from analysis.paths import DASHBOARD_DIR


def test_the_bundled_data_is_complete() -> None:
    assert data_file_problem() is None


def test_the_dashboard_years_come_from_the_context_sources() -> None:
    # context.csv names 'Dashboard mensenhandel Oost-Nederland 2022' as the source of its text figures.
    assert dashboard_years(load_context()) == [2022]
    assert dashboard_years(None) == [2022]  # the bundled file alone


def test_a_year_that_cannot_be_parsed_is_named_with_the_parser_reason() -> None:
    def broken(year: int) -> object:
        raise LayoutError("het blok 'TOTAAL EENHEID ONL' ontbreekt", code="eenheid_ontbreekt")

    problem = data_file_problem(broken)
    assert problem == DataFileProblem(
        "data/dashboard/2022.txt",
        "Het bestand data/dashboard/2022.txt is beschadigd of heeft niet de verwachte opmaak (het blok "
        "'TOTAAL EENHEID ONL' ontbreekt). Daarin staan de gepubliceerde tabellen van 2022. Een beheerder kan "
        "het bestand terugzetten uit de broncode van de app (de map data/, beschreven in data/README.md) en de "
        "app opnieuw starten. Tot dan kan de app geen cijfers tonen.",
    )


def test_the_fingerprint_names_every_data_file() -> None:
    before = fingerprint()
    assert len(before) == 4 + len(list(DASHBOARD_DIR.glob("*.txt")))
    assert all(size >= 0 for _, size, _ in before)
    assert fingerprint() == before
