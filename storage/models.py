"""The tables of a werksessie: the session, estimates, notes, support and reveals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
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
