"""idea, canvas versions and comments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 11:13:26.676168
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "canvas_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("existing_alternatives", sa.Text(), nullable=False),
        sa.Column("customer_segments", sa.Text(), nullable=False),
        sa.Column("early_adopters", sa.Text(), nullable=False),
        sa.Column("unique_value_proposition", sa.Text(), nullable=False),
        sa.Column("high_level_concept", sa.Text(), nullable=False),
        sa.Column("solution", sa.Text(), nullable=False),
        sa.Column("channels", sa.Text(), nullable=False),
        sa.Column("revenue_streams", sa.Text(), nullable=False),
        sa.Column("cost_structure", sa.Text(), nullable=False),
        sa.Column("key_metrics", sa.Text(), nullable=False),
        sa.Column("unfair_advantage", sa.Text(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_canvas_versions_created_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["startup_id"], ["startups.id"], name=op.f("fk_canvas_versions_startup_id_startups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canvas_versions")),
        sa.UniqueConstraint("startup_id", "number", name=op.f("uq_canvas_versions_startup_id")),
    )
    with op.batch_alter_table("canvas_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_canvas_versions_startup_id"), ["startup_id"], unique=False)

    op.create_table(
        "ideas",
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("target_customer", sa.Text(), nullable=False),
        sa.Column("solution_hypothesis", sa.Text(), nullable=False),
        sa.Column("why_now", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["startup_id"], ["startups.id"], name=op.f("fk_ideas_startup_id_startups"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_ideas_updated_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("startup_id", name=op.f("pk_ideas")),
    )
    op.create_table(
        "canvas_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("box", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_canvas_comments_author_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"], ["users.id"], name=op.f("fk_canvas_comments_resolved_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["canvas_versions.id"],
            name=op.f("fk_canvas_comments_version_id_canvas_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_canvas_comments")),
    )
    with op.batch_alter_table("canvas_comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_canvas_comments_version_id"), ["version_id"], unique=False)

    with op.batch_alter_table("startups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("canvas_version", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("startups", schema=None) as batch_op:
        batch_op.drop_column("canvas_version")

    with op.batch_alter_table("canvas_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_canvas_comments_version_id"))

    op.drop_table("canvas_comments")
    op.drop_table("ideas")
    with op.batch_alter_table("canvas_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_canvas_versions_startup_id"))

    op.drop_table("canvas_versions")
