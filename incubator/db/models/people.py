"""The tables of people: accounts, their sign-in sessions, and the audit log."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from incubator.core.fields import normalise_email
from incubator.core.vocabulary import Role
from incubator.db.models.base import Base, UTCDateTime, _enum_column, utc_now

if TYPE_CHECKING:
    from incubator.db.models import Startup


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
    # What the mail server said when it refused this address for good (empty: reachable, as far as we know).
    email_unreachable: Mapped[str] = mapped_column(String(300), default="")
    # Which notices this person gets by e-mail: a mentor's comment on the canvas, a logged session.
    notify_comments: Mapped[bool] = mapped_column(Boolean, default=True)
    notify_sessions: Mapped[bool] = mapped_column(Boolean, default=True)

    founded_startups: Mapped[list[Startup]] = relationship(
        secondary="founder_memberships", back_populates="founders", order_by="Startup.name"
    )
    mentored_startups: Mapped[list[Startup]] = relationship(
        secondary="mentor_assignments", back_populates="mentors", order_by="Startup.name"
    )

    @validates("email")
    def _normalised_email(self, _key: str, email: str) -> str:
        # Every write path stores the one normalised form, so "Zoé@x" (NFD) and "zoé@x" are one account.
        return normalise_email(email)


# The database itself refuses a second account whose email differs only in case.
Index("uq_users_email_folded", func.lower(User.email), unique=True)


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


class TrustedDevice(Base):
    """A browser that signed in to an account with its password: its cookie holds the token, here only the SHA-256."""

    __tablename__ = "trusted_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SignInFailure(Base):
    """One failed password check: the email tried and the client it came from, for throttling."""

    __tablename__ = "sign_in_failures"
    __table_args__ = (
        Index("ix_sign_in_failures_email", "email", "failed_at"),
        Index("ix_sign_in_failures_client", "client", "failed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    client: Mapped[str] = mapped_column(String(100))
    failed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Invitation(Base):
    """A one-time link that lets a person choose their own password: the database keeps only its SHA-256."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utc_now)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(foreign_keys=[user_id])
