"""Judging a pitch event: scores saved one at a time, blind to other judges, and the leaderboard built from them.

Every change of a score is one atomic upsert (`INSERT ... ON CONFLICT DO UPDATE`), so forty
judges saving at once never lose or double a score, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.core.errors import NotFound, PermissionDenied, ValidationFailed
from incubator.core.fields import LONG_TEXT_LIMIT, clean_text
from incubator.core.i18n import _
from incubator.core.vocabulary import ScoringState
from incubator.db.database import upsert_insert
from incubator.db.models import (
    ConflictOfInterest,
    EventJudge,
    EventPitch,
    PitchEvent,
    Score,
    Startup,
    User,
    utc_now,
)
from incubator.judging.events import get_event, is_judge
from incubator.judging.rubrics import Rubric, get_rubric


def pitching_startup(session: Session, event: PitchEvent, startup_slug: str) -> Startup:
    """Return the startup `startup_slug` if it pitches at `event`, else raise ValidationFailed."""
    for pitch in event.pitches:
        if pitch.startup.slug == startup_slug:
            return pitch.startup
    raise ValidationFailed(_("“{slug}” does not pitch at this event.").format(slug=startup_slug), field="startup")


def _require_judging(session: Session, actor: Actor, event: PitchEvent) -> None:
    if not is_judge(session, actor, event):
        raise PermissionDenied(_("Only this event's judges can score it."))
    if event.scoring is not ScoringState.OPEN:
        raise PermissionDenied(
            _("Scoring has not opened yet.") if event.scoring is ScoringState.DRAFT else _("Scoring is closed.")
        )


def _has_conflict(session: Session, actor: Actor, event: PitchEvent, startup: Startup) -> bool:
    query = select(
        exists().where(
            ConflictOfInterest.event_id == event.id,
            ConflictOfInterest.startup_id == startup.id,
            ConflictOfInterest.judge_id == actor.id,
        )
    )
    return bool(session.scalar(query))


def upsert_score(
    session: Session, *, event_id: int, startup_id: int, judge_id: int, criterion: str, value: float, comment: str
) -> None:
    """Insert a score, or replace the value and comment of the one already there, in one statement."""
    values = {
        "event_id": event_id, "startup_id": startup_id, "judge_id": judge_id, "criterion": criterion,
        "value": value, "comment": comment, "updated_at": utc_now(),
    }  # fmt: skip
    statement = upsert_insert(session, Score).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["event_id", "startup_id", "judge_id", "criterion"],
        set_={"value": statement.excluded.value, "comment": statement.excluded.comment, "updated_at": utc_now()},
    )
    session.execute(statement)


def check_score_value(rubric: Rubric, value: float) -> None:
    """Raise ValidationFailed unless `value` is a whole number on the rubric's scale."""
    if not math.isfinite(value) or value != int(value) or not rubric.minimum <= value <= rubric.maximum:
        raise ValidationFailed(
            _("A score must be a whole number from {low} to {high}.").format(low=rubric.minimum, high=rubric.maximum),
            field="score",
        )


@dataclass(frozen=True)
class _ScoreTarget:
    """Where one judge's tap lands: the event's and the startup's ids, and the event's rubric."""

    event_id: int
    startup_id: int
    rubric: str | None


def _score_target(session: Session, actor: Actor, event_slug: str, startup_slug: str) -> _ScoreTarget:
    """Check in one query that `actor` may score `startup_slug` at `event_slug` now; say where the score lands.

    A tap runs this and one upsert and nothing else: forty judges tap at once on demo day.
    """
    judges = exists().where(EventJudge.event_id == PitchEvent.id, EventJudge.user_id == actor.id)
    pitching = (
        select(Startup.id)
        .join(EventPitch, EventPitch.startup_id == Startup.id)
        .where(EventPitch.event_id == PitchEvent.id, Startup.slug == startup_slug)
        .scalar_subquery()
    )
    conflict = exists().where(
        ConflictOfInterest.event_id == PitchEvent.id,
        ConflictOfInterest.startup_id == pitching,
        ConflictOfInterest.judge_id == actor.id,
    )
    event = session.execute(
        select(PitchEvent.id, PitchEvent.scoring, PitchEvent.rubric, judges, pitching, conflict).where(
            PitchEvent.slug == event_slug
        )
    ).one_or_none()
    if event is None:
        if actor.is_coordinator:
            raise NotFound(_("There is no event “{slug}”.").format(slug=event_slug))
        raise PermissionDenied(_("You do not have access to this event."))
    event_id, scoring, rubric, is_a_judge, startup_id, has_conflict = event
    if not is_a_judge:  # others cannot tell an event they do not judge from one that does not exist
        raise PermissionDenied(
            _("Only this event's judges can score it.")
            if actor.is_coordinator
            else _("You do not have access to this event.")
        )
    if scoring is not ScoringState.OPEN:
        raise PermissionDenied(
            _("Scoring has not opened yet.") if scoring is ScoringState.DRAFT else _("Scoring is closed.")
        )
    if startup_id is None:
        raise ValidationFailed(_("“{slug}” does not pitch at this event.").format(slug=startup_slug), field="startup")
    if has_conflict:
        raise PermissionDenied(_("You declared a conflict of interest for this startup."))
    return _ScoreTarget(event_id, startup_id, rubric)


