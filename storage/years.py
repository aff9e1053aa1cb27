"""Saved years in the database: published for everyone, versioned, never overwritten; and session-year links.

A facilitator adds a year on the page 'Nieuw jaar toevoegen'. Once the figures pass the checks
of :mod:`analysis.intake` they can be used for one's own session or, with the facilitator key
(*beheersleutel*), saved for everyone. Both live in the same SQLAlchemy store as the werksessies
(migration 0004), so every replica on one database sees the same years.

* ``jaren``: one row per *version* of a published year: the layout text the parser reads, the
  uploaded bytes unchanged, their size and SHA-256 (and a SHA-256 of the layout text), the file
  name, the organisation type named at upload, when it was saved, the version number and the id
  of the version it replaces. A row is never changed. A correction is a new version that names the
  newest one; the app shows the newest version of each year. Reading checks both checksums: a row
  changed behind the app's back is a broken year with a Dutch message, the other years keep working.
* ``sessiejaren``: a year used only "voor mijn sessie", held for :data:`SESSION_YEAR_DAYS` days
  under a random token, so the link ``?sessiejaar=<token>`` still works after a reload, in
  another browser and on another replica. Never listed as published.

The cache key of the app is :meth:`YearRepository.revision` (the highest id and the number of
rows, one cheap query): a year saved on one replica changes it, so every replica reads the new
year at its next rerun.

No Streamlit here; the facilitator key and the page's fixed texts are here too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import secrets
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl
from sqlalchemy import (
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    delete,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.orm import Session as OrmSession

from analysis.dutch import fmt_date, fmt_int
from analysis.geography import Gazetteer, default_gazetteer
from analysis.intake import FIRST_YEAR
from analysis.parser import LayoutError, parse_layout
from storage.models import Base

logger = logging.getLogger(__name__)

ENV_KEY = "KETENDIALOOG_BEHEERSLEUTEL"
SECRET_KEY = "beheersleutel"
#: A configured key may be given as its SHA-256 instead of in plain text: ``sha256:<64 hex digits>``.
HASHED_PREFIX = "sha256:"

#: How long a session year's link keeps working.
SESSION_YEAR_DAYS = 7
#: Random tokens of session-year links: 24 URL-safe characters (144 bits).
TOKEN_BYTES = 18
TOKEN_LENGTH = 24

LAST_YEAR = 2999
_MAX_NAME = 200

#: Who adds a year: the organisation types of the chain partners.
ORGANISATIONS: tuple[str, ...] = (
    "politie",
    "OM",
    "gemeente",
    "RIEC",
    "zorg/hulpverlening",
    "CoMensHa",
    "anders",
)


class YearStoreError(Exception):
    """A problem with saved years; the message is Dutch and says what to do."""


class YearExistsError(YearStoreError):
    """The year (or the version a correction names) is already saved; saved years are never overwritten."""


class BrokenYearError(YearStoreError):
    """A saved year that cannot be read; the other years are not affected."""


class SavedYearRow(Base):
    """One version of a published year (table ``jaren``); rows are only ever added."""

    __tablename__ = "jaren"
    __table_args__ = (UniqueConstraint("year", "version", name="uq_jaren_year_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    replaces_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("jaren.id"), nullable=True, unique=True
    )
    layout: Mapped[str] = mapped_column(Text, nullable=False)
    layout_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    original: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    organisation: Mapped[str] = mapped_column(String(40), nullable=False)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class SessionYearRow(Base):
    """A year used only for one session, held under a random token until it expires (``sessiejaren``)."""

    __tablename__ = "sessiejaren"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    layout: Mapped[str] = mapped_column(Text, nullable=False)
    layout_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    original: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False, index=True)


@dataclass(frozen=True)
class YearInfo:
    """What is recorded about one version of a saved year: when, by whom (organisation type), from which file."""

    id: int
    year: int
    version: int
    replaces_id: int | None
    file_name: str
    organisation: str
    added: dt.datetime
    size: int
    sha256: str


@dataclass(frozen=True)
class StoredYear:
    """A saved year as it was handed in: the original bytes, the layout text and the record."""

    info: YearInfo
    layout: str
    original: bytes


@dataclass(frozen=True)
class HeldYear:
    """A session year behind a link: its token, year, tables, the original and until when it is held."""

    token: str
    year: int
    layout: str
    original: bytes
    file_name: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class ListedYear:
    """One saved version for the page's table, with whether it is the one in use."""

    info: YearInfo
    latest: bool
    problem: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """What the app reads at a store revision: the newest readable version of each year, and the problems."""

    layouts: dict[int, str]
    infos: dict[int, YearInfo]
    problems: dict[int, str]


