"""Cached access to the analysis core: the edge where Streamlit caching lives."""

import polars as pl
import streamlit as st

import analysis


@st.cache_data(show_spinner=False)
def tidy(year: int) -> pl.DataFrame:
    """The tidy table of one published year, parsed once per process."""
    return analysis.load_dashboard(year)


@st.cache_data(show_spinner=False)
def population() -> pl.DataFrame:
    """CBS population per municipality of the unit."""
    return analysis.load_population()


@st.cache_data(show_spinner=False)
def context() -> pl.DataFrame:
    """Figures stated in the dashboard's text, and reference estimates."""
    return analysis.load_context()


@st.cache_data(show_spinner=False)
def checks(year: int) -> pl.DataFrame:
    """Every consistency check of one year."""
    return analysis.consistency_checks(tidy(year), context())


@st.cache_data(show_spinner=False)
def years() -> list[int]:
    """The bundled years, oldest first."""
    return analysis.available_years()
