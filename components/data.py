"""Cached access to the analysis core: the edge where Streamlit caching lives.

A year's tables come from one of three places, in this order of precedence:

* a year added for this browser session (page 'Nieuw jaar toevoegen', kept in
  ``st.session_state`` as plain text and bytes, so the session stays picklable). It is also
  held in the store for 7 days under a random token (:meth:`storage.years.YearRepository.hold`);
  the link carries ``sessiejaar=<token>``, so a reload, another browser or another replica
  opens the same figures, always marked as not published;
* a year bundled with the app (``data/dashboard/<jaar>.txt``);
* a year saved for everyone in the database (:mod:`storage.years`): the newest version of each
  year. A saved year that cannot be read is left out, with its Dutch message available through
  :func:`saved_problems`; the other years keep working.

Saved years are cached by the store's revision (highest id and row count, one cheap query per
run), so a year saved on another replica appears here at the next rerun. Parsed tables are
cached by their text, so two sessions with different figures for the same year never see each
other's.
"""

import hashlib
import logging
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar

import polars as pl
import streamlit as st

import analysis
import analysis.parser
import components.controls as controls
from analysis import data_files
from analysis.data_files import DataFileProblem, data_file_problem
from analysis.intake import IntakeError, IntakeResult, check_upload, load_upload
from components import store as stores
from storage.years import GONE_TEXT, ListedYear, Snapshot, YearInfo, YearRepository, is_token

P = ParamSpec("P")
T = TypeVar("T")

logger = logging.getLogger(__name__)

#: Session state key of the years added in this session: {"2023": {"tabellen", "naam", "origineel", ...}}.
SESSION_KEY = "_sessie_jaren"
#: The link key that carries the tokens of this session's years.
LINK_KEY = "sessiejaar"
#: Tokens from the link already looked up in this session: {token: year, or None when gone}.
_LOOKED_UP_KEY = "_sessiejaar_opgezocht"

#: Shown when the saved years cannot be read because the database does not answer.
STORE_DOWN_TEXT = (
    "De opgeslagen jaren zijn nu niet te lezen: de database antwoordt niet. De meegeleverde jaren werken "
    "gewoon; probeer het zo opnieuw."
)
#: After a failure the database is left alone this long: one that does not answer would otherwise hold
#: up every rerun of every page by its connect timeout.
RETRY_AFTER_S = 15.0
_EMPTY = Snapshot({}, {}, {})
_last_failure_log = 0.0
#: Per database URL: until when (time.monotonic) it is left alone after a failure.
_resting_until: dict[str, float] = {}


@dataclass(frozen=True)
class SessionYear:
    """A year added for one session: its layout text, the original upload unchanged, and its link token."""

    year: int
    layout: str
    file_name: str
    original: bytes
    organisation: str
    token: str | None = None


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


def store() -> YearRepository:
    """The saved years of this server's database (raises when the database cannot be opened)."""
    return stores.years_repository()


@st.cache_data(show_spinner=False, max_entries=8)
def _saved_snapshot(url: str, revision: tuple[int, int]) -> Snapshot:
    """The newest readable version of each saved year, and the Dutch problems of the others.

    Cached by the store's revision: a year saved anywhere gives a new key.
    """
    del revision  # only part of the cache key
    return stores.years_for(url).snapshot()


class _StoreRestingError(Exception):
    """The database failed a moment ago; it is not asked again until :data:`RETRY_AFTER_S` has passed."""


def _log_store_failure(error: BaseException) -> None:
    """Rest the store for :data:`RETRY_AFTER_S`; log one line, at most every 30 seconds per process."""
    global _last_failure_log
    if isinstance(error, _StoreRestingError):
        return
    now = time.monotonic()
    _resting_until[stores.database_url()] = now + RETRY_AFTER_S
    if now - _last_failure_log >= 30:
        _last_failure_log = now
        logger.error("Year store: reading saved years failed: %s", type(error).__name__)


def _repository() -> YearRepository:
    """The repository of the configured database, unless it failed less than RETRY_AFTER_S ago."""
    if time.monotonic() < _resting_until.get(stores.database_url(), 0.0):
        raise _StoreRestingError
    return store()


def _saved() -> Snapshot:
    url = stores.database_url()
    try:
        revision = _repository().revision()
        snapshot = _saved_snapshot(url, revision)
    except Exception as error:  # an unreachable database must leave the bundled years working
        _log_store_failure(error)
        st.session_state["_jaren_opslag_storing"] = True
        return _EMPTY
    st.session_state.pop("_jaren_opslag_storing", None)
    return snapshot


def store_down() -> bool:
    """True when the last read of the saved years in this session found the database not answering."""
    return bool(st.session_state.get("_jaren_opslag_storing"))


def saved_layouts() -> dict[int, str]:
    """Layout text of the newest readable version of every saved year."""
    return _saved().layouts


def saved_problems() -> dict[int, str]:
    """Saved years that cannot be read, with a Dutch message each."""
    return _saved().problems


def saved_infos() -> dict[int, YearInfo]:
    """The record of the newest readable version of every saved year."""
    return _saved().infos


@st.cache_data(show_spinner=False, max_entries=8)
def _saved_listing(url: str, revision: tuple[int, int]) -> list[ListedYear]:
    del revision  # only part of the cache key
    return stores.years_for(url).listing()


def saved_listing() -> list[ListedYear]:
    """Every saved version, newest of each year marked (empty when the database does not answer)."""
    url = stores.database_url()
    try:
        return _saved_listing(url, _repository().revision())
    except Exception as error:
        _log_store_failure(error)
        return []


# -- years for one session, and their links ---------------------------------------------------


def _session_entries() -> dict[str, dict]:
    return dict(st.session_state.get(SESSION_KEY, {}))


