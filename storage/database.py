"""Engine creation and migrations (Alembic, run programmatically)."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

ENV_URL = "KETENDIALOOG_DATABASE_URL"
DEFAULT_SQLITE_PATH = Path.home() / ".local" / "share" / "ketendialoog" / "werksessies.sqlite"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def resolve_url(env: Mapping[str, str] | None = None, secret: str | None = None) -> str:
    """The database URL: the environment variable, else the secret, else the default SQLite file."""
    env = os.environ if env is None else env
    url = (env.get(ENV_URL) or secret or "").strip()
    return url or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _normalise(url: str) -> str:
    """Use the psycopg 3 driver for plain PostgreSQL URLs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and foreign keys; PostgreSQL a short connect timeout."""
    url = _normalise(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout=30000")
            # Switching to WAL needs a moment without other writers, and SQLite answers "database is
            # locked" at once instead of waiting (replicas starting together on a fresh file): retry.
            for attempt in range(100):
                try:
                    cursor.execute("PRAGMA journal_mode=WAL")
                    break
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or attempt == 99:
                        raise
                    time.sleep(0.05)
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=60, connect_args={"connect_timeout": 5}
    )


#: One lock per SQLite database file in this process (see :func:`writer_lock`).
_SQLITE_WRITERS: dict[str, threading.RLock] = {}
_SQLITE_WRITERS_GUARD = threading.Lock()


def writer_lock(engine: Engine) -> AbstractContextManager[object]:
    """What a writing transaction on ``engine`` holds in this process: a lock per SQLite file, nothing for PostgreSQL.

    SQLite lets one transaction write at a time. Another writer waits in SQLite's busy
    handler, which sleeps in growing steps (1, 2, 5, … up to 100 ms) and so often wakes
    long after the first writer committed: in a room of sixty phones, posts that came in
    together waited 100–140 ms. Writers of one process queue on this lock instead and go
    the moment the one before them commits. Writers in other processes still meet in the
    busy handler. PostgreSQL locks rows, not the file, so it needs nothing here.
    """
    if engine.dialect.name != "sqlite":
        return nullcontext()
    with _SQLITE_WRITERS_GUARD:
        return _SQLITE_WRITERS.setdefault(str(engine.url), threading.RLock())


def alembic_config() -> Config:
    """Alembic configuration without an ini file: the script location is this package's migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


#: Key of the PostgreSQL advisory lock that lets one replica at a time migrate ("KTND").
MIGRATION_LOCK = 0x4B544E44


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (``alembic upgrade head``), one process at a time.

    Replicas that start together would otherwise run the same migration at once and all but one
    fail. The migration's transaction first takes a lock: PostgreSQL's transaction-level advisory
    lock, SQLite's write lock (``BEGIN IMMEDIATE``). The others wait, then find the schema current.
    """
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        elif connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def is_sqlite(url: str) -> bool:
    """True when ``url`` is a SQLite database."""
    return make_url(_normalise(url)).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for another database or an in-memory one."""
    parsed = make_url(_normalise(url))
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).expanduser()


def head_revision() -> str:
    """The newest migration of this code (what ``alembic upgrade head`` brings a database to)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return str(head)


def schema_revision(engine: Engine) -> str | None:
    """The migration a database is at (``alembic_version``), or None for a database never migrated."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_sqlite(url: str, target: Path) -> int:
    """Copy a consistent snapshot of the SQLite database at ``url`` to ``target`` (SQLite's backup API).

    Safe while the app writes: the backup API copies pages under SQLite's own locking, and WAL
    content is included. ``target`` must not exist yet (nothing is overwritten). Returns the size
    of the copy in bytes. Raises ``ValueError`` for a URL that is not a SQLite file and
    ``FileNotFoundError`` when the database file does not exist.
    """
    import sqlite3

    source_path = sqlite_path(url)
    if source_path is None:
        raise ValueError("backup works on a SQLite file; for PostgreSQL use pg_dump (see docs/deploy.md)")
    if not source_path.exists():
        raise FileNotFoundError(str(source_path))
    target = Path(target).expanduser()
    if target.exists():
        raise FileExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(source_path, timeout=30)
    try:
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            copy.close()
    finally:
        source.close()
    return target.stat().st_size
