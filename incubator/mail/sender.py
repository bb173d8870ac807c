"""The sender: delivers what is due in the outbox, one sender at a time across replicas, nothing lost, nothing twice.

- **One at a time.** A sender works only while it holds the lease row (`sender_leases`), taken by a
  conditional UPDATE and renewed as it goes, on SQLite and PostgreSQL alike; the others wait.
- **Claimed, sent, marked.** A message is claimed (`sending`, by this sender) in one transaction,
  handed to the server, then marked `sent` by a conditional UPDATE that only its claimer can make,
  so no sender of ours can send a message that is marked sent.
- **A crash.** A sender killed between the server's "250 OK" and the mark leaves the message
  `sending`; the next holder of the lease (the old one's lease ran out) puts such messages back,
  and sends them again with the same Message-ID: sent again at most once, never lost.
- **Failures.** The server away or a 4xx: tried again after 1, 2, 4 … minutes (at most 3 hours
  apart), up to `MAX_ATTEMPTS` tries (about a day), then `failed` with the server's reason. A 5xx
  is `failed` at once; when it refused the recipient, their account's address is marked not reachable.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from incubator.core.errors import IncubatorError
from incubator.db.database import Database
from incubator.db.models import OutboxMessage, SenderLease, User, utc_now
from incubator.mail.notices import dispatch_notices
from incubator.mail.settings import MailSettings, mail_settings
from incubator.mail.transport import PermanentFailure, SmtpTransport, TemporaryFailure, Transport, composed

LOG = logging.getLogger("incubator.mail")
LEASE_NAME = "outbox"
LEASE = dt.timedelta(seconds=30)
BATCH = 50
MAX_ATTEMPTS = 15
FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(hours=3)
# The app's own sender rests this long after each message, so that while it works through a long queue
# the pages keep nearly all of the process (benchmarks/outbox.py prints both); `outbox run` does not rest.
PAUSE = 0.02


def retry_delay(attempts: int) -> dt.timedelta:
    """Return how long to wait before try number `attempts + 1` (pure rule): 1, 2, 4 … minutes, at most 3 hours."""
    delay: dt.timedelta = min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_RETRY)
    return delay


def new_holder() -> str:
    """Return a name for this sender, unique across machines, processes and threads."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class SendReport:
    """What one pass of the sender did."""

    held_lease: bool = False
    sent: int = 0
    retried: int = 0
    failed: int = 0
    recovered: int = 0
    errors: list[str] = field(default_factory=list)


def take_lease(session: Session, holder: str, lease: dt.timedelta = LEASE, now: dt.datetime | None = None) -> bool:
    """Take or renew the one sender's lease for `holder`; tell whether it holds it now."""
    now = now or utc_now()
    if session.get(SenderLease, LEASE_NAME) is None:
        session.add(SenderLease(name=LEASE_NAME, holder="", expires_at=now))
        session.flush()
    taken = session.execute(
        update(SenderLease)
        .where(SenderLease.name == LEASE_NAME, (SenderLease.holder == holder) | (SenderLease.expires_at <= now))
        .values(holder=holder, expires_at=now + lease)
        .execution_options(synchronize_session=False)
    )
    return int(taken.rowcount or 0) == 1  # type: ignore[attr-defined]


def release_lease(session: Session, holder: str) -> None:
    """Give the lease up at once (a sender that stops cleanly), so another may take it without waiting."""
    session.execute(
        update(SenderLease)
        .where(SenderLease.name == LEASE_NAME, SenderLease.holder == holder)
        .values(holder="", expires_at=utc_now())
        .execution_options(synchronize_session=False)
    )


def _recover_abandoned(session: Session, holder: str) -> int:
    """Put back the messages another sender claimed and never marked: it lost the lease, so it is gone."""
    recovered = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.state == "sending", OutboxMessage.claimed_by != holder)
        .values(state="queued", claimed_by=None, next_attempt_at=utc_now())
        .execution_options(synchronize_session=False)
    )
    return int(recovered.rowcount or 0)  # type: ignore[attr-defined]


