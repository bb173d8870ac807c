"""Gather a startup's latest data into the plain record the one-page investor summary prints."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.canvas.versions import latest_canvas_of
from incubator.core.errors import PermissionDenied
from incubator.core.i18n import _
from incubator.core.labels import stage_label
from incubator.core.vocabulary import CANVAS_FIELDS, MilestoneStatus
from incubator.db.models import Score, Startup
from incubator.db.settings import incubator_name
from incubator.judging.events import get_event
from incubator.judging.rubrics import load_rubrics
from incubator.progress.metrics import metric_series_of, metrics_of
from incubator.progress.milestones import milestones_of
from incubator.progress.rules import month_over_month_growth
from incubator.reports.charts import with_traction_chart
from incubator.reports.printout import Booklet, MetricFigure, OnePager
from incubator.startups.asks import ask_of
from incubator.startups.profiles import get_startup
from incubator.startups.teams import team_names_of


def _mean_scores(session: Session, startup: Startup) -> list[tuple[str, float]]:
    rows = session.execute(select(Score.criterion, Score.value).where(Score.startup_id == startup.id)).all()
    by_criterion: dict[str, list[float]] = {}
    for criterion, value in rows:
        by_criterion.setdefault(criterion, []).append(value)
    labels = {name: label for rubric in load_rubrics()[0].values() for name, label in rubric.labels.items()}
    return [(labels.get(criterion, criterion), sum(values) / len(values)) for criterion, values in by_criterion.items()]


def investor_summary(
    session: Session, actor: Actor, slug: str, *, include_scores: bool = False, today: dt.date | None = None
) -> OnePager:
    """Return the one-pager's data for a startup the actor may see; only coordinators may add mentors' scores."""
    if include_scores and not actor.is_coordinator:
        raise PermissionDenied(_("Only coordinators choose to show mentors' scores."))
    startup = get_startup(session, actor, slug)  # the one check: everything below reads this startup
    return _summary_of(session, startup, include_scores=include_scores, today=today)


def _summary_of(session: Session, startup: Startup, *, include_scores: bool, today: dt.date | None) -> OnePager:
    canvas = latest_canvas_of(session, startup)
    fields = canvas.boxes() if canvas else dict.fromkeys(CANVAS_FIELDS, "")
    series = metric_series_of(session, startup)
    figures = [
        MetricFigure(
            metric.name, metric.unit, series.get(metric.name, []), month_over_month_growth(series.get(metric.name, []))
        )
        for metric in metrics_of(session, startup)
    ]
    milestones = milestones_of(session, startup)
    done = [(m.title, m.done_on) for m in milestones if m.status is MilestoneStatus.DONE]
    upcoming = [
        (m.title, m.due) for m in milestones if m.status in (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS)
    ]
    return OnePager(
        slug=startup.slug,
        name=startup.name,
        tagline=startup.tagline or fields["high_level_concept"],  # the coordinator's one-liner; the concept else
        stage=stage_label(startup.stage),
        sector=startup.sector,
        cohort=startup.cohort.name if startup.cohort else "",
        canvas=fields,
        metrics=figures,
        done=done[-4:],
        next=upcoming[:4],
        team=team_names_of(session, startup),
        ask=ask_of(session, startup),
        contact=startup.contact_email,
        website=startup.website,
        made_on=today or dt.date.today(),
        incubator_name=incubator_name(session),
        scores=_mean_scores(session, startup) if include_scores else None,
    )


def event_booklet(session: Session, actor: Actor, event_slug: str) -> Booklet:
    """Return the booklet of an event: one summary (with its chart) per pitch, in pitching order; coordinators only."""
    require_coordinator(actor)  # the one check: a coordinator sees every startup of the event
    event = get_event(session, actor, event_slug)
    pages = [
        with_traction_chart(_summary_of(session, pitch.startup, include_scores=False, today=None))
        for pitch in event.pitches
    ]
    return Booklet(event.name, event.date, event.cohort.name if event.cohort else "", pages, incubator_name(session))
