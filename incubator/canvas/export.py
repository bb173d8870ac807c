"""Gather what the canvas PDF shows, for someone who may see the canvas."""

from __future__ import annotations

from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.canvas.printout import CanvasPrint
from incubator.canvas.template import canvas_template
from incubator.canvas.versions import get_canvas_version, latest_canvas
from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.db.settings import incubator_name
from incubator.startups.profiles import get_startup


def canvas_print(session: Session, actor: Actor, slug: str, number: int | None = None) -> CanvasPrint:
    """Return the data of a canvas PDF: the newest version, or version `number`; blank before the first save."""
    startup = get_startup(session, actor, slug)
    version = get_canvas_version(session, actor, slug, number) if number else latest_canvas(session, actor, slug)
    if version is None:
        return CanvasPrint(startup.name, 0, None, dict.fromkeys(CANVAS_FIELDS, ""), canvas_template(),
                           incubator_name(session))  # fmt: skip
    return CanvasPrint(startup.name, version.number, version.created_at, version.boxes(), canvas_template(),
                       incubator_name(session))  # fmt: skip


def canvas_file_name(slug: str, version: int) -> str:
    """Return the download name of a canvas PDF."""
    return f"{slug}-lean-canvas-v{version}.pdf"
