"""emails are unique whatever their case: a unique index on lower(email)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 01:40:00
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op


revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _normalised(email: str) -> str:
    # The app's one form since this revision (incubator.core.fields.normalise_email, copied so that this
    # migration keeps meaning what it meant when the app changes): NFC, trimmed, case-folded.
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", email).strip().casefold())


def upgrade() -> None:
    # Emails were stored lower-cased, which differs from case-folding for a few letters ("ß" folds to "ss"):
    # store every one in the new form, unless that would make it collide with another account's.
    connection = op.get_bind()
    taken = {email for (email,) in connection.execute(sa.text("SELECT email FROM users"))}
    for user_id, email in connection.execute(sa.text("SELECT id, email FROM users")).all():
        folded = _normalised(email)
        if folded != email and folded not in taken:
            connection.execute(sa.text("UPDATE users SET email = :email WHERE id = :id"), {"email": folded, "id": user_id})
            taken.add(folded)
    op.create_index("uq_users_email_folded", "users", [sa.text("lower(email)")], unique=True)


def downgrade() -> None:
    op.drop_index("uq_users_email_folded", table_name="users")
