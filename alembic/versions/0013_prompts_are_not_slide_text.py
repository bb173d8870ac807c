"""prompts are not slide text: a stored slide whose text is an outline's prompt (any language) is left to write

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 15:00:00

Decks drafted before prompts became placeholders hold the guidance itself as a slide's text, and
exported it. Every saved version is cleaned: such a slide's text (and its drafted text) becomes
empty, so the editor shows the prompt greyed and the path counts the slide as still to write.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from incubator.deck.outlines import prompts_in_every_language

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    prompts = prompts_in_every_language()
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, slides_json FROM deck_versions")).all()
    for version_id, slides_json in rows:
        slides = json.loads(slides_json or "[]")
        changed = False
        for slide in slides:
            for part in ("body", "drafted_body"):
                if str(slide.get(part, "")).strip() in prompts:
                    slide[part] = ""
                    changed = True
        if changed:
            connection.execute(
                sa.text("UPDATE deck_versions SET slides_json = :slides WHERE id = :id"),
                {"slides": json.dumps(slides, ensure_ascii=False), "id": version_id},
            )


def downgrade() -> None:
    """Nothing to undo: the prompts were never the founders' words."""
