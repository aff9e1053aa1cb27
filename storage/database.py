"""Engine creation and migrations (Alembic, run programmatically)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
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
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=60, connect_args={"connect_timeout": 5}
    )


def alembic_config() -> Config:
    """Alembic configuration without an ini file: the script location is this package's migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (``alembic upgrade head``)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
