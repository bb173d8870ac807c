"""Signing in and staying signed in: throttled password checks, and server-side sign-in sessions.

The browser keeps only a random token in a cookie; the database keeps the token's SHA-256,
its owner, its expiry and whether it was revoked, so a reload or a second tab stays signed
in and signing out (or deactivating an account) ends it everywhere it is used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.accounts.devices import throttle_key
from incubator.accounts.passwords import hash_password, needs_rehash, verify_password
from incubator.accounts.throttling import (
    forget_failures,
    record_failure,
    record_throttle,
    required_wait,
    throttled_message,
)
from incubator.accounts.users import find_user_by_email
from incubator.core.errors import SignInFailed, SignInThrottled
from incubator.core.fields import normalise_email
from incubator.core.i18n import _
from incubator.core.tokens import looks_like_a_token, new_token, token_hash
from incubator.db.database import Database
from incubator.db.models import Invitation, SignInSession, User, utc_now

SIGN_IN_SESSION_LIFETIME = dt.timedelta(days=14)


def start_sign_in_session(
    session: Session, actor: Actor, method: str = "password", now: dt.datetime | None = None
) -> str:
    """Open a sign-in session for `actor` and return its token, to be kept in the browser's cookie."""
    now = now or utc_now()
    token = new_token()
    session.add(
        SignInSession(
            token_hash=token_hash(token),
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
    if not looks_like_a_token(token):
        return None  # absent, or not a token we made: a cookie is whatever the browser sends
    now = now or utc_now()
    user = session.scalar(
        select(User)
        .join(SignInSession, SignInSession.user_id == User.id)
        .where(
            SignInSession.token_hash == token_hash(token),
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
            .where(SignInSession.token_hash == token_hash(token), SignInSession.revoked_at.is_(None))
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


def sign_in_failed_message() -> str:
    """Return the one message for every failed sign-in, so it never tells which part was wrong."""
    return _("This email and password do not match an active account.")


@dataclass(frozen=True)
class _Account:
    id: int
    password_hash: str | None


def _account(session: Session, email: str) -> _Account | None:
    user = find_user_by_email(session, email)
    return _Account(user.id, user.password_hash) if user is not None and user.is_active else None


def sign_in_with_password(
    database: Database, email: str, password: str, client: str = "", device: str | None = None
) -> tuple[Actor, str]:
    """Check the password and open a sign-in session; raises SignInFailed (or SignInThrottled: too soon).

    `client` is the browser's address and `device` its device token, if any: a try with a device
    token trusted for this account is counted for that device, not for the address (see `devices`).

    This service owns its transactions, unlike the others: a failed try must be stored even though
    the sign-in is refused, and the slow password hash runs outside any transaction, so sign-ins
    never hold the SQLite write lock while hashing.
    """
    key = normalise_email(email)
    with database.read() as session:
        client = throttle_key(session, key, client, device)
        wait = required_wait(session, key, client)
        account = None if wait else _account(session, key)
    if wait:
        with database.write() as session:
            record_throttle(session, key, client, wait)
        raise SignInThrottled(throttled_message(wait))
    # The same work for an unknown email, a wrong password and a right one: one hash, one write.
    matches = verify_password(account.password_hash if account else None, password)
    new_hash = hash_password(password) if matches and account and needs_rehash(account.password_hash or "") else None
    with database.write() as session:
        user = session.get(User, account.id) if matches and account else None
        if user is None or not user.is_active or user.password_hash != account.password_hash:  # type: ignore[union-attr]
            record_failure(session, key, client)
            token = None
        else:
            if new_hash:
                user.password_hash = new_hash
            forget_failures(session, key, client)
            actor = Actor.of(user)
            token = start_sign_in_session(session, actor)
    if token is None:
        raise SignInFailed(sign_in_failed_message())
    return actor, token


def sign_in_with_single_sign_on(database: Database, email: str | None) -> str:
    """Open a sign-in session for the account the identity provider vouched for; return its token.

    Raises SignInFailed when no active account has that email.
    """
    with database.write() as session:
        actor = actor_for_single_sign_on(session, email)
        # An invited person who signs in with single sign-on has no use for the link any more.
        session.execute(
            update(Invitation)
            .where(Invitation.user_id == actor.id, Invitation.used_at.is_(None), Invitation.revoked_at.is_(None))
            .values(used_at=utc_now())
        )
        return start_sign_in_session(session, actor, method="sso")
