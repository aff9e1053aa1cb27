"""The rules of a werksessie: limits, organisation types, note kinds, facilitator actions, units, links.

The values of :class:`NoteKind` are stored in the database, those of :class:`FacilitatorAction`
travel through the page's callbacks and those of :class:`FigureUnit` are shown: all stay as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum

from analysis.geography import UNIT

#: Organisation types a participant may choose (optional).
ORG_TYPES: tuple[str, ...] = ("politie", "OM", "gemeente", "RIEC", "zorg/hulpverlening", "CoMensHa", "anders")
#: Label used when a participant did not choose an organisation type.
NO_ORG = "onbekend"
#: Longest observation or action point, in characters.
MAX_TEXT_CHARS = 500
#: Longest session title.
MAX_TITLE_CHARS = 120
#: Posts allowed per browser session within the window below.
RATE_LIMIT_POSTS = 5
RATE_LIMIT_WINDOW_S = 30.0
#: Most sessions in one database, most notes (observations + action points) per session.
MAX_SESSIONS = 500
MAX_NOTES_PER_SESSION = 2000
#: Most estimates per session (every participant, every question, every round).
MAX_ESTIMATES_PER_SESSION = 5000


class NoteKind(StrEnum):
    """What a note is; the value is what the database stores (``notities.kind``)."""

    OBSERVATION = "observatie"
    ACTION = "actiepunt"


#: The note kinds as plain strings, for the store and for comparisons with stored values.
KIND_OBSERVATION: str = NoteKind.OBSERVATION.value
KIND_ACTION: str = NoteKind.ACTION.value


class FacilitatorAction(StrEnum):
    """What a facilitator can do to a session from the panel; each needs the facilitator key."""

    REVEAL = "tonen"
    NEXT_ROUND = "ronde"
    CLOSE = "sluiten"
    HIDE = "verbergen"
    MERGE = "samenvoegen"


class FigureUnit(StrEnum):
    """The unit of a figure to estimate; the value is also the unit's name on screen."""

    COUNT = "aantal"
    PERCENT = "procent"
    PER_100 = "per 100"


def check_org_type(org_type: str | None) -> str:
    """The organisation type if it is one of ORG_TYPES, otherwise the 'unknown' label."""
    return org_type if org_type in ORG_TYPES else NO_ORG


def recent_posts(post_times: Sequence[float], now: float) -> list[float]:
    """The post times still inside the rate-limit window (to keep in the session)."""
    return [t for t in post_times if now - t < RATE_LIMIT_WINDOW_S]


def rate_limited(post_times: Sequence[float], now: float) -> bool:
    """True when a browser session already posted RATE_LIMIT_POSTS times within the window before ``now``."""
    return len(recent_posts(post_times, now)) >= RATE_LIMIT_POSTS


def session_area(districts: Sequence[str]) -> str:
    """The area a session's figures describe: its one district, or the whole unit."""
    return districts[0] if len(districts) == 1 and districts[0] != UNIT else UNIT


def join_link(base_url: str, code: str) -> str:
    """The link participants open to join: the werksessie page with ``sessie=<code>``."""
    return f"{base_url.rstrip('/')}/werksessie?sessie={code}"


def format_deadline(value: object) -> str:
    """A deadline date as Dutch text (dd-mm-jjjj), or empty; anything else as its own text."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value.day:02d}-{value.month:02d}-{value.year}"
    return str(value)
