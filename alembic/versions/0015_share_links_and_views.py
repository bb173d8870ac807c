"""share links and views: a link per investor to a deck, a one-pager or a booklet, and the time on each slide

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 20:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "share_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("startup_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("made_by_id", sa.Integer(), nullable=True),
        sa.Column("viewer_name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("opens", sa.String(length=12), nullable=False),
        sa.Column("allow_download", sa.Boolean(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("passcode_hash", sa.String(length=255), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("(startup_id IS NULL) <> (event_id IS NULL)", name=op.f("ck_share_links_one_subject")),
        sa.ForeignKeyConstraint(["event_id"], ["pitch_events.id"], name=op.f("fk_share_links_event_id_pitch_events"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["made_by_id"], ["users.id"], name=op.f("fk_share_links_made_by_id_users"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["startup_id"], ["startups.id"], name=op.f("fk_share_links_startup_id_startups"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_share_links_token_hash")),
    )  # fmt: skip
    with op.batch_alter_table("share_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_share_links_startup_id"), ["startup_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_share_links_event_id"), ["event_id"], unique=False)
    op.create_table(
        "share_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("view_key_hash", sa.String(length=64), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("current_slide", sa.Integer(), nullable=False),
        sa.Column("shown_since", sa.DateTime(), nullable=True),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("downloaded", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["link_id"], ["share_links.id"], name=op.f("fk_share_views_link_id_share_links"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_views")),
        sa.UniqueConstraint("view_key_hash", name=op.f("uq_share_views_view_key_hash")),
    )  # fmt: skip
    with op.batch_alter_table("share_views", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_share_views_link_id"), ["link_id"], unique=False)
    op.create_table(
        "share_slide_times",
        sa.Column("view_id", sa.Integer(), nullable=False),
        sa.Column("slide", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["view_id"], ["share_views.id"], name=op.f("fk_share_slide_times_view_id_share_views"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("view_id", "slide", name=op.f("pk_share_slide_times")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("share_slide_times")
    with op.batch_alter_table("share_views", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_share_views_link_id"))
    op.drop_table("share_views")
    with op.batch_alter_table("share_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_share_links_event_id"))
        batch_op.drop_index(batch_op.f("ix_share_links_startup_id"))
    op.drop_table("share_links")
