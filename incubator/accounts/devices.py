"""Trusted devices: a browser that signed in to an account with its password passes the slow-down of its address.

At a coding school everyone shares one public address, so failed tries counted by address would
slow the account's owner down as much as the person guessing beside them. After a sign-in with the
right password the browser gets a device cookie (a random token; the database keeps its SHA-256,
as OWASP's "device cookies" describe). A try that brings a device token of the account tried is
counted for that device instead of the address: the owner signs in at once however often others
failed from the same address, while a browser without one is slowed as before, and a device that
fails is slowed on its own. Changing the password or signing out everywhere forgets the devices.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.core.fields import normalise_email
from incubator.core.tokens import looks_like_a_token, new_token, token_hash
from incubator.db.models import TrustedDevice, User, utc_now

DEVICE_LIFETIME = dt.timedelta(days=365)
DEVICE_COOKIE = "incubator_device"


def _device_of(session: Session, email: str, token: str | None, now: dt.datetime) -> TrustedDevice | None:
    if not looks_like_a_token(token):
        return None
    return session.scalar(
        select(TrustedDevice)
        .join(User, User.id == TrustedDevice.user_id)
        .where(
            TrustedDevice.token_hash == token_hash(token),
            TrustedDevice.expires_at > now,
            User.email == normalise_email(email),
        )
    )


def throttle_key(session: Session, email: str, client: str, device: str | None, now: dt.datetime | None = None) -> str:
    """Return whom a password try for `email` is counted against: its trusted device, else the client's address."""
    trusted = _device_of(session, email, device, now or utc_now())
    return f"device:{trusted.id}" if trusted else client


def trust_device(session: Session, actor: Actor, device: str | None, now: dt.datetime | None = None) -> str:
    """Return the device token to keep in the browser after the actor signed in with their password.

    The browser's own token when it is already trusted for this account, else a new one.
    """
    now = now or utc_now()
    if device and _device_of(session, actor.email, device, now) is not None:
        return device
    token = new_token()
    session.add(TrustedDevice(token_hash=token_hash(token), user_id=actor.id, created_at=now,
                              expires_at=now + DEVICE_LIFETIME))  # fmt: skip
    return token


def forget_devices(session: Session, user_id: int) -> None:
    """Forget every browser trusted for an account (its password changed, or it signed out everywhere)."""
    session.execute(delete(TrustedDevice).where(TrustedDevice.user_id == user_id))