def record_score(
    session: Session, actor: Actor, event_slug: str, startup_slug: str, criterion: str, value: float, comment: str = ""
) -> None:
    """Save one criterion's score (and comment) for one pitch; the event's judges only, while scoring is open."""
    target = _score_target(session, actor, event_slug, startup_slug)
    rubric = get_rubric(target.rubric)
    if rubric.criterion(criterion) is None:
        raise ValidationFailed(
            _("“{name}” is not a criterion of this rubric.").format(name=criterion), field="criterion"
        )
    check_score_value(rubric, value)
    text = clean_text(comment, "comment", _("Comment"), limit=LONG_TEXT_LIMIT, multiline=True)
    upsert_score(
        session,
        event_id=target.event_id,
        startup_id=target.startup_id,
        judge_id=actor.id,
        criterion=criterion,
        value=value,
        comment=text,
    )


def declare_conflict(session: Session, actor: Actor, event_slug: str, startup_slug: str) -> None:
    """Declare a conflict of interest: the judge's scores for that startup are removed and it is skipped."""
    event = get_event(session, actor, event_slug)
    _require_judging(session, actor, event)
    startup = pitching_startup(session, event, startup_slug)
    if not _has_conflict(session, actor, event, startup):
        session.add(ConflictOfInterest(event_id=event.id, startup_id=startup.id, judge_id=actor.id))
    session.execute(
        delete(Score).where(Score.event_id == event.id, Score.startup_id == startup.id, Score.judge_id == actor.id)
    )


@dataclass(frozen=True)
class JudgeSheet:
    """What one judge sees: the pitches in order, their own scores and comments only, and their conflicts."""

    pitches: list[tuple[str, str]]  # (slug, name) in pitching order
    scores: dict[tuple[str, str], tuple[float, str]]  # (startup slug, criterion) -> (value, comment)
    conflicts: set[str]

    def scored_count(self, criteria: int) -> int:
        """Count the pitches whose every criterion this judge has scored."""
        return sum(
            1
            for slug, _name in self.pitches
            if slug not in self.conflicts and sum(1 for key in self.scores if key[0] == slug) >= criteria
        )

    @property
    def to_score(self) -> int:
        """Count the pitches this judge is expected to score (all but their conflicts)."""
        return len([slug for slug, _name in self.pitches if slug not in self.conflicts])


def judge_sheet(session: Session, actor: Actor, event_slug: str) -> JudgeSheet:
    """Return the judge's own sheet for an event (never other judges' scores)."""
    event = get_event(session, actor, event_slug)
    if not is_judge(session, actor, event):
        raise PermissionDenied(_("Only this event's judges can score it."))
    rows = session.execute(
        select(Startup.slug, Score.criterion, Score.value, Score.comment)
        .join(Startup, Startup.id == Score.startup_id)
        .where(Score.event_id == event.id, Score.judge_id == actor.id)
    )
    conflicts = session.scalars(
        select(Startup.slug)
        .join(ConflictOfInterest, ConflictOfInterest.startup_id == Startup.id)
        .where(ConflictOfInterest.event_id == event.id, ConflictOfInterest.judge_id == actor.id)
    )
    return JudgeSheet(
        pitches=[(pitch.startup.slug, pitch.startup.name) for pitch in event.pitches],
        scores={(slug, criterion): (value, comment) for slug, criterion, value, comment in rows},
        conflicts=set(conflicts),
    )


def named_scores(session: Session) -> list[tuple[str, str, str, str, float, str]]:
    """Return every score as (event, startup, judge email, criterion, value, comment), in a stable order.

    Judges are named: callers check that the reader is a coordinator (exports and backups only).
    """
    rows = session.execute(
        select(PitchEvent.slug, Startup.slug, User.email, Score.criterion, Score.value, Score.comment)
        .join(PitchEvent, PitchEvent.id == Score.event_id)
        .join(Startup, Startup.id == Score.startup_id)
        .join(User, User.id == Score.judge_id)
        .order_by(PitchEvent.slug, Startup.slug, User.email, Score.criterion)
    )
    return [
        (event, startup, judge, criterion, value, comment) for event, startup, judge, criterion, value, comment in rows
    ]
