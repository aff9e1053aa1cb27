"""The shared frame: the sidebar choice of year and district, the sources footer, and the fault pages.

The entry point asks the frame, before it draws anything, whether the page can be drawn
at all: :func:`data_files_ok` shows a Dutch page naming a missing or broken data file,
:func:`start_over_after_reload` starts a run over once when the browser brought widget
states of a session the server no longer has (a tab open across a restart, or a crafted
message), and :func:`reload_notice` then says so in Dutch. An address that is no page gets
the app's own Dutch 'Pagina niet gevonden' (:func:`not_found_page`) instead of Streamlit's
English notice.
"""

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import streamlit as st

from analysis import UNIT
from analysis.geography import POPULATION_SOURCE
from analysis.indicators import source_dashboard
from analysis.links import inert_markdown
from components import data
from components.controls import bound
from components.streamlit_internals import leave_legacy_page_mode, unclaimed_widget_ids
from storage.years import SESSION_YEAR_DAYS

logger = logging.getLogger(__name__)

YEAR_KEY = "jaar"
DISTRICT_KEY = "district"
#: Set for one run after :func:`start_over_after_reload` started over.
_RELOADED_KEY = "_pagina_herladen"
RELOADED_TEXT = (
    "De pagina is opnieuw geladen: de verbinding met de server was even weg, of de pagina kwam uit een "
    "oudere stand. Wat in de link staat (jaar, gebied, sessiecode) is er weer; kijk na of tekst die je "
    "aan het typen was er nog staat."
)
DATA_ERROR_TITLE = "De app kan haar gegevens niet lezen"
NOT_FOUND_TITLE = "Pagina niet gevonden"
#: An address segment the app can serve a page at (unreserved URL characters only).
_SEGMENT = re.compile(r"[A-Za-z0-9._~-]{1,80}")


@dataclass(frozen=True)
class Selection:
    """What the user chose in the frame: a year and an area (the unit or one district)."""

    year: int
    district: str

    @property
    def is_unit(self) -> bool:
        """True when the whole unit Oost-Nederland is chosen."""
        return self.district == UNIT


def district_options() -> list[str]:
    """The unit first, then the five districts in the order of the population file."""
    return [UNIT, *data.population()["district"].unique(maintain_order=True).to_list()]


def sidebar_choices() -> Selection:
    """Draw the year and district choice in the sidebar; both travel in the link."""
    years = data.years()
    with st.sidebar:
        st.markdown("**Weergave**")
        year = bound(
            st.selectbox,
            "Jaar",
            years,
            index=len(years) - 1,
            key=YEAR_KEY,
            help="Het jaar van het gepubliceerde dashboard.",
        )
        if int(year) in data.session_years():
            st.caption(
                f"{year} is niet gepubliceerd: toegevoegd op 'Nieuw jaar toevoegen' voor jouw sessie en "
                f"{SESSION_YEAR_DAYS} dagen te openen via de link van deze pagina."
            )
        district = bound(
            st.selectbox,
            "Gebied",
            district_options(),
            key=DISTRICT_KEY,
            help="De hele eenheid Oost-Nederland of één politiedistrict. De keuze geldt op elke pagina.",
        )
    return Selection(int(year), str(district))


def current_selection() -> Selection:
    """Return the choice made in the frame (for pages, which run after the frame)."""
    leave_legacy_page_mode()
    year = st.session_state.get(YEAR_KEY)
    if year is None:
        year = data.years()[-1]
    district = st.session_state.get(DISTRICT_KEY, UNIT)
    return Selection(int(year), str(district))


def footer() -> None:
    """Name the sources under every page: the dashboard of the year shown (the year chosen in the sidebar)."""
    year = st.session_state.get(YEAR_KEY) or data.years()[-1]
    st.divider()
    st.caption(
        f"Bronnen: {source_dashboard(int(year))} (politie, Openbaar Ministerie, RIEC en gemeenten, onder regie van "
        f"het Veiligheidsnetwerk Oost-Nederland); inwoners: {POPULATION_SOURCE}. "
        "De uitleg in deze app is eigen tekst; cijfers zijn overgenomen uit de gepubliceerde tabellen."
    )


def data_files_ok() -> bool:
    """True when every data file can be read; otherwise draw a Dutch page that names the file.

    The entry point calls this before anything reads the data and stops when it is False,
    so a missing or broken file gives this page on every address instead of a traceback.
    """
    problem = data.data_problem()
    if problem is None:
        return True
    logger.error("Data file %s cannot be read; showing the Dutch error page", problem.file)
    st.title(DATA_ERROR_TITLE)
    st.error(problem.message, icon=":material/error:")
    st.caption(f"Bestand: {problem.file}")
    return False


def start_over_after_reload() -> None:
    """Start the run over once when the browser brought widget states this session never drew.

    That happens when a tab stays open while the server restarts (its reconnect brings
    the old page's widgets to a new session) or when a client sends a widget id it was never
    shown. Call before any widget is drawn. The states of widgets the page draws again are
    kept (typed text survives); the others are dropped at the end of the next run.
    """
    if unclaimed_widget_ids() and not st.session_state.get(_RELOADED_KEY):
        st.session_state[_RELOADED_KEY] = True
        st.rerun()


def reload_notice() -> None:
    """Say once, in Dutch, that the page was loaded again (after :func:`start_over_after_reload`)."""
    if st.session_state.pop(_RELOADED_KEY, False):
        st.info(RELOADED_TEXT, icon=":material/refresh:")


def requested_path() -> str:
    """The address the browser asked for, relative to the app's root, without slashes ('' at the root)."""
    path = unquote(urlsplit(st.context.url or "").path)
    base = "/" + str(st.get_option("server.baseUrlPath") or "").strip("/")
    if base != "/" and (path == base or path.startswith(base + "/")):
        path = path[len(base) :]
    return path.strip("/")


def not_found_page(pages: Sequence[st.Page]) -> st.Page | None:
    """A hidden page at the unknown address the browser asked for, or None when the address is a page.

    Streamlit itself would run the start page under an English 'Page not found' notice;
    with this page in the navigation the address resolves to a Dutch page with a link to
    Start. ``pages`` are the app's pages (the start page has the empty url path).
    """
    path = requested_path()
    known = {page.url_path for page in pages}
    if not path or path in known or not _SEGMENT.fullmatch(path):
        return None
    start = next((page for page in pages if page.url_path == ""), None)

    def lost() -> None:
        st.title(NOT_FOUND_TITLE)
        st.markdown(
            f"Het adres **/{inert_markdown(path)}** bestaat niet in deze app. Misschien is de link niet helemaal "
            "overgenomen, of heet de pagina anders. Kies hiernaast een vraag, of begin bij Start."
        )
        if start is not None:
            st.page_link(start, label="Naar Start", icon=":material/home:")

    return st.Page(
        lost, title=NOT_FOUND_TITLE, icon=":material/search_off:", url_path=path, visibility="hidden"
    )
