"""Export the incubator's data as a bundle-v1 document (never a password or a hash)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor, require_coordinator
from incubator.core.vocabulary import IDEA_FIELDS
from incubator.db.models import (
    Ask,
    CanvasVersion,
    Cohort,
    DeckVersion,
    EventPitch,
    Idea,
    MentoringSession,
    Metric,
    MetricValue,
    Milestone,
    PitchEvent,
    Startup,
    User,
    utc_now,
)
from incubator.judging.scoring import named_scores


def _cohort(cohort: Cohort) -> dict[str, Any]:
    item: dict[str, Any] = {"slug": cohort.slug, "name": cohort.name}
    if cohort.starts_on:
        item["starts_on"] = cohort.starts_on.isoformat()
    if cohort.ends_on:
        item["ends_on"] = cohort.ends_on.isoformat()
    return item


def _startup(
    startup: Startup,
    idea: Idea | None,
    canvas: CanvasVersion | None,
    progress: dict[str, list[dict[str, Any]]],
    ask: Ask | None,
    deck: DeckVersion | None = None,
) -> dict[str, Any]:
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
    for part in ("milestones", "metrics"):
        if progress.get(part):
            item[part] = progress[part]
    if deck is not None:
        slides = []
        for slide in json.loads(deck.slides_json):
            exported_slide = {"title": slide["title"]}
            exported_slide |= {key: slide[key] for key in ("body", "notes") if slide.get(key)}
            slides.append(exported_slide)
        item["deck"] = ({"template": deck.outline} if deck.outline else {}) | {"slides": slides}
    if ask is not None:
        exported: dict[str, Any] = {}
        if ask.amount is not None:
            exported["amount"] = _number(ask.amount)
        exported["currency"] = ask.currency
        if ask.instrument:
            exported["instrument"] = ask.instrument
        if ask.use_of_funds:
            exported["use_of_funds"] = ask.use_of_funds
        item["ask"] = exported
    return item


def _progress(session: Session) -> dict[int, dict[str, list[dict[str, Any]]]]:
    progress: dict[int, dict[str, list[dict[str, Any]]]] = {}
    for milestone in session.scalars(select(Milestone).order_by(Milestone.startup_id, Milestone.id)):
        entry: dict[str, Any] = {"title": milestone.title}
        if milestone.description:
            entry["description"] = milestone.description
        if milestone.due:
            entry["due"] = milestone.due.isoformat()
        if milestone.done_on:
            entry["done_on"] = milestone.done_on.isoformat()
        entry["status"] = milestone.status.value
        progress.setdefault(milestone.startup_id, {}).setdefault("milestones", []).append(entry)
    rows = session.execute(
        select(Metric.startup_id, Metric.name, Metric.unit, MetricValue.on_date, MetricValue.value)
        .join(MetricValue, MetricValue.metric_id == Metric.id)
        .order_by(Metric.startup_id, Metric.name, MetricValue.on_date)
    )
    for startup_id, name, unit, on_date, value in rows:
        value_entry: dict[str, Any] = {"name": name, "date": on_date.isoformat(), "value": _number(value)}
        if unit:
            value_entry["unit"] = unit
        progress.setdefault(startup_id, {}).setdefault("metrics", []).append(value_entry)
    return progress


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _events(session: Session) -> list[dict[str, Any]]:
    events = session.scalars(
        select(PitchEvent)
        .options(selectinload(PitchEvent.pitches).selectinload(EventPitch.startup), selectinload(PitchEvent.cohort))
        .order_by(PitchEvent.slug)
    )
    exported = []
    for event in events:
        item: dict[str, Any] = {"slug": event.slug, "name": event.name}
        if event.date:
            item["date"] = event.date.isoformat()
        if event.cohort:
            item["cohort"] = event.cohort.slug
        item["rubric"] = event.rubric
        item["pitches"] = [pitch.startup.slug for pitch in event.pitches]
        exported.append(item)
    return exported


def _scores(session: Session) -> list[dict[str, Any]]:
    rows = named_scores(session)
    exported = []
    for event, startup, mentor, criterion, value, comment in rows:
        item: dict[str, Any] = {
            "event": event, "startup": startup, "mentor": mentor, "criterion": criterion, "score": _number(value),
        }  # fmt: skip
        if comment:
            item["comment"] = comment
        exported.append(item)
    return exported


def _feedback(session: Session) -> list[dict[str, Any]]:
    sessions = session.scalars(
        select(MentoringSession)
        .join(Startup, Startup.id == MentoringSession.startup_id)
        .where(MentoringSession.mentor_id.is_not(None))
        .options(selectinload(MentoringSession.action_items), selectinload(MentoringSession.mentor))
        .order_by(Startup.slug, MentoringSession.held_on, MentoringSession.id)
    )
    slugs = {startup_id: slug for startup_id, slug in session.execute(select(Startup.id, Startup.slug))}
    exported = []
    for logged in sessions:
        assert logged.mentor is not None
        item: dict[str, Any] = {
            "startup": slugs[logged.startup_id], "mentor": logged.mentor.email, "date": logged.held_on.isoformat(),
            "notes": logged.notes,
        }  # fmt: skip
        if logged.action_items:
            item["action_items"] = [action.text for action in logged.action_items]
        exported.append(item)
    return exported


def _newest_versions(session: Session, model: Any, newest_number: Any) -> dict[int, Any]:
    """Return each startup's newest version of `model` (canvas or deck), by startup id, in one query."""
    query = select(model).join(Startup, model.startup_id == Startup.id).where(model.number == newest_number)
    return {version.startup_id: version for version in session.scalars(query)}


def export_bundle(session: Session, actor: Actor, now: dt.datetime | None = None) -> dict[str, Any]:
    """Return every cohort, user and startup as a bundle; coordinators (and the command line) only."""
    require_coordinator(actor)
    cohorts = session.scalars(select(Cohort).order_by(Cohort.slug))
    users = session.scalars(select(User).order_by(User.email))
    startups = session.scalars(
        select(Startup)
        .options(selectinload(Startup.founders), selectinload(Startup.mentors), selectinload(Startup.cohort))
        .order_by(Startup.slug)
    )
    ideas = {idea.startup_id: idea for idea in session.scalars(select(Idea))}
    canvases = _newest_versions(session, CanvasVersion, Startup.canvas_version)
    progress = _progress(session)
    asks = {ask.startup_id: ask for ask in session.scalars(select(Ask))}
    decks = _newest_versions(session, DeckVersion, Startup.deck_version)
    return {
        "format": "incubator-bundle",
        "version": 1,
        "exported_at": (now or utc_now()).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "cohorts": [_cohort(cohort) for cohort in cohorts],
        "users": [{"email": user.email, "name": user.display_name, "role": user.role.value} for user in users],
        "startups": [
            _startup(
                startup,
                ideas.get(startup.id),
                canvases.get(startup.id),
                progress.get(startup.id, {}),
                asks.get(startup.id),
                decks.get(startup.id),
            )
            for startup in startups
        ],
        "events": _events(session),
        "scores": _scores(session),
        "feedback": _feedback(session),
    }


def bundle_to_json(document: dict[str, Any]) -> str:
    """Serialise a bundle as readable UTF-8 JSON."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def bundle_file(session: Session, actor: Actor) -> bytes:
    """Return the whole incubator as a bundle file (UTF-8 JSON); coordinators only."""
    return bundle_to_json(export_bundle(session, actor)).encode("utf-8")
