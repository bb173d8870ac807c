"""The room on demo day: who has scored what while scoring runs, and which event the leaderboard opens on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.core.vocabulary import ScoringState
from incubator.db.models import ConflictOfInterest, PitchEvent, Score, Startup, User
from incubator.judging.events import get_event
from incubator.judging.rubrics import get_rubric


@dataclass(frozen=True)
class ScoringRoom:
    """How far each judge has scored each pitch of one event."""

    judges: list[tuple[str, str]]  # (email, name), by name
    pitches: list[tuple[str, str]]  # (slug, name), in pitching order
    scored: dict[tuple[str, str], int]  # (judge email, startup slug) -> criteria scored
    conflicts: set[tuple[str, str]]  # (judge email, startup slug)
    criteria: int

    def progress(self, judge: str, pitch: str) -> int | None:
        """Return how many criteria of `pitch` this judge has scored, or None for a declared conflict."""
        return None if (judge, pitch) in self.conflicts else self.scored.get((judge, pitch), 0)

    def left_to_score(self, judge: str) -> int:
        """Count the criteria this judge has still to score (conflicts need none)."""
        return sum(
            self.criteria - self.scored.get((judge, slug), 0)
            for slug, _name in self.pitches
            if (judge, slug) not in self.conflicts
        )

    def behind(self) -> list[tuple[str, int]]:
        """Return the judges with criteria left, most left first: (name, criteria left)."""
        names = dict(self.judges)
        left = [(names[email], self.left_to_score(email)) for email, _name in self.judges]
        return sorted(((name, count) for name, count in left if count), key=lambda item: (-item[1], item[0]))


def scoring_room(session: Session, actor: Actor, event_slug: str) -> ScoringRoom:
    """Return how far every judge of an event has scored every pitch; coordinators only (never the scores)."""
    require_coordinator(actor)
    event = get_event(session, actor, event_slug)
    counts = session.execute(
        select(User.email, Startup.slug, func.count())
        .select_from(Score)
        .join(User, User.id == Score.judge_id)
        .join(Startup, Startup.id == Score.startup_id)
        .where(Score.event_id == event.id)
        .group_by(User.email, Startup.slug)
    )
    conflicts = session.execute(
        select(User.email, Startup.slug)
        .select_from(ConflictOfInterest)
        .join(User, User.id == ConflictOfInterest.judge_id)
        .join(Startup, Startup.id == ConflictOfInterest.startup_id)
        .where(ConflictOfInterest.event_id == event.id)
    )
    return ScoringRoom(
        judges=[(judge.email, judge.display_name) for judge in event.judges],
        pitches=[(pitch.startup.slug, pitch.startup.name) for pitch in event.pitches],
        scored={(email, slug): count for email, slug, count in counts},
        conflicts={(email, slug) for email, slug in conflicts},
        criteria=len(get_rubric(event.rubric).criteria),
    )


@dataclass(frozen=True)
class BoardChoice:
    """An event as the leaderboard's picker weighs it."""

    slug: str
    scoring: ScoringState
    date: dt.date | None
    has_scores: bool


def choose_board_event(events: Sequence[BoardChoice]) -> str | None:
    """Return the event the leaderboard opens on: one with scores to show, the live one first, and the latest.

    Without scores anywhere, the live event (its board fills as judges tap), else the first. An event
    that is live but not yet scored gives way to one with results: an empty board tells nothing.
    """

    def recent_first(choice: BoardChoice) -> tuple[bool, int]:
        return (choice.date is None, -choice.date.toordinal() if choice.date else 0)

    def is_live(choice: BoardChoice) -> bool:
        return choice.scoring is ScoringState.OPEN

    for wanted in (lambda choice: is_live(choice) and choice.has_scores, lambda choice: choice.has_scores, is_live):
        matching = sorted((choice for choice in events if wanted(choice)), key=recent_first)
        if matching:
            return matching[0].slug
    return events[0].slug if events else None


def board_choices(session: Session, actor: Actor) -> list[BoardChoice]:
    """Return every event with what the leaderboard's picker needs to know of it; coordinators only."""
    require_coordinator(actor)
    scored = set(session.scalars(select(Score.event_id).distinct()))
    events = session.execute(
        select(PitchEvent.id, PitchEvent.slug, PitchEvent.scoring, PitchEvent.date).order_by(
            PitchEvent.date.desc().nulls_last(), PitchEvent.name
        )
    )
    return [BoardChoice(slug, scoring, date, event_id in scored) for event_id, slug, scoring, date in events]
