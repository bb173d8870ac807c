"""The tables of e-mail: the outbox, the lease that lets one sender work at a time, notices, and settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from incubator.db.models.base import Base, UTCDateTime, utc_now


class OutboxMessage(Base):
    """One e-mail, written in the transaction that caused it and delivered later by the sender.

    `state` is queued, sending (claimed by `claimed_by`), sent, failed or withdrawn; `message_id` is
    fixed when it is written, so a copy sent again after a crash is recognisable as the same message.
    """

    __tablename__ = "outbox_messages"
    __table_args__ = (Index("ix_outbox_messages_due", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(254))
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    subject: Mapped[str] = mapped_column(String(400))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    last_error: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class SenderLease(Base):
    """Who may send now: one row a sender renews while it works, so replicas never send side by side."""

    __tablename__ = "sender_leases"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(80), default="")
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Notice(Base):
    """Something a person is told about by e-mail (a mentor's comment, a session logged), sent alone or in a digest."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(String(400))
    link: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_messages.id", ondelete="SET NULL"))


class IncubatorSetting(Base):
    """One setting a coordinator changes in the app (the incubator's name): kept in the database for every replica."""

    __tablename__ = "incubator_settings"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(400))
