"""emails are unique whatever their case: a unique index on lower(email)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 01:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Accounts were always stored lower-cased and trimmed by the app; make sure before the index needs it.
    op.execute("UPDATE users SET email = lower(trim(email)) WHERE email <> lower(trim(email))")
    op.create_index("uq_users_email_folded", "users", [sa.text("lower(email)")], unique=True)


def downgrade() -> None:
    op.drop_index("uq_users_email_folded", table_name="users")
