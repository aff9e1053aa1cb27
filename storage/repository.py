"""Repository functions for werksessies: create and join, estimates, notes, and facilitator actions.

Every facilitator action takes the facilitator key and checks it against the stored hash
(scrypt with a per-session salt, compared in constant time) before it changes anything.

The limits live in the database, so a reconnecting browser cannot reset them:

- every limited action (a note, an estimate, a +1, a new session) is recorded per hashed
  client (browser and network, see :mod:`storage.clients`) in ``pogingen``, and refused
  when the client already did too many within the window;
- the check and the insert happen in one transaction that first locks the client's row in
  ``bezoekers`` and then the session's row (an ``UPDATE``, which also records the activity).
  PostgreSQL holds these row locks until the commit; SQLite takes its single write lock at the
  first write. So two posts can never both see "1.999 notes" and both insert;
- wrong facilitator keys and unknown session codes are recorded per client; after a few, every
  further try waits a delay that doubles (:func:`analysis.werksessie.session.guess_delay`);
- sessions expire: open ones 7 days after their date and their last activity, closed ones
  30 days after closing. Expired sessions are deleted when a session is created and at most
  every few minutes when one is opened, so no cron job is needed.

Database failures surface as :class:`StoreUnavailableError` with a Dutch message, and each is
logged (operation and error class, never the statement's parameters or a participant's text).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import math
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Engine, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session as OrmSession

from analysis.werksessie import (
    FIGURE_KEYS,
    KIND_ACTION,
    KIND_OBSERVATION,
    MAX_ESTIMATES_PER_SESSION,
    MAX_NOTES_PER_SESSION,
    MAX_SESSIONS,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    NO_ORG,
    ORG_TYPES,
    check_text,
)
from analysis.werksessie.session import (
    CLOSED_RETENTION_DAYS,
    FREE_GUESSES_BROWSER,
    FREE_GUESSES_NETWORK,
    GUESS_WINDOW_S,
    IDLE_DAYS,
    LIVE_SESSIONS_PER_NETWORK,
    MAX_DAYS_AHEAD,
    MAX_DAYS_BACK,
    POST_LIMIT,
    SESSION_LIMIT,
    SUPPORT_LIMIT,
    RateLimit,
    guess_delay,
)
from storage.clients import Client
from storage.database import writer_lock
from storage.models import (
    Attempt,
    ClosedRound,
    Estimate,
    Note,
    Participant,
    Reveal,
    Setting,
    Support,
    Visitor,
    WorkSession,
)

logger = logging.getLogger(__name__)

#: Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
KEY_GROUPS = 4
ROUNDS = 2
#: The salt for client hashes can come from the environment instead of the database.
ENV_CLIENT_SALT = "KETENDIALOOG_CLIENT_SALT"
#: Attempts and client rows older than this are deleted with the expired sessions.
ATTEMPT_RETENTION = dt.timedelta(days=1)
#: Opening a session deletes expired ones at most this often (per process).
PURGE_INTERVAL_S = 600.0
#: Kinds of failed guesses in ``pogingen`` (each kind has its own delay).
GUESS_KEY = "sleutel"
GUESS_CODE = "code"
#: The largest estimate the store accepts (the page checks each figure's own bounds).
MAX_ESTIMATE = 10_000_000.0
#: The earliest year a session can be about.
FIRST_SESSION_YEAR = 2000
#: The most browsers counted as participants of one session.
MAX_PARTICIPANTS = 500
#: The longest countdown the console can start (one hour).
MAX_TIMER_SECONDS = 3600

T = TypeVar("T")


class StoreError(Exception):
    """A refusal or failure with a Dutch message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreUnavailableError(StoreError):
    """The database could not be reached or failed."""


class NotAllowedError(StoreError):
    """A facilitator action without the right key, or a change to a closed session."""


class NotFoundError(StoreError):
    """No session with this code (or no such note)."""


class LimitReachedError(StoreError):
    """A limit on sessions, notes or estimates was reached."""


class RateLimitedError(LimitReachedError):
    """Too many actions of one client in a short time; ``wait_s`` says when the next one may come."""

    def __init__(self, message: str, wait_s: float) -> None:
        super().__init__(message)
        self.wait_s = wait_s


class ThrottledError(StoreError):
    """Too many wrong keys or unknown codes from this client: the next try must wait ``wait_s`` seconds."""

    def __init__(self, message: str, wait_s: float) -> None:
        super().__init__(message)
        self.wait_s = wait_s


UNAVAILABLE_MESSAGE = (
    "De database voor werksessies is nu niet bereikbaar. Je tekst is niet opgeslagen maar staat nog in het "
    "invoerveld; probeer het zo opnieuw. De rest van de app werkt gewoon."
)
NOT_FOUND_MESSAGE = "Er is geen werksessie met deze code. Controleer de link of de code."
WRONG_KEY_MESSAGE = "Deze actie is alleen voor de gespreksleider. De sleutel ontbreekt of klopt niet."


def _seconds(wait_s: float) -> str:
    """A wait in whole seconds, in Dutch: '1 seconde', '8 seconden'."""
    n = max(1, math.ceil(wait_s))
    return f"{n} seconde" if n == 1 else f"{n} seconden"


