"""What a visitor must know about where the app keeps things: shown at the top of every page.

* The banner "niet blijvend": on a host without a lasting disk (Streamlit Community Cloud) and no
  PostgreSQL URL configured, werksessies and saved years are lost at the next restart. Said
  plainly, on every page, until the operator configures a database (docs/deploy.md).
* A year used for one session (not published) is marked as such while it is the chosen year.
* A link to such a year that is gone (expired after 7 days, or never there) gets the Dutch notice
  instead of a silent default.
"""

import datetime as dt

import streamlit as st

from components import data
from components.frame import YEAR_KEY
from components.store import lasting
from storage.years import added_text

#: The banner when nothing the app stores survives a restart.
NOT_LASTING_TEXT = (
    "**Let op: deze app bewaart niets blijvend.** Er is geen blijvende database ingesteld, dus werksessies "
    "(schattingen, notities, actiepunten) en opgeslagen jaren verdwijnen bij de volgende herstart van de server. "
    "Download het verslag van een werksessie voordat je stopt. Een beheerder lost dit op met een "
    "PostgreSQL-database (zie docs/deploy.md)."
)


def unpublished_text(year: int, until: str | None) -> str:
    """The notice while a session year is the chosen year: not published, and until when its link works."""
    link = f" De link met deze cijfers werkt tot {until}." if until else " Er is geen link die blijft."
    return (
        f"**{year}: niet gepubliceerde cijfers.** Dit jaar is toegevoegd voor één sessie op 'Nieuw jaar "
        f"toevoegen' en niet opgeslagen voor iedereen.{link}"
    )


def notices() -> None:
    """Draw the hosting notices that apply now (call once per run, after the sidebar choices)."""
    if not lasting():
        st.warning(NOT_LASTING_TEXT, icon=":material/warning:")
    if data.gone_links():
        st.warning(data.gone_text(), icon=":material/link_off:")
    year = st.session_state.get(YEAR_KEY)
    session = data.session_years()
    if year is not None and int(year) in session:
        until = data.session_year_until(int(year))
        shown = added_text(dt.datetime.fromisoformat(until)) if until else None
        st.info(unpublished_text(int(year), shown), icon=":material/visibility_off:")
