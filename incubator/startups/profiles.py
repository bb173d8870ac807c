"""Startups: their profile, their founding team and their mentors."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.core.errors import NotFound, PermissionDenied, ValidationFailed
from incubator.core.fields import clean_email, clean_slug, clean_text, clean_web_address, slugify
from incubator.core.i18n import _
from incubator.core.vocabulary import Role, Stage
from incubator.db.models import Cohort, FounderMembership, MentorAssignment, Startup
from incubator.startups.permissions import StartupAccess, access_to

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


def open_startup(session: Session, actor: Actor, slug: str) -> StartupAccess:
    """Return the startup with `slug`, checked once, with what `actor` may do with it.

    Raises PermissionDenied for a startup the actor may not see, and NotFound only to
    coordinators, so nobody else can probe which slugs exist.
    """
    startup = _load(session, slug)
    if startup is None:
        if actor.is_coordinator:
            raise NotFound(_("There is no startup “{slug}”.").format(slug=slug))
        raise PermissionDenied(_("You do not have access to this startup."))
    access = access_to(session, actor, startup)
    if not access.may_see:
        raise PermissionDenied(_("You do not have access to this startup."))
    return access


def get_startup(session: Session, actor: Actor, slug: str) -> Startup:
    """Return the startup with `slug` if `actor` may see it (same errors as `open_startup`)."""
    return open_startup(session, actor, slug).startup


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
    website = clean_web_address(clean_text(profile.website, "website", _("Website"), limit=500))
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
    access = open_startup(session, actor, slug)
    if not access.may_edit_profile:
        raise PermissionDenied(_("You may not change this startup."))
    startup = access.startup
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
