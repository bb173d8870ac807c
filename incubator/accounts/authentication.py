"""Signing in and staying signed in: password checks with lock-out, and server-side sign-in sessions.

The browser keeps only a random token in a cookie; the database keeps the token's SHA-256,
its owner, its expiry and whether it was revoked, so a reload or a second tab stays signed
in and signing out (or deactivating an account) ends it everywhere it is used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.accounts.passwords import hash_password, needs_rehash, verify_password
from incubator.accounts.users import find_user_by_email
from incubator.core.errors import SignInFailed
from incubator.core.i18n import _
from incubator.db.database import Database
from incubator.db.models import SignInSession, User, utc_now

MAX_FAILED_SIGN_INS = 5
LOCK_OUT_FOR = dt.timedelta(minutes=15)
SIGN_IN_SESSION_LIFETIME = dt.timedelta(days=14)


def sign_in_failed_message() -> str:
    """Return the one message for every failed sign-in, so it never tells which part was wrong."""
    return _(
        "This email and password do not match an active account. "
        "After {count} failed tries, an account is locked for {minutes} minutes."
    ).format(count=MAX_FAILED_SIGN_INS, minutes=int(LOCK_OUT_FOR.total_seconds() // 60))


_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{20,128}$")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_password_sign_in(session: Session, email: str, password: str, now: dt.datetime | None = None) -> Actor | None:
    """Return the actor whose email and password match, or None; counts failures and locks the account."""
    now = now or utc_now()
    user = find_user_by_email(session, email)
    if user is None or not user.is_active:
        verify_password(None, password)  # same time spent as for a real account
        return None
    if user.locked_until is not None and user.locked_until > now:
        verify_password(None, password)
        return None
    if not verify_password(user.password_hash, password):
        _count_failure(session, user, now)
        return None
    assert user.password_hash is not None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_sign_ins = 0
    user.locked_until = None
    return Actor.of(user)


def _count_failure(session: Session, user: User, now: dt.datetime) -> None:
    # An atomic increment: two wrong passwords typed at once must both count.
    failures = session.scalar(
        update(User)
        .where(User.id == user.id)
        .values(failed_sign_ins=User.failed_sign_ins + 1)
        .returning(User.failed_sign_ins)
    )
    if failures is not None and failures >= MAX_FAILED_SIGN_INS:
        session.execute(
            update(User).where(User.id == user.id).values(failed_sign_ins=0, locked_until=now + LOCK_OUT_FOR)
        )
        record_change(session, Actor.app_itself(), "lock", "user", user.email, reason="too many failed sign-ins")


def start_sign_in_session(
    session: Session, actor: Actor, method: str = "password", now: dt.datetime | None = None
) -> str:
    """Open a sign-in session for `actor` and return its token, to be kept in the browser's cookie."""
    now = now or utc_now()
    token = secrets.token_urlsafe(32)
    session.add(
        SignInSession(
            token_hash=_token_hash(token),
            user_id=actor.id,
            method=method,
            created_at=now,
            expires_at=now + SIGN_IN_SESSION_LIFETIME,
        )
    )
    record_change(session, actor, "sign_in", "user", actor.email, method=method)
    return token


def actor_for_token(session: Session, token: str | None, now: dt.datetime | None = None) -> Actor | None:
    """Return the actor of a live sign-in session, or None when it is unknown, expired, revoked or inactive."""
    if not isinstance(token, str) or not _TOKEN_SHAPE.match(token):
        return None  # absent, or not a token we made: a cookie is whatever the browser sends
    now = now or utc_now()
    user = session.scalar(
        select(User)
        .join(SignInSession, SignInSession.user_id == User.id)
        .where(
            SignInSession.token_hash == _token_hash(token),
            SignInSession.revoked_at.is_(None),
            SignInSession.expires_at > now,
            User.is_active.is_(True),
        )
    )
    return Actor.of(user) if user else None


def end_sign_in_session(session: Session, token: str | None, now: dt.datetime | None = None) -> None:
    """Revoke the sign-in session of `token` (signing out); an unknown token is ignored."""
    if token:
        session.execute(
            update(SignInSession)
            .where(SignInSession.token_hash == _token_hash(token), SignInSession.revoked_at.is_(None))
            .values(revoked_at=now or utc_now())
        )


def actor_for_single_sign_on(session: Session, email: str | None) -> Actor:
    """Map an identity confirmed by the OIDC provider to the active account with that email, or raise SignInFailed."""
    user = find_user_by_email(session, email) if email else None
    if user is None or not user.is_active:
        raise SignInFailed(
            _("Single sign-on worked, but no active account uses the email {email}. Ask a coordinator.").format(
                email=email or "?"
            )
        )
    return Actor.of(user)


def sign_in_with_password(database: Database, email: str, password: str) -> tuple[Actor, str]:
    """Check the password and open a sign-in session; raises SignInFailed.

    This service owns its transaction, unlike the others: a failed try must be stored
    even though the sign-in itself is refused.
    """
    with database.write() as session:
        actor = check_password_sign_in(session, email, password)
        token = start_sign_in_session(session, actor) if actor else None
    if actor is None or token is None:
        raise SignInFailed(sign_in_failed_message())
    return actor, token


def sign_in_with_single_sign_on(database: Database, email: str | None) -> str:
    """Open a sign-in session for the account the identity provider vouched for; return its token.

    Raises SignInFailed when no active account has that email.
    """
    with database.write() as session:
        actor = actor_for_single_sign_on(session, email)
        return start_sign_in_session(session, actor, method="sso")
