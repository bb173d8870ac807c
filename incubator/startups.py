"""Startups: their profile, their founding team and their mentors."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts import find_user_by_email
from incubator.actors import Actor
from incubator.audit import record_change
from incubator.errors import NotFound, PermissionDenied, ValidationFailed
from incubator.fields import clean_email, clean_slug, clean_text, is_web_address, slugify
from incubator.i18n import _
from incubator.labels import role_label
from incubator.models import Cohort, FounderMembership, MentorAssignment, Role, Stage, Startup, User
from incubator.permissions import require_coordinator, require_edit_startup_profile, require_view_startup

_WITH_PEOPLE = (selectinload(Startup.founders), selectinload(Startup.mentors), selectinload(Startup.cohort))


@dataclass(frozen=True)
class StartupProfile:
    """The fields of a startup's profile that its founders and coordinators may change."""

    name: str
    tagline: str = ""
    sector: str = ""
    stage: Stage | str = Stage.IDEA
    website: str = ""
    contact_email: str = ""


def _load(session: Session, slug: str) -> Startup | None:
    return session.scalar(select(Startup).where(Startup.slug == slug).options(*_WITH_PEOPLE))


def get_startup(session: Session, actor: Actor, slug: str) -> Startup:
    """Return the startup with `slug` if `actor` may see it.

    Raises PermissionDenied for a startup the actor may not see, and NotFound only to
    coordinators, so nobody else can probe which slugs exist.
    """
    startup = _load(session, slug)
    if startup is None:
        if actor.is_coordinator:
            raise NotFound(_("There is no startup “{slug}”.").format(slug=slug))
        raise PermissionDenied(_("You do not have access to this startup."))
    require_view_startup(session, actor, startup)
    return startup


def get_startup_by_id(session: Session, actor: Actor, startup_id: int) -> Startup:
    """Return the startup with `startup_id` if `actor` may see it (same errors as `get_startup`)."""
    slug = session.scalar(select(Startup.slug).where(Startup.id == startup_id))
    return get_startup(session, actor, slug or f"#{startup_id}")


def list_visible_startups(session: Session, actor: Actor) -> list[Startup]:
    """Return the startups `actor` may see: all for coordinators, own for founders, assigned for mentors."""
    query = select(Startup).options(*_WITH_PEOPLE).order_by(Startup.name)
    if actor.role is Role.FOUNDER:
        query = query.join(FounderMembership).where(FounderMembership.user_id == actor.id)
    elif actor.role is Role.MENTOR:
        query = query.join(MentorAssignment).where(MentorAssignment.user_id == actor.id)
    return list(session.scalars(query))


def _clean_profile(profile: StartupProfile) -> dict[str, object]:
    try:
        stage = Stage(profile.stage)
    except ValueError:
        raise ValidationFailed(_("“{value}” is not a stage.").format(value=profile.stage), field="stage") from None
    website = clean_text(profile.website, "website", _("Website"), limit=500)
    if website and not is_web_address(website):
        raise ValidationFailed(_("The website must start with https:// or http://."), field="website")
    return {
        "name": clean_text(profile.name, "name", _("Name"), required=True),
        "tagline": clean_text(profile.tagline, "tagline", _("Tagline")),
        "sector": clean_text(profile.sector, "sector", _("Sector")),
        "stage": stage,
        "website": website,
        "contact_email": clean_email(profile.contact_email, "contact_email") if profile.contact_email.strip() else "",
    }


def create_startup(
    session: Session, actor: Actor, profile: StartupProfile, *, cohort_slug: str | None = None, slug: str | None = None
) -> Startup:
    """Create a startup, optionally in a cohort; coordinators only."""
    require_coordinator(actor)
    values = _clean_profile(profile)
    clean = clean_slug(slug if slug else slugify(str(values["name"])))
    if session.scalar(select(Startup.id).where(Startup.slug == clean)) is not None:
        raise ValidationFailed(
            _("A startup with the short name “{slug}” already exists.").format(slug=clean), field="slug"
        )
    startup = Startup(slug=clean, **values)
    if cohort_slug:
        startup.cohort = _cohort(session, cohort_slug)
    session.add(startup)
    session.flush()
    record_change(session, actor, "create", "startup", clean)
    return startup


def _cohort(session: Session, slug: str) -> Cohort:
    cohort = session.scalar(select(Cohort).where(Cohort.slug == slug))
    if cohort is None:
        raise ValidationFailed(_("There is no cohort “{slug}”.").format(slug=slug), field="cohort")
    return cohort


def update_startup_profile(session: Session, actor: Actor, slug: str, profile: StartupProfile) -> Startup:
    """Change a startup's profile; its founders and coordinators only."""
    startup = get_startup(session, actor, slug)
    require_edit_startup_profile(session, actor, startup)
    values = _clean_profile(profile)
    changed = {key: value for key, value in values.items() if getattr(startup, key) != value}
    for key, value in changed.items():
        setattr(startup, key, value)
    if changed:
        record_change(session, actor, "update", "startup", slug, fields=sorted(changed))
    return startup


def move_startup_to_cohort(session: Session, actor: Actor, slug: str, cohort_slug: str | None) -> Startup:
    """Put a startup in a cohort (or in none); coordinators only."""
    require_coordinator(actor)
    startup = get_startup(session, actor, slug)
    startup.cohort = _cohort(session, cohort_slug) if cohort_slug else None
    record_change(session, actor, "move", "startup", slug, cohort=cohort_slug)
    return startup


def _person(session: Session, email: str, role: Role) -> User:
    user = find_user_by_email(session, clean_email(email))
    if user is None:
        raise ValidationFailed(_("No account uses the email {email}.").format(email=email), field="email")
    if user.role is not role:
        raise ValidationFailed(
            _("{name} is not a {role}.").format(name=user.display_name, role=role_label(role)), field="email"
        )
    return user


def add_founder(session: Session, actor: Actor, slug: str, founder_email: str) -> None:
    """Put a founder account on a startup's team; coordinators only."""
    require_coordinator(actor)
    startup = get_startup(session, actor, slug)
    founder = _person(session, founder_email, Role.FOUNDER)
    if founder not in startup.founders:
        startup.founders.append(founder)
        record_change(session, actor, "add_founder", "startup", slug, founder=founder.email)


def remove_founder(session: Session, actor: Actor, slug: str, founder_email: str) -> None:
    """Take a founder off a startup's team; coordinators only."""
    require_coordinator(actor)
    startup = get_startup(session, actor, slug)
    founder = _person(session, founder_email, Role.FOUNDER)
    if founder in startup.founders:
        startup.founders.remove(founder)
        record_change(session, actor, "remove_founder", "startup", slug, founder=founder.email)


def assign_mentor(session: Session, actor: Actor, slug: str, mentor_email: str) -> None:
    """Assign a mentor to a startup; coordinators only."""
    require_coordinator(actor)
    startup = get_startup(session, actor, slug)
    mentor = _person(session, mentor_email, Role.MENTOR)
    if mentor not in startup.mentors:
        startup.mentors.append(mentor)
        record_change(session, actor, "assign_mentor", "startup", slug, mentor=mentor.email)


def unassign_mentor(session: Session, actor: Actor, slug: str, mentor_email: str) -> None:
    """Stop a mentor following a startup; coordinators only."""
    require_coordinator(actor)
    startup = get_startup(session, actor, slug)
    mentor = _person(session, mentor_email, Role.MENTOR)
    if mentor in startup.mentors:
        startup.mentors.remove(mentor)
        record_change(session, actor, "unassign_mentor", "startup", slug, mentor=mentor.email)