def rate_message(limit: RateLimit, network: bool, wait_s: float) -> str:
    """The Dutch refusal when a browser (or the whole network) did too many actions of ``limit.kind``."""
    who = "Vanaf dit netwerk zijn" if network else "Vanuit deze browser zijn"
    if limit.kind == SESSION_LIMIT.kind:
        cap = limit.per_network if network else limit.per_browser
        return (
            f"{who} het afgelopen uur al {cap} werksessies gestart; dat is het maximum. "
            f"Probeer het over {_seconds(wait_s)} opnieuw, of gebruik een sessie die je al hebt."
        )
    cap = limit.per_network if network else limit.per_browser
    what = "keer steun gegeven" if limit.kind == SUPPORT_LIMIT.kind else "bijdragen geplaatst"
    return (
        f"{who} in korte tijd al {cap} {what}. Wacht {_seconds(wait_s)} en probeer het dan opnieuw; "
        "je tekst blijft staan."
    )


def throttle_message(wait_s: float) -> str:
    """The Dutch refusal while a client must wait after wrong keys or unknown codes."""
    return (
        "Er zijn vanaf hier te veel onjuiste codes of sleutels geprobeerd. "
        f"Probeer het over {_seconds(wait_s)} opnieuw."
    )


def utc_now() -> dt.datetime:
    """The current time in UTC (the store's clock unless a test gives another)."""
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as UTC (SQLite gives times back without their zone)."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _start_of_day(day: dt.date) -> dt.datetime:
    """Midnight UTC at the start of ``day``."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_key() -> str:
    """A facilitator key such as 'K7Q2-MXAB-3RTP-9WZC' (about 79 bits)."""
    return "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(KEY_GROUPS))


def normalise_key(key: str | None) -> str:
    """A typed key without spaces and dashes, in capitals."""
    return "".join(ch for ch in (key or "").upper() if ch.isalnum())


def normalise_code(code: str | None) -> str:
    """A typed session code in capitals without spaces."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:12]


def hash_key(key: str, salt: bytes) -> str:
    """scrypt hash of a normalised key (hex)."""
    return hashlib.scrypt(normalise_key(key).encode(), salt=salt, n=2**14, r=8, p=1, dklen=32).hex()


def key_matches(key: str | None, salt_hex: str, hash_hex: str) -> bool:
    """True when ``key`` hashes to the stored hash (constant-time comparison)."""
    if not key:
        return False
    candidate = hash_key(key, bytes.fromhex(salt_hex))
    return hmac.compare_digest(candidate, hash_hex)


def expiry_date(
    closed: bool,
    held_on: dt.date,
    last_activity: dt.datetime | None,
    closed_at: dt.datetime | None,
) -> dt.date:
    """The last day a session is kept (UTC): closed ones 30 days after closing, open ones 7 days idle.

    An open session is idle from the later of its date and its last activity, so a session
    prepared for next month is not deleted before it is held.
    """
    if closed:
        since = (closed_at or last_activity or utc_now()).date()
        return since + dt.timedelta(days=CLOSED_RETENTION_DAYS)
    last = (last_activity or utc_now()).date()
    return max(last, held_on) + dt.timedelta(days=IDLE_DAYS)


def _log_failure(operation: str, exc: BaseException) -> None:
    """Log a failed store operation without anything a participant typed.

    SQLAlchemy's message carries the SQL statement and its parameters (a note's text), so
    only the error classes, the SQLSTATE and, for failures before any statement ran (the
    connection itself), the driver's first line are logged.
    """
    orig = getattr(exc, "orig", None)
    detail = type(exc).__name__
    if orig is not None:
        detail += f" / {type(orig).__module__}.{type(orig).__name__}"
        sqlstate = getattr(orig, "sqlstate", None)
        if sqlstate:
            detail += f" (SQLSTATE {sqlstate})"
        if getattr(exc, "statement", None) is None:
            detail += f": {str(orig).splitlines()[0][:200] if str(orig) else ''}"
    logger.warning("Werksessie store: %s failed: %s", operation, detail)


@dataclass(frozen=True)
class SessionInfo:
    """A session as the page sees it (no key material)."""

    id: int
    code: str
    title: str
    held_on: dt.date
    year: int
    districts: tuple[str, ...]
    figures: tuple[str, ...]
    current_round: int
    closed: bool
    #: The last day the session is kept (see :func:`expiry_date`).
    expires_on: dt.date | None = None
    #: The figure the console put on the big screen (None: none chosen yet, the page shows the first).
    current_figure: str | None = None
    #: When the console's countdown ends (UTC) and how long it was; None without a countdown.
    timer_ends_at: dt.datetime | None = None
    timer_seconds: int | None = None

    @property
    def shown_figure(self) -> str | None:
        """The figure on the big screen: the console's choice when it belongs to the session, else the first."""
        if self.current_figure in self.figures:
            return self.current_figure
        return self.figures[0] if self.figures else None


@dataclass(frozen=True)
class NoteView:
    """A note with its support count."""

    id: int
    figure: str
    kind: str
    text: str
    org_type: str
    owner_org: str | None
    deadline: dt.date | None
    hidden: bool
    merged_into: int | None
    support: int
    created_at: dt.datetime | None


@dataclass(frozen=True)
class EstimateView:
    """One stored estimate."""

    figure: str
    round: int
    org_type: str
    value: float
    created_at: dt.datetime | None