def clean_file_name(name: str) -> str:
    """The file name as recorded: no path, no control characters, not absurdly long."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return (cleaned or "onbekend")[:_MAX_NAME]


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _content(layout: str, original: bytes, file_name: str) -> dict[str, Any]:
    """The columns a saved year and a session year share: the tables, the upload as it came, their checksums."""
    return {
        "layout": layout,
        "layout_sha256": _sha256(layout.encode("utf-8")),
        "original": original,
        "size": len(original),
        "sha256": _sha256(original),
        "file_name": clean_file_name(file_name),
    }


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite gives naive datetimes back; the store writes UTC only."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _info(row: SavedYearRow) -> YearInfo:
    return YearInfo(
        id=row.id,
        year=row.year,
        version=row.version,
        replaces_id=row.replaces_id,
        file_name=row.file_name,
        organisation=row.organisation,
        added=_utc(row.saved_at),
        size=row.size,
        sha256=row.sha256,
    )


def _broken(year: int, version: int, what: str) -> BrokenYearError:
    return BrokenYearError(
        f"Het opgeslagen jaar {year} (versie {version}) is beschadigd: {what}. De andere jaren werken gewoon. "
        f"Een beheerder slaat de cijfers van {year} opnieuw op als correctie."
    )


def _unavailable(action: str) -> YearStoreError:
    return YearStoreError(
        f"{action} is niet gelukt: de database is nu niet bereikbaar. Er is niets opgeslagen. Probeer het zo "
        "opnieuw; blijft het misgaan, dan kijkt een beheerder met 'python -m storage check'."
    )


def exists_message(year: int, version: int) -> str:
    """Dutch: the year is already saved, and how a correction is made instead."""
    return (
        f"Het jaar {year} is al opgeslagen (versie {version}); een opgeslagen jaar wordt nooit overschreven. "
        f"Zijn de cijfers van {year} verbeterd, kies dan 'Sla op als correctie': dat wordt versie {version + 1}, "
        "en de eerdere versie blijft bewaard."
    )


def validate_new_year(year: int, organisation: str) -> None:
    """Raise :class:`YearStoreError` (Dutch) for an implausible year or an unknown organisation type."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearStoreError(
            f"Het jaar {year} kan niet worden opgeslagen: verwacht een jaar vanaf {FIRST_YEAR}."
        )
    if organisation not in ORGANISATIONS:
        raise YearStoreError(
            f"Kies wie het jaar toevoegt: {', '.join(ORGANISATIONS)}. Gekregen: '{organisation[:40]}'."
        )


