"""pitch decks

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 12:31:28.433129
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deck_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("outline", sa.String(length=200), nullable=False),
        sa.Column("slides_json", sa.Text(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_deck_versions_created_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["startup_id"], ["startups.id"], name=op.f("fk_deck_versions_startup_id_startups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deck_versions")),
        sa.UniqueConstraint("startup_id", "number", name=op.f("uq_deck_versions_startup_id")),
    )
    with op.batch_alter_table("deck_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deck_versions_startup_id"), ["startup_id"], unique=False)

    with op.batch_alter_table("startups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deck_version", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("startups", schema=None) as batch_op:
        batch_op.drop_column("deck_version")

    with op.batch_alter_table("deck_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deck_versions_startup_id"))

    op.drop_table("deck_versions")
