"""The events, scores and feedback of a bundle: checked against the database, then created or updated.

Events match by slug; a score by (event, startup, judge, criterion); a feedback entry by
(startup, mentor, date, notes). An imported score makes its mentor a judge of the event (and
its startup a pitch, if the event did not list it). Missing references, a criterion outside
the event's rubric, or a score outside the rubric's scale refuse the whole bundle.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.core.errors import BundleInvalid, NotFound
from incubator.core.fields import excerpt
from incubator.core.i18n import _
from incubator.core.vocabulary import Role
from incubator.db.models import ActionItem, Cohort, EventPitch, MentoringSession, PitchEvent, Score, Startup, User
from incubator.judging.rubrics import DEFAULT_RUBRIC, Rubric, get_rubric
from incubator.judging.scoring import upsert_score


def _rubric_at(name: str | None, path: str) -> Rubric:
    try:
        return get_rubric(name or DEFAULT_RUBRIC)
    except NotFound:
        raise BundleInvalid(path, _("there is no rubric “{name}”").format(name=name)) from None


def check_events(session: Session, document: dict[str, Any], roles: dict[str, Role]) -> None:
    """Raise BundleInvalid at the first event, score or feedback entry that does not fit."""
    startups = {item["slug"] for item in document.get("startups", [])} | set(session.scalars(select(Startup.slug)))
    cohorts = {item["slug"] for item in document.get("cohorts", [])} | set(session.scalars(select(Cohort.slug)))
    rubrics: dict[str, Rubric] = {
        event.slug: _rubric_at(event.rubric, "$") for event in session.scalars(select(PitchEvent))
    }
    seen_events: dict[str, int] = {}
    for index, event in enumerate(document.get("events", [])):
        at = f"$.events[{index}]"
        if event["slug"] in seen_events:
            raise BundleInvalid(f"{at}.slug", _("“{value}” appears twice").format(value=event["slug"]))
        seen_events[event["slug"]] = index
        if event.get("cohort") and event["cohort"] not in cohorts:
            raise BundleInvalid(f"{at}.cohort", _("no cohort has the slug “{slug}”").format(slug=event["cohort"]))
        rubrics[event["slug"]] = _rubric_at(event.get("rubric"), f"{at}.rubric")
        pitches = event.get("pitches", [])
        for position, slug in enumerate(pitches):
            if slug not in startups:
                raise BundleInvalid(
                    f"{at}.pitches[{position}]", _("no startup has the slug “{slug}”").format(slug=slug)
                )
            if pitches.index(slug) != position:
                raise BundleInvalid(f"{at}.pitches[{position}]", _("“{slug}” pitches twice").format(slug=slug))
    _check_scores(document.get("scores", []), startups, rubrics, roles)
    _check_feedback(document.get("feedback", []), startups, roles)


def _require_mentor(email: str, roles: dict[str, Role], path: str) -> None:
    role = roles.get(email)
    if role is None:
        raise BundleInvalid(path, _("no user has the email {email}").format(email=excerpt(email)))
    if role is not Role.MENTOR:
        raise BundleInvalid(
            path, _("{email} is a {actual}, not a mentor").format(email=excerpt(email), actual=role.value)
        )


def _check_scores(
    scores: list[dict[str, Any]], startups: set[str], rubrics: dict[str, Rubric], roles: dict[str, Role]
) -> None:
    seen: set[tuple[str, str, str, str]] = set()
    for index, score in enumerate(scores):
        at = f"$.scores[{index}]"
        rubric = rubrics.get(score["event"])
        if rubric is None:
            raise BundleInvalid(f"{at}.event", _("no event has the slug “{slug}”").format(slug=score["event"]))
        if score["startup"] not in startups:
            raise BundleInvalid(f"{at}.startup", _("no startup has the slug “{slug}”").format(slug=score["startup"]))
        _require_mentor(score["mentor"], roles, f"{at}.mentor")
        if rubric.criterion(score["criterion"]) is None:
            raise BundleInvalid(
                f"{at}.criterion",
                _("“{name}” is not a criterion of the rubric “{rubric}”").format(
                    name=score["criterion"], rubric=rubric.name
                ),
            )
        if not rubric.minimum <= score["score"] <= rubric.maximum:
            raise BundleInvalid(
                f"{at}.score",
                _("{value} is outside the rubric's scale, {low} to {high}").format(
                    value=score["score"], low=rubric.minimum, high=rubric.maximum
                ),
            )
        key = (score["event"], score["startup"], score["mentor"], score["criterion"])
        if key in seen:
            raise BundleInvalid(at, _("this judge's score for this criterion appears twice"))
        seen.add(key)


def _check_feedback(feedback: list[dict[str, Any]], startups: set[str], roles: dict[str, Role]) -> None:
    for index, entry in enumerate(feedback):
        at = f"$.feedback[{index}]"
        if entry["startup"] not in startups:
            raise BundleInvalid(f"{at}.startup", _("no startup has the slug “{slug}”").format(slug=entry["startup"]))
        _require_mentor(entry["mentor"], roles, f"{at}.mentor")


def import_events(session: Session, document: dict[str, Any], counts: Any) -> None:
    """Create or update the events, scores and feedback of a checked bundle; `counts` is the ImportReport."""
    session.flush()
    startups = {startup.slug: startup for startup in session.scalars(select(Startup))}
    users = {user.email: user for user in session.scalars(select(User))}
    cohorts = {cohort.slug: cohort for cohort in session.scalars(select(Cohort))}
    events = {
        event.slug: event
        for event in session.scalars(
            select(PitchEvent).options(selectinload(PitchEvent.pitches), selectinload(PitchEvent.judges))
        )
    }
    for item in document.get("events", []):
        event = events.get(item["slug"])
        created = event is None
        if event is None:
            event = events[item["slug"]] = PitchEvent(slug=item["slug"], pitches=[], judges=[])
            session.add(event)
        changed = _set(event, "name", item["name"])
        if "date" in item:
            changed |= _set(event, "date", dt.date.fromisoformat(item["date"]))
        if "cohort" in item:
            changed |= _set(event, "cohort", cohorts[item["cohort"]])
        if "rubric" in item or created:
            changed |= _set(event, "rubric", item.get("rubric", DEFAULT_RUBRIC))
        if "pitches" in item and [pitch.startup_id for pitch in event.pitches] != [
            startups[s].id for s in item["pitches"]
        ]:
            event.pitches = [
                EventPitch(startup=startups[slug], position=n) for n, slug in enumerate(item["pitches"], 1)
            ]
            changed = True
        _tally(counts, "events", created, changed)
    session.flush()
    stored = {
        (row.event_id, row.startup_id, row.judge_id, row.criterion): (row.value, row.comment)
        for row in session.scalars(select(Score))
    }
    for score in document.get("scores", []):
        event, startup, judge = events[score["event"]], startups[score["startup"]], users[score["mentor"]]
        if judge not in event.judges:
            event.judges.append(judge)
        if startup.id not in {pitch.startup_id for pitch in event.pitches}:
            event.pitches.append(EventPitch(startup=startup, position=len(event.pitches) + 1))
        session.flush()
        key = (event.id, startup.id, judge.id, score["criterion"])
        wanted = (float(score["score"]), score.get("comment", ""))
        if stored.get(key) == wanted:
            counts.unchanged["scores"] += 1
            continue
        _tally(counts, "scores", key not in stored, True)
        upsert_score(
            session, event_id=event.id, startup_id=startup.id, judge_id=judge.id, criterion=score["criterion"],
            value=wanted[0], comment=wanted[1],
        )  # fmt: skip
    for entry in document.get("feedback", []):
        _import_feedback(session, entry, startups[entry["startup"]], users[entry["mentor"]], counts)


def _import_feedback(session: Session, entry: dict[str, Any], startup: Startup, mentor: User, counts: Any) -> None:
    held_on = dt.date.fromisoformat(entry["date"])
    logged = session.scalar(
        select(MentoringSession)
        .where(
            MentoringSession.startup_id == startup.id,
            MentoringSession.mentor_id == mentor.id,
            MentoringSession.held_on == held_on,
            MentoringSession.notes == entry["notes"],
        )
        .options(selectinload(MentoringSession.action_items))
    )
    created = logged is None
    if logged is None:
        logged = MentoringSession(startup_id=startup.id, mentor_id=mentor.id, held_on=held_on, notes=entry["notes"])
        logged.action_items = []
        session.add(logged)
    wanted = entry.get("action_items", [])
    changed = [item.text for item in logged.action_items] != wanted
    if changed:
        logged.action_items = [ActionItem(text=text) for text in wanted]
    _tally(counts, "feedback", created, changed and not created)


def _set(record: Any, attribute: str, value: Any) -> bool:
    if getattr(record, attribute) == value:
        return False
    setattr(record, attribute, value)
    return True


def _tally(counts: Any, kind: str, created: bool, changed: bool) -> None:
    (counts.created if created else counts.updated if changed else counts.unchanged)[kind] += 1
