"""Alembic environment: uses the connection handed in by storage.database.migrate, or the env URL."""

from alembic import context

import storage.deck  # noqa: F401  (puts the decks table on Base.metadata)
from storage.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run the migrations on the given connection (or one made from KETENDIALOOG_DATABASE_URL)."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    from storage.database import make_engine, resolve_url

    engine = make_engine(resolve_url())
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline migrations are not supported; run against a database.")
run_migrations_online()
