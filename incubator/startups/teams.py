"""Startup teams: which founders build a startup and which mentors follow it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.accounts.users import find_user_by_email
from incubator.core.errors import PermissionDenied, ValidationFailed
from incubator.core.fields import clean_email, clean_text
from incubator.core.i18n import _
from incubator.core.labels import role_label
from incubator.core.vocabulary import Role
from incubator.db.models import SignInSession, Startup, TeamMember, User
from incubator.startups.profiles import get_startup, open_startup

# A team slide and a one-pager have room for this many names; more is a list of staff, not a team.
MOST_NAMED_MEMBERS = 12
NAMED_MEMBER_LIMIT = 100

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


@dataclass(frozen=True)
class NamedMember:
    """A team member named by the founders, with no account: a name and what they do."""

    name: str
    role: str = ""


def named_members(session: Session, actor: Actor, slug: str) -> list[NamedMember]:
    """Return the team members without an account of a startup the actor may see, in the founders' order."""
    return named_members_of(session, get_startup(session, actor, slug))


def named_members_of(session: Session, startup: Startup) -> list[NamedMember]:
    """Return a startup's named team members, already checked by the caller."""
    rows = session.scalars(select(TeamMember).where(TeamMember.startup_id == startup.id).order_by(TeamMember.position))
    return [NamedMember(row.name, row.role) for row in rows]


def set_named_members(session: Session, actor: Actor, slug: str, members: Sequence[NamedMember]) -> list[NamedMember]:
    """Replace a startup's team members without an account; its founders and coordinators only.

    A row with neither name nor role is an empty line of the table and is dropped; anything else
    must have a name. Either every row is good and the list is replaced, or nothing changes.
    """
    access = open_startup(session, actor, slug)
    if not access.may_edit_profile:
        raise PermissionDenied(_("You may not change this startup."))
    clean = _clean_members(members)
    if clean == named_members_of(session, access.startup):
        return clean
    session.execute(delete(TeamMember).where(TeamMember.startup_id == access.startup.id))
    session.add_all(
        TeamMember(startup_id=access.startup.id, position=index, name=member.name, role=member.role)
        for index, member in enumerate(clean)
    )
    record_change(session, actor, "name_team", "startup", slug, members=len(clean))
    return clean


def _clean_members(members: Sequence[NamedMember]) -> list[NamedMember]:
    clean: list[NamedMember] = []
    for number, member in enumerate(members, start=1):
        where = _("Team member {number}").format(number=number)
        name = clean_text(member.name, "team", where + " · " + _("Name"), limit=NAMED_MEMBER_LIMIT)
        role = clean_text(member.role, "team", where + " · " + _("Role"), limit=NAMED_MEMBER_LIMIT)
        if not name and not role:
            continue
        if not name:
            raise ValidationFailed(_("{where}: the name cannot be empty.").format(where=where), field="team")
        if any(earlier.name.casefold() == name.casefold() for earlier in clean):
            raise ValidationFailed(_("{where}: {name} is named twice.").format(where=where, name=name), field="team")
        clean.append(NamedMember(name, role))
    if len(clean) > MOST_NAMED_MEMBERS:
        raise ValidationFailed(
            _("A team lists at most {limit} people without an account; this one has {count}.").format(
                limit=MOST_NAMED_MEMBERS, count=len(clean)
            ),
            field="team",
        )
    return clean


def team_names_of(session: Session, startup: Startup) -> list[str]:
    """Return who is on a startup's team, as documents name them: founders who joined, then the named members.

    A founder invited who never chose a password nor signed in is not (yet) on the team.
    """
    founders = [founder.display_name for founder in _joined(session, list(startup.founders))]
    named = [
        _("{name} ({role})").format(name=member.name, role=member.role) if member.role else member.name
        for member in named_members_of(session, startup)
    ]
    return founders + named


def _joined(session: Session, people: list[User]) -> list[User]:
    """Return who is really on the team: they chose a password or signed in (not only invited), in one query."""
    waiting = [person.id for person in people if person.password_hash is None]
    signed_in = (
        set(session.scalars(select(SignInSession.user_id).where(SignInSession.user_id.in_(waiting))))
        if waiting
        else set()
    )
    return [person for person in people if person.password_hash is not None or person.id in signed_in]
