"""scores: two covering indexes, so the leaderboard adds up an event's scores without reading the table

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 07:20:00
"""

from __future__ import annotations

from alembic import op


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Per judge and startup (the raw scores) and per startup and criterion (the chart), in index order.
    op.create_index("ix_scores_by_judge", "scores", ["event_id", "startup_id", "judge_id", "criterion", "value"])
    op.create_index("ix_scores_by_criterion", "scores", ["event_id", "startup_id", "criterion", "value"])


def downgrade() -> None:
    op.drop_index("ix_scores_by_criterion", table_name="scores")
    op.drop_index("ix_scores_by_judge", table_name="scores")
