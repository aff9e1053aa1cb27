"""The data page's downloads are made on request, from the year's tables as loaded."""

import polars as pl

from analysis import consistency_checks, indicator_table, load_context, load_dashboard, load_population
from analysis.export import read_tidy_csv
from components.data_views import data_downloads


def test_downloads_build_the_published_figures_when_asked() -> None:
    tidy = load_dashboard(2022)
    checks = consistency_checks(tidy, load_context())
    downloads = data_downloads(2022, checks, indicator_table(), load_population())
    assert [d.label for d in downloads] == [
        "Nette tabel (CSV)",
        "Werkmap (Excel)",
        "Controles (CSV)",
        "Inwoners (CSV)",
    ]
    back = read_tidy_csv(downloads[0].build())
    assert back.height == 401
    unit_signals = back.filter(
        pl.col("indicator") == "signalen",
        pl.col("gebied") == "Oost-Nederland",
        pl.col("gebiedstype") == "totaal",
    )
    assert unit_signals["waarde"].to_list() == [188]
    assert downloads[1].build()[:2] == b"PK"  # an xlsx file is a zip archive