@dataclass(frozen=True)
class Board:
    """Everything the board shows for a session: the session, its notes, estimates and reveals."""

    session: SessionInfo
    notes: tuple[NoteView, ...]
    estimates: tuple[EstimateView, ...]
    revealed: frozenset[tuple[str, int]]
    #: Rounds (figure, round) in which the facilitator stopped accepting estimates.
    closed_rounds: frozenset[tuple[str, int]] = frozenset()
    #: How many browsers opened the participant view.
    participants: int = 0

    def is_open(self, figure: str, round_no: int) -> bool:
        """True while estimates of this figure in this round are accepted (not closed, not revealed)."""
        return (
            not self.session.closed
            and (figure, round_no) not in self.closed_rounds
            and not self.is_revealed(figure, round_no)
        )

    def is_revealed(self, figure: str, round_no: int) -> bool:
        """True when the facilitator showed this figure's estimates of this round."""
        return (figure, round_no) in self.revealed

    def ranked_notes(self, figure: str, kind: str) -> list[NoteView]:
        """The visible notes of one kind on one figure, most support first (then the oldest)."""
        return sorted(
            (n for n in self.notes if n.figure == figure and not n.hidden and n.kind == kind),
            key=lambda n: (-n.support, n.id),
        )


@dataclass(frozen=True)
class Hashed:
    """A client as stored: the salted hashes of its browser and (when known) its network."""

    browser: str
    network: str | None

    def all(self) -> list[str]:
        """Both hashes (the network's only when known), sorted: the order in which their rows are locked."""
        return sorted({self.browser, *([self.network] if self.network else [])})


@dataclass(frozen=True)
class PurgeResult:
    """What one clean-up deleted."""

    sessions: int
    attempts: int


def _info(row: WorkSession) -> SessionInfo:
    return SessionInfo(
        id=row.id,
        code=row.code,
        title=row.title,
        held_on=row.held_on,
        year=row.year,
        districts=tuple(d for d in row.districts.split(";") if d),
        figures=tuple(f for f in row.figures.split(";") if f),
        current_round=row.current_round,
        closed=row.closed,
        expires_on=expiry_date(
            row.closed,
            row.held_on,
            _aware(row.last_activity_at) or _aware(row.created_at),
            _aware(row.closed_at),
        ),
        current_figure=row.current_figure,
        timer_ends_at=_aware(row.timer_ends_at),
        timer_seconds=row.timer_seconds,
    )


def check_org(org_type: str | None, *, what: str = "type organisatie") -> str:
    """An organisation type the page offered (or the 'unknown' label for none); anything else is refused."""
    if org_type in (None, "", NO_ORG):
        return NO_ORG
    if org_type in ORG_TYPES:
        return str(org_type)
    raise StoreError(f"Kies een {what} uit de lijst.")


def _check_owner(owner_org: str | None) -> str | None:
    """The owner of an action point: one of the organisation types, or none."""
    if owner_org in (None, ""):
        return None
    if owner_org in ORG_TYPES:
        return owner_org
    raise StoreError("Kies een eigenaar uit de lijst.")


