"""Sign-in throttling: failed tries slow down the one who fails, and never lock the owner out.

Every failed password check (sign-in, or the current password on *My account*) is stored with the
email tried and the client it came from. Before a password is checked:

- from a client that failed for this email lately, the wait grows with each failure: after
  FREE_TRIES failures within WINDOW, 1 s, then 2, 4, 8 … up to MAX_WAIT after the latest one;
- a client that failed for many emails lately (password spraying) waits the same way, counted
  from CLIENT_FREE_TRIES failures;
- a client with no recent failure for this email is never slowed down for it: the account's owner
  signs in from their own device while someone else guesses elsewhere.

Unknown emails are counted like real ones, so the waits tell nothing about which accounts exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.core.i18n import _
from incubator.db.models import SignInFailure, utc_now

WINDOW = dt.timedelta(minutes=15)
FREE_TRIES = 3
CLIENT_FREE_TRIES = 20
MAX_WAIT = dt.timedelta(minutes=15)
CLIENT_LIMIT = 100  # characters of a client address kept


def wait_after(failures: Sequence[dt.datetime], free_tries: int, now: dt.datetime) -> dt.timedelta:
    """Return how long to wait before the next try, given the times of recent failures (pure rule)."""
    recent = sorted(moment for moment in failures if now - moment < WINDOW)
    if len(recent) < free_tries:
        return dt.timedelta(0)
    wait = min(dt.timedelta(seconds=2 ** (len(recent) - free_tries)), MAX_WAIT)
    return max(recent[-1] + wait - now, dt.timedelta(0))


def required_wait(session: Session, email: str, client: str, now: dt.datetime | None = None) -> dt.timedelta:
    """Return how long `client` must wait before trying a password for `email` (zero: go ahead)."""
    now = now or utc_now()
    since = now - WINDOW
    client = client[:CLIENT_LIMIT]
    for_email = session.scalars(
        select(SignInFailure.failed_at).where(
            SignInFailure.email == email, SignInFailure.client == client, SignInFailure.failed_at > since
        )
    ).all()
    from_client = session.scalars(
        select(SignInFailure.failed_at).where(SignInFailure.client == client, SignInFailure.failed_at > since)
    ).all()
    return max(wait_after(for_email, FREE_TRIES, now), wait_after(from_client, CLIENT_FREE_TRIES, now))


def throttled_message(wait: dt.timedelta) -> str:
    """Return the message for a try that came too soon after failed ones."""
    return _("Too many failed tries from here. Try again in {seconds} s.").format(seconds=int(wait.total_seconds()) + 1)


def record_failure(session: Session, email: str, client: str, now: dt.datetime | None = None) -> None:
    """Store one failed password check for `email` from `client`."""
    session.add(SignInFailure(email=email, client=client[:CLIENT_LIMIT], failed_at=now or utc_now()))


def record_throttle(session: Session, email: str, client: str, wait: dt.timedelta) -> None:
    """Write a throttled try to the audit log."""
    seconds = int(wait.total_seconds()) + 1
    record_change(session, Actor.app_itself(), "throttle", "sign_in", email, client=client[:CLIENT_LIMIT], wait=seconds)


def forget_failures(session: Session, email: str, client: str) -> None:
    """Clear the failures of `email` from `client` after a right password, and failures older than the window."""
    session.execute(
        delete(SignInFailure).where(SignInFailure.email == email, SignInFailure.client == client[:CLIENT_LIMIT])
    )
    session.execute(delete(SignInFailure).where(SignInFailure.failed_at < utc_now() - WINDOW))
