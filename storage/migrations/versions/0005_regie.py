"""The facilitator's console drives the big screen: current question, countdown, closed rounds, participants.

- ``werksessies.current_figure``: the figure the big screen and the phones show now (None: the first);
- ``werksessies.timer_ends_at`` / ``timer_seconds``: a countdown the console started (None: no timer);
- ``rondes_dicht``: a round of one figure in which the facilitator stopped accepting estimates;
- ``deelnemers``: one row per hashed browser that opened the participant view of a session
  (the big screen counts them); nothing else about the participant is stored.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the console's columns and the closed-rounds and participants tables."""
    with op.batch_alter_table("werksessies") as batch:
        batch.add_column(sa.Column("current_figure", sa.String(40), nullable=True))
        batch.add_column(sa.Column("timer_ends_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("timer_seconds", sa.Integer, nullable=True))
    op.create_table(
        "rondes_dicht",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id", sa.Integer, sa.ForeignKey("werksessies.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("figure", sa.String(40), nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.UniqueConstraint("session_id", "figure", "round", name="uq_ronde_dicht"),
    )
    op.create_index("ix_rondes_dicht_session_id", "rondes_dicht", ["session_id"])
    op.create_table(
        "deelnemers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "session_id", sa.Integer, sa.ForeignKey("werksessies.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("session_id", "client", name="uq_deelnemer"),
    )
    op.create_index("ix_deelnemers_session_id", "deelnemers", ["session_id"])


def downgrade() -> None:
    """Drop the tables and columns of the console."""
    op.drop_index("ix_deelnemers_session_id", table_name="deelnemers")
    op.drop_table("deelnemers")
    op.drop_index("ix_rondes_dicht_session_id", table_name="rondes_dicht")
    op.drop_table("rondes_dicht")
    with op.batch_alter_table("werksessies") as batch:
        batch.drop_column("timer_seconds")
        batch.drop_column("timer_ends_at")
        batch.drop_column("current_figure")
