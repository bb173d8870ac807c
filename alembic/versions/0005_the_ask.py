"""the ask

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 12:16:51.864923
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "asks",
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("instrument", sa.String(length=200), nullable=False),
        sa.Column("use_of_funds", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["startup_id"], ["startups.id"], name=op.f("fk_asks_startup_id_startups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("startup_id", name=op.f("pk_asks")),
    )


def downgrade() -> None:
    op.drop_table("asks")
