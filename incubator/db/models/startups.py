"""The tables of startups: cohorts, startups, their teams, and their ask."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from incubator.core.vocabulary import Stage
from incubator.db.models.base import Base, UTCDateTime, _enum_column, utc_now

if TYPE_CHECKING:
    from incubator.db.models import User


class Cohort(Base):
    """A group of startups that go through the programme together."""

    __tablename__ = "cohorts"
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates_in_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[dt.date | None] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)

    startups: Mapped[list[Startup]] = relationship(back_populates="cohort", order_by="Startup.name")


class Startup(Base):
    """A company in the making, with its founders and its mentors."""

    __tablename__ = "startups"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    tagline: Mapped[str] = mapped_column(String(200), default="")
    sector: Mapped[str] = mapped_column(String(200), default="")
    stage: Mapped[Stage] = mapped_column(_enum_column(Stage, "startup_stage"), default=Stage.IDEA)
    website: Mapped[str] = mapped_column(String(500), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id", ondelete="SET NULL"), index=True)
    # The number of the newest lean canvas version (0: none yet); saves compare it to the version they edited.
    canvas_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Likewise for the pitch deck.
    deck_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now, onupdate=utc_now)

    cohort: Mapped[Cohort | None] = relationship(back_populates="startups")
    founders: Mapped[list[User]] = relationship(
        secondary="founder_memberships", back_populates="founded_startups", order_by="User.email"
    )
    mentors: Mapped[list[User]] = relationship(
        secondary="mentor_assignments", back_populates="mentored_startups", order_by="User.email"
    )


class FounderMembership(Base):
    """A founder belongs to a startup's team."""

    __tablename__ = "founder_memberships"

    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)


class MentorAssignment(Base):
    """A mentor follows a startup."""

    __tablename__ = "mentor_assignments"

    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True)
    assigned_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)


class TeamMember(Base):
    """Someone on a startup's team who has no account here (a co-founder abroad, a part-time designer)."""

    __tablename__ = "team_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(100), default="")


class Ask(Base):
    """What a startup asks investors for: how much, in which currency, in what form, and what for."""

    __tablename__ = "asks"

    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), primary_key=True)
    amount: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    instrument: Mapped[str] = mapped_column(String(200), default="")
    use_of_funds: Mapped[str] = mapped_column(Text, default="")
