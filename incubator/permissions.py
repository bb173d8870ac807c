"""Who may see or change what: the checks every service runs before it does its job."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from incubator.actors import Actor
from incubator.errors import PermissionDenied
from incubator.i18n import _
from incubator.models import FounderMembership, MentorAssignment, Role, Startup


def require_role(actor: Actor, *roles: Role) -> None:
    """Raise PermissionDenied unless `actor` has one of `roles`."""
    if actor.role not in roles:
        raise PermissionDenied(_("Your account does not give access to this."))


def require_coordinator(actor: Actor) -> None:
    """Raise PermissionDenied unless `actor` is a coordinator."""
    require_role(actor, Role.COORDINATOR)


def is_founder_of(session: Session, actor: Actor, startup: Startup) -> bool:
    """Tell whether `actor` is on the founding team of `startup`."""
    query = select(exists().where(FounderMembership.startup_id == startup.id, FounderMembership.user_id == actor.id))
    return actor.role is Role.FOUNDER and bool(session.scalar(query))


def is_mentor_of(session: Session, actor: Actor, startup: Startup) -> bool:
    """Tell whether `actor` is assigned as a mentor of `startup`."""
    query = select(exists().where(MentorAssignment.startup_id == startup.id, MentorAssignment.user_id == actor.id))
    return actor.role is Role.MENTOR and bool(session.scalar(query))


def can_view_startup(session: Session, actor: Actor, startup: Startup) -> bool:
    """Coordinators see every startup, founders their own, mentors those assigned to them."""
    return actor.is_coordinator or is_founder_of(session, actor, startup) or is_mentor_of(session, actor, startup)


def can_edit_startup_profile(session: Session, actor: Actor, startup: Startup) -> bool:
    """Coordinators and the startup's own founders may change its profile; mentors only advise."""
    return actor.is_coordinator or is_founder_of(session, actor, startup)


def can_edit_startup_work(session: Session, actor: Actor, startup: Startup) -> bool:
    """Only a startup's own founders write its idea and canvas; mentors and coordinators read them."""
    return is_founder_of(session, actor, startup)


def require_edit_startup_work(session: Session, actor: Actor, startup: Startup) -> None:
    """Raise PermissionDenied unless `actor` is a founder of `startup`."""
    if not can_edit_startup_work(session, actor, startup):
        raise PermissionDenied(_("Only the startup's founders can change this."))


def require_view_startup(session: Session, actor: Actor, startup: Startup) -> None:
    """Raise PermissionDenied unless `actor` may see `startup`."""
    if not can_view_startup(session, actor, startup):
        raise PermissionDenied(_("You do not have access to this startup."))


def require_edit_startup_profile(session: Session, actor: Actor, startup: Startup) -> None:
    """Raise PermissionDenied unless `actor` may change `startup`'s profile."""
    if not can_edit_startup_profile(session, actor, startup):
        raise PermissionDenied(_("You may not change this startup."))
