"""The rules of a werksessie: limits, organisation types, note kinds, facilitator actions, units, links.

The values of :class:`NoteKind` are stored in the database, those of :class:`FacilitatorAction`
travel through the page's callbacks and those of :class:`FigureUnit` are shown: all stay as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
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
#: Open sessions are deleted this many days after their date and their last note, estimate, +1 or action.
IDLE_DAYS = 7
#: Closed sessions are deleted this many days after closing (the facilitator sees the date).
CLOSED_RETENTION_DAYS = 30
#: How far ahead and back the date of a new session may lie.
MAX_DAYS_AHEAD = 60
MAX_DAYS_BACK = 365
#: Most open (unexpired) sessions created from one network address.
LIVE_SESSIONS_PER_NETWORK = 25
#: Failed guesses of keys or codes are remembered this long.
GUESS_WINDOW_S = 3600.0
#: Distinct wrong keys or unknown codes without a delay, per browser and per network address.
FREE_GUESSES_BROWSER = 3
FREE_GUESSES_NETWORK = 10
#: The longest delay after wrong guesses.
MAX_GUESS_DELAY_S = 300.0


@dataclass(frozen=True)
class RateLimit:
    """At most ``per_browser`` actions of ``kind`` per browser and ``per_network`` per network within the window.

    The network limit is higher: a room of participants often shares one router and address.
    """

    kind: str
    window_s: float
    per_browser: int
    per_network: int


#: Notes and estimates: the browser limit is the one participants may meet; a room shares the network one.
#: A room of 60 phones behind one router that all estimate and post two notes within half a minute
#: makes 180 posts: the network limit leaves room for that (60 refused two thirds of such a room).
POST_LIMIT = RateLimit("bijdrage", RATE_LIMIT_WINDOW_S, RATE_LIMIT_POSTS, 200)
#: +1s (each browser supports a note once).
SUPPORT_LIMIT = RateLimit("steun", RATE_LIMIT_WINDOW_S, 20, 200)
#: New sessions per hour; starting one asks nothing else of an honest facilitator.
SESSION_LIMIT = RateLimit("sessie", 3600.0, 5, 10)


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
    SHOW = "terugzetten"
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


def guess_delay(failures: int, free: int) -> float:
    """Seconds to wait after ``failures`` distinct wrong guesses: none for the first ``free``, then 1, 2, 4, ... s.

    The delay doubles with every further wrong guess, up to MAX_GUESS_DELAY_S.
    """
    over = failures - free
    if over <= 0:
        return 0.0
    return float(min(MAX_GUESS_DELAY_S, 2.0 ** min(over - 1, 30)))


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
