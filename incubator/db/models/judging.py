"""The tables of pitch events: events, their pitches and judges, scores, and declared conflicts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from incubator.core.vocabulary import ScoringState
from incubator.db.models.base import Base, UTCDateTime, _enum_column, utc_now

if TYPE_CHECKING:
    from incubator.db.models import Cohort, Startup, User


class PitchEvent(Base):
    """A pitch event (such as demo day): its pitches in order, its judges, its rubric and its scoring state."""

    __tablename__ = "pitch_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date | None] = mapped_column(Date)
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id", ondelete="SET NULL"))
    rubric: Mapped[str] = mapped_column(String(200), default="demo-day")
    scoring: Mapped[ScoringState] = mapped_column(
        _enum_column(ScoringState, "scoring_state"), default=ScoringState.DRAFT
    )
    results_published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)

    cohort: Mapped[Cohort | None] = relationship()
    pitches: Mapped[list[EventPitch]] = relationship(
        back_populates="event", order_by="EventPitch.position", cascade="all, delete-orphan"
    )
    judges: Mapped[list[User]] = relationship(secondary="event_judges", order_by="User.display_name")


class EventPitch(Base):
    """A startup pitching at an event, at its place in the order."""

    __tablename__ = "event_pitches"

    event_id: Mapped[int] = mapped_column(ForeignKey("pitch_events.id", ondelete="CASCADE"), primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)

    event: Mapped[PitchEvent] = relationship(back_populates="pitches")
    startup: Mapped[Startup] = relationship()


class EventJudge(Base):
    """A mentor who judges an event."""

    __tablename__ = "event_judges"

    event_id: Mapped[int] = mapped_column(ForeignKey("pitch_events.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class Score(Base):
    """One judge's score of one criterion for one pitch, with an optional comment."""

    __tablename__ = "scores"
    __table_args__ = (
        UniqueConstraint("event_id", "startup_id", "judge_id", "criterion"),
        # Covering indexes: the leaderboard sums an event's scores from these alone (migration 0009).
        Index("ix_scores_by_judge", "event_id", "startup_id", "judge_id", "criterion", "value"),
        Index("ix_scores_by_criterion", "event_id", "startup_id", "criterion", "value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("pitch_events.id", ondelete="CASCADE"), index=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    criterion: Mapped[str] = mapped_column(String(200))
    value: Mapped[float] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now, onupdate=utc_now)


class ConflictOfInterest(Base):
    """A judge's declaration that they will not score one startup at an event."""

    __tablename__ = "conflicts_of_interest"

    event_id: Mapped[int] = mapped_column(ForeignKey("pitch_events.id", ondelete="CASCADE"), primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
