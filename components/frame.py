"""The shared frame: the sidebar choice of year and district, and the sources footer."""

from dataclasses import dataclass

import streamlit as st

from analysis import UNIT
from analysis.geography import POPULATION_SOURCE
from analysis.indicators import SOURCE_DASHBOARD
from components import data
from components.controls import bound
from components.streamlit_internals import leave_legacy_page_mode

YEAR_KEY = "jaar"
DISTRICT_KEY = "district"


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
                f"{year} staat alleen in jouw sessie: toegevoegd op 'Nieuw jaar toevoegen', niet opgeslagen."
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
    """Name the sources under every page."""
    st.divider()
    st.caption(
        f"Bronnen: {SOURCE_DASHBOARD} (politie, Openbaar Ministerie, RIEC en gemeenten, onder regie van "
        f"het Veiligheidsnetwerk Oost-Nederland); inwoners: {POPULATION_SOURCE}. "
        "De uitleg in deze app is eigen tekst; cijfers zijn overgenomen uit de gepubliceerde tabellen."
    )
