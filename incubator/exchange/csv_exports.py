"""CSV downloads for coordinators: startups, milestones, metric values and scores.

Written by the one CSV writer, `incubator.core.csv_files` (UTF-8 with a BOM, formula guard).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor, require_coordinator
from incubator.core.csv_files import csv_download
from incubator.db.models import Metric, MetricValue, Milestone, Startup
from incubator.judging.scoring import named_scores


def startups_csv(session: Session, actor: Actor) -> bytes:
    """Every startup with its cohort, stage and team."""
    require_coordinator(actor)
    startups = session.scalars(
        select(Startup)
        .options(selectinload(Startup.founders), selectinload(Startup.mentors), selectinload(Startup.cohort))
        .order_by(Startup.slug)
    )
    header = ("slug", "name", "tagline", "cohort", "sector", "stage", "website", "contact_email", "founders", "mentors")
    return csv_download(header, (
        (s.slug, s.name, s.tagline, s.cohort.slug if s.cohort else "", s.sector, s.stage.value, s.website,
         s.contact_email, " ".join(f.email for f in s.founders), " ".join(m.email for m in s.mentors))
        for s in startups
    ))  # fmt: skip


def milestones_csv(session: Session, actor: Actor) -> bytes:
    """Every milestone of every startup."""
    require_coordinator(actor)
    rows = session.execute(
        select(Startup.slug, Milestone.title, Milestone.due, Milestone.status, Milestone.done_on, Milestone.description)
        .join(Startup, Startup.id == Milestone.startup_id)
        .order_by(Startup.slug, Milestone.due, Milestone.id)
    )
    header = ("startup", "title", "due", "status", "done_on", "description")
    return csv_download(
        header, ((slug, title, due, status.value, done_on, text) for slug, title, due, status, done_on, text in rows)
    )


def metrics_csv(session: Session, actor: Actor) -> bytes:
    """Every metric value of every startup."""
    require_coordinator(actor)
    rows = session.execute(
        select(Startup.slug, Metric.name, Metric.unit, MetricValue.on_date, MetricValue.value)
        .join(Metric, Metric.startup_id == Startup.id)
        .join(MetricValue, MetricValue.metric_id == Metric.id)
        .order_by(Startup.slug, Metric.name, MetricValue.on_date)
    )
    return csv_download(("startup", "metric", "unit", "date", "value"), rows)


def scores_csv(session: Session, actor: Actor) -> bytes:
    """Every judge's score, with the judge named (coordinators only, never shown to founders)."""
    require_coordinator(actor)
    rows = named_scores(session)
    return csv_download(("event", "startup", "judge", "criterion", "score", "comment"), rows)
