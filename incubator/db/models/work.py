"""The tables of what founders write: the idea, canvas versions with mentors' comments, and deck versions."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.db.models.base import Base, UTCDateTime, utc_now

if TYPE_CHECKING:
    from incubator.db.models import User


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
