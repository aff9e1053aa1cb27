"""What the benchmark visits and changes: the app's pages and one control per page, and the baseline's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Every page of the app by url path ("" is the start page), in menu order.
PAGES: tuple[str, ...] = (
    "",
    "aard-en-omvang",
    "opvolging",
    "rapportage-interventie",
    "casustafels",
    "onzichtbare-slachtoffers",
    "ontwikkeling",
    "data",
)


@dataclass(frozen=True)
class Control:
    """A control on a page and the values to switch between, there and back.

    ``kind`` is toggle, segmented, selectbox or slider. For a slider the values are keys
    pressed on its thumb (``ArrowRight`` / ``ArrowLeft``); the protocol client sends the
    value plus or minus one step instead.
    """

    key: str
    kind: str
    values: tuple[Any, ...]


#: One control per page that has one; the district choice lives in the sidebar of every page.
CONTROLS: dict[str, Control] = {
    "aard-en-omvang": Control("maat", "segmented", ("Per 100.000 inwoners", "Aantallen")),
    "opvolging": Control("district", "selectbox", ("Twente", "Oost-Nederland")),
    "rapportage-interventie": Control("zorg", "toggle", (True, False)),
    "casustafels": Control(
        "verhouding", "segmented", ("Interventies per 100 signalen", "Interventies per rapportage")
    ),
    "onzichtbare-slachtoffers": Control("schatting", "slider", ("ArrowRight", "ArrowLeft")),
}

BASELINE_PAGE = ""
BASELINE_CONTROL = Control("factor", "slider", ("ArrowRight", "ArrowLeft"))


def label(page: str) -> str:
    """A page's name in tables: its url path, or 'start'."""
    return page or "start"


#: The deck: presentation mode from the start page, stepped with the clicker's key on a projector-sized screen.
DECK_PATH = "?presentatie=1"
DECK_KEY = "PageDown"
DECK_VIEWPORT = {"width": 1280, "height": 720}
#: Where the deck shows its position ("8 / 21"), over its progress bar.
DECK_POSITION_SELECTOR = '.st-key-dia-balk [data-testid="stProgress"]'
