"""Mentors' comments on one box of one canvas version, seen by the startup's founders and its mentors only."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.canvas.template import canvas_template
from incubator.canvas.versions import get_canvas_version
from incubator.core.errors import NotFound, PermissionDenied, ValidationFailed
from incubator.core.fields import clean_text
from incubator.core.i18n import _, language
from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.db.models import CanvasComment, CanvasVersion, Startup, utc_now
from incubator.mail.notices import notify
from incubator.startups.permissions import is_founder_of, is_mentor_of
from incubator.startups.profiles import get_startup

COMMENT_LIMIT = 2000


def _require_in_conversation(session: Session, actor: Actor, startup: Startup) -> None:
    if not (is_founder_of(session, actor, startup) or is_mentor_of(session, actor, startup)):
        raise PermissionDenied(_("Only the startup's founders and its mentors see comments on its canvas."))


def add_canvas_comment(
    session: Session, actor: Actor, slug: str, version_number: int, field: str, body: str
) -> CanvasComment:
    """Comment on one box of one version; mentors assigned to the startup only."""
    startup = get_startup(session, actor, slug)
    if not is_mentor_of(session, actor, startup):
        raise PermissionDenied(_("Only the startup's mentors can comment on its canvas."))
    if field not in CANVAS_FIELDS:
        raise ValidationFailed(_("“{value}” is not a box of the canvas.").format(value=field), field="box")
    version = get_canvas_version(session, actor, slug, version_number)
    text = clean_text(body, "comment", _("Comment"), limit=COMMENT_LIMIT, required=True, multiline=True)
    comment = CanvasComment(version_id=version.id, box=field, body=text, author_id=actor.id)
    session.add(comment)
    session.flush()
    record_change(session, actor, "comment", "canvas", slug, version=version_number, box=field)
    for founder in startup.founders:
        with language(founder.language):  # the notice is worded for its reader
            summary = _("{mentor} commented on “{box}” in the canvas of {startup}.").format(
                mentor=actor.name, box=box_title(field), startup=startup.name
            )
        notify(session, founder, "comment", summary, "canvas")
    return comment


def list_canvas_comments(session: Session, actor: Actor, slug: str, version_number: int) -> list[CanvasComment]:
    """Return the comments on one version, oldest first; founders and mentors of the startup only."""
    startup = get_startup(session, actor, slug)
    _require_in_conversation(session, actor, startup)
    query = (
        select(CanvasComment)
        .join(CanvasVersion)
        .where(CanvasVersion.startup_id == startup.id, CanvasVersion.number == version_number)
        .options(selectinload(CanvasComment.author))
        .order_by(CanvasComment.id)
    )
    return list(session.scalars(query))


def list_all_canvas_comments(session: Session, actor: Actor, slug: str) -> list[tuple[int, CanvasComment]]:
    """Return every comment on every version as (version number, comment), newest first."""
    startup = get_startup(session, actor, slug)
    _require_in_conversation(session, actor, startup)
    rows = session.execute(
        select(CanvasVersion.number, CanvasComment)
        .join(CanvasComment, CanvasComment.version_id == CanvasVersion.id)
        .where(CanvasVersion.startup_id == startup.id)
        .options(selectinload(CanvasComment.author))
        .order_by(CanvasComment.id.desc())
    )
    return [(number, comment) for number, comment in rows]


def count_open_comments(session: Session, actor: Actor, slug: str) -> dict[int, int]:
    """Return, per version number, how many comments are not resolved yet."""
    startup = get_startup(session, actor, slug)
    _require_in_conversation(session, actor, startup)
    rows = session.execute(
        select(CanvasVersion.number, CanvasComment.id)
        .join(CanvasComment, CanvasComment.version_id == CanvasVersion.id)
        .where(CanvasVersion.startup_id == startup.id, CanvasComment.resolved_at.is_(None))
    )
    counts: dict[int, int] = {}
    for number, _comment_id in rows:
        counts[number] = counts.get(number, 0) + 1
    return counts


def resolve_canvas_comment(session: Session, actor: Actor, slug: str, comment_id: int) -> None:
    """Mark a comment resolved; founders of the startup only."""
    startup = get_startup(session, actor, slug)
    if not is_founder_of(session, actor, startup):
        raise PermissionDenied(_("Only the startup's founders can mark comments resolved."))
    comment = session.scalar(
        select(CanvasComment)
        .join(CanvasVersion)
        .where(CanvasComment.id == comment_id, CanvasVersion.startup_id == startup.id)
    )
    if comment is None:
        raise NotFound(_("This comment does not exist."))
    if comment.resolved_at is None:
        comment.resolved_at = utc_now()
        comment.resolved_by_id = actor.id
        record_change(session, actor, "resolve_comment", "canvas", slug, comment=comment_id)


def box_title(field: str) -> str:
    """Return the display title of a canvas field."""
    return canvas_template().field_title(field)
