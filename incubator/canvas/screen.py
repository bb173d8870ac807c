"""What the canvas and idea pages show, each in one read: the text, the versions, and what the reader may do."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.canvas.ideas import idea_of
from incubator.canvas.versions import CanvasForEditing, CanvasSnapshot, canvas_for_editing_of, canvas_versions_of
from incubator.startups.profiles import open_startup


@dataclass(frozen=True)
class CanvasScreen:
    """The canvas page's data: versions newest first, the text a form starts from, and the reader's rights."""

    versions: list[CanvasSnapshot]
    editing: CanvasForEditing
    may_edit: bool
    may_comment: bool
    reads_comments: bool


@dataclass(frozen=True)
class IdeaScreen:
    """The idea page's data: the saved answers and whether the reader may change them."""

    answers: dict[str, str]
    may_edit: bool


def canvas_screen(session: Session, actor: Actor, slug: str) -> CanvasScreen:
    """Return what the canvas page shows for a startup the actor may see (checked once)."""
    access = open_startup(session, actor, slug)
    versions = [CanvasSnapshot.of(version) for version in canvas_versions_of(session, access.startup)]
    return CanvasScreen(
        versions=versions,
        editing=canvas_for_editing_of(session, access.startup),
        may_edit=access.may_edit_work,
        may_comment=access.may_advise,
        reads_comments=access.reads_feedback,
    )


def idea_screen(session: Session, actor: Actor, slug: str) -> IdeaScreen:
    """Return what the idea page shows for a startup the actor may see (checked once)."""
    access = open_startup(session, actor, slug)
    return IdeaScreen(idea_of(session, access.startup), access.may_edit_work)
