"""Werksessie tables.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the werksessie tables."""
    op.create_table(
        "werksessies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(12), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("districts", sa.String(500), nullable=False),
        sa.Column("figures", sa.String(500), nullable=False),
        sa.Column("key_salt", sa.String(64), nullable=False),
        sa.Column("key_hash", sa.String(128), nullable=False),
        sa.Column("current_round", sa.Integer, nullable=False),
        sa.Column("closed", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_table(
        "schattingen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id", sa.Integer, sa.ForeignKey("werksessies.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("figure", sa.String(40), nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("org_type", sa.String(40), nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.UniqueConstraint("session_id", "figure", "round", "client", name="uq_schatting_per_client"),
    )
    op.create_index("ix_schattingen_session_id", "schattingen", ["session_id"])
    op.create_table(
        "notities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id", sa.Integer, sa.ForeignKey("werksessies.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("figure", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("org_type", sa.String(40), nullable=False),
        sa.Column("owner_org", sa.String(40), nullable=True),
        sa.Column("deadline", sa.Date, nullable=True),
        sa.Column("hidden", sa.Boolean, nullable=False),
        sa.Column(
            "merged_into", sa.Integer, sa.ForeignKey("notities.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_index("ix_notities_session_id", "notities", ["session_id"])
    op.create_table(
        "steun",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("note_id", sa.Integer, sa.ForeignKey("notities.id", ondelete="CASCADE"), nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        sa.UniqueConstraint("note_id", "client", name="uq_steun_per_client"),
    )
    op.create_index("ix_steun_note_id", "steun", ["note_id"])
    op.create_table(
        "onthullingen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id", sa.Integer, sa.ForeignKey("werksessies.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("figure", sa.String(40), nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.UniqueConstraint("session_id", "figure", "round", name="uq_onthulling"),
    )
    op.create_index("ix_onthullingen_session_id", "onthullingen", ["session_id"])


def downgrade() -> None:
    """Drop the werksessie tables."""
    for table in ("onthullingen", "steun", "notities", "schattingen", "werksessies"):
        op.drop_table(table)
