"""Gather a startup's latest data into the plain record the one-page investor summary prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from incubator.actors import Actor
from incubator.asks import AskText, get_ask
from incubator.canvases import latest_canvas
from incubator.errors import PermissionDenied
from incubator.i18n import _
from incubator.labels import stage_label
from incubator.metrics import list_metrics, metric_series
from incubator.milestones import list_milestones
from incubator.models import CANVAS_FIELDS, MilestoneStatus, Score, Startup
from incubator.progress_rules import month_over_month_growth
from incubator.rubrics import load_rubrics
from incubator.startups import get_startup

if TYPE_CHECKING:
    from incubator.onepager_pdf import Booklet


@dataclass(frozen=True)
class MetricFigure:
    """A metric's values for the chart and its key figures."""

    name: str
    unit: str
    points: list[tuple[dt.date, float]]
    growth: float | None


@dataclass(frozen=True)
class OnePager:
    """Everything the one-page investor summary shows, as plain values."""

    slug: str
    name: str
    tagline: str
    stage: str
    sector: str
    cohort: str
    canvas: dict[str, str]
    metrics: list[MetricFigure]
    done: list[tuple[str, dt.date | None]]
    next: list[tuple[str, dt.date | None]]
    team: list[str]
    ask: AskText
    contact: str
    website: str
    made_on: dt.date
    incubator_name: str = "Incubator"
    scores: list[tuple[str, float]] | None = None
    chart_png: bytes | None = field(default=None, repr=False)


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
    startup = get_startup(session, actor, slug)
    if include_scores and not actor.is_coordinator:
        raise PermissionDenied(_("Only coordinators choose to show mentors' scores."))
    canvas = latest_canvas(session, actor, slug)
    fields = canvas.boxes() if canvas else dict.fromkeys(CANVAS_FIELDS, "")
    series = metric_series(session, actor, slug)
    figures = [
        MetricFigure(
            metric.name, metric.unit, series.get(metric.name, []), month_over_month_growth(series.get(metric.name, []))
        )
        for metric in list_metrics(session, actor, slug)
    ]
    milestones = list_milestones(session, actor, slug)
    done = [(m.title, m.done_on) for m in milestones if m.status is MilestoneStatus.DONE]
    upcoming = [
        (m.title, m.due) for m in milestones if m.status in (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS)
    ]
    return OnePager(
        slug=startup.slug,
        name=startup.name,
        tagline=fields["high_level_concept"] or startup.tagline,
        stage=stage_label(startup.stage),
        sector=startup.sector,
        cohort=startup.cohort.name if startup.cohort else "",
        canvas=fields,
        metrics=figures,
        done=done[-4:],
        next=upcoming[:4],
        team=[founder.display_name for founder in startup.founders],
        ask=get_ask(session, actor, slug),
        contact=startup.contact_email,
        website=startup.website,
        made_on=today or dt.date.today(),
        scores=_mean_scores(session, startup) if include_scores else None,
    )


def event_booklet(session: Session, actor: Actor, event_slug: str) -> Booklet:
    """Return the booklet of an event: one summary (with its chart) per pitch, in pitching order; coordinators only."""
    from incubator.events import get_event
    from incubator.onepager_pdf import Booklet
    from incubator.permissions import require_coordinator

    require_coordinator(actor)
    event = get_event(session, actor, event_slug)
    pages = [with_traction_chart(investor_summary(session, actor, pitch.startup.slug)) for pitch in event.pitches]
    return Booklet(event.name, event.date, event.cohort.name if event.cohort else "", pages)


def with_traction_chart(page: OnePager) -> OnePager:
    """Return the summary with its traction chart rendered: the app's own chart of the metric with most values."""
    from dataclasses import replace

    from incubator.charts import chart_png, metric_chart

    charted = max(
        (metric for metric in page.metrics if len(metric.points) >= 2),
        key=lambda metric: len(metric.points),
        default=None,
    )
    if charted is None:
        return page
    return replace(page, chart_png=chart_png(metric_chart(charted.points, charted.name, charted.unit), scale=2.0))
