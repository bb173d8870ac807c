"""What needs a mentor or a coordinator now: the first screen of their day.

A mentor: canvas comments their founders left open, startups with no session logged for 21 days,
and events where scoring is open and criteria are left for them. A coordinator: startups that have not
started their path, startups that are stuck (flagged on the dashboard, or no step done after the first
weeks), and invitations nobody used yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.invitations import PendingInvitation, pending_invitations
from incubator.core.vocabulary import Role, ScoringState
from incubator.db.models import CanvasComment, CanvasVersion, ConflictOfInterest, EventJudge, PitchEvent, Score, User
from incubator.judging.rubrics import get_rubric
from incubator.mentoring.sessions import latest_session_dates
from incubator.progress.dashboard import DEFAULT_STALE_DAYS, cohort_dashboard
from incubator.progress.rules import is_stale
from incubator.reports.journey import StepState, paths_of
from incubator.startups.profiles import list_visible_startups


@dataclass(frozen=True)
class MentorToDo:
    """A mentor's open items: (startup name, slug, count or date) each."""

    comments: list[tuple[str, str, int]] = field(default_factory=list)
    sessions_due: list[tuple[str, str, dt.date | None]] = field(default_factory=list)
    scoring: list[tuple[str, int]] = field(default_factory=list)  # (event name, criteria left)

    @property
    def empty(self) -> bool:
        """Tell whether nothing waits for the mentor."""
        return not (self.comments or self.sessions_due or self.scoring)


@dataclass(frozen=True)
class CoordinatorToDo:
    """A coordinator's open items."""

    not_started: list[str]
    stuck: list[str]
    invitations: list[PendingInvitation]


def mentor_to_do(session: Session, actor: Actor, today: dt.date | None = None) -> MentorToDo:
    """Return what waits for this mentor now."""
    today = today or dt.date.today()
    startups = list_visible_startups(session, actor) if actor.role is Role.MENTOR else []
    by_id = {startup.id: startup for startup in startups}
    open_comments = session.execute(
        select(CanvasVersion.startup_id, func.count())
        .join(CanvasComment, CanvasComment.version_id == CanvasVersion.id)
        .join(User, User.id == CanvasComment.author_id)
        .where(CanvasVersion.startup_id.in_(by_id), CanvasComment.resolved_at.is_(None), User.role == Role.FOUNDER)
        .group_by(CanvasVersion.startup_id)
    )
    comments = [(by_id[startup_id].name, by_id[startup_id].slug, count) for startup_id, count in open_comments]
    last = latest_session_dates(session, actor)
    due = [
        (startup.name, startup.slug, last.get(startup.slug))
        for startup in startups
        if is_stale(last.get(startup.slug), today, DEFAULT_STALE_DAYS, startup.created_at.date())
    ]
    return MentorToDo(sorted(comments), due, _scoring_left(session, actor))


def _scoring_left(session: Session, actor: Actor) -> list[tuple[str, int]]:
    events = session.scalars(
        select(PitchEvent)
        .join(EventJudge, EventJudge.event_id == PitchEvent.id)
        .where(EventJudge.user_id == actor.id, PitchEvent.scoring == ScoringState.OPEN)
    ).all()
    left = []
    for event in events:
        scored = session.scalar(
            select(func.count()).select_from(Score).where(Score.event_id == event.id, Score.judge_id == actor.id)
        )
        conflicts = session.scalar(
            select(func.count())
            .select_from(ConflictOfInterest)
            .where(ConflictOfInterest.event_id == event.id, ConflictOfInterest.judge_id == actor.id)
        )
        total = (len(event.pitches) - (conflicts or 0)) * len(get_rubric(event.rubric).criteria)
        if total - (scored or 0) > 0:
            left.append((event.name, total - (scored or 0)))
    return left


def coordinator_to_do(session: Session, actor: Actor, today: dt.date | None = None) -> CoordinatorToDo:
    """Return who has not started, who is stuck, and which invitations are unused; coordinators only."""
    require_coordinator(actor)
    startups = list_visible_startups(session, actor)
    paths = paths_of(session, startups)
    flagged = {row.slug for row in cohort_dashboard(session, actor, today=today).rows
               if row.no_recent_update and row.no_recent_feedback}  # fmt: skip
    not_started, stuck = [], []
    for startup in startups:
        path = paths[startup.id]
        if all(step.state is StepState.NOT_STARTED for step in path.steps):
            not_started.append(startup.name)
        elif startup.slug in flagged:
            stuck.append(startup.name)
    return CoordinatorToDo(not_started, stuck, pending_invitations(session, actor))
