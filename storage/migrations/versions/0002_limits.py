"""Limits kept by the database: activity and closing times for expiry, attempts per client, a salt.

- ``werksessies.last_activity_at``: the last write to the session (idle sessions expire);
- ``werksessies.closed_at``: when the facilitator closed it (closed sessions are kept for a while);
- ``werksessies.created_from``: the hashed network address of the creator (live sessions per network);
- ``pogingen``: one row per limited action or failed guess of a hashed client (rate limits, delays);
- ``bezoekers``: one row per hashed client, locked while its limits are checked (atomic caps);
- ``instellingen``: the random salt with which client addresses and cookies are hashed.

Revision ID: 0002
Revises: 0001
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the expiry columns and the tables for attempts, clients and settings."""
    with op.batch_alter_table("werksessies") as batch:
        batch.add_column(sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("created_from", sa.String(64), nullable=True))
    werksessies = sa.table(
        "werksessies",
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("last_activity_at", sa.DateTime(timezone=True)),
        sa.column("closed", sa.Boolean),
        sa.column("closed_at", sa.DateTime(timezone=True)),
    )
    op.execute(werksessies.update().values(last_activity_at=werksessies.c.created_at))
    # Sessions closed before this revision start their retention period now.
    op.execute(werksessies.update().where(werksessies.c.closed.is_(True)).values(closed_at=sa.func.now()))
    op.create_index("ix_werksessies_last_activity_at", "werksessies", ["last_activity_at"])
    op.create_index("ix_werksessies_created_from", "werksessies", ["created_from"])

    op.create_table(
        "pogingen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("subject", sa.String(64), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_pogingen_client_kind_at", "pogingen", ["client", "kind", "at"])
    op.create_index("ix_pogingen_at", "pogingen", ["at"])

    op.create_table(
        "bezoekers",
        sa.Column("client", sa.String(64), primary_key=True),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    )

    settings = op.create_table(
        "instellingen",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.bulk_insert(settings, [{"name": "client_salt", "value": secrets.token_hex(32)}])


def downgrade() -> None:
    """Drop the tables and columns of this revision."""
    for table in ("instellingen", "bezoekers", "pogingen"):
        op.drop_table(table)
    op.drop_index("ix_werksessies_created_from", table_name="werksessies")
    op.drop_index("ix_werksessies_last_activity_at", table_name="werksessies")
    with op.batch_alter_table("werksessies") as batch:
        batch.drop_column("created_from")
        batch.drop_column("closed_at")
        batch.drop_column("last_activity_at")
