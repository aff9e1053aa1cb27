"""Storage for werksessies: SQLAlchemy 2 models, Alembic migrations and repository functions.

SQLite by default (a file under ``~/.local/share/ketendialoog``), PostgreSQL through a URL
in ``KETENDIALOOG_DATABASE_URL`` or the Streamlit secret ``database_url``.
"""

from storage.clients import Client, client_from_request
from storage.database import DEFAULT_SQLITE_PATH, ENV_URL, make_engine, migrate, resolve_url
from storage.repository import (
    LimitReachedError,
    NotAllowedError,
    NotFoundError,
    RateLimitedError,
    Store,
    StoreError,
    StoreUnavailableError,
    ThrottledError,
)
from storage.years import YearRepository  # also puts the years tables on Base.metadata

__all__ = [
    "DEFAULT_SQLITE_PATH",
    "ENV_URL",
    "Client",
    "LimitReachedError",
    "NotAllowedError",
    "NotFoundError",
    "RateLimitedError",
    "Store",
    "StoreError",
    "StoreUnavailableError",
    "ThrottledError",
    "YearRepository",
    "client_from_request",
    "make_engine",
    "migrate",
    "resolve_url",
]
