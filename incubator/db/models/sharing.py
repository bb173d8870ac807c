"""The tables of sharing: links that open a startup's deck or one-pager to one investor, and what they read."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from incubator.db.models.base import Base, UTCDateTime, utc_now


class ShareLink(Base):
    """A link for one investor (or a group) to a startup's deck or one-pager, or to a demo day's booklet.

    Only its token's hash is kept. It opens one startup's document or one event's booklet, never both.
    """

    __tablename__ = "share_links"
    __table_args__ = (CheckConstraint("(startup_id IS NULL) <> (event_id IS NULL)", name="one_subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    startup_id: Mapped[int | None] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("pitch_events.id", ondelete="CASCADE"), index=True)
    made_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    viewer_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    opens: Mapped[str] = mapped_column(String(12))  # "deck" or "onepager" (a startup's), "booklet" (an event's)
    allow_download: Mapped[bool] = mapped_column(Boolean, default=True)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)  # open through this day (UTC), none: no end
    passcode_hash: Mapped[str | None] = mapped_column(String(255))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)


class ShareView(Base):
    """One opening of a link in one browser: which slide shows since when, and whether it was downloaded.

    The slide on screen and the moment it appeared live here, not in a server's memory, so whichever
    replica serves the next change adds the time once; `changes` numbers them, so a change sent twice
    counts once.
    """

    __tablename__ = "share_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("share_links.id", ondelete="CASCADE"), index=True)
    view_key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    last_seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    current_slide: Mapped[int] = mapped_column(Integer, default=1)
    shown_since: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())  # none while the tab is hidden
    changes: Mapped[int] = mapped_column(Integer, default=0)
    downloaded: Mapped[bool] = mapped_column(Boolean, default=False)


class ShareSlideTime(Base):
    """How long one view showed one slide, in seconds (visible time only, each stretch capped)."""

    __tablename__ = "share_slide_times"

    view_id: Mapped[int] = mapped_column(ForeignKey("share_views.id", ondelete="CASCADE"), primary_key=True)
    slide: Mapped[int] = mapped_column(Integer, primary_key=True)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
