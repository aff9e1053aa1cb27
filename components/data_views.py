"""UI pieces of the page 'Data en kwaliteit': status legend, filtered tidy table, blocks, checks, downloads."""

from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import polars as pl
import streamlit as st

from analysis import export as files
from analysis.blocks import (
    STATUS_LEGEND,
    STATUS_NAMES,
    FilterOptions,
    PublishedBlock,
    checks_shown,
    filter_view,
    outcome_options,
)
from analysis.dutch import fmt_int
from analysis.geography import POPULATION_SOURCE
from analysis.palette import STATUS_GREYS, TEXT_COLOR
from analysis.parser import EMPTY, NOT_APPLICABLE, NOT_REPORTED
from components import data
from components.controls import bound

#: Greys for the three kinds of 'no number' (analysis.palette); each segment also carries its mark as text.
MISSING_GREYS: dict[str, str] = dict(
    zip([STATUS_NAMES[s] for s in (EMPTY, NOT_REPORTED, NOT_APPLICABLE)], STATUS_GREYS, strict=True)
)


def status_legend(counts: dict[str, int]) -> None:
    """The four statuses side by side: how they look, how often they occur, what they mean."""
    for column, item in zip(st.columns(len(STATUS_LEGEND)), STATUS_LEGEND, strict=True):
        with column, st.container(border=True):
            st.metric(item.title, fmt_int(counts.get(item.status, 0)))
            st.caption(item.meaning)


@st.fragment
def tidy_table(view: pl.DataFrame, options: FilterOptions) -> None:
    """The full tidy table with four filters bound to the link; an empty filter shows everything.

    A filter reruns only this part of the page.
    """
    columns = st.columns(4)
    with columns[0]:
        districts = bound(
            st.multiselect, "District", options.districts, key="filter_district", placeholder="Alle"
        )
    with columns[1]:
        area_types = bound(
            st.multiselect, "Gebiedstype", options.area_types, key="filter_gebiedstype", placeholder="Alle"
        )
    with columns[2]:
        sections = bound(st.multiselect, "Sectie", options.sections, key="filter_sectie", placeholder="Alle")
    with columns[3]:
        statuses = bound(st.multiselect, "Status", options.statuses, key="filter_status", placeholder="Alle")
    shown = filter_view(
        view, districts=districts, area_types=area_types, sections=sections, statuses=statuses
    )
    st.dataframe(
        shown.select(
            "district", "gebied", "indicator", "weergave", "status", "gebiedstype", "sectie", "code"
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "district": "District",
            "gebied": "Gebied",
            "gebiedstype": "Gebiedstype",
            "sectie": "Sectie",
            "indicator": "Indicator",
            "code": "Code",
            "weergave": st.column_config.TextColumn(
                "Weergave",
                help="Het getal, of 'leeg', '?' of '-' zoals in het dashboard; nooit 0 voor iets dat ontbreekt.",
            ),
            "status": "Status",
        },
    )
    st.caption(f"{fmt_int(shown.height)} van {fmt_int(view.height)} rijen getoond.")


def missing_chart(overview: pl.DataFrame, districts: list[str], title: str) -> alt.LayerChart:
    """Stacked bars per district: how many cells have no number, split into leeg, '?' and '-'."""
    statuses = [s for s in MISSING_GREYS if s in set(overview["status"])]
    rank = {s: i for i, s in enumerate(MISSING_GREYS)}
    data = overview.with_columns(
        pl.col("status").replace_strict(rank, return_dtype=pl.Int64).alias("volgorde")
    )
    base = alt.Chart(data).transform_stack(
        stack="aantal",
        groupby=["district"],
        sort=[alt.SortField("volgorde")],
        as_=["x0", "x1"],
    )
    y = alt.Y(
        "district:N",
        sort=districts,
        scale=alt.Scale(domain=districts),
        title=None,
    )
    tooltip = [
        alt.Tooltip("district:N", title="District"),
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip("etiket:N", title="Vakken"),
        alt.Tooltip("gebieden:N", title="Gebieden"),
        alt.Tooltip("indicatoren:N", title="Indicatoren"),
    ]
    bars = base.mark_bar(stroke="white", strokeWidth=1).encode(
        x=alt.X("x0:Q", title="Vakken zonder getal", axis=alt.Axis(tickMinStep=1, format="d")),
        x2=alt.X2("x1:Q"),
        y=y,
        color=alt.Color(
            "status:N",
            scale=alt.Scale(domain=statuses, range=[MISSING_GREYS[s] for s in statuses]),
            legend=alt.Legend(title="Status", orient="top", direction="horizontal"),
        ),
        tooltip=tooltip,
    )
    labels = (
        base.transform_calculate(midden="(datum.x0 + datum.x1) / 2")
        .mark_text(color=TEXT_COLOR)
        .encode(x=alt.X("midden:Q"), y=y, text=alt.Text("etiket:N"), tooltip=tooltip)
    )
    return alt.LayerChart(layer=[bars, labels]).properties(
        title=alt.Title(title, subtitle="Een leeg vak, '?' en '-' zijn geen 0 en tellen hier apart."),
    )