def _tokens() -> list[str]:
    return [entry["token"] for entry in _session_entries().values() if entry.get("token")]


def _put_tokens_in_link() -> None:
    """Keep this session's tokens in the address and in the share box's link (or out, when none)."""
    tokens = _tokens()
    # The share box builds its link from the recorded controls; the tokens belong in it too.
    controls.record(LINK_KEY, tokens)
    if st.query_params.get_all(LINK_KEY) != tokens:
        if tokens:
            st.query_params[LINK_KEY] = tokens
        elif LINK_KEY in st.query_params:
            del st.query_params[LINK_KEY]


def _adopt_linked_years() -> None:
    """Take the years behind the link's ``sessiejaar`` tokens into this session, once per token."""
    given = st.query_params.get_all(LINK_KEY)
    looked_up: dict[str, int | None] = st.session_state.setdefault(_LOOKED_UP_KEY, {})
    for token in given:
        if token in looked_up:
            continue
        held = None
        try:
            held = _repository().held(token) if is_token(token) else None
        except Exception as error:  # database down: the link cannot be used now
            _log_store_failure(error)
        looked_up[token] = held.year if held else None
        if held is None:
            logger.info("Session-year link %s… not found or expired", token[:4])
            continue
        entries = _session_entries()
        entries[str(held.year)] = {
            "tabellen": held.layout,
            "naam": held.file_name,
            "origineel": held.original,
            "organisatie": "",
            "token": held.token,
            "tot": held.expires_at.isoformat(),
        }
        st.session_state[SESSION_KEY] = entries
    if given or _tokens():
        controls.known(LINK_KEY)
        if all(looked_up.get(token) is not None for token in given):
            _put_tokens_in_link()  # a gone token stays in the address, so its notice stays too


def gone_links() -> list[str]:
    """Tokens in the address that lead to no held year (expired, never there, unreadable)."""
    looked_up = st.session_state.get(_LOOKED_UP_KEY, {})
    return [
        token
        for token in st.query_params.get_all(LINK_KEY)
        if token in looked_up and looked_up[token] is None
    ]


def gone_text() -> str:
    """The Dutch notice for a link to a session year that is gone."""
    return GONE_TEXT


def session_years() -> dict[int, SessionYear]:
    """The years added for this session (also those brought in by a ``sessiejaar`` link)."""
    _adopt_linked_years()
    return {
        int(key): SessionYear(
            int(key),
            value["tabellen"],
            value["naam"],
            value["origineel"],
            value.get("organisatie", ""),
            value.get("token"),
        )
        for key, value in _session_entries().items()
    }


def session_year_until(year: int) -> str | None:
    """Until when (ISO date-time, UTC) the link of session year ``year`` works; None when it has no link."""
    entry = _session_entries().get(str(int(year)))
    return entry.get("tot") if entry else None


def add_session_year(year: int, layout: str, file_name: str, original: bytes, organisation: str = "") -> bool:
    """Make a checked year available in this session and hold it in the store for a link of 7 days.

    Returns False when the store could not hold it (the year then works in this browser session
    only, and the page says so).
    """
    entries = _session_entries()
    entry: dict[str, Any] = {
        "tabellen": layout,
        "naam": file_name,
        "origineel": bytes(original),
        "organisatie": organisation,
    }
    held = None
    try:
        held = store().hold(year, layout, original, file_name)
    except Exception as error:  # the year still works in this browser session
        _log_store_failure(error)
    if held is not None:
        entry["token"] = held.token
        entry["tot"] = held.expires_at.isoformat()
        st.session_state.setdefault(_LOOKED_UP_KEY, {})[held.token] = int(year)
    entries[str(int(year))] = entry
    st.session_state[SESSION_KEY] = entries
    _put_tokens_in_link()
    return held is not None


def drop_session_year(year: int) -> None:
    """Forget a session year (for instance once it is saved for everyone), and its token in the link."""
    entries = _session_entries()
    entries.pop(str(int(year)), None)
    st.session_state[SESSION_KEY] = entries
    _put_tokens_in_link()


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
    result = check_upload(
        name, content, year, list(existing), previous=previous, loaded=dict(loaded), context=context_table
    )
    if result.errors:  # once per distinct upload (cached); never the content or the messages, which quote it
        kind = name.rsplit(".", 1)[-1].lower()[:8] if "." in name else "?"
        logger.info(
            "Upload for year %d refused: %d errors, %d warnings (.%s, %d bytes)",
            year,
            len(result.errors),
            len(result.warnings),
            kind,
            len(content),
        )
    return result


def same_as_loaded(year: int, layout: str | None) -> bool:
    """True when ``year`` is a session or saved year whose tables are exactly ``layout``."""
    return layout is not None and layout_text(year) == layout


def check(name: str, content: bytes, year: int) -> IntakeResult:
    """Check an upload as the figures of ``year``, against the years loaded now.

    Only a bundled year counts as 'already there': a saved year can get a correction (a new
    version) and a session year new figures, and a session year can still be saved for everyone. Tables that are
    exactly those of another loaded year get a warning.
    """
    layout = upload_layout(name, content)
    # A saved or session year may get new figures (a correction, a new version): only a bundled year is taken.
    existing = tuple(
        y for y in years() if not same_as_loaded(y, layout) and (y != year or y in bundled_years())
    )
    earlier = [y for y in years() if y < year]
    previous = tidy(max(earlier)) if earlier else None
    # Every other loaded year, so that tables offered again under another year get a warning.
    loaded = tuple((y, tidy(y)) for y in years() if y != year)
    return _checked(name, content, int(year), existing, previous, context(), loaded)


def previous_year(year: int) -> int | None:
    """The latest loaded year before ``year``, or None."""
    earlier = [y for y in years() if y < year]
    return max(earlier) if earlier else None
