"""The cohort dashboard: one row per startup, built with a fixed number of queries however many startups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.core.vocabulary import MilestoneStatus, Role, Stage
from incubator.db.models import MentoringSession, Metric, MetricValue, Milestone
from incubator.progress.rules import is_overdue, is_stale, share_done
from incubator.startups.cohorts import get_cohort
from incubator.startups.profiles import list_visible_startups

DEFAULT_STALE_DAYS = 21


@dataclass(frozen=True)
class DashboardRow:
    """How one startup is doing."""

    slug: str
    name: str
    stage: Stage
    milestones: int
    share_done: float | None
    overdue: int
    last_metric: dt.date | None
    last_feedback: dt.date | None
    no_recent_update: bool
    no_recent_feedback: bool


@dataclass(frozen=True)
class Dashboard:
    """The rows, plus the dates milestones were done (for the cohort's progress chart)."""

    rows: list[DashboardRow]
    done_dates: list[dt.date]


def cohort_dashboard(
    session: Session,
    actor: Actor,
    cohort_slug: str | None = None,
    stale_days: int = DEFAULT_STALE_DAYS,
    today: dt.date | None = None,
) -> Dashboard:
    """Return the dashboard of a cohort (coordinators) or of the actor's own startups (mentors, founders)."""
    today = today or dt.date.today()
    startups = list_visible_startups(session, actor)
    if cohort_slug is not None and actor.role is Role.COORDINATOR:
        cohort = get_cohort(session, actor, cohort_slug)
        startups = [startup for startup in startups if startup.cohort_id == cohort.id]
    ids = [startup.id for startup in startups]
    milestones: dict[int, list[tuple[MilestoneStatus, dt.date | None]]] = defaultdict(list)
    done_dates: list[dt.date] = []
    for startup_id, status, due, done_on in session.execute(
        select(Milestone.startup_id, Milestone.status, Milestone.due, Milestone.done_on).where(
            Milestone.startup_id.in_(ids)
        )
    ):
        milestones[startup_id].append((status, due))
        if status is MilestoneStatus.DONE and done_on:
            done_dates.append(done_on)
    last_metric = dict(
        session.execute(
            select(Metric.startup_id, func.max(MetricValue.on_date))
            .join(MetricValue, MetricValue.metric_id == Metric.id)
            .where(Metric.startup_id.in_(ids))
            .group_by(Metric.startup_id)
        ).all()
    )
    last_feedback = dict(
        session.execute(
            select(MentoringSession.startup_id, func.max(MentoringSession.held_on))
            .where(MentoringSession.startup_id.in_(ids))
            .group_by(MentoringSession.startup_id)
        ).all()
    )
    rows = [
        DashboardRow(
            slug=startup.slug,
            name=startup.name,
            stage=startup.stage,
            milestones=len(milestones[startup.id]),
            share_done=share_done(status for status, _due in milestones[startup.id]),
            overdue=sum(1 for status, due in milestones[startup.id] if is_overdue(status, due, today)),
            last_metric=last_metric.get(startup.id),
            last_feedback=last_feedback.get(startup.id),
            no_recent_update=is_stale(last_metric.get(startup.id), today, stale_days, startup.created_at.date()),
            no_recent_feedback=is_stale(last_feedback.get(startup.id), today, stale_days, startup.created_at.date()),
        )
        for startup in startups
    ]
    return Dashboard(rows, sorted(done_dates))