def new_token() -> str:
    """A random, URL-safe token for a session-year link."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(value: str) -> bool:
    """True for a string of the form of a session-year token (so nothing else reaches a query)."""
    return len(value) == TOKEN_LENGTH and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in value)


class YearRepository:
    """Saved years and session-year links in the store; every method opens and closes its own transaction."""

    def __init__(self, engine: Engine) -> None:
        """Use ``engine`` (migrated to at least revision 0004)."""
        self.engine = engine

    # -- published years ------------------------------------------------------------------

    def revision(self) -> tuple[int, int]:
        """The store's version of the saved years: (highest id, number of rows). Changes with every save."""
        with OrmSession(self.engine) as session:
            top, count = session.execute(select(func.max(SavedYearRow.id), func.count(SavedYearRow.id))).one()
        return int(top or 0), int(count or 0)

    def versions(self, year: int | None = None) -> list[YearInfo]:
        """Every saved version (of ``year``, or of all years), by year and version."""
        query = select(SavedYearRow).order_by(SavedYearRow.year, SavedYearRow.version)
        if year is not None:
            query = query.where(SavedYearRow.year == int(year))
        with OrmSession(self.engine) as session:
            return [_info(row) for row in session.scalars(query)]

    def latest(self) -> dict[int, YearInfo]:
        """The newest version of each saved year."""
        newest: dict[int, YearInfo] = {}
        for info in self.versions():
            newest[info.year] = info  # ordered by version: the last one wins
        return newest

    def years(self) -> list[int]:
        """Every saved year, oldest first."""
        return sorted(self.latest())

    def listing(self) -> list[ListedYear]:
        """Every saved version, marking the newest of each year (the one the app shows)."""
        newest = {info.year: info.id for info in self.latest().values()}
        return [ListedYear(info, newest[info.year] == info.id) for info in self.versions()]

    def load(self, version_id: int) -> StoredYear:
        """Read one version completely; raises :class:`BrokenYearError` (Dutch) when a checksum does not match."""
        with OrmSession(self.engine) as session:
            row = session.get(SavedYearRow, int(version_id))
            if row is None:
                raise YearStoreError(f"Versie {version_id} van een opgeslagen jaar bestaat niet.")
            info, layout, original = _info(row), row.layout, bytes(row.original)
            layout_sha = row.layout_sha256
        if len(original) != info.size or _sha256(original) != info.sha256:
            raise _broken(
                info.year, info.version, "het oorspronkelijke bestand is veranderd sinds het werd opgeslagen"
            )
        if _sha256(layout.encode("utf-8")) != layout_sha:
            raise _broken(info.year, info.version, "de tabellen zijn veranderd sinds ze werden opgeslagen")
        return StoredYear(info, layout, original)

    def load_year(self, year: int) -> StoredYear:
        """The newest version of ``year``, read and checked."""
        newest = self.latest().get(int(year))
        if newest is None:
            raise YearStoreError(f"Het jaar {year} is niet opgeslagen.")
        return self.load(newest.id)

    def load_tidy(self, year: int, gazetteer: Gazetteer | None = None) -> pl.DataFrame:
        """The tidy table of the newest version of ``year``; :class:`BrokenYearError` when it does not parse."""
        stored = self.load_year(year)
        try:
            return parse_layout(stored.layout, stored.info.year, gazetteer or default_gazetteer())
        except LayoutError as error:
            raise _broken(
                stored.info.year, stored.info.version, f"de tabellen zijn niet meer te lezen ({error})"
            ) from None

    def snapshot(self) -> Snapshot:
        """The newest version of each year, checked and parsed; a year that fails goes to ``problems``."""
        layouts: dict[int, str] = {}
        infos: dict[int, YearInfo] = {}
        problems: dict[int, str] = {}
        for year, info in self.latest().items():
            try:
                stored = self.load(info.id)
                parse_layout(stored.layout, year, default_gazetteer())
            except BrokenYearError as error:
                problems[year] = str(error)
                logger.error(
                    "Saved year %d version %d cannot be read: %s", year, info.version, type(error).__name__
                )
                continue
            except LayoutError:
                problems[year] = str(_broken(year, info.version, "de tabellen zijn niet meer te lezen"))
                logger.error("Saved year %d version %d no longer parses", year, info.version)
                continue
            layouts[year] = stored.layout
            infos[year] = info
        return Snapshot(layouts, infos, problems)

    def save(
        self,
        year: int,
        original: bytes,
        file_name: str,
        layout: str,
        organisation: str,
        *,
        replaces: int | None = None,
        added: dt.datetime | None = None,
    ) -> YearInfo:
        """Save a year for everyone, or a correction of its newest version; never overwrites.

        Without ``replaces`` the year must not be saved yet (:class:`YearExistsError` otherwise).
        With ``replaces`` (the id of the newest version) a new version is added that names it; a
        version that was already replaced cannot be replaced again (two corrections at once: the
        second is refused). Raises :class:`YearStoreError` (Dutch) for an implausible year, an
        unknown organisation type or an unreachable database.
        """
        year = int(year)
        validate_new_year(year, organisation)
        original = bytes(original)
        when = _utc(added or dt.datetime.now(dt.UTC)).replace(microsecond=0)
        try:
            with OrmSession(self.engine) as session, session.begin():
                newest = session.scalars(
                    select(SavedYearRow)
                    .where(SavedYearRow.year == year)
                    .order_by(SavedYearRow.version.desc())
                    .limit(1)
                ).first()
                if replaces is None and newest is not None:
                    raise YearExistsError(exists_message(year, newest.version))
                if replaces is not None and (newest is None or newest.id != int(replaces)):
                    raise YearExistsError(_stale_message(year, newest.version if newest else None))
                row = SavedYearRow(
                    year=year,
                    version=(newest.version + 1) if newest else 1,
                    replaces_id=newest.id if newest else None,
                    **_content(layout, original, file_name),
                    organisation=organisation,
                    saved_at=when,
                )
                session.add(row)
                session.flush()
                info = _info(row)
        except IntegrityError:  # saved by someone else in the meantime (unique year+version / replaces_id)
            logger.warning("Saving year %d refused: another version was saved at the same time", year)
            current = self.latest().get(year)
            raise YearExistsError(
                exists_message(year, current.version)
                if current and replaces is None
                else _stale_message(year, None)
            ) from None
        except YearExistsError:
            logger.info("Saving year %d refused: it is already saved (never overwritten)", year)
            raise
        except SQLAlchemyError as error:
            logger.error("Year store: saving year %d failed: %s", year, type(error).__name__)
            raise _unavailable("Opslaan") from None
        logger.info(
            "Saved year %d version %d (id %d, replaces %s, %d bytes, sha256 %s, organisation %s)",
            info.year,
            info.version,
            info.id,
            info.replaces_id,
            info.size,
            info.sha256[:12],
            info.organisation,
        )
        return info

    # -- session years behind a link --------------------------------------------------------

    def hold(
        self, year: int, layout: str, original: bytes, file_name: str, *, now: dt.datetime | None = None
    ) -> HeldYear:
        """Hold a session year for :data:`SESSION_YEAR_DAYS` days under a new random token; drops expired ones."""
        moment = _utc(now or dt.datetime.now(dt.UTC))
        original = bytes(original)
        row = SessionYearRow(
            token=new_token(),
            year=int(year),
            **_content(layout, original, file_name),
            created_at=moment,
            expires_at=moment + dt.timedelta(days=SESSION_YEAR_DAYS),
        )
        try:
            with OrmSession(self.engine, expire_on_commit=False) as session, session.begin():
                expired = session.execute(delete(SessionYearRow).where(SessionYearRow.expires_at < moment))
                session.add(row)
        except SQLAlchemyError as error:
            logger.error("Year store: holding a session year failed: %s", type(error).__name__)
            raise _unavailable("Een link maken voor dit jaar") from None
        removed = getattr(expired, "rowcount", 0) or 0
        logger.info(
            "Session year %d held for %d days (link %s…); %d expired removed",
            year,
            SESSION_YEAR_DAYS,
            row.token[:4],
            removed,
        )
        return HeldYear(row.token, row.year, layout, original, row.file_name, row.expires_at)

    def held(self, token: str, *, now: dt.datetime | None = None) -> HeldYear | None:
        """The session year behind ``token``; None when there is none, it expired, or its checksums fail."""
        if not is_token(token):
            return None
        moment = _utc(now or dt.datetime.now(dt.UTC))
        try:
            with OrmSession(self.engine) as session:
                row = session.scalars(select(SessionYearRow).where(SessionYearRow.token == token)).first()
                if row is None or _utc(row.expires_at) <= moment:
                    return None
                held = HeldYear(
                    row.token, row.year, row.layout, bytes(row.original), row.file_name, _utc(row.expires_at)
                )
                sums = (row.layout_sha256, row.sha256, row.size)
        except SQLAlchemyError as error:
            logger.error("Year store: reading a session year failed: %s", type(error).__name__)
            raise _unavailable("Het jaar uit de link openen") from None
        if sums != (_sha256(held.layout.encode("utf-8")), _sha256(held.original), len(held.original)):
            logger.error("Session year %d behind link %s… fails its checksum", held.year, token[:4])
            return None
        return held


