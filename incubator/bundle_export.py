"""Export the incubator's data as a bundle-v1 document (never a password or a hash)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.actors import Actor
from incubator.models import IDEA_FIELDS, CanvasVersion, Cohort, Idea, Startup, User, utc_now
from incubator.permissions import require_coordinator


def _cohort(cohort: Cohort) -> dict[str, Any]:
    item: dict[str, Any] = {"slug": cohort.slug, "name": cohort.name}
    if cohort.starts_on:
        item["starts_on"] = cohort.starts_on.isoformat()
    if cohort.ends_on:
        item["ends_on"] = cohort.ends_on.isoformat()
    return item


def _startup(startup: Startup, idea: Idea | None, canvas: CanvasVersion | None) -> dict[str, Any]:
    item: dict[str, Any] = {"slug": startup.slug, "name": startup.name}
    for key in ("tagline",):
        if getattr(startup, key):
            item[key] = getattr(startup, key)
    if startup.cohort:
        item["cohort"] = startup.cohort.slug
    for key in ("sector",):
        if getattr(startup, key):
            item[key] = getattr(startup, key)
    item["stage"] = startup.stage.value
    for key in ("website", "contact_email"):
        if getattr(startup, key):
            item[key] = getattr(startup, key)
    item["founders"] = [founder.email for founder in startup.founders]
    item["mentors"] = [mentor.email for mentor in startup.mentors]
    if idea is not None and any(getattr(idea, field) for field in IDEA_FIELDS):
        item["idea"] = {field: getattr(idea, field) for field in IDEA_FIELDS if getattr(idea, field)}
    if canvas is not None:
        item["canvas"] = {field: text for field, text in canvas.boxes().items() if text}
    return item


def export_bundle(session: Session, actor: Actor | None, now: dt.datetime | None = None) -> dict[str, Any]:
    """Return every cohort, user and startup as a bundle; `actor` None is the command line, else coordinators only."""
    if actor is not None:
        require_coordinator(actor)
    cohorts = session.scalars(select(Cohort).order_by(Cohort.slug))
    users = session.scalars(select(User).order_by(User.email))
    startups = session.scalars(
        select(Startup)
        .options(selectinload(Startup.founders), selectinload(Startup.mentors), selectinload(Startup.cohort))
        .order_by(Startup.slug)
    )
    ideas = {idea.startup_id: idea for idea in session.scalars(select(Idea))}
    canvases = {
        version.startup_id: version
        for version in session.scalars(
            select(CanvasVersion)
            .join(Startup, CanvasVersion.startup_id == Startup.id)
            .where(CanvasVersion.number == Startup.canvas_version)
        )
    }
    return {
        "format": "incubator-bundle",
        "version": 1,
        "exported_at": (now or utc_now()).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "cohorts": [_cohort(cohort) for cohort in cohorts],
        "users": [{"email": user.email, "name": user.display_name, "role": user.role.value} for user in users],
        "startups": [_startup(startup, ideas.get(startup.id), canvases.get(startup.id)) for startup in startups],
    }


def bundle_to_json(document: dict[str, Any]) -> str:
    """Serialise a bundle as readable UTF-8 JSON."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
