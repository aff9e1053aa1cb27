"""The tables of a werksessie (session, estimates, notes, support, reveals) and of the limits kept per client."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of the werksessie tables."""


class WorkSession(Base):
    """A werksessie: title, date, districts, chosen figures, and the hashed facilitator key."""

    __tablename__ = "werksessies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    held_on: Mapped[dt.date] = mapped_column(Date, nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    districts: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    figures: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    key_salt: Mapped[str] = mapped_column(String(64), nullable=False)
    key_hash: Mapped[str] = mapped_column(String(128), nullable=False)
    current_round: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    closed: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    #: The last write to the session (a note, estimate, +1 or facilitator action); idle sessions expire.
    last_activity_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True, index=True
    )
    #: When the facilitator closed the session; closed sessions are deleted after a retention period.
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: The hashed network address of the browser that created the session (or None when unknown).
    created_from: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    #: The figure the big screen and the phones show now (None: the session's first figure).
    current_figure: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: When the countdown the console started ends, and how long it was (None: no countdown).
    timer_ends_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    timer_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Estimate(Base):
    """One participant's estimate of one figure in one round (a later estimate replaces an earlier one)."""

    __tablename__ = "schattingen"
    __table_args__ = (
        UniqueConstraint("session_id", "figure", "round", "client", name="uq_schatting_per_client"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("werksessies.id", ondelete="CASCADE"), index=True)
    figure: Mapped[str] = mapped_column(String(40), nullable=False)
    round: Mapped[int] = mapped_column(Integer, nullable=False)
    org_type: Mapped[str] = mapped_column(String(40), nullable=False)
    value: Mapped[float] = mapped_column(Float, nullable=False)
    client: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Note(Base):
    """An observation or action point on one figure's page."""

    __tablename__ = "notities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("werksessies.id", ondelete="CASCADE"), index=True)
    figure: Mapped[str] = mapped_column(String(40), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    org_type: Mapped[str] = mapped_column(String(40), nullable=False)
    owner_org: Mapped[str | None] = mapped_column(String(40), nullable=True)
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    hidden: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    merged_into: Mapped[int | None] = mapped_column(
        ForeignKey("notities.id", ondelete="SET NULL"), nullable=True
    )
    client: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Support(Base):
    """A '+1' of one browser session for one note (at most one per note and session)."""

    __tablename__ = "steun"
    __table_args__ = (UniqueConstraint("note_id", "client", name="uq_steun_per_client"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notities.id", ondelete="CASCADE"), index=True)
    client: Mapped[str] = mapped_column(String(64), nullable=False)


class Reveal(Base):
    """The facilitator showed the estimates of one figure in one round."""

    __tablename__ = "onthullingen"
    __table_args__ = (UniqueConstraint("session_id", "figure", "round", name="uq_onthulling"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("werksessies.id", ondelete="CASCADE"), index=True)
    figure: Mapped[str] = mapped_column(String(40), nullable=False)
    round: Mapped[int] = mapped_column(Integer, nullable=False)


class ClosedRound(Base):
    """The facilitator stopped accepting estimates of one figure in one round (before or without a reveal)."""

    __tablename__ = "rondes_dicht"
    __table_args__ = (UniqueConstraint("session_id", "figure", "round", name="uq_ronde_dicht"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("werksessies.id", ondelete="CASCADE"), index=True)
    figure: Mapped[str] = mapped_column(String(40), nullable=False)
    round: Mapped[int] = mapped_column(Integer, nullable=False)


class Participant(Base):
    """A hashed browser that opened the participant view of a session (the big screen counts them)."""

    __tablename__ = "deelnemers"
    __table_args__ = (UniqueConstraint("session_id", "client", name="uq_deelnemer"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("werksessies.id", ondelete="CASCADE"), index=True)
    client: Mapped[str] = mapped_column(String(64), nullable=False)
    joined_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Attempt(Base):
    """One limited action (a post, a new session) or one failed guess (a key, a code) of a hashed client."""

    __tablename__ = "pogingen"
    __table_args__ = (
        Index("ix_pogingen_client_kind_at", "client", "kind", "at"),
        Index("ix_pogingen_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client: Mapped[str] = mapped_column(String(64), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    #: A hash of what was guessed (so retyping the same wrong key does not count twice), or None.
    subject: Mapped[str | None] = mapped_column(String(64), nullable=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Visitor(Base):
    """One row per hashed client; its lock serialises the limit checks of that client."""

    __tablename__ = "bezoekers"

    client: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Setting(Base):
    """A named value of the store, such as the salt with which client identities are hashed."""

    __tablename__ = "instellingen"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), nullable=False)
