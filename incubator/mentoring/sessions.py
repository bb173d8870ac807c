"""Mentoring sessions: a mentor's notes and action items, seen by the startup's founders, who tick the items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.core.errors import PermissionDenied
from incubator.core.fields import LONG_TEXT_LIMIT, clean_text
from incubator.core.i18n import _, language, ngettext
from incubator.db.models import ActionItem, MentoringSession, Startup
from incubator.mail.notices import notify
from incubator.startups.permissions import access_to
from incubator.startups.profiles import get_startup, list_visible_startups, open_startup


@dataclass(frozen=True)
class ActionItemDraft:
    """An action item as typed in the session form."""

    text: str
    owner: str = ""
    due: dt.date | None = None


def log_session(
    session: Session, actor: Actor, slug: str, held_on: dt.date, notes: str, items: list[ActionItemDraft]
) -> MentoringSession:
    """Log a mentoring session with its action items; mentors assigned to the startup only."""
    access = open_startup(session, actor, slug)
    startup = access.startup
    if not access.may_advise:
        raise PermissionDenied(_("Only the startup's mentors log sessions with it."))
    logged = MentoringSession(
        startup_id=startup.id,
        mentor_id=actor.id,
        held_on=held_on,
        notes=clean_text(notes, "notes", _("Notes"), limit=LONG_TEXT_LIMIT, required=True, multiline=True),
        action_items=[
            ActionItem(
                text=clean_text(item.text, "action_items", _("Action item"), required=True),
                owner=clean_text(item.owner, "owner", _("Owner")),
                due=item.due,
            )
            for item in items
            if item.text.strip()
        ],
    )
    session.add(logged)
    session.flush()
    record_change(session, actor, "log_session", "startup", slug, held_on=held_on.isoformat())
    if logged.action_items:
        for founder in startup.founders:
            with language(founder.language):  # the notice is worded for its reader
                summary = ngettext(
                    "{mentor} logged a session with {startup} and {count} action item for the team.",
                    "{mentor} logged a session with {startup} and {count} action items for the team.",
                    len(logged.action_items),
                ).format(mentor=actor.name, startup=startup.name, count=len(logged.action_items))
            notify(session, founder, "session", summary, "mentoring")
    return logged


@dataclass(frozen=True)
class MentoringScreen:
    """The mentoring page's data: the sessions newest first, and what the reader may do."""

    sessions: list[MentoringSession]
    may_log: bool
    may_tick: bool


def mentoring_screen(session: Session, actor: Actor, slug: str) -> MentoringScreen:
    """Return what the mentoring page shows for a startup the actor may see (checked once)."""
    access = open_startup(session, actor, slug)
    return MentoringScreen(_sessions_of(session, access.startup), access.may_advise, access.reads_feedback)


def list_sessions(session: Session, actor: Actor, slug: str) -> list[MentoringSession]:
    """Return a startup's sessions, newest first; for its founders, its mentors and coordinators."""
    return _sessions_of(session, get_startup(session, actor, slug))


def _sessions_of(session: Session, startup: Startup) -> list[MentoringSession]:
    query = (
        select(MentoringSession)
        .where(MentoringSession.startup_id == startup.id)
        .options(selectinload(MentoringSession.action_items), selectinload(MentoringSession.mentor))
        .order_by(MentoringSession.held_on.desc(), MentoringSession.id.desc())
    )
    return list(session.scalars(query))


def set_action_item_done(session: Session, actor: Actor, item_id: int, done: bool) -> None:
    """Tick or untick an action item; the startup's founders and mentors only."""
    # One answer for "no such item" and "not yours", so nobody can probe which ids exist.
    refused = PermissionDenied(_("Only the startup's founders and mentors tick its action items."))
    item = session.get(ActionItem, item_id)
    if item is None:
        raise refused
    startup = session.get(Startup, item.mentoring_session.startup_id)
    if startup is None or not access_to(session, actor, startup).reads_feedback:
        raise refused
    item.done = done
    record_change(session, actor, "tick" if done else "untick", "action_item", str(item_id))


def latest_session_dates(session: Session, actor: Actor) -> dict[str, dt.date]:
    """Return, for each startup the actor may see, the date of its latest mentoring session (one query)."""

    visible = {startup.id: startup.slug for startup in list_visible_startups(session, actor)}
    rows = session.execute(
        select(MentoringSession.startup_id, func.max(MentoringSession.held_on))
        .where(MentoringSession.startup_id.in_(visible))
        .group_by(MentoringSession.startup_id)
    )
    return {visible[startup_id]: held_on for startup_id, held_on in rows}
