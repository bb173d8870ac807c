"""What scoring produces: an event's leaderboard for coordinators, and each founder's published result."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.core.errors import NotFound, PermissionDenied
from incubator.core.i18n import _
from incubator.db.models import EventPitch, PitchEvent, Score, Startup, User
from incubator.judging.events import get_event
from incubator.judging.leaderboard import (
    JudgeStatistics,
    Method,
    ScoreRow,
    Standing,
    criterion_means,
    rank_raw_scores,
    raw_score_statistics,
)
from incubator.judging.rubrics import get_rubric
from incubator.judging.scoring import pitching_startup
from incubator.startups.profiles import open_startup


@dataclass(frozen=True)
class Leaderboard:
    """The ranking of an event, with what shows how fair it is."""

    standings: list[Standing]
    judges: list[JudgeStatistics]
    criterion_means: dict[str, dict[str, float]]
    unscored: list[str]
    judge_names: dict[str, str] = field(default_factory=dict)  # each judge's name, by the email that keys them


def event_leaderboard(session: Session, actor: Actor, event_slug: str, method: Method) -> Leaderboard:
    """Rank an event's startups by `method` ("raw" or "normalized"); coordinators only.

    The database adds the scores up from two covering indexes (one row per judge and startup, one per
    startup and criterion), so a hundred startups scored by forty judges on six criteria load 4,600
    small rows, not 24,000 scores.
    """
    require_coordinator(actor)
    event_id, rubric_name = _event_id_and_rubric(session, event_slug)
    rubric = get_rubric(rubric_name)
    weight = case(*((Score.criterion == name, value) for name, value in rubric.weights.items()), else_=literal(1.0))
    totals = session.execute(
        select(Score.startup_id, Score.judge_id, func.sum(Score.value * weight), func.sum(weight))
        .where(Score.event_id == event_id)
        .group_by(Score.startup_id, Score.judge_id)
    ).all()
    averages = session.execute(
        select(Score.startup_id, Score.criterion, func.avg(Score.value))
        .where(Score.event_id == event_id)
        .group_by(Score.startup_id, Score.criterion)
    ).all()
    judge_ids = {judge_id for _startup_id, judge_id, _weighted, _weights in totals}
    people = session.execute(select(User.id, User.email, User.display_name).where(User.id.in_(judge_ids))).all()
    judges = {user_id: email for user_id, email, _name in people}
    pitching = session.execute(
        select(Startup.id, Startup.slug, Startup.name)
        .join(EventPitch, EventPitch.startup_id == Startup.id)
        .where(EventPitch.event_id == event_id)
        .order_by(EventPitch.position)
    ).all()
    startup_ids = {startup_id for startup_id, _judge_id, _weighted, _weights in totals} | {row[0] for row in pitching}
    startups = {
        startup_id: (slug, name)
        for startup_id, slug, name in session.execute(
            select(Startup.id, Startup.slug, Startup.name).where(Startup.id.in_(startup_ids))
        )
    }
    raw = {
        (judges[judge_id], startups[startup_id][0]): weighted / weights
        for startup_id, judge_id, weighted, weights in totals
        if weights > 0
    }
    means: dict[str, dict[str, float]] = {}
    for startup_id, criterion, mean in averages:
        means.setdefault(startups[startup_id][0], {})[criterion] = float(mean)
    standings = rank_raw_scores(raw, dict(startups.values()), method)
    ranked = {standing.startup for standing in standings}
    unscored = [name for _id, slug, name in pitching if slug not in ranked]
    names = {email: name for _user_id, email, name in people}
    return Leaderboard(standings, raw_score_statistics(raw), means, unscored, names)


def _event_id_and_rubric(session: Session, event_slug: str) -> tuple[int, str | None]:
    row = session.execute(select(PitchEvent.id, PitchEvent.rubric).where(PitchEvent.slug == event_slug)).one_or_none()
    if row is None:
        raise NotFound(_("There is no event “{slug}”.").format(slug=event_slug))
    return int(row[0]), row[1]


@dataclass(frozen=True)
class PublishedResult:
    """What a founder sees once results are published: their averages and the comments, without judges' names."""

    criterion_means: dict[str, float]
    comments: list[tuple[str, str]]  # (criterion, comment)


def published_result(session: Session, actor: Actor, event_slug: str, startup_slug: str) -> PublishedResult:
    """Return a startup's published result; its founders (and coordinators), only after publication."""
    # Access first, with one answer for "no such startup" and "not yours": nobody probes who pitches where.
    access = open_startup(session, actor, startup_slug)
    if not (actor.is_coordinator or access.is_founder):
        raise PermissionDenied(_("You do not have access to this startup."))
    event = get_event(session, actor, event_slug)
    startup = pitching_startup(session, event, startup_slug)
    if not event.results_published and not actor.is_coordinator:
        raise PermissionDenied(_("The results are not published yet."))
    rows = session.execute(
        select(Score.criterion, Score.value, Score.comment).where(
            Score.event_id == event.id, Score.startup_id == startup.id
        )
    ).all()
    means = criterion_means(ScoreRow("", startup_slug, criterion, value) for criterion, value, _comment in rows)
    rubric = get_rubric(event.rubric)
    order, labels = [criterion.name for criterion in rubric.criteria], rubric.labels
    mine = means.get(startup_slug, {})
    in_rubric_order = {
        labels.get(name, name): mine[name]
        for name in sorted(mine, key=lambda name: (order.index(name) if name in order else len(order), name))
    }
    comments = [
        (labels.get(criterion, criterion), comment)
        for criterion, comment in sorted(
            ((criterion, comment) for criterion, _value, comment in rows if comment.strip()),
            key=lambda pair: (order.index(pair[0]) if pair[0] in order else len(order), pair),
        )
    ]
    return PublishedResult(in_rubric_order, comments)
