"""Who may see or change what: the checks every service runs before it does its job."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.core.errors import PermissionDenied
from incubator.core.i18n import _
from incubator.core.vocabulary import Role
from incubator.db.models import FounderMembership, MentorAssignment, Startup


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


@dataclass(frozen=True)
class StartupAccess:
    """A startup that `actor` was checked to see, and what else they may do with it: decided once, here.

    Services that take this handle trust it and do not fetch or check the startup again.
    """

    actor: Actor
    startup: Startup
    is_founder: bool
    is_mentor: bool

    @property
    def may_see(self) -> bool:
        """Coordinators see every startup, founders their own, mentors those assigned to them."""
        return self.actor.is_coordinator or self.is_founder or self.is_mentor

    @property
    def may_edit_work(self) -> bool:
        """Only the startup's own founders write its idea, canvas, deck, milestones, metrics and ask."""
        return self.is_founder

    @property
    def may_edit_profile(self) -> bool:
        """Coordinators and the startup's own founders may change its profile; mentors only advise."""
        return self.actor.is_coordinator or self.is_founder

    @property
    def may_advise(self) -> bool:
        """The startup's mentors comment on its canvas and log mentoring sessions."""
        return self.is_mentor

    @property
    def reads_feedback(self) -> bool:
        """The founders and mentors of the startup read mentors' comments on it."""
        return self.is_founder or self.is_mentor

    def require_edit_work(self) -> None:
        """Raise PermissionDenied unless the actor is a founder of the startup."""
        if not self.may_edit_work:
            raise PermissionDenied(_("Only the startup's founders can change this."))


def access_to(session: Session, actor: Actor, startup: Startup) -> StartupAccess:
    """Work out once what `actor` may do with `startup` (not checking that they may see it)."""
    return StartupAccess(actor, startup, is_founder_of(session, actor, startup), is_mentor_of(session, actor, startup))
