"""Lean canvas versions: save with optimistic locking, history, compare, restore.

Every save is a new, never-changed version. Two founders editing at once: a save carries
the version number its form was built from, and is stored only if that is still the newest
(`UPDATE startups SET canvas_version = seen + 1 WHERE canvas_version = seen`, then a row-count
check); otherwise it raises StaleEdit with the newer version, so nothing is overwritten silently.
SQLAlchemy's version counter alone cannot do this: a Streamlit save re-reads the row and so
always holds the current version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.canvas.ideas import canvas_start_from_idea, idea_of
from incubator.canvas.template import canvas_template, idea_questions
from incubator.core.errors import NotFound, NothingChanged, StaleEdit
from incubator.core.fields import LONG_TEXT_LIMIT, clean_text
from incubator.core.formatting import format_time
from incubator.core.i18n import _
from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.db.models import CanvasVersion, Startup
from incubator.db.version_claims import claim_next_version
from incubator.startups.permissions import require_edit_startup_work
from incubator.startups.profiles import get_startup

NOTE_LIMIT = 500


@dataclass(frozen=True)
class CanvasForEditing:
    """What the canvas form starts from: the newest version's fields, or a start drawn from the idea."""

    fields: dict[str, str]
    version: int
    from_idea: bool


@dataclass(frozen=True)
class CanvasSnapshot:
    """A canvas version as plain values, safe to keep after its transaction ends (for example in StaleEdit)."""

    number: int
    fields: dict[str, str]
    author: str
    created_at: dt.datetime
    note: str

    @classmethod
    def of(cls, version: CanvasVersion) -> CanvasSnapshot:
        """Copy a stored version."""
        author = version.created_by.display_name if version.created_by else ""
        return cls(version.number, version.boxes(), author, version.created_at, version.note)


def _version(session: Session, startup_id: int, number: int) -> CanvasVersion | None:
    return session.scalar(
        select(CanvasVersion)
        .where(CanvasVersion.startup_id == startup_id, CanvasVersion.number == number)
        .options(selectinload(CanvasVersion.created_by))
    )


def latest_canvas(session: Session, actor: Actor, slug: str) -> CanvasVersion | None:
    """Return the newest canvas version of a startup the actor may see, or None."""
    return latest_canvas_of(session, get_startup(session, actor, slug))


def latest_canvas_of(session: Session, startup: Startup) -> CanvasVersion | None:
    """Return the newest canvas version of an already authorised startup, or None."""
    return _version(session, startup.id, startup.canvas_version) if startup.canvas_version else None


def canvas_for_editing(session: Session, actor: Actor, slug: str) -> CanvasForEditing:
    """Return the fields a canvas form starts with, and the version they come from (0: none yet)."""
    return canvas_for_editing_of(session, get_startup(session, actor, slug))


def canvas_for_editing_of(session: Session, startup: Startup) -> CanvasForEditing:
    """Return the fields an already authorised startup's canvas form starts with, and their version (0: none yet)."""
    latest = latest_canvas_of(session, startup)
    if latest is not None:
        return CanvasForEditing(latest.boxes(), latest.number, from_idea=False)
    start = canvas_start_from_idea(idea_of(session, startup), idea_questions())
    return CanvasForEditing(start, 0, from_idea=any(start.values()))


def get_canvas_version(session: Session, actor: Actor, slug: str, number: int) -> CanvasVersion:
    """Return one version of a startup's canvas."""
    startup = get_startup(session, actor, slug)
    version = _version(session, startup.id, number)
    if version is None:
        raise NotFound(_("Version {number} of this canvas does not exist.").format(number=number))
    return version


def list_canvas_versions(session: Session, actor: Actor, slug: str) -> list[CanvasVersion]:
    """Return every version of a startup's canvas, newest first."""
    return canvas_versions_of(session, get_startup(session, actor, slug))


def canvas_versions_of(session: Session, startup: Startup) -> list[CanvasVersion]:
    """Return every version of an already authorised startup's canvas, newest first."""
    query = (
        select(CanvasVersion)
        .where(CanvasVersion.startup_id == startup.id)
        .options(selectinload(CanvasVersion.created_by))
        .order_by(CanvasVersion.number.desc())
    )
    return list(session.scalars(query))


def _clean_boxes(fields: Mapping[str, str]) -> dict[str, str]:
    template = canvas_template()
    return {
        field: clean_text(
            fields.get(field, "") or "", field, template.field_title(field), limit=LONG_TEXT_LIMIT, multiline=True
        )
        for field in CANVAS_FIELDS
    }


def _stale_message(current: CanvasSnapshot | None) -> str:
    if current is None:
        return _("Someone changed this canvas while you were editing. Reload it to see the newest version.")
    who = current.author or _("someone")
    return _(
        "{name} saved version {number} at {time} while you were editing. Your text is still in the form: "
        "compare it with theirs below, merge what you want to keep, and save again."
    ).format(name=who, number=current.number, time=format_time(current.created_at))


def save_canvas(
    session: Session, actor: Actor, slug: str, fields: Mapping[str, str], seen_version: int, note: str = ""
) -> CanvasVersion:
    """Store the canvas as a new version, if `seen_version` is still the newest; founders only.

    Raises ValidationFailed (a box over 5,000 characters), NothingChanged (same text as the newest
    version and no note) or StaleEdit (someone saved since; `current` is their version).
    """
    startup = get_startup(session, actor, slug)
    require_edit_startup_work(session, actor, startup)
    boxes = _clean_boxes(fields)
    clean_note = clean_text(note, "note", _("Note"), limit=NOTE_LIMIT)
    newest = _version(session, startup.id, startup.canvas_version) if startup.canvas_version else None
    if newest is not None and newest.number == seen_version and newest.boxes() == boxes and not clean_note:
        raise NothingChanged(_("Nothing has changed since version {number}.").format(number=newest.number))
    version = store_canvas_version(session, startup, boxes, seen_version, clean_note, actor.id)
    record_change(session, actor, "save", "canvas", slug, version=version.number)
    return version


def store_canvas_version(
    session: Session, startup: Startup, boxes: dict[str, str], seen_version: int, note: str, author_id: int | None
) -> CanvasVersion:
    """Store checked text as version `seen_version + 1`, or raise StaleEdit if that is not the next number."""
    if not claim_next_version(session, startup, "canvas_version", seen_version):
        newest_number = session.scalar(select(Startup.canvas_version).where(Startup.id == startup.id)) or 0
        stored = _version(session, startup.id, newest_number)
        current = CanvasSnapshot.of(stored) if stored else None
        raise StaleEdit(_stale_message(current), current=current)
    version = CanvasVersion(startup_id=startup.id, number=seen_version + 1, note=note, created_by_id=author_id, **boxes)
    session.add(version)
    session.flush()
    return version


def restore_canvas_version(session: Session, actor: Actor, slug: str, number: int, seen_version: int) -> CanvasVersion:
    """Save an old version's text as a new version; founders only (same errors as `save_canvas`)."""
    old = get_canvas_version(session, actor, slug, number)
    note = _("Restored version {number}").format(number=number)
    return save_canvas(session, actor, slug, old.boxes(), seen_version, note=note)
