"""Startup teams: which founders build a startup and which mentors follow it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.accounts.users import find_user_by_email
from incubator.core.errors import ValidationFailed
from incubator.core.fields import clean_email
from incubator.core.i18n import _
from incubator.core.labels import role_label
from incubator.core.vocabulary import Role
from incubator.db.models import User
from incubator.startups.profiles import get_startup

# What each kind of member is called in the audit log, joining and leaving.
_AUDIT_ACTIONS = {Role.FOUNDER: ("add_founder", "remove_founder"), Role.MENTOR: ("assign_mentor", "unassign_mentor")}


def set_team_member(session: Session, actor: Actor, slug: str, email: str, role: Role, *, member: bool) -> None:
    """Put the founder or mentor with `email` on a startup's team (`member`) or take them off; coordinators only."""
    require_coordinator(actor)
    startup = get_startup(session, actor, slug)
    person = _person(session, email, role)
    team = startup.founders if role is Role.FOUNDER else startup.mentors
    if (person in team) == member:
        return
    if member:
        team.append(person)
    else:
        team.remove(person)
    joined, left = _AUDIT_ACTIONS[role]
    record_change(session, actor, joined if member else left, "startup", slug, **{role.value: person.email})


def add_founder(session: Session, actor: Actor, slug: str, founder_email: str) -> None:
    """Put a founder account on a startup's team; coordinators only."""
    set_team_member(session, actor, slug, founder_email, Role.FOUNDER, member=True)


def remove_founder(session: Session, actor: Actor, slug: str, founder_email: str) -> None:
    """Take a founder off a startup's team; coordinators only."""
    set_team_member(session, actor, slug, founder_email, Role.FOUNDER, member=False)


def assign_mentor(session: Session, actor: Actor, slug: str, mentor_email: str) -> None:
    """Assign a mentor to a startup; coordinators only."""
    set_team_member(session, actor, slug, mentor_email, Role.MENTOR, member=True)


def unassign_mentor(session: Session, actor: Actor, slug: str, mentor_email: str) -> None:
    """Stop a mentor following a startup; coordinators only."""
    set_team_member(session, actor, slug, mentor_email, Role.MENTOR, member=False)


def _person(session: Session, email: str, role: Role) -> User:
    user = find_user_by_email(session, clean_email(email))
    if user is None:
        raise ValidationFailed(_("No account uses the email {email}.").format(email=email), field="email")
    if user.role is not role:
        raise ValidationFailed(
            _("{name} is not a {role}.").format(name=user.display_name, role=role_label(role)), field="email"
        )
    return user