def _check_date(value: object, today: dt.date, *, back: int, ahead: int, what: str) -> dt.date:
    """A date within ``back`` days before and ``ahead`` days after today, or a Dutch refusal."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise StoreError(f"{what} is geen geldige datum.")
    first, last = today - dt.timedelta(days=back), today + dt.timedelta(days=ahead)
    if not first <= value <= last:
        raise StoreError(
            f"{what} moet tussen {first.day}-{first.month}-{first.year} en {last.day}-{last.month}-{last.year} liggen."
        )
    return value


def _clean_figures(figures: Sequence[str]) -> list[str]:
    """The chosen figures, each one the page offers (FIGURE_KEYS), without repeats; at least one."""
    chosen: list[str] = []
    for key in figures:
        if key not in FIGURE_KEYS:
            raise StoreError("Kies de cijfers uit de lijst.")
        if key not in chosen:
            chosen.append(key)
    if not chosen:
        raise StoreError("Kies minstens één cijfer om te schatten.")
    return chosen


def _clean_districts(districts: Sequence[str], offered: Sequence[str]) -> list[str]:
    """The chosen districts, each one of those the page offered, without repeats."""
    chosen: list[str] = []
    for district in districts:
        if district not in offered:
            raise StoreError("Kies het gebied uit de lijst.")
        if district not in chosen:
            chosen.append(district)
    return chosen


class Store:
    """Repository over one engine; every method opens and closes its own transaction(s).

    ``clock`` gives the current UTC time (tests pass a fake one to step through windows and expiry).
    """

    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.engine = engine
        self.clock = clock
        self._salt: bytes | None = None
        self._purge_lock = threading.Lock()
        self._last_purge = -math.inf
        #: What a writing transaction holds first: this process's turn on a SQLite file (none on PostgreSQL).
        self._writer_turn = writer_lock(engine)

    @contextmanager
    def _session(self, operation: str, *, writes: bool = True) -> Iterator[OrmSession]:
        """One transaction; a database failure is logged and becomes StoreUnavailableError.

        A transaction that ``writes`` first takes this process's turn to write on SQLite
        (:func:`storage.database.writer_lock`); one that only reads does not wait for it.
        """
        turn = self._writer_turn if writes else nullcontext()
        try:
            with turn, OrmSession(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except StoreError:
            raise
        except IntegrityError:
            raise
        except SQLAlchemyError as exc:
            _log_failure(operation, exc)
            raise StoreUnavailableError(UNAVAILABLE_MESSAGE) from exc

    def _retry(self, operation: str, action: Callable[[], T], attempts: int = 5) -> T:
        """Run ``action`` again when a unique constraint raced (e.g. the same code twice)."""
        for _ in range(attempts):
            try:
                return action()
            except IntegrityError:
                continue
        _log_failure(operation, IntegrityError(None, None, Exception("retries exhausted")))
        raise StoreUnavailableError(UNAVAILABLE_MESSAGE)

    def _now(self) -> dt.datetime:
        return self.clock()

    # -- client identities and limits ----------------------------------------------------------

    def _client_salt(self) -> bytes:
        """The salt for client hashes: the environment's, else the one migration 0002 stored."""
        if self._salt is None:
            configured = os.environ.get(ENV_CLIENT_SALT, "").strip()
            if configured:
                self._salt = configured.encode()
            else:
                with self._session("read salt", writes=False) as session:
                    value = session.scalar(select(Setting.value).where(Setting.name == "client_salt"))
                if not value:
                    raise StoreUnavailableError(UNAVAILABLE_MESSAGE)
                self._salt = bytes.fromhex(value)
        return self._salt

    def _digest(self, domain: str, value: str) -> str:
        return hmac.new(self._client_salt(), f"{domain}:{value}".encode(), hashlib.sha256).hexdigest()

    def hashed(self, client: Client | str) -> Hashed:
        """The stored identity of a client: salted HMAC-SHA256 of its browser token and network."""
        if isinstance(client, str):
            client = Client(browser=client)
        return Hashed(
            browser=self._digest("browser", client.browser),
            network=self._digest("network", client.network) if client.network else None,
        )

    def _insert_visitor(self, session: OrmSession, client_hash: str, now: dt.datetime) -> None:
        """Insert or touch the client's row; the row stays locked until the transaction ends."""
        insert = postgresql.insert if self.engine.dialect.name == "postgresql" else sqlite.insert
        statement = insert(Visitor).values(client=client_hash, last_seen=now)
        session.execute(
            statement.on_conflict_do_update(index_elements=[Visitor.client], set_={"last_seen": now})
        )

    def _lock_clients(self, session: OrmSession, who: Hashed, now: dt.datetime) -> None:
        """Lock the rows of the client's browser and network, always in the same order."""
        for client_hash in who.all():
            self._insert_visitor(session, client_hash, now)

    def _count_against(self, session: OrmSession, who: Hashed, limit: RateLimit, now: dt.datetime) -> None:
        """Refuse when the browser or network reached ``limit``; otherwise record this action.

        Call with the client's rows locked (:meth:`_lock_clients`), so the count and the
        insert cannot interleave with another action of the same client.
        """
        since = now - dt.timedelta(seconds=limit.window_s)
        checks = [(who.browser, limit.per_browser, False)]
        if who.network:
            checks.append((who.network, limit.per_network, True))
        for client_hash, cap, is_network in checks:
            oldest_counted = session.scalar(
                select(Attempt.at)
                .where(Attempt.client == client_hash, Attempt.kind == limit.kind, Attempt.at > since)
                .order_by(Attempt.at.desc())
                .offset(cap - 1)
                .limit(1)
            )
            if oldest_counted is not None:
                wait = (_aware(oldest_counted) or now) + dt.timedelta(seconds=limit.window_s) - now
                raise RateLimitedError(
                    rate_message(limit, is_network, wait.total_seconds()), wait.total_seconds()
                )
        for client_hash in who.all():
            session.add(Attempt(client=client_hash, kind=limit.kind, subject=None, at=now))

    def _guess_wait(self, session: OrmSession, who: Hashed, kind: str, now: dt.datetime) -> float:
        """Seconds this client must still wait before its next guess of ``kind`` is looked at (0 when none).

        Wrong keys and unknown codes are counted apart, so a facilitator who mistypes the key
        can still open the session page while the key field waits.
        """
        since = now - dt.timedelta(seconds=GUESS_WINDOW_S)
        checks = [(who.browser, FREE_GUESSES_BROWSER)]
        if who.network:
            checks.append((who.network, FREE_GUESSES_NETWORK))
        wait = 0.0
        for client_hash, free in checks:
            failures, last = session.execute(
                select(func.count(func.distinct(Attempt.subject)), func.max(Attempt.at)).where(
                    Attempt.client == client_hash,
                    Attempt.kind == kind,
                    Attempt.at > since,
                )
            ).one()
            last_at = _aware(last)
            if failures and last_at is not None:
                remaining = guess_delay(int(failures), free) - (now - last_at).total_seconds()
                wait = max(wait, remaining)
        return wait

    def guess_wait(self, client: Client | str, kind: str = GUESS_KEY) -> float:
        """Seconds before this client's next key (or code) is looked at (0 when it may try now)."""
        who = self.hashed(client)
        with self._session("guess wait", writes=False) as session:
            return max(0.0, self._guess_wait(session, who, kind, self._now()))

    def _guarded(
        self,
        operation: str,
        client: Client | str,
        kind: str,
        guess: str,
        lookup: Callable[[OrmSession], T | None],
    ) -> T | None:
        """Run ``lookup`` (None means a wrong guess) behind the client's growing delay.

        The usual case (the right code or key) only reads. A wrong guess is checked again with
        the client's rows locked, and recorded in the same transaction, so parallel guesses of
        one client are counted one after another and meet the delay.
        """
        who = self.hashed(client)
        now = self._now()
        with self._session(operation) as session:
            wait = self._guess_wait(session, who, kind, now)
            if wait > 0:
                raise ThrottledError(throttle_message(wait), wait)
            found = lookup(session)
        if found is not None:
            return found
        with self._session(operation) as session:
            self._lock_clients(session, who, now)
            wait = self._guess_wait(session, who, kind, now)
            if wait > 0:
                raise ThrottledError(throttle_message(wait), wait)
            found = lookup(session)
            if found is None:
                subject = self._digest(kind, guess)
                for client_hash in who.all():
                    session.add(Attempt(client=client_hash, kind=kind, subject=subject, at=now))
        return found

    # -- expiry ---------------------------------------------------------------------------------

    def purge_expired(self) -> PurgeResult:
        """Delete expired sessions (with everything in them) and old attempts; return what went."""
        now = self._now()
        today = now.date()
        idle_before = today - dt.timedelta(days=IDLE_DAYS)
        closed_before = today - dt.timedelta(days=CLOSED_RETENTION_DAYS)
        with self._session("purge expired") as session:
            last_activity = func.coalesce(WorkSession.last_activity_at, WorkSession.created_at)
            idle = (
                WorkSession.closed.is_(False)
                & (last_activity < _start_of_day(idle_before))
                & (WorkSession.held_on < idle_before)
            )
            closed = WorkSession.closed.is_(True) & (
                func.coalesce(WorkSession.closed_at, last_activity) < _start_of_day(closed_before)
            )
            ids = list(session.scalars(select(WorkSession.id).where(idle | closed)))
            if ids:
                session.execute(delete(WorkSession).where(WorkSession.id.in_(ids)))
            old = now - ATTEMPT_RETENTION
            gone = cast("CursorResult[Any]", session.execute(delete(Attempt).where(Attempt.at < old)))
            session.execute(delete(Visitor).where(Visitor.last_seen < old))
        self._last_purge = time.monotonic()
        if ids:
            logger.info("Werksessie store: deleted %d expired sessions", len(ids))
        return PurgeResult(len(ids), int(gone.rowcount or 0))

    def _purge_now_and_then(self) -> None:
        """Delete expired sessions when that has not happened for a while (one caller at a time)."""
        if time.monotonic() - self._last_purge < PURGE_INTERVAL_S:
            return
        if not self._purge_lock.acquire(blocking=False):
            return
        try:
            self.purge_expired()
        finally:
            self._purge_lock.release()

    # -- sessions -----------------------------------------------------------------------------

    def ping(self) -> None:
        """Raise StoreUnavailableError when the database does not answer."""
        with self._session("ping", writes=False) as session:
            session.execute(select(1))

    def create_session(
        self,
        title: str,
        held_on: dt.date,
        districts: Sequence[str],
        figures: Sequence[str],
        year: int,
        client: Client | str,
        *,
        offered_districts: Sequence[str],
    ) -> tuple[SessionInfo, str]:
        """Create a session; return it and the facilitator key (shown once, only its hash is stored).

        Every value is checked against what the page offered: the districts against
        ``offered_districts``, the figures against FIGURE_KEYS, the date and year against a
        window around today. A client may start a few sessions per hour, and a network only
        so many that are still open; expired sessions are deleted first.
        """
        checked = check_text(title, max_chars=MAX_TITLE_CHARS, what="De titel")
        if not checked.ok:
            raise StoreError(checked.message)
        chosen = _clean_figures(figures)
        areas = _clean_districts(districts, offered_districts)
        today = self._now().date()
        held_on = _check_date(held_on, today, back=MAX_DAYS_BACK, ahead=MAX_DAYS_AHEAD, what="De datum")
        if not isinstance(year, int) or not FIRST_SESSION_YEAR <= year <= today.year + 1:
            raise StoreError("Kies een jaar uit de lijst.")
        who = self.hashed(client)
        key = new_key()
        salt = secrets.token_bytes(16)
        key_hash = hash_key(key, salt)
        self.purge_expired()

        def insert() -> SessionInfo:
            now = self._now()
            with self._session("create session") as session:
                self._lock_clients(session, who, now)
                self._count_against(session, who, SESSION_LIMIT, now)
                # Serialise creations, so the global count below cannot race (PostgreSQL row lock;
                # SQLite already holds its write lock since the first insert above).
                session.execute(select(Setting.name).where(Setting.name == "client_salt").with_for_update())
                if who.network:
                    live = session.scalar(
                        select(func.count())
                        .select_from(WorkSession)
                        .where(WorkSession.created_from == who.network)
                    )
                    if (live or 0) >= LIVE_SESSIONS_PER_NETWORK:
                        raise LimitReachedError(
                            f"Vanaf dit netwerk lopen al {LIVE_SESSIONS_PER_NETWORK} werksessies; dat is het "
                            "maximum. Sluit een oude sessie of gebruik een sessie die al loopt."
                        )
                count = session.scalar(select(func.count()).select_from(WorkSession)) or 0
                if count >= MAX_SESSIONS:
                    raise LimitReachedError(
                        f"Er staan al {MAX_SESSIONS} werksessies in de database; dat is het maximum. "
                        f"Sessies verlopen vanzelf ({IDLE_DAYS} dagen zonder activiteit, of {CLOSED_RETENTION_DAYS} "
                        "dagen na het sluiten); probeer het later opnieuw of vraag de beheerder om ruimte."
                    )
                row = WorkSession(
                    code=_new_code(),
                    title=checked.text,
                    held_on=held_on,
                    year=year,
                    districts=";".join(areas),
                    figures=";".join(chosen),
                    key_salt=salt.hex(),
                    key_hash=key_hash,
                    current_round=1,
                    closed=False,
                    created_at=now,
                    last_activity_at=now,
                    created_from=who.network,
                )
                session.add(row)
                session.flush()
                return _info(row)

        info = self._retry("create session", insert)
        # The code only: no title, no key, nothing a participant typed.
        logger.info(
            "Werksessie %s created (%d figures, kept until %s)", info.code, len(info.figures), info.expires_on
        )
        return info, key

    def get_session(self, code: str, client: Client | str) -> SessionInfo:
        """The session with this code, or NotFoundError; unknown codes count towards the client's delay."""
        self._purge_now_and_then()
        wanted = normalise_code(code)

        def lookup(session: OrmSession) -> SessionInfo | None:
            row = session.scalar(select(WorkSession).where(WorkSession.code == wanted))
            return None if row is None else _info(row)

        info = self._guarded("open session", client, GUESS_CODE, wanted, lookup)
        if info is None:
            raise NotFoundError(NOT_FOUND_MESSAGE)
        return info

    def _row(self, session: OrmSession, code: str) -> WorkSession:
        row = session.scalar(select(WorkSession).where(WorkSession.code == normalise_code(code)))
        if row is None:
            raise NotFoundError(NOT_FOUND_MESSAGE)
        return row

    def _locked_row(self, session: OrmSession, code: str, now: dt.datetime) -> WorkSession:
        """The session row, locked for the rest of the transaction, with its activity time set to now."""
        session.execute(
            update(WorkSession).where(WorkSession.code == normalise_code(code)).values(last_activity_at=now)
        )
        row = session.scalar(
            select(WorkSession)
            .where(WorkSession.code == normalise_code(code))
            .execution_options(populate_existing=True)
        )
        if row is None:
            raise NotFoundError(NOT_FOUND_MESSAGE)
        return row

    def _authorise(self, operation: str, code: str, key: str | None, client: Client | str) -> None:
        """Raise NotAllowedError unless ``key`` is the session's key; wrong keys count towards the delay."""
        wanted = normalise_code(code)

        def lookup(session: OrmSession) -> bool | None:
            row = self._row(session, wanted)
            return True if key_matches(key, row.key_salt, row.key_hash) else None

        if not key:
            raise NotAllowedError(WRONG_KEY_MESSAGE)
        if self._guarded(operation, client, GUESS_KEY, f"{wanted}:{normalise_key(key)}", lookup) is None:
            raise NotAllowedError(WRONG_KEY_MESSAGE)

    def check_key(self, code: str, key: str | None, client: Client | str) -> bool:
        """True when ``key`` is the facilitator key of the session (wrong keys count towards the delay)."""
        try:
            self._authorise("check key", code, key, client)
        except NotAllowedError:
            return False
        return True

    # -- participants -------------------------------------------------------------------------

    def add_estimate(
        self, code: str, figure: str, value: float, org_type: str | None, client: Client | str
    ) -> int:
        """Store (or replace) this browser's estimate in the current round; return the round."""
        number = float(value)
        if not math.isfinite(number) or not 0 <= number <= MAX_ESTIMATE:
            raise StoreError("Vul een getal in dat bij dit cijfer past.")
        org = check_org(org_type)
        who = self.hashed(client)

        def upsert() -> int:
            now = self._now()
            with self._session("add estimate") as session:
                self._lock_clients(session, who, now)
                self._count_against(session, who, POST_LIMIT, now)
                row = self._locked_row(session, code, now)
                if row.closed:
                    raise NotAllowedError("Deze werksessie is gesloten; schatten kan niet meer.")
                if figure not in row.figures.split(";"):
                    raise StoreError("Dit cijfer hoort niet bij deze werksessie.")
                round_no = row.current_round
                if session.scalar(
                    select(Reveal.id).where(
                        Reveal.session_id == row.id, Reveal.figure == figure, Reveal.round == round_no
                    )
                ):
                    raise NotAllowedError(
                        f"De schattingen van ronde {round_no} zijn al getoond; wacht op de volgende ronde."
                    )
                if session.scalar(
                    select(ClosedRound.id).where(
                        ClosedRound.session_id == row.id,
                        ClosedRound.figure == figure,
                        ClosedRound.round == round_no,
                    )
                ):
                    raise NotAllowedError(
                        f"De gespreksleider heeft ronde {round_no} van deze vraag gesloten; schatten kan nu niet."
                    )
                existing = session.scalar(
                    select(Estimate).where(
                        Estimate.session_id == row.id,
                        Estimate.figure == figure,
                        Estimate.round == round_no,
                        Estimate.client == who.browser,
                    )
                )
                if existing is not None:
                    existing.value = number
                    existing.org_type = org
                    return round_no
                count = (
                    session.scalar(
                        select(func.count()).select_from(Estimate).where(Estimate.session_id == row.id)
                    )
                    or 0
                )
                if count >= MAX_ESTIMATES_PER_SESSION:
                    raise LimitReachedError("Deze werksessie heeft het maximum aantal schattingen bereikt.")
                session.add(
                    Estimate(
                        session_id=row.id,
                        figure=figure,
                        round=round_no,
                        org_type=org,
                        value=number,
                        client=who.browser,
                    )
                )
                return round_no

        return self._retry("add estimate", upsert)

    def add_note(
        self,
        code: str,
        figure: str,
        kind: str,
        text: str,
        org_type: str | None,
        client: Client | str,
        *,
        owner_org: str | None = None,
        deadline: dt.date | None = None,
    ) -> int:
        """Store an observation or action point after checking its text; return its id.

        The rate limit, the session's cap and the insert are one transaction with the
        client's and the session's rows locked, so the cap holds under concurrent posts.
        """
        if kind not in (KIND_OBSERVATION, KIND_ACTION):
            raise StoreError("Onbekend soort bijdrage.")
        checked = check_text(text, max_chars=MAX_TEXT_CHARS)
        if not checked.ok:
            raise StoreError(checked.message)
        org = check_org(org_type)
        owner = _check_owner(owner_org) if kind == KIND_ACTION else None
        if deadline is not None and kind == KIND_ACTION:
            today = self._now().date()
            deadline = _check_date(
                deadline, today, back=MAX_DAYS_BACK, ahead=5 * 365, what="De uiterste datum"
            )
        who = self.hashed(client)
        now = self._now()
        with self._session("add note") as session:
            self._lock_clients(session, who, now)
            self._count_against(session, who, POST_LIMIT, now)
            row = self._locked_row(session, code, now)
            if row.closed:
                raise NotAllowedError("Deze werksessie is gesloten; nieuwe bijdragen kunnen niet meer.")
            if figure not in row.figures.split(";"):
                raise StoreError("Dit cijfer hoort niet bij deze werksessie.")
            count = (
                session.scalar(select(func.count()).select_from(Note).where(Note.session_id == row.id)) or 0
            )
            if count >= MAX_NOTES_PER_SESSION:
                raise LimitReachedError(
                    f"Deze werksessie heeft het maximum van {MAX_NOTES_PER_SESSION} bijdragen bereikt."
                )
            note = Note(
                session_id=row.id,
                figure=figure,
                kind=kind,
                text=checked.text,
                org_type=org,
                owner_org=owner,
                deadline=deadline if kind == KIND_ACTION else None,
                hidden=False,
                client=who.browser,
            )
            session.add(note)
            session.flush()
            return note.id

    def support(self, code: str, note_id: int, client: Client | str) -> bool:
        """Add this browser's +1 to a note; False when it already supported it (also after a reconnect)."""
        who = self.hashed(client)
        now = self._now()
        try:
            with self._session("support") as session:
                self._lock_clients(session, who, now)
                row = self._row(session, code)
                note = session.get(Note, note_id)
                if note is None or note.session_id != row.id:
                    raise NotFoundError("Deze bijdrage bestaat niet (meer).")
                if session.scalar(
                    select(Support.id).where(Support.note_id == note_id, Support.client == who.browser)
                ):
                    return False
                self._count_against(session, who, SUPPORT_LIMIT, now)
                self._locked_row(session, code, now)
                session.add(Support(note_id=note_id, client=who.browser))
        except IntegrityError:
            return False
        return True

    # -- the board ------------------------------------------------------------------------------

    def board(self, code: str) -> Board:
        """The whole board of a session in one read."""
        with self._session("read board", writes=False) as session:
            row = self._row(session, code)
            counts = (
                select(Support.note_id, func.count().label("n"))
                .join(Note, Note.id == Support.note_id)
                .where(Note.session_id == row.id)
                .group_by(Support.note_id)
                .subquery("counts")
            )
            notes = session.execute(
                select(Note, func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.note_id == Note.id)
                .where(Note.session_id == row.id)
                .order_by(Note.id)
            ).all()
            estimates = session.scalars(
                select(Estimate).where(Estimate.session_id == row.id).order_by(Estimate.id)
            ).all()
            reveals = session.scalars(select(Reveal).where(Reveal.session_id == row.id)).all()
            closed_rounds = session.execute(
                select(ClosedRound.figure, ClosedRound.round).where(ClosedRound.session_id == row.id)
            ).all()
            participants = session.scalar(
                select(func.count()).select_from(Participant).where(Participant.session_id == row.id)
            )
            return Board(
                session=_info(row),
                notes=tuple(
                    NoteView(
                        n.id,
                        n.figure,
                        n.kind,
                        n.text,
                        n.org_type,
                        n.owner_org,
                        n.deadline,
                        n.hidden,
                        n.merged_into,
                        int(c),
                        n.created_at,
                    )
                    for n, c in notes
                ),
                estimates=tuple(
                    EstimateView(e.figure, e.round, e.org_type, e.value, e.created_at) for e in estimates
                ),
                revealed=frozenset((r.figure, r.round) for r in reveals),
                closed_rounds=frozenset((f, int(r)) for f, r in closed_rounds),
                participants=int(participants or 0),
            )

    # -- facilitator actions -------------------------------------------------------------------

    def reveal(self, code: str, key: str | None, figure: str, client: Client | str) -> None:
        """Show the estimates of ``figure`` in the current round (facilitator key needed)."""
        self._authorise("reveal", code, key, client)
        try:
            with self._session("reveal") as session:
                row = self._locked_row(session, code, self._now())
                if figure not in row.figures.split(";"):
                    raise StoreError("Dit cijfer hoort niet bij deze werksessie.")
                session.add(Reveal(session_id=row.id, figure=figure, round=row.current_round))
        except IntegrityError:
            return  # already revealed

    def next_round(self, code: str, key: str | None, client: Client | str) -> int:
        """Start round 2 (Delphi); return the new round (facilitator key needed)."""
        self._authorise("next round", code, key, client)
        with self._session("next round") as session:
            row = self._locked_row(session, code, self._now())
            if row.current_round >= ROUNDS:
                raise StoreError(f"Er zijn maximaal {ROUNDS} rondes.")
            row.current_round += 1
            return row.current_round

    def set_hidden(
        self, code: str, key: str | None, note_id: int, client: Client | str, hidden: bool = True
    ) -> None:
        """Hide (or show again) a note (facilitator key needed)."""
        self._authorise("hide note", code, key, client)
        with self._session("hide note") as session:
            row = self._locked_row(session, code, self._now())
            # An UPDATE gives a CursorResult (with rowcount); Session.execute is typed for any statement.
            result = cast(
                "CursorResult[Any]",
                session.execute(
                    update(Note).where(Note.id == note_id, Note.session_id == row.id).values(hidden=hidden)
                ),
            )
            if result.rowcount == 0:
                raise NotFoundError("Deze bijdrage bestaat niet (meer).")

    def merge(
        self, code: str, key: str | None, keep_id: int, duplicate_id: int, client: Client | str
    ) -> None:
        """Merge a duplicate into another note: the duplicate is hidden and its support moves over."""
        if keep_id == duplicate_id:
            raise StoreError("Kies twee verschillende bijdragen om samen te voegen.")
        self._authorise("merge notes", code, key, client)
        with self._session("merge notes") as session:
            row = self._locked_row(session, code, self._now())
            keep, dup = session.get(Note, keep_id), session.get(Note, duplicate_id)
            if keep is None or dup is None or keep.session_id != row.id or dup.session_id != row.id:
                raise NotFoundError("Deze bijdrage bestaat niet (meer).")
            dup.hidden = True
            dup.merged_into = keep.id
            already = set(session.scalars(select(Support.client).where(Support.note_id == keep.id)))
            already.add(keep.client)
            for support in session.scalars(select(Support).where(Support.note_id == dup.id)).all():
                if support.client not in already:
                    session.add(Support(note_id=keep.id, client=support.client))
                    already.add(support.client)
            if dup.client not in already:  # the author of the duplicate supports the kept note
                session.add(Support(note_id=keep.id, client=dup.client))

    def close(self, code: str, key: str | None, client: Client | str) -> None:
        """Close the session: no new estimates or notes; it is kept CLOSED_RETENTION_DAYS more days."""
        self._authorise("close session", code, key, client)
        now = self._now()
        with self._session("close session") as session:
            row = self._locked_row(session, code, now)
            if not row.closed:
                row.closed = True
                row.closed_at = now
                logger.info("Werksessie %s closed", row.code)

    # -- the console: what the big screen shows, the countdown, closed rounds, participants ----------

    def join(self, code: str, client: Client | str) -> bool:
        """Count this browser as a participant of the session (once); True when it was new.

        At most :data:`MAX_PARTICIPANTS` browsers are counted per session, so a script that
        makes new browsers cannot grow the table without end.
        """
        who = self.hashed(client)
        try:
            with self._session("join") as session:
                row = self._row(session, code)
                known = session.scalar(
                    select(Participant.id).where(
                        Participant.session_id == row.id, Participant.client == who.browser
                    )
                )
                if known is not None:
                    return False
                count = session.scalar(
                    select(func.count()).select_from(Participant).where(Participant.session_id == row.id)
                )
                if (count or 0) >= MAX_PARTICIPANTS:
                    return False
                session.add(Participant(session_id=row.id, client=who.browser, joined_at=self._now()))
        except StoreUnavailableError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                return False  # the same browser joined twice at once
            raise
        return True

    def show_figure(self, code: str, key: str | None, figure: str, client: Client | str) -> None:
        """Put ``figure`` on the big screen and the phones (facilitator key needed)."""
        self._authorise("show figure", code, key, client)
        with self._session("show figure") as session:
            row = self._locked_row(session, code, self._now())
            if figure not in row.figures.split(";"):
                raise StoreError("Dit cijfer hoort niet bij deze werksessie.")
            row.current_figure = figure

    def start_timer(self, code: str, key: str | None, seconds: int, client: Client | str) -> dt.datetime:
        """Start a countdown of ``seconds`` (1 to 3600) that the big screen shows; return when it ends."""
        if not 1 <= int(seconds) <= MAX_TIMER_SECONDS:
            raise StoreError(f"Kies een tijd tussen 1 seconde en {MAX_TIMER_SECONDS // 60} minuten.")
        self._authorise("start timer", code, key, client)
        now = self._now()
        with self._session("start timer") as session:
            row = self._locked_row(session, code, now)
            row.timer_seconds = int(seconds)
            row.timer_ends_at = now + dt.timedelta(seconds=int(seconds))
            return row.timer_ends_at

    def stop_timer(self, code: str, key: str | None, client: Client | str) -> None:
        """Take the countdown off the big screen (facilitator key needed)."""
        self._authorise("stop timer", code, key, client)
        with self._session("stop timer") as session:
            row = self._locked_row(session, code, self._now())
            row.timer_ends_at = None
            row.timer_seconds = None

    def close_round(
        self, code: str, key: str | None, figure: str, client: Client | str, closed: bool = True
    ) -> None:
        """Stop (or start again) accepting estimates of ``figure`` in the current round (facilitator key needed)."""
        self._authorise("close round", code, key, client)
        with self._session("close round") as session:
            row = self._locked_row(session, code, self._now())
            if figure not in row.figures.split(";"):
                raise StoreError("Dit cijfer hoort niet bij deze werksessie.")
            where = (
                ClosedRound.session_id == row.id,
                ClosedRound.figure == figure,
                ClosedRound.round == row.current_round,
            )
            exists = session.scalar(select(ClosedRound.id).where(*where))
            if closed and exists is None:
                session.add(ClosedRound(session_id=row.id, figure=figure, round=row.current_round))
            elif not closed and exists is not None:
                session.execute(delete(ClosedRound).where(*where))

    def authorise_export(self, code: str, key: str | None, client: Client | str) -> Board:
        """The board for an export, only with the facilitator key."""
        self._authorise("export", code, key, client)
        return self.board(code)