def _stale_message(year: int, version: int | None) -> str:
    now = f" (nu versie {version})" if version else ""
    return (
        f"De correctie van {year} is niet opgeslagen: intussen is er al een nieuwere versie{now}. Er is niets "
        "overschreven. Laad de pagina opnieuw, bekijk de nieuwste versie en sla zo nodig opnieuw op als correctie."
    )


# -- the facilitator key ------------------------------------------------------------------


def configured_key(env: Mapping[str, str] | None = None, secret: object = None) -> str | None:
    """The facilitator key from ``$KETENDIALOOG_BEHEERSLEUTEL``, else from the secrets; None if neither."""
    env = os.environ if env is None else env
    for value in (env.get(ENV_KEY), secret):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def key_matches(given: str | None, configured: str | None) -> bool:
    """True when ``given`` is the configured facilitator key.

    Both sides are hashed with SHA-256 and the digests compared with
    :func:`hmac.compare_digest`, so the comparison takes the same time whatever the
    input. ``configured`` may itself be ``sha256:<hex>``. No key configured: False.
    """
    if not configured or not given:
        return False
    if configured.startswith(HASHED_PREFIX):
        try:
            expected = bytes.fromhex(configured.removeprefix(HASHED_PREFIX).strip())
        except ValueError:
            return False
        if len(expected) != hashlib.sha256().digest_size:
            return False
    else:
        expected = _digest(configured)
    return hmac.compare_digest(_digest(given), expected)


