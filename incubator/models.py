"""The database tables, as typed SQLAlchemy models.

The schema itself is created and changed only by the Alembic migrations in `alembic/`;
these classes must match them (a test compares the two).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utc_now() -> dt.datetime:
    """Return the current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored as naive UTC and read back timezone-aware, alike on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Role(enum.StrEnum):
    """What a person does in the incubator; it decides which pages and records they reach."""

    FOUNDER = "founder"
    MENTOR = "mentor"
    COORDINATOR = "coordinator"


class Stage(enum.StrEnum):
    """How far a startup has come."""

    IDEA = "idea"
    VALIDATION = "validation"
    MVP = "mvp"
    TRACTION = "traction"
    SCALING = "scaling"


def _enum_column(enum_class: type[enum.StrEnum], name: str) -> Enum:
    # Stored as plain strings with a CHECK constraint: no PostgreSQL enum type to migrate later.
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [member.value for member in members],
    )


class MilestoneStatus(enum.StrEnum):
    """Where a milestone stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    DROPPED = "dropped"


class ScoringState(enum.StrEnum):
    """Whether judges may score an event now."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Base(DeclarativeBase):
    """Base class of every model."""

    # Named constraints, so that migrations can alter them on SQLite (batch mode) and PostgreSQL alike.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class User(Base):
    """A person who signs in: founder, mentor or coordinator."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(_enum_column(Role, "user_role"))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)

    founded_startups: Mapped[list[Startup]] = relationship(
        secondary="founder_memberships", back_populates="founders", order_by="Startup.name"
    )
    mentored_startups: Mapped[list[Startup]] = relationship(
        secondary="mentor_assignments", back_populates="mentors", order_by="Startup.name"
    )


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


class SignInSession(Base):
    """A signed-in browser: the cookie holds the token, the database only its SHA-256."""

    __tablename__ = "sign_in_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(20), default="password")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()


class AuditEntry(Base):
    """Who did what to which record, and when."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(50))
    record_type: Mapped[str] = mapped_column(String(50))
    record_key: Mapped[str] = mapped_column(String(254))
    details: Mapped[str] = mapped_column(Text, default="")

    actor: Mapped[User | None] = relationship()


CANVAS_FIELDS = (
    "problem",
    "existing_alternatives",
    "customer_segments",
    "early_adopters",
    "unique_value_proposition",
    "high_level_concept",
    "solution",
    "channels",
    "revenue_streams",
    "cost_structure",
    "key_metrics",
    "unfair_advantage",
)
IDEA_FIELDS = ("problem", "target_customer", "solution_hypothesis", "why_now", "notes")


class Idea(Base):
    """A founder's raw idea, written before the canvas: one per startup, edited in place."""

    __tablename__ = "ideas"

    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), primary_key=True)
    problem: Mapped[str] = mapped_column(Text, default="")
    target_customer: Mapped[str] = mapped_column(Text, default="")
    solution_hypothesis: Mapped[str] = mapped_column(Text, default="")
    why_now: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now, onupdate=utc_now)


class CanvasVersion(Base):
    """One saved lean canvas: every save is a new version, never changed afterwards."""

    __tablename__ = "canvas_versions"
    __table_args__ = (UniqueConstraint("startup_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    problem: Mapped[str] = mapped_column(Text, default="")
    existing_alternatives: Mapped[str] = mapped_column(Text, default="")
    customer_segments: Mapped[str] = mapped_column(Text, default="")
    early_adopters: Mapped[str] = mapped_column(Text, default="")
    unique_value_proposition: Mapped[str] = mapped_column(Text, default="")
    high_level_concept: Mapped[str] = mapped_column(Text, default="")
    solution: Mapped[str] = mapped_column(Text, default="")
    channels: Mapped[str] = mapped_column(Text, default="")
    revenue_streams: Mapped[str] = mapped_column(Text, default="")
    cost_structure: Mapped[str] = mapped_column(Text, default="")
    key_metrics: Mapped[str] = mapped_column(Text, default="")
    unfair_advantage: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)

    created_by: Mapped[User | None] = relationship()

    def boxes(self) -> dict[str, str]:
        """Return the twelve canvas fields by name."""
        return {name: getattr(self, name) for name in CANVAS_FIELDS}


class CanvasComment(Base):
    """A mentor's comment on one box of one canvas version; the founders can mark it resolved."""

    __tablename__ = "canvas_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("canvas_versions.id", ondelete="CASCADE"), index=True)
    box: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    version: Mapped[CanvasVersion] = relationship()


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
    __table_args__ = (UniqueConstraint("event_id", "startup_id", "judge_id", "criterion"),)

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


class Ask(Base):
    """What a startup asks investors for: how much, in which currency, in what form, and what for."""

    __tablename__ = "asks"

    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), primary_key=True)
    amount: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    instrument: Mapped[str] = mapped_column(String(200), default="")
    use_of_funds: Mapped[str] = mapped_column(Text, default="")


class DeckVersion(Base):
    """One saved pitch deck: its outline and slides (as JSON), never changed afterwards."""

    __tablename__ = "deck_versions"
    __table_args__ = (UniqueConstraint("startup_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    outline: Mapped[str] = mapped_column(String(200), default="")
    slides_json: Mapped[str] = mapped_column(Text, default="[]")
    note: Mapped[str] = mapped_column(String(500), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
