"""Repository functions for werksessies: create and join, estimates, notes, and facilitator actions.

Every facilitator action takes the facilitator key and checks it against the stored hash
(scrypt with a per-session salt, compared in constant time) before it changes anything.
Database failures surface as :class:`StoreUnavailableError` with a Dutch message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Engine, func, select, update
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
    ORG_TYPES,
    check_org_type,
    check_text,
)
from storage.models import Estimate, Note, Reveal, Support, WorkSession

#: Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
KEY_GROUPS = 4
ROUNDS = 2

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


UNAVAILABLE_MESSAGE = (
    "De database voor werksessies is nu niet bereikbaar. Je tekst is niet opgeslagen maar staat nog in het "
    "invoerveld; probeer het zo opnieuw. De rest van de app werkt gewoon."
)


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

    def is_revealed(self, figure: str, round_no: int) -> bool:
        """True when the facilitator showed this figure's estimates of this round."""
        return (figure, round_no) in self.revealed


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
    )


class Store:
    """Repository over one engine; every method opens and closes its own transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def _session(self) -> Iterator[OrmSession]:
        try:
            with OrmSession(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except StoreError:
            raise
        except IntegrityError:
            raise
        except SQLAlchemyError as exc:
            raise StoreUnavailableError(UNAVAILABLE_MESSAGE) from exc

    def _retry(self, action: Callable[[], T], attempts: int = 5) -> T:
        """Run ``action`` again when a unique constraint raced (e.g. the same code twice)."""
        for attempt in range(attempts):
            try:
                return action()
            except IntegrityError:
                if attempt == attempts - 1:
                    raise
        raise AssertionError("unreachable")

    # -- sessions -----------------------------------------------------------------------------

    def ping(self) -> None:
        """Raise StoreUnavailableError when the database does not answer."""
        with self._session() as session:
            session.execute(select(1))

    def create_session(
        self,
        title: str,
        held_on: dt.date,
        districts: Sequence[str],
        figures: Sequence[str],
        year: int,
    ) -> tuple[SessionInfo, str]:
        """Create a session; return it and the facilitator key (shown once, only its hash is stored)."""
        checked = check_text(title, max_chars=MAX_TITLE_CHARS, what="De titel")
        if not checked.ok:
            raise StoreError(checked.message)
        chosen = [f for f in figures if f in FIGURE_KEYS]
        if not chosen:
            raise StoreError("Kies minstens één cijfer om te schatten.")
        key = new_key()
        salt = secrets.token_bytes(16)

        def insert() -> SessionInfo:
            with self._session() as session:
                count = session.scalar(select(func.count()).select_from(WorkSession)) or 0
                if count >= MAX_SESSIONS:
                    raise LimitReachedError(
                        f"Er staan al {MAX_SESSIONS} werksessies in de database; dat is het maximum. "
                        "Vraag de beheerder om oude sessies op te ruimen."
                    )
                row = WorkSession(
                    code=_new_code(),
                    title=checked.text,
                    held_on=held_on,
                    year=year,
                    districts=";".join(districts),
                    figures=";".join(chosen),
                    key_salt=salt.hex(),
                    key_hash=hash_key(key, salt),
                    current_round=1,
                    closed=False,
                )
                session.add(row)
                session.flush()
                return _info(row)

        return self._retry(insert), key

    def get_session(self, code: str) -> SessionInfo:
        """The session with this code, or NotFoundError."""
        with self._session() as session:
            row = session.scalar(select(WorkSession).where(WorkSession.code == normalise_code(code)))
            if row is None:
                raise NotFoundError("Er is geen werksessie met deze code. Controleer de link of de code.")
            return _info(row)

    def _row(self, session: OrmSession, code: str) -> WorkSession:
        row = session.scalar(select(WorkSession).where(WorkSession.code == normalise_code(code)))
        if row is None:
            raise NotFoundError("Er is geen werksessie met deze code. Controleer de link of de code.")
        return row

    def _facilitator_row(self, session: OrmSession, code: str, key: str | None) -> WorkSession:
        row = self._row(session, code)
        if not key_matches(key, row.key_salt, row.key_hash):
            raise NotAllowedError(
                "Deze actie is alleen voor de gespreksleider. De sleutel ontbreekt of klopt niet."
            )
        return row

    def check_key(self, code: str, key: str | None) -> bool:
        """True when ``key`` is the facilitator key of the session."""
        with self._session() as session:
            row = self._row(session, code)
            return key_matches(key, row.key_salt, row.key_hash)

    # -- participants -------------------------------------------------------------------------

    def add_estimate(self, code: str, figure: str, value: float, org_type: str | None, client: str) -> int:
        """Store (or replace) this browser session's estimate in the current round; return the round."""

        def upsert() -> int:
            with self._session() as session:
                row = self._row(session, code)
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
                existing = session.scalar(
                    select(Estimate).where(
                        Estimate.session_id == row.id,
                        Estimate.figure == figure,
                        Estimate.round == round_no,
                        Estimate.client == client,
                    )
                )
                if existing is not None:
                    existing.value = float(value)
                    existing.org_type = check_org_type(org_type)
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
                        org_type=check_org_type(org_type),
                        value=float(value),
                        client=client,
                    )
                )
                return round_no

        return self._retry(upsert)

    def add_note(
        self,
        code: str,
        figure: str,
        kind: str,
        text: str,
        org_type: str | None,
        client: str,
        *,
        owner_org: str | None = None,
        deadline: dt.date | None = None,
    ) -> int:
        """Store an observation or action point after checking its text; return its id."""
        if kind not in (KIND_OBSERVATION, KIND_ACTION):
            raise StoreError("Onbekend soort bijdrage.")
        checked = check_text(text, max_chars=MAX_TEXT_CHARS)
        if not checked.ok:
            raise StoreError(checked.message)
        with self._session() as session:
            row = self._row(session, code)
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
                org_type=check_org_type(org_type),
                owner_org=owner_org if owner_org in ORG_TYPES else None,
                deadline=deadline if kind == KIND_ACTION else None,
                hidden=False,
                client=client,
            )
            session.add(note)
            session.flush()
            return note.id

    def support(self, code: str, note_id: int, client: str) -> bool:
        """Add this browser session's +1 to a note; False when it already supported it."""
        try:
            with self._session() as session:
                row = self._row(session, code)
                note = session.get(Note, note_id)
                if note is None or note.session_id != row.id:
                    raise NotFoundError("Deze bijdrage bestaat niet (meer).")
                session.add(Support(note_id=note_id, client=client))
        except IntegrityError:
            return False
        return True

    # -- the board ------------------------------------------------------------------------------

    def board(self, code: str) -> Board:
        """The whole board of a session in one read."""
        with self._session() as session:
            row = self._row(session, code)
            counts = (
                select(Support.note_id, func.count().label("n")).group_by(Support.note_id).subquery("counts")
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
            )

    # -- facilitator actions -------------------------------------------------------------------

    def reveal(self, code: str, key: str | None, figure: str) -> None:
        """Show the estimates of ``figure`` in the current round (facilitator key needed)."""
        try:
            with self._session() as session:
                row = self._facilitator_row(session, code, key)
                session.add(Reveal(session_id=row.id, figure=figure, round=row.current_round))
        except IntegrityError:
            return  # already revealed

    def next_round(self, code: str, key: str | None) -> int:
        """Start round 2 (Delphi); return the new round (facilitator key needed)."""
        with self._session() as session:
            row = self._facilitator_row(session, code, key)
            if row.current_round >= ROUNDS:
                raise StoreError(f"Er zijn maximaal {ROUNDS} rondes.")
            row.current_round += 1
            return row.current_round

    def set_hidden(self, code: str, key: str | None, note_id: int, hidden: bool = True) -> None:
        """Hide (or show again) a note (facilitator key needed)."""
        with self._session() as session:
            row = self._facilitator_row(session, code, key)
            # An UPDATE gives a CursorResult (with rowcount); Session.execute is typed for any statement.
            result = cast(
                "CursorResult[Any]",
                session.execute(
                    update(Note).where(Note.id == note_id, Note.session_id == row.id).values(hidden=hidden)
                ),
            )
            if result.rowcount == 0:
                raise NotFoundError("Deze bijdrage bestaat niet (meer).")

    def merge(self, code: str, key: str | None, keep_id: int, duplicate_id: int) -> None:
        """Merge a duplicate into another note: the duplicate is hidden and its support moves over."""
        if keep_id == duplicate_id:
            raise StoreError("Kies twee verschillende bijdragen om samen te voegen.")
        with self._session() as session:
            row = self._facilitator_row(session, code, key)
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

    def close(self, code: str, key: str | None) -> None:
        """Close the session: no new estimates or notes (facilitator key needed)."""
        with self._session() as session:
            row = self._facilitator_row(session, code, key)
            row.closed = True

    def authorise_export(self, code: str, key: str | None) -> Board:
        """The board for an export, only with the facilitator key."""
        with self._session() as session:
            self._facilitator_row(session, code, key)
        return self.board(code)
