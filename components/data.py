"""Cached access to the analysis core: the edge where Streamlit caching lives.

A year's tables come from one of three places, in this order of precedence:

* a year added in this browser session (page 'Nieuw jaar toevoegen', kept in
  ``st.session_state`` as plain text and bytes, so the session stays picklable);
* a year bundled with the app (``data/dashboard/<jaar>.txt``);
* a year saved for everyone in the year store (:mod:`storage.yearstore`, a folder
  outside the repository). A saved year that cannot be read is left out, with its Dutch
  message available through :func:`saved_problems`; the other years keep working.

Parsed tables are cached by their text, so two sessions with different figures for the
same year never see each other's.
"""

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar

import polars as pl
import streamlit as st

import analysis
import analysis.parser
from analysis import data_files
from analysis.data_files import DataFileProblem, data_file_problem
from analysis.intake import IntakeError, IntakeResult, check_upload, load_upload
from storage.yearstore import BrokenYearError, YearStore

P = ParamSpec("P")
T = TypeVar("T")

#: Session state key of the years added in this session: {"2023": {"tabellen", "naam", "origineel", ...}}.
SESSION_KEY = "_sessie_jaren"


@dataclass(frozen=True)
class SessionYear:
    """A year added in this browser session: its layout text and the original upload, unchanged."""

    year: int
    layout: str
    file_name: str
    original: bytes
    organisation: str


@st.cache_data(show_spinner=False)
def _bundled_tidy(year: int) -> pl.DataFrame:
    return analysis.load_dashboard(year)


@st.cache_data(show_spinner=False)
def _parsed(layout: str, year: int) -> pl.DataFrame:
    # Through the module attribute, so that a test counting parse_layout calls sees this one too.
    return analysis.parser.parse_layout(layout, year, analysis.default_gazetteer())


@st.cache_data(show_spinner=False, max_entries=4)
def _data_problem(fingerprint: tuple[tuple[str, int, int], ...]) -> DataFileProblem | None:
    del fingerprint  # only part of the cache key
    return data_file_problem(_bundled_tidy)  # the pages' own cached parse: each year is read once


def data_problem() -> DataFileProblem | None:
    """The first data file that is missing or broken (with a Dutch message naming it), or None.

    Read once per change of the files (their sizes and times are the cache key), so every run
    can ask.
    """
    return _data_problem(data_files.fingerprint())


@st.cache_data(show_spinner=False)
def bundled_years() -> list[int]:
    """The years bundled with the app, oldest first."""
    return analysis.available_years()


def store() -> YearStore:
    """The year store configured for this server (``$KETENDIALOOG_DATA_DIR``)."""
    return YearStore.from_env()


@st.cache_data(show_spinner=False, max_entries=8)
def _saved_snapshot(
    root: str, fingerprint: tuple[tuple[int, str, int, int], ...]
) -> tuple[dict[int, str], dict[int, str]]:
    """Layout texts of the readable saved years and the Dutch problems of the others.

    Cached by the store's fingerprint (file times and sizes): a new or changed year
    gives a new key.
    """
    del fingerprint  # only part of the cache key
    saved = YearStore(root)
    layouts: dict[int, str] = {}
    problems: dict[int, str] = {}
    for year in saved.years():
        try:
            saved.load_tidy(year)
            layouts[year] = saved.load(year).layout
        except BrokenYearError as error:
            problems[year] = str(error)
        except Exception:  # any unreadable folder must leave the app working
            problems[year] = (
                f"Het opgeslagen jaar {year} is niet te lezen. De andere jaren werken gewoon. Een beheerder kan "
                f"de map '{year}' in de opslagmap weghalen en het jaar opnieuw toevoegen."
            )
    return layouts, problems


def _saved() -> tuple[dict[int, str], dict[int, str]]:
    current = store()
    try:
        return _saved_snapshot(str(current.root), current.fingerprint())
    except OSError:
        return {}, {}


def saved_layouts() -> dict[int, str]:
    """Layout text of every readable saved year."""
    return _saved()[0]


def saved_problems() -> dict[int, str]:
    """Saved years that cannot be read, with a Dutch message each."""
    return _saved()[1]


def session_years() -> dict[int, SessionYear]:
    """The years added in this browser session."""
    stored = st.session_state.get(SESSION_KEY, {})
    return {
        int(key): SessionYear(
            int(key), value["tabellen"], value["naam"], value["origineel"], value.get("organisatie", "")
        )
        for key, value in stored.items()
    }


def add_session_year(year: int, layout: str, file_name: str, original: bytes, organisation: str = "") -> None:
    """Make a checked year available in this browser session (plain text and bytes only)."""
    stored = dict(st.session_state.get(SESSION_KEY, {}))
    stored[str(int(year))] = {
        "tabellen": layout,
        "naam": file_name,
        "origineel": bytes(original),
        "organisatie": organisation,
    }
    st.session_state[SESSION_KEY] = stored


def drop_session_year(year: int) -> None:
    """Forget a session year (for instance once it is saved for everyone)."""
    stored = dict(st.session_state.get(SESSION_KEY, {}))
    stored.pop(str(int(year)), None)
    st.session_state[SESSION_KEY] = stored


def layout_text(year: int) -> str | None:
    """The layout text of a session or saved year; None for a bundled year."""
    session = session_years()
    if year in session:
        return session[year].layout
    if year in bundled_years():
        return None
    return saved_layouts().get(year)


