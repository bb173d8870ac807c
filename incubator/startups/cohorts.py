"""Cohorts: the groups of startups that go through the programme together."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.core.errors import NotFound, ValidationFailed
from incubator.core.fields import clean_slug, clean_text, slugify
from incubator.core.i18n import _
from incubator.db.models import Cohort, Startup


def list_cohorts(session: Session, actor: Actor) -> list[Cohort]:
    """Return every cohort, newest start first, with its startups loaded; coordinators only."""
    require_coordinator(actor)
    query = (
        select(Cohort)
        .options(
            selectinload(Cohort.startups).selectinload(Startup.founders),
            selectinload(Cohort.startups).selectinload(Startup.mentors),
        )
        .order_by(Cohort.starts_on.desc().nulls_last(), Cohort.name)
    )
    return list(session.scalars(query))


def get_cohort(session: Session, actor: Actor, slug: str) -> Cohort:
    """Return the cohort with `slug`; coordinators only."""
    require_coordinator(actor)
    cohort = session.scalar(select(Cohort).where(Cohort.slug == slug))
    if cohort is None:
        raise NotFound(_("There is no cohort “{slug}”.").format(slug=slug))
    return cohort


def create_cohort(
    session: Session,
    actor: Actor,
    *,
    name: str,
    slug: str | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> Cohort:
    """Create a cohort; its slug is made from the name unless given. Coordinators only."""
    require_coordinator(actor)
    clean_name = clean_text(name, "name", _("Name"), required=True)
    clean = clean_slug(slug if slug else slugify(clean_name))
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationFailed(_("The cohort cannot end before it starts."), field="ends_on")
    if session.scalar(select(Cohort.id).where(Cohort.slug == clean)) is not None:
        raise ValidationFailed(
            _("A cohort with the short name “{slug}” already exists.").format(slug=clean), field="slug"
        )
    cohort = Cohort(slug=clean, name=clean_name, starts_on=starts_on, ends_on=ends_on)
    session.add(cohort)
    session.flush()
    record_change(session, actor, "create", "cohort", clean)
    return cohort
