"""Chart conventions shared by every page: one colour per district, Dutch numbers, missing in grey.

Every chart goes through :func:`show_chart`, which applies the Dutch number locale and
puts the source under the chart.
"""

import altair as alt
import streamlit as st

from analysis import UNIT
from analysis.parser import STATUS_MARK  # noqa: F401  (re-exported for chart modules)
from components import presentation

#: Okabe-Ito colours, safe for the common forms of colour blindness; one per district, everywhere.
DISTRICT_COLORS: dict[str, str] = {
    "IJsselland": "#0072B2",
    "Twente": "#E69F00",
    "Gelderland-Zuid": "#009E73",
    "Noord- en Oost-Gelderland": "#CC79A7",
    "Gelderland-Midden": "#D55E00",
    UNIT: "#444444",
}
MISSING_COLOR = "#B8B8B8"
ACCENT_COLOR = "#1f5fa8"
BAND_COLOR = "#9ecae1"


DUTCH_LOCALE = alt.Locale(
    number=alt.NumberLocale(decimal=",", thousands=".", grouping=[3], currency=["€\u00a0", ""]),
)


def district_color(field: str = "district", legend: bool = True, title: str = "District") -> alt.Color:
    """The colour encoding for districts, identical on every page."""
    return alt.Color(
        f"{field}:N",
        scale=alt.Scale(domain=list(DISTRICT_COLORS), range=list(DISTRICT_COLORS.values())),
        legend=alt.Legend(title=title, orient="bottom", columns=3) if legend else None,
    )


def show_chart(chart: alt.TopLevelMixin, *, source: str, key: str | None = None) -> None:
    """Draw an Altair chart with Dutch number formatting and its source underneath.

    In presentation mode the chart's type is larger, to be read from the back of the room.
    """
    big = presentation.is_on()
    styled = chart.configure(locale=DUTCH_LOCALE).configure_title(
        anchor="start", fontSize=22 if big else 15, subtitleFontSize=16 if big else 11, subtitleColor="#555"
    )
    if big:
        styled = styled.configure_axis(labelFontSize=15, titleFontSize=16).configure_legend(
            labelFontSize=15, titleFontSize=16
        )
    st.altair_chart(styled, width="stretch", key=key)
    st.caption(f"Bron: {source}")