def years() -> list[int]:
    """Every year with tables: bundled, saved (readable) and added in this session, oldest first."""
    return sorted({*bundled_years(), *saved_layouts(), *session_years()})


def tidy(year: int) -> pl.DataFrame:
    """The tidy table of one year, parsed once per distinct text."""
    session = session_years()
    if year in session:
        return _parsed(session[year].layout, year)
    if year in bundled_years():
        return _bundled_tidy(year)
    saved = saved_layouts()
    if year in saved:
        return _parsed(saved[year], year)
    raise FileNotFoundError(f"Geen tabellen voor {year}; beschikbaar: {', '.join(map(str, years()))}")


@st.cache_data(show_spinner=False)
def population() -> pl.DataFrame:
    """CBS population per municipality of the unit."""
    return analysis.load_population()


@st.cache_data(show_spinner=False)
def context() -> pl.DataFrame:
    """Figures stated in the dashboard's text, and reference estimates."""
    return analysis.load_context()


def source_key(year: int) -> str:
    """Which tables ``year`` stands for in this session: 'gebundeld', or a digest of the layout text.

    Two sessions with different figures for the same year get different keys, so a cached
    view never crosses from one to the other.
    """
    layout = layout_text(year)
    if layout is None:
        return "gebundeld"
    return hashlib.blake2b(layout.encode("utf-8"), digest_size=16).hexdigest()


def tables(year: int) -> analysis.Tables:
    """The tidy table of ``year`` with population and context beside it."""
    return analysis.Tables(tidy(year), population(), context())


def builder_name(builder: Callable[..., Any]) -> str:
    """The name a cached builder is known by: its module and qualified name.

    Raises ``TypeError`` for a lambda, whose name would not tell two builders apart.
    """
    if builder.__name__ == "<lambda>":
        raise TypeError("a cached builder needs a name of its own (def), not a lambda")
    return f"{builder.__module__}.{builder.__qualname__}"


#: Views kept per process; the least recently used go first (a slider can make many).
@st.cache_data(show_spinner=False, max_entries=256)
def _view(name: str, year: int, source: str, args: tuple[Hashable, ...], _builder: Callable[..., Any]) -> Any:
    del name, source  # part of the cache key only
    return _builder(tables(year), *args)


def view(
    builder: Callable[Concatenate[analysis.Tables, P], T], year: int, *args: P.args, **kwargs: P.kwargs
) -> T:
    """What ``builder(tables(year), *args)`` returns, computed once per process for each choice.

    ``builder`` is a pure function from :mod:`analysis` that gathers everything one part of a
    page shows; ``args`` are the page's choices (district, indicator ...), which must be
    hashable. The result is cached by the builder's name, the year's :func:`source_key` and
    ``args``, so a rerun only looks it up.
    """
    if kwargs:
        raise TypeError("view() takes the page's choices as positional arguments only")
    name = builder_name(builder)
    return _view(name, year, source_key(year), tuple(args), _builder=builder)


@st.cache_data(show_spinner=False, max_entries=64)
def _years_view(
    name: str, sources: tuple[tuple[int, str], ...], args: tuple[Hashable, ...], _builder: Callable[..., Any]
) -> Any:
    del name  # part of the cache key only
    return _builder([tables(year) for year, _ in sources], *args)


def years_view(
    builder: Callable[Concatenate[list[analysis.Tables], P], T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """What ``builder([tables(y) for y in years()], *args)`` returns, cached like :func:`view`.

    For a page over every loaded year: the cache key holds each year's :func:`source_key`.
    """
    if kwargs:
        raise TypeError("years_view() takes the page's choices as positional arguments only")
    name = builder_name(builder)
    sources = tuple((year, source_key(year)) for year in years())
    return _years_view(name, sources, tuple(args), _builder=builder)


# -- checking a new year --------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=16)
def upload_layout(name: str, content: bytes) -> str | None:
    """The layout text of an upload, or None when it cannot be read (the check says why)."""
    try:
        return load_upload(name, content).text
    except IntakeError:
        return None


@st.cache_data(show_spinner=False, max_entries=16)
def _checked(
    name: str,
    content: bytes,
    year: int,
    existing: tuple[int, ...],
    previous: pl.DataFrame | None,
    context_table: pl.DataFrame,
    loaded: tuple[tuple[int, pl.DataFrame], ...] = (),
) -> IntakeResult:
    return check_upload(
        name, content, year, list(existing), previous=previous, loaded=dict(loaded), context=context_table
    )


def same_as_loaded(year: int, layout: str | None) -> bool:
    """True when ``year`` is a session or saved year whose tables are exactly ``layout``."""
    return layout is not None and layout_text(year) == layout


def check(name: str, content: bytes, year: int) -> IntakeResult:
    """Check an upload as the figures of ``year``, against the years loaded now.

    A session or saved year with exactly these tables does not count as 'already there',
    so that a year used in this session can still be saved for everyone. Tables that are
    exactly those of another loaded year get a warning.
    """
    layout = upload_layout(name, content)
    existing = tuple(y for y in years() if not same_as_loaded(y, layout))
    earlier = [y for y in years() if y < year]
    previous = tidy(max(earlier)) if earlier else None
    # Every other loaded year, so that tables offered again under another year get a warning.
    loaded = tuple((y, tidy(y)) for y in years() if y != year)
    return _checked(name, content, int(year), existing, previous, context(), loaded)


def previous_year(year: int) -> int | None:
    """The latest loaded year before ``year``, or None."""
    earlier = [y for y in years() if y < year]
    return max(earlier) if earlier else None
