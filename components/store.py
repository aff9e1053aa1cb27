"""The one database engine of a process: the werksessie store and the deck store share it.

The URL comes from ``KETENDIALOOG_DATABASE_URL``, the Streamlit secret ``database_url`` or the
default SQLite file (``storage.resolve_url``). The engine is made and migrated once per URL and
process; a failure is not cached, so the next run tries again.
"""

import os

import streamlit as st
from sqlalchemy import Engine

from storage import make_engine, migrate, resolve_url


def _secret_url() -> str | None:
    try:
        value = st.secrets.get("database_url")
    except Exception:  # no secrets file at all
        return None
    return str(value) if value else None


def database_url() -> str:
    """The configured database URL: environment, then Streamlit secret, then the default SQLite file."""
    return resolve_url(os.environ, _secret_url())


@st.cache_resource(show_spinner=False)
def engine_for(url: str) -> Engine:
    """The engine for ``url``, migrated to the latest schema once per process (raises when unreachable)."""
    engine = make_engine(url)
    migrate(engine)  # alembic upgrade head; a failure is not cached, so the next run retries
    return engine