def _claim_due(session: Session, holder: str, limit: int, now: dt.datetime) -> list[int]:
    due = session.scalars(
        select(OutboxMessage.id)
        .where(OutboxMessage.state == "queued", OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
    ).all()
    if not due:
        return []
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(due), OutboxMessage.state == "queued")
        .values(state="sending", claimed_by=holder, attempts=OutboxMessage.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    return list(
        session.scalars(
            select(OutboxMessage.id)
            .where(OutboxMessage.id.in_(due), OutboxMessage.claimed_by == holder, OutboxMessage.state == "sending")
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        )
    )


def _settle(session: Session, message_id: int, holder: str, **values: object) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.state == "sending", OutboxMessage.claimed_by == holder)
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def _send_one(
    database: Database, transport: Transport, settings: MailSettings, message_id: int, holder: str, report: SendReport
) -> None:
    with database.read() as session:
        row = session.get(OutboxMessage, message_id)
        if row is None or row.state != "sending" or row.claimed_by != holder:
            return
        message, recipient, attempts, user_id = composed(row, settings), row.recipient, row.attempts, row.user_id
    try:
        transport.send(message, recipient)
    except TemporaryFailure as error:
        reason = str(error)
        with database.write() as session:
            if attempts >= MAX_ATTEMPTS:
                _settle(session, message_id, holder, state="failed", claimed_by=None, last_error=reason)
                report.failed += 1
            else:
                _settle(session, message_id, holder, state="queued", claimed_by=None, last_error=reason,
                        next_attempt_at=utc_now() + retry_delay(attempts))  # fmt: skip
                report.retried += 1
        report.errors.append(reason)
        raise
    except PermanentFailure as error:
        reason = str(error)
        with database.write() as session:
            _settle(session, message_id, holder, state="failed", claimed_by=None, last_error=reason)
            if error.address_refused and user_id is not None:
                session.execute(update(User).where(User.id == user_id).values(email_unreachable=reason))
        report.failed += 1
        report.errors.append(reason)
        return
    with database.write() as session:
        _settle(session, message_id, holder, state="sent", claimed_by=None, sent_at=utc_now(), last_error="")
        if user_id is not None:  # delivered: an address marked not reachable before is reachable again
            session.execute(update(User).where(User.id == user_id, User.email_unreachable != "")
                            .values(email_unreachable=""))  # fmt: skip
    report.sent += 1


def send_due(
    database: Database,
    holder: str,
    *,
    settings: MailSettings | None = None,
    transport: Callable[[MailSettings], Transport] = SmtpTransport,
    lease: dt.timedelta = LEASE,
    limit: int | None = None,
    pause: float = 0.0,
) -> SendReport:
    """Send every message due now, if this sender can hold the lease; return what it did.

    Stops at the first temporary failure (the server is away: the rest wait their turn) and after
    `limit` messages, if given; waits `pause` seconds after each message (the app's own sender
    leaves the pages their share of the process). Raises ValidationFailed when a mail setting is wrong.
    """
    settings = settings or mail_settings()
    report = SendReport()
    if settings is None:
        return report
    with database.write() as session:
        report.held_lease = take_lease(session, holder, lease)
        if not report.held_lease:
            return report
        dispatch_notices(session, settings=settings)
    connection = transport(settings)
    try:
        while limit is None or report.sent + report.failed < limit:
            with database.write() as session:
                if not take_lease(session, holder, lease):  # renewed before each batch; lost if we stalled
                    report.held_lease = False
                    break
                report.recovered += _recover_abandoned(session, holder)
                claimed = _claim_due(session, holder, BATCH if limit is None else min(BATCH, limit), utc_now())
            renewed = time.monotonic()
            if not claimed:
                break
            try:
                for message_id in claimed:
                    if time.monotonic() - renewed > lease.total_seconds() / 3:  # never let it run out mid-batch
                        with database.write() as session:
                            if not take_lease(session, holder, lease):
                                report.held_lease = False
                                break
                        renewed = time.monotonic()
                    _send_one(database, connection, settings, message_id, holder, report)
                    if pause:
                        time.sleep(pause)
                if not report.held_lease:
                    break
            except TemporaryFailure:
                with database.write() as session:  # the rest of the batch waits for the next pass
                    session.execute(
                        update(OutboxMessage)
                        .where(OutboxMessage.claimed_by == holder, OutboxMessage.state == "sending")
                        .values(state="queued", claimed_by=None, attempts=OutboxMessage.attempts - 1)
                        .execution_options(synchronize_session=False)
                    )
                break
    finally:
        connection.close()
    return report


class BackgroundSender:
    """The app's own sender: a daemon thread that sends what is due every few seconds while it holds the lease."""

    def __init__(self, database: Database, interval: float = 3.0, pause: float = PAUSE) -> None:
        self.database = database
        self.interval = interval
        self.pause = pause
        self.holder = new_holder()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="incubator-mail-sender", daemon=True)

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the message in hand, and give the lease up."""
        self._stop.set()
        self._thread.join(timeout)
        with self.database.write() as session:
            release_lease(session, self.holder)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                send_due(self.database, self.holder, pause=self.pause)
            except Exception:  # the thread must outlive any failure; the log has it whole
                LOG.exception("the mail sender failed; it tries again in %s s", self.interval)
            self._stop.wait(self.interval)


_started: dict[str, BackgroundSender] = {}
_starting = threading.Lock()


def start_background_sender(database: Database) -> BackgroundSender | None:
    """Start this process's sender for `database` once (when e-mail is on); return it.

    `INCUBATOR_MAIL_SENDER=off` keeps the app from sending itself: for a deployment that runs
    `outbox run` from cron instead, and for page tests, whose databases come and go.
    """
    if os.environ.get("INCUBATOR_MAIL_SENDER", "").strip().lower() == "off":
        return None
    try:
        if mail_settings() is None:
            return None
    except IncubatorError:
        return None  # a wrong setting: the settings page says which; nothing is sent meanwhile
    key = str(database.engine.url)
    with _starting:
        if key not in _started:
            _started[key] = BackgroundSender(database)
            _started[key].start()
        return _started[key]