@st.fragment
def block_tabs(blocks: list[PublishedBlock], default: str | None = None) -> None:
    """Each published block in its own tab (the chosen tab travels in the link as 'blok').

    Only the open tab is drawn; switching tabs reruns only this part of the page.
    """
    titles = [b.title for b in blocks]
    tabs = bound(
        st.tabs, titles, key="blok", default=default if default in titles else None, on_change="rerun"
    )
    for tab, block in zip(tabs, blocks, strict=True):
        if not tab.open:
            continue
        with tab:
            st.dataframe(block.table, hide_index=True, width="stretch", height="content")
            st.caption(block.note)
            if block.detail is not None:
                st.table(block.detail, hide_index=True)


@st.fragment
def checks_table(year: int, checks: pl.DataFrame) -> None:
    """Every consistency check, with a filter on the outcome bound to the link (reruns only this part)."""
    outcomes = bound(
        st.multiselect, "Uitkomst", outcome_options(checks), key="filter_uitkomst", placeholder="Alle"
    )
    shown = data.view(checks_shown, year, tuple(outcomes or ()))
    st.dataframe(shown, hide_index=True, width="stretch")
    st.caption(
        f"{fmt_int(shown.height)} van {fmt_int(checks.height)} controles getoond. Verschil is getal A min getal B."
    )


def indicator_definitions(indicators: pl.DataFrame) -> None:
    """The definition and source of every indicator."""
    st.table(
        indicators.select(
            pl.col("label").alias("Indicator"),
            pl.col("definitie").alias("Definitie"),
            pl.col("eenheid").alias("Eenheid"),
            pl.col("bron").alias("Bron"),
        ),
        hide_index=True,
    )


@dataclass(frozen=True)
class Download:
    """One file to offer: Dutch label, file name, MIME type and a function that builds the bytes."""

    label: str
    file_name: str
    mime: str
    build: Callable[[], bytes]
    help: str


def download_buttons(downloads: list[Download]) -> None:
    """One download button per file, side by side; the bytes are built when the button is clicked."""
    for column, item in zip(st.columns(len(downloads)), downloads, strict=True):
        with column:
            st.download_button(
                item.label,
                data=item.build,
                file_name=item.file_name,
                mime=item.mime,
                help=item.help,
                on_click="ignore",
                icon=":material/download:",
                key=f"download_{item.file_name}",
            )


def data_downloads(
    year: int, checks: pl.DataFrame, indicators: pl.DataFrame, population: pl.DataFrame
) -> list[Download]:
    """The four files of the data page: tidy CSV, Excel workbook, checks CSV and population CSV.

    Each file is made when it is downloaded; the year's tidy table is fetched only then.
    """
    return [
        Download(
            "Nette tabel (CSV)",
            files.file_name(year, "tidy", "csv"),
            "text/csv",
            lambda: files.tidy_csv(data.tidy(year)),
            "Eén rij per cijfer, UTF-8, met de kolom status: een lege waarde is nooit 0.",
        ),
        Download(
            "Werkmap (Excel)",
            files.file_name(year, None, "xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            lambda: files.excel_workbook(data.tidy(year), checks, indicators, population),
            "Tabbladen: " + ", ".join(files.SHEETS) + ".",
        ),
        Download(
            "Controles (CSV)",
            files.file_name(year, "controles", "csv"),
            "text/csv",
            lambda: files.checks_csv(checks),
            "Alle controles op samenhang met hun uitkomst.",
        ),
        Download(
            "Inwoners (CSV)",
            files.file_name(year, "inwoners", "csv"),
            "text/csv",
            lambda: files.population_csv(population),
            f"Inwoners per gemeente; bron: {POPULATION_SOURCE}.",
        ),
    ]
