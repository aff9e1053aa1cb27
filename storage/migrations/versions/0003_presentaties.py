"""Decks: where a presentation with two windows is, so the projector window can follow the presenter.

- ``presentaties``: one row per deck (code, hashed presenter key, question slug and slide number,
  when the clock started, when the current question started, when it last moved).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the decks table."""
    op.create_table(
        "presentaties",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(12), nullable=False, unique=True),
        sa.Column("key_salt", sa.String(64), nullable=False),
        sa.Column("key_hash", sa.String(128), nullable=False),
        sa.Column("slug", sa.String(60), nullable=False),
        sa.Column("slide", sa.Integer, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("question_started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_presentaties_updated_at", "presentaties", ["updated_at"])


def downgrade() -> None:
    """Drop the decks table."""
    op.drop_index("ix_presentaties_updated_at", table_name="presentaties")
    op.drop_table("presentaties")
