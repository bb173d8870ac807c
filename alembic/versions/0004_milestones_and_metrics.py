"""milestones and metrics

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 11:59:01.263040
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "metrics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("may_be_negative", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["startup_id"], ["startups.id"], name=op.f("fk_metrics_startup_id_startups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metrics")),
        sa.UniqueConstraint("startup_id", "name", name=op.f("uq_metrics_startup_id")),
    )
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_metrics_startup_id"), ["startup_id"], unique=False)

    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "in_progress",
                "done",
                "blocked",
                "dropped",
                name="milestone_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("plan_step", sa.String(length=100), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["startup_id"], ["startups.id"], name=op.f("fk_milestones_startup_id_startups"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestones")),
    )
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestones_startup_id"), ["startup_id"], unique=False)

    op.create_table(
        "metric_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("metric_id", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["metric_id"], ["metrics.id"], name=op.f("fk_metric_values_metric_id_metrics"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_values")),
        sa.UniqueConstraint("metric_id", "on_date", name=op.f("uq_metric_values_metric_id")),
    )
    with op.batch_alter_table("metric_values", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_metric_values_metric_id"), ["metric_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("metric_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metric_values_metric_id"))

    op.drop_table("metric_values")
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestones_startup_id"))

    op.drop_table("milestones")
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metrics_startup_id"))

    op.drop_table("metrics")