#: Shown when no facilitator key is configured: saving for everyone is off.
SAVING_OFF_TEXT = (
    "Opslaan voor iedereen staat uit: op deze server is geen beheersleutel ingesteld. Je kunt het jaar wel voor "
    "je eigen sessie gebruiken. Een beheerder zet opslaan aan door op de server de omgevingsvariabele "
    f"{ENV_KEY} te zetten (of '{SECRET_KEY}' in .streamlit/secrets.toml) en de app opnieuw te starten. De "
    "jaren komen dan in de database van de app (KETENDIALOOG_DATABASE_URL), samen met de werksessies."
)

WRONG_KEY_TEXT = "De beheersleutel klopt niet. Er is niets opgeslagen."
NO_ORGANISATION_TEXT = (
    "Kies eerst wie het jaar toevoegt (het soort organisatie); dat wordt bij het jaar bewaard."
)

#: Shown when a link names a session year that is no longer held (expired after 7 days, or never there).
GONE_TEXT = (
    "Deze link wijst naar cijfers die iemand alleen voor een eigen sessie had toegevoegd (niet gepubliceerd). "
    f"Zo'n link werkt {SESSION_YEAR_DAYS} dagen; deze werkt niet meer of klopt niet. De pagina toont daarom de "
    "gepubliceerde cijfers. Vraag wie de link deelde om het jaar opnieuw toe te voegen, of om het op te slaan "
    "voor iedereen."
)


# -- texts of the page 'Nieuw jaar toevoegen' ----------------------------------------------


def added_text(moment: dt.datetime) -> str:
    """When a year was added, in Dutch: ``28 november 2026 om 14:05 (UTC)``."""
    utc = moment.astimezone(dt.UTC)
    return f"{fmt_date(utc.year, utc.month, utc.day)} om {utc:%H:%M} (UTC)"


def size_text(n: int) -> str:
    """A file size in Dutch: ``812 bytes``, ``12,3 kB``."""
    if n < 1024:
        return f"{fmt_int(n)} bytes"
    kilo = n / 1024
    if kilo < 1024:
        return f"{kilo:.1f} kB".replace(".", ",")
    return f"{kilo / 1024:.1f} MB".replace(".", ",")


SAVED_SCHEMA = {
    "Jaar": pl.Int64,
    "Versie": pl.Int64,
    "Toegevoegd door": pl.String,
    "Toegevoegd op": pl.String,
    "Bestand": pl.String,
    "Staat": pl.String,
}


def saved_years_table(
    listing: Iterable[ListedYear], bundled: Iterable[int] = (), problems: Mapping[int, str] | None = None
) -> pl.DataFrame:
    """The saved versions for the page: year, version, organisation type, when (UTC), file, and which is in use.

    ``problems`` holds years whose newest version could not be loaded; it is marked as broken.
    """
    bundled = set(bundled)
    problems = problems or {}
    rows = []
    for entry in listing:
        info = entry.info
        if not entry.latest:
            state = "vervangen door een nieuwere versie"
        elif info.year in problems:
            state = "beschadigd, niet in gebruik (zie de melding)"
        elif info.year in bundled:
            state = "niet in gebruik: de app levert dit jaar zelf mee, en die versie telt"
        else:
            state = "in gebruik"
        rows.append(
            {
                "Jaar": info.year,
                "Versie": info.version,
                "Toegevoegd door": info.organisation,
                "Toegevoegd op": added_text(info.added),
                "Bestand": f"{info.file_name} ({size_text(info.size)})",
                "Staat": state,
            }
        )
    return pl.DataFrame(rows, schema=SAVED_SCHEMA)
