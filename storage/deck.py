"""Where the presenter's deck is now: the table a projector window polls, and its repository.

A facilitator who presents with two windows (the presenter view on the laptop, the slides
on the projector) starts a *deck*: a short code the projector link carries
(``?presentatie=1&deck=CODE``) and a key that stays in the presenter's browser session.
The presenter writes the current question and slide here; the projector reads them about
once a second and follows. Nothing else is stored: no names, no choices, no text.

The key is 16 random characters from :data:`storage.repository.CODE_ALPHABET` (about 79
bits), so a salted SHA-256 is enough to keep it out of the table; the werksessie key uses
scrypt instead, but a deck key is checked on every step and a step must stay fast.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import DateTime, Engine, Integer, String, delete, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.orm import Session as OrmSession

from storage.models import Base
from storage.repository import (
    CODE_ALPHABET,
    CODE_LENGTH,
    NotAllowedError,
    NotFoundError,
    StoreUnavailableError,
    new_key,
    normalise_code,
    normalise_key,
)

#: A deck nobody moved for this long is deleted when the next deck is started.
DECK_RETENTION = dt.timedelta(days=2)

DECK_NOT_FOUND_MESSAGE = (
    "Er is geen presentatie met deze code (meer). Start de presentatie opnieuw vanaf het venster van de "
    "gespreksleider en open de nieuwe beamerlink."
)
DECK_WRONG_KEY_MESSAGE = (
    "Alleen het venster van de gespreksleider kan deze presentatie besturen; de sleutel klopt niet."
)
DECK_UNAVAILABLE_MESSAGE = (
    "De database is nu niet bereikbaar, dus de beamer kan de gespreksleider niet volgen. "
    "Presenteer zonder tweede venster (Presentatiemodus in de zijbalk) of probeer het zo opnieuw."
)


class Deck(Base):
    """One presentation: its code, the hashed presenter key, and the slide on the screen now."""

    __tablename__ = "presentaties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True, nullable=False)
    key_salt: Mapped[str] = mapped_column(String(64), nullable=False)
    key_hash: Mapped[str] = mapped_column(String(128), nullable=False)
    slug: Mapped[str] = mapped_column(String(60), nullable=False)
    slide: Mapped[int] = mapped_column(Integer, nullable=False)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    question_started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False, index=True)


@dataclass(frozen=True)
class DeckPosition:
    """Where a deck is: the question's slug and the slide number in it (1-based), and its clocks.

    ``started_at`` is when the presenter started (or restarted) the clock,
    ``question_started_at`` when the current question came on the screen.
    """

    code: str
    slug: str
    slide: int
    started_at: dt.datetime
    question_started_at: dt.datetime
    updated_at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    """A stored time as UTC (SQLite gives times back without their zone)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def deck_key_hash(key: str, salt_hex: str) -> str:
    """Salted SHA-256 of a normalised deck key (hex)."""
    return hashlib.sha256(bytes.fromhex(salt_hex) + normalise_key(key).encode()).hexdigest()


def _position(row: Deck) -> DeckPosition:
    return DeckPosition(
        code=row.code,
        slug=row.slug,
        slide=row.slide,
        started_at=_aware(row.started_at),
        question_started_at=_aware(row.question_started_at),
        updated_at=_aware(row.updated_at),
    )


class DeckStore:
    """Start a deck, move it (presenter, with the key) and read where it is (projector, with the code).

    Database failures surface as :class:`storage.StoreUnavailableError` with a Dutch message;
    an unknown code as :class:`storage.NotFoundError`, a wrong key as
    :class:`storage.NotAllowedError`.
    """

    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = _now) -> None:
        self.engine = engine
        self.clock = clock

    @contextmanager
    def _session(self) -> Iterator[OrmSession]:
        try:
            with OrmSession(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise StoreUnavailableError(DECK_UNAVAILABLE_MESSAGE) from exc

    def _row(self, session: OrmSession, code: str) -> Deck:
        row = session.scalars(select(Deck).where(Deck.code == normalise_code(code))).one_or_none()
        if row is None:
            raise NotFoundError(DECK_NOT_FOUND_MESSAGE)
        return row

    def start(self, slug: str, slide: int = 1) -> tuple[str, str]:
        """Start a deck at ``slug``'s slide ``slide``; return its code and its presenter key (shown once)."""
        now = self.clock()
        key = new_key()
        salt = secrets.token_hex(16)
        for _ in range(5):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            try:
                with self._session() as session:
                    session.execute(delete(Deck).where(Deck.updated_at < now - DECK_RETENTION))
                    session.add(
                        Deck(
                            code=code,
                            key_salt=salt,
                            key_hash=deck_key_hash(key, salt),
                            slug=slug,
                            slide=slide,
                            started_at=now,
                            question_started_at=now,
                            updated_at=now,
                        )
                    )
                return code, key
            except StoreUnavailableError as exc:
                if not isinstance(exc.__cause__, IntegrityError):
                    raise
        raise StoreUnavailableError(DECK_UNAVAILABLE_MESSAGE)

    def position(self, code: str) -> DeckPosition:
        """Where the deck ``code`` is now (one small query: the projector calls this every second)."""
        with self._session() as session:
            return _position(self._row(session, code))

    def key_matches(self, code: str, key: str | None) -> bool:
        """True when ``key`` is the presenter key of deck ``code`` (constant-time comparison)."""
        if not key:
            return False
        with self._session() as session:
            row = self._row(session, code)
            return hmac.compare_digest(deck_key_hash(key, row.key_salt), row.key_hash)

    def _checked(self, session: OrmSession, code: str, key: str | None) -> Deck:
        row = self._row(session, code)
        if not key or not hmac.compare_digest(deck_key_hash(key, row.key_salt), row.key_hash):
            raise NotAllowedError(DECK_WRONG_KEY_MESSAGE)
        return row

    def move(self, code: str, key: str | None, slug: str, slide: int) -> DeckPosition:
        """Put deck ``code`` on ``slug``'s slide ``slide`` (presenter only); a new question restarts its clock."""
        now = self.clock()
        with self._session() as session:
            row = self._checked(session, code, key)
            if row.slug != slug:
                row.question_started_at = now
            row.slug, row.slide, row.updated_at = slug, slide, now
            return _position(row)

    def restart_clock(self, code: str, key: str | None) -> DeckPosition:
        """Start the route's clock and the question's clock again from now (presenter only)."""
        now = self.clock()
        with self._session() as session:
            row = self._checked(session, code, key)
            row.started_at = row.question_started_at = row.updated_at = now
            return _position(row)
