"""Fixtures for the store tests: a real SQLite file and a real PostgreSQL server.

PostgreSQL comes from KETENDIALOOG_TEST_DATABASE_URL. Without it the PostgreSQL tests are
skipped with a reason locally; under CI (any truthy value: 1, yes, true...) they fail, so CI
cannot silently skip them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from storage import Store, make_engine, migrate
from storage.models import Base
from tests.ci import skip_or_fail_in_ci

TEST_URL_ENV = "KETENDIALOOG_TEST_DATABASE_URL"


def _postgres_url() -> str:
    url = os.environ.get(TEST_URL_ENV, "").strip()
    if not url:
        skip_or_fail_in_ci(
            f"{TEST_URL_ENV} is not set: no PostgreSQL server to test against (.ci/run starts one)"
        )
    return url


def _reset(engine: Engine) -> None:
    """Drop the werksessie tables and Alembic's version table, so each test starts from an empty schema."""
    Base.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL: a fresh SQLite file, or the PostgreSQL test server with an empty schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'werksessies.sqlite'}"
        return
    url = _postgres_url()
    engine = make_engine(url)
    _reset(engine)
    engine.dispose()
    yield url
    engine = make_engine(url)
    _reset(engine)
    engine.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on the test database, migrated to head."""
    eng = make_engine(db_url)
    migrate(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def store(engine: Engine) -> Store:
    """A store over the migrated test database."""
    return Store(engine)


def open_twente_session(store: Store) -> str:
    """Open a werksessie for Twente on the signals question (offered: the unit and Twente); return its code."""
    info, _key = store.create_session(
        "Werksessie Twente",
        dt.date.today(),
        ["Twente"],
        ["signalen"],
        2022,
        "leider",
        offered_districts=["Oost-Nederland", "Twente"],
    )
    return info.code
