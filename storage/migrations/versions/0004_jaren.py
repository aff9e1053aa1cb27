"""Saved years in the database, and 7-day links to years used only for one session.

- ``jaren``: one row per version of a published year: the year, the layout text the parser
  reads, the uploaded bytes unchanged with their size and SHA-256 (and a SHA-256 of the layout
  text), the original file name, the organisation type named at upload, when it was saved, the
  version number (1, 2, ...) and the id of the version it replaces. A row is never updated: a
  correction is a new row naming the one it replaces, and the app shows the newest version.
  ``replaces_id`` is unique, so two corrections of the same version cannot both be saved.
- ``sessiejaren``: a year used only "voor mijn sessie", held under a random token until
  ``expires_at`` (7 days) so its link still works after a reload or in another browser. Never
  shown as published.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the saved-years and session-years tables."""
    op.create_table(
        "jaren",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("replaces_id", sa.Integer, sa.ForeignKey("jaren.id"), nullable=True, unique=True),
        sa.Column("layout", sa.Text, nullable=False),
        sa.Column("layout_sha256", sa.String(64), nullable=False),
        sa.Column("original", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(40), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("year", "version", name="uq_jaren_year_version"),
    )
    op.create_index("ix_jaren_year", "jaren", ["year"])
    op.create_table(
        "sessiejaren",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token", sa.String(32), nullable=False, unique=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("layout", sa.Text, nullable=False),
        sa.Column("layout_sha256", sa.String(64), nullable=False),
        sa.Column("original", sa.LargeBinary, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sessiejaren_expires_at", "sessiejaren", ["expires_at"])


def downgrade() -> None:
    """Drop the session-years and saved-years tables."""
    op.drop_index("ix_sessiejaren_expires_at", table_name="sessiejaren")
    op.drop_table("sessiejaren")
    op.drop_index("ix_jaren_year", table_name="jaren")
    op.drop_table("jaren")
