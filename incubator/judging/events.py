"""Pitch events: creating them, their pitches in order, their judges, and opening, closing, publishing scoring."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.accounts.users import find_user_by_email
from incubator.core.errors import NotFound, PermissionDenied, ValidationFailed
from incubator.core.fields import clean_email, clean_slug, clean_text, slugify
from incubator.core.i18n import _
from incubator.core.vocabulary import Role, ScoringState
from incubator.db.models import Cohort, EventJudge, EventPitch, FounderMembership, PitchEvent, Startup
from incubator.judging.rubrics import get_rubric

_WITH_DETAILS = (
    selectinload(PitchEvent.pitches).selectinload(EventPitch.startup),
    selectinload(PitchEvent.judges),
    selectinload(PitchEvent.cohort),
)


def _load(session: Session, slug: str) -> PitchEvent | None:
    return session.scalar(select(PitchEvent).where(PitchEvent.slug == slug).options(*_WITH_DETAILS))


def is_judge(session: Session, actor: Actor, event: PitchEvent) -> bool:
    """Tell whether `actor` judges `event`."""
    query = select(exists().where(EventJudge.event_id == event.id, EventJudge.user_id == actor.id))
    return bool(session.scalar(query))


def pitches_for_founder(session: Session, actor: Actor, event: PitchEvent) -> bool:
    """Tell whether one of the actor's startups pitches at `event`."""
    query = select(
        exists().where(
            EventPitch.event_id == event.id,
            EventPitch.startup_id == FounderMembership.startup_id,
            FounderMembership.user_id == actor.id,
        )
    )
    return actor.role is Role.FOUNDER and bool(session.scalar(query))


def get_event(session: Session, actor: Actor, slug: str) -> PitchEvent:
    """Return an event its viewer may see: coordinators all, judges theirs, founders those they pitch at."""
    event = _load(session, slug)
    if event is None:
        if actor.is_coordinator:
            raise NotFound(_("There is no event “{slug}”.").format(slug=slug))
        raise PermissionDenied(_("You do not have access to this event."))
    if not (actor.is_coordinator or is_judge(session, actor, event) or pitches_for_founder(session, actor, event)):
        raise PermissionDenied(_("You do not have access to this event."))
    return event


def list_events(session: Session, actor: Actor) -> list[PitchEvent]:
    """Return the events the actor may see, newest first."""
    query = select(PitchEvent).options(*_WITH_DETAILS).order_by(PitchEvent.date.desc().nulls_last(), PitchEvent.name)
    if actor.role is Role.MENTOR:
        query = query.join(EventJudge).where(EventJudge.user_id == actor.id)
    elif actor.role is Role.FOUNDER:
        query = (
            query.join(EventPitch)
            .join(FounderMembership, FounderMembership.startup_id == EventPitch.startup_id)
            .where(FounderMembership.user_id == actor.id)
        )
    return list(session.scalars(query).unique())


def create_event(
    session: Session,
    actor: Actor,
    *,
    name: str,
    date: dt.date | None = None,
    cohort_slug: str | None = None,
    rubric: str | None = None,
    slug: str | None = None,
) -> PitchEvent:
    """Create a pitch event, scoring not yet open; coordinators only."""
    require_coordinator(actor)
    clean_name = clean_text(name, "name", _("Name"), required=True)
    clean = clean_slug(slug if slug else slugify(clean_name))
    if session.scalar(select(PitchEvent.id).where(PitchEvent.slug == clean)) is not None:
        raise ValidationFailed(
            _("An event with the short name “{slug}” already exists.").format(slug=clean), field="slug"
        )
    rubric_name = get_rubric(rubric).name
    event = PitchEvent(slug=clean, name=clean_name, date=date, rubric=rubric_name, scoring=ScoringState.DRAFT)
    if cohort_slug:
        event.cohort = session.scalar(select(Cohort).where(Cohort.slug == cohort_slug))
        if event.cohort is None:
            raise ValidationFailed(_("There is no cohort “{slug}”.").format(slug=cohort_slug), field="cohort")
    session.add(event)
    session.flush()
    record_change(session, actor, "create", "event", clean)
    return event


def set_pitches(session: Session, actor: Actor, slug: str, startup_slugs: list[str]) -> None:
    """Set which startups pitch and in what order; coordinators only."""
    require_coordinator(actor)
    event = get_event(session, actor, slug)
    if len(set(startup_slugs)) != len(startup_slugs):
        raise ValidationFailed(_("A startup can pitch only once."), field="pitches")
    startups = {
        startup.slug: startup for startup in session.scalars(select(Startup).where(Startup.slug.in_(startup_slugs)))
    }
    missing = [name for name in startup_slugs if name not in startups]
    if missing:
        raise ValidationFailed(_("There is no startup “{slug}”.").format(slug=missing[0]), field="pitches")
    event.pitches = [EventPitch(startup=startups[name], position=index) for index, name in enumerate(startup_slugs, 1)]
    record_change(session, actor, "set_pitches", "event", slug, pitches=startup_slugs)


def set_lineup(session: Session, actor: Actor, slug: str, startup_slugs: list[str], judge_emails: list[str]) -> None:
    """Set the event's pitches in order and its judges together, as the event form saves them; coordinators only."""
    set_pitches(session, actor, slug, startup_slugs)
    set_judges(session, actor, slug, judge_emails)


def set_judges(session: Session, actor: Actor, slug: str, emails: list[str]) -> None:
    """Set the event's judges (mentor accounts); coordinators only."""
    require_coordinator(actor)
    event = get_event(session, actor, slug)
    judges = []
    for email in emails:
        user = find_user_by_email(session, clean_email(email))
        if user is None or user.role is not Role.MENTOR:
            raise ValidationFailed(_("{email} is not a mentor account.").format(email=email), field="judges")
        judges.append(user)
    event.judges = judges
    record_change(session, actor, "set_judges", "event", slug, judges=[judge.email for judge in judges])


def set_scoring(session: Session, actor: Actor, slug: str, state: ScoringState) -> None:
    """Open or close scoring; coordinators only. Closing is final for the judges' scores."""
    require_coordinator(actor)
    event = get_event(session, actor, slug)
    event.scoring = ScoringState(state)
    if event.scoring is not ScoringState.CLOSED:
        event.results_published = False
    record_change(session, actor, "scoring", "event", slug, state=event.scoring.value)


def publish_results(session: Session, actor: Actor, slug: str) -> None:
    """Let each pitching founder see their own averages and comments; only once scoring is closed."""
    require_coordinator(actor)
    event = get_event(session, actor, slug)
    if event.scoring is not ScoringState.CLOSED:
        raise ValidationFailed(_("Close the scoring before publishing the results."), field="scoring")
    event.results_published = True
    record_change(session, actor, "publish", "event", slug)
