"""The one database engine of a process: the werksessie store, the deck store and the saved years share it.

The URL comes from ``KETENDIALOOG_DATABASE_URL``, the Streamlit secret ``database_url`` or the
default SQLite file (``storage.resolve_url``). The engine is made and migrated once per URL and
process; a failure is not cached, so the next run tries again. Importing this module configures
the operator log once (:func:`storage.logs.configure`).
"""

import functools
import logging
import os
from collections.abc import Mapping

import streamlit as st
from sqlalchemy import Engine

from analysis.paths import PROJECT_DIR
from storage import YearRepository, make_engine, migrate, resolve_url
from storage.database import is_sqlite
from storage.logs import configure, redact_url

configure()
logger = logging.getLogger(__name__)


@functools.cache
def secret(name: str) -> str | None:
    """The Streamlit secret ``name`` as text, or None; read once per process.

    Without a secrets file, ``st.secrets`` looks for the files again on every access, under
    one lock for all sessions: with sixty phones refreshing their boards that lock was where
    their runs waited (docs/performance.md, werksessie). A changed secret takes a restart,
    as a changed database URL does anyway (the engine is made once per process).
    """
    try:
        value = st.secrets.get(name)
    except Exception:  # no secrets file, or one that cannot be read
        return None
    return str(value) if value else None


def database_url() -> str:
    """The configured database URL: environment, then Streamlit secret, then the default SQLite file."""
    return resolve_url(os.environ, secret("database_url"))


@st.cache_resource(show_spinner=False)
def engine_for(url: str) -> Engine:
    """The engine for ``url``, migrated to the latest schema once per process (raises when unreachable)."""
    engine = make_engine(url)
    try:
        migrate(engine)  # alembic upgrade head; a failure is not cached, so the next run retries
    except Exception as error:
        logger.error("Store %s could not be opened or migrated: %s", redact_url(url), type(error).__name__)
        engine.dispose()
        raise
    logger.info("Store %s opened and migrated", redact_url(url))
    return engine


@st.cache_resource(show_spinner=False)
def years_for(url: str) -> YearRepository:
    """The saved years and session-year links of the database at ``url`` (one per process)."""
    return YearRepository(engine_for(url))


def years_repository() -> YearRepository:
    """The saved years and session-year links of the configured database (raises when unreachable)."""
    return years_for(database_url())


#: ``1`` shows the "niet blijvend" banner whatever the database (a host without a lasting disk), ``0`` never.
ENV_EPHEMERAL = "KETENDIALOOG_OPSLAG_TIJDELIJK"
#: Streamlit Community Cloud checks a repository out under this folder.
CLOUD_ROOT = "/mount/src/"


def on_streamlit_cloud(project_dir: str | None = None) -> bool:
    """True on Streamlit Community Cloud, which runs the app from a checkout under ``/mount/src/``."""
    return (project_dir or str(PROJECT_DIR)).startswith(CLOUD_ROOT)


def lasting(
    url: str | None = None, env: Mapping[str, str] | None = None, project_dir: str | None = None
) -> bool:
    """False when werksessies and saved years will not survive a restart.

    That is Community Cloud (or ``KETENDIALOOG_OPSLAG_TIJDELIJK=1``) with the default or another
    SQLite file: the container's disk goes with every restart. A PostgreSQL URL is lasting.
    """
    env = os.environ if env is None else env
    forced = (env.get(ENV_EPHEMERAL) or "").strip()
    if forced == "0":
        return True
    url = url or database_url()
    ephemeral_host = forced == "1" or on_streamlit_cloud(project_dir)
    return not (ephemeral_host and is_sqlite(url))
