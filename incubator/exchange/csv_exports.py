"""CSV downloads for coordinators: startups, milestones, metric values and scores.

UTF-8 with a byte-order mark and a header row, so spreadsheet programs open accents correctly;
cells that a spreadsheet would run as a formula (starting with =, +, -, @) are prefixed with '.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor, require_coordinator
from incubator.db.models import Metric, MetricValue, Milestone, Startup
from incubator.judging.scoring import named_scores

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def startups_csv(session: Session, actor: Actor) -> bytes:
    """Every startup with its cohort, stage and team."""
    require_coordinator(actor)
    startups = session.scalars(
        select(Startup)
        .options(selectinload(Startup.founders), selectinload(Startup.mentors), selectinload(Startup.cohort))
        .order_by(Startup.slug)
    )
    header = ("slug", "name", "tagline", "cohort", "sector", "stage", "website", "contact_email", "founders", "mentors")
    return _csv(header, (
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
    return _csv(
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
    return _csv(("startup", "metric", "unit", "date", "value"), rows)


def scores_csv(session: Session, actor: Actor) -> bytes:
    """Every judge's score, with the judge named (coordinators only, never shown to founders)."""
    require_coordinator(actor)
    rows = named_scores(session)
    return _csv(("event", "startup", "judge", "criterion", "score", "comment"), rows)
