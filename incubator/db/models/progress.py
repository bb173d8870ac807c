"""The tables of progress: milestones, metrics and their values, and mentoring sessions with action items."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from incubator.core.vocabulary import MilestoneStatus
from incubator.db.models.base import Base, UTCDateTime, _enum_column, utc_now

if TYPE_CHECKING:
    from incubator.db.models import User


class Milestone(Base):
    """A step in a startup's plan: what, by when, and where it stands."""

    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[MilestoneStatus] = mapped_column(
        _enum_column(MilestoneStatus, "milestone_status"), default=MilestoneStatus.PLANNED
    )
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    # The plan step this milestone came from, so that applying a plan twice duplicates nothing.
    plan_step: Mapped[str | None] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now, onupdate=utc_now)


class Metric(Base):
    """A traction metric a startup tracks, such as weekly bookings."""

    __tablename__ = "metrics"
    __table_args__ = (UniqueConstraint("startup_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20), default="")
    may_be_negative: Mapped[bool] = mapped_column(Boolean, default=False)


class MetricValue(Base):
    """A metric's value on one date (one value per date: a second one replaces it)."""

    __tablename__ = "metric_values"
    __table_args__ = (UniqueConstraint("metric_id", "on_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metrics.id", ondelete="CASCADE"), index=True)
    on_date: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now, onupdate=utc_now)


class MentoringSession(Base):
    """A mentor's log of one session with a startup."""

    __tablename__ = "mentoring_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)

    mentor: Mapped[User | None] = relationship()
    action_items: Mapped[list[ActionItem]] = relationship(
        back_populates="mentoring_session", order_by="ActionItem.id", cascade="all, delete-orphan"
    )


class ActionItem(Base):
    """Something to do after a mentoring session: who, by when, and whether it is done."""

    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("mentoring_sessions.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[dt.date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    mentoring_session: Mapped[MentoringSession] = relationship(back_populates="action_items")
