"""The outbox commands: `outbox run` (the sender, alone or from cron) and `outbox list`."""

from __future__ import annotations

import datetime as dt
import signal
import threading
from types import FrameType

from incubator.accounts.actors import Actor
from incubator.cli.support import EXIT_OK
from incubator.core.errors import ValidationFailed
from incubator.core.i18n import _
from incubator.db.database import Database
from incubator.mail.sender import new_holder, release_lease, send_due
from incubator.mail.settings import mail_settings
from incubator.settings.outbox import list_outbox

INTERVAL_SECONDS = 3.0
HEADER = ["recipient", "subject", "state", "attempts"]


def list_outbox_lines(database: Database) -> str:
    """Return the outbox as tab-separated lines: a header, then recipient, subject, state and tries, newest first."""
    with database.read() as session:
        entries = list_outbox(session, Actor.command_line(), limit=100_000)
    rows = [[entry.recipient, entry.subject, entry.state, str(entry.attempts)] for entry in entries]
    return "".join("\t".join(" ".join(cell.split()) for cell in row) + "\n" for row in [HEADER, *rows])


def run_sender(database: Database, *, once: bool, lease_seconds: float) -> int:
    """Send what is due (once, or every few seconds until SIGTERM or Ctrl-C); raise ValidationFailed if mail is off."""
    if not 1 <= lease_seconds <= 3600:
        raise ValidationFailed(_("--lease must be from 1 to 3600 seconds."), field="lease")
    if mail_settings() is None:
        raise ValidationFailed(
            _("E-mail is off: set INCUBATOR_SMTP_HOST and INCUBATOR_MAIL_FROM (README, E-mail)."), field="smtp"
        )
    holder, lease = new_holder(), dt.timedelta(seconds=lease_seconds)
    stop = threading.Event()

    def stop_now(_signal: int, _frame: FrameType | None) -> None:
        stop.set()

    if not once:
        signal.signal(signal.SIGTERM, stop_now)
        signal.signal(signal.SIGINT, stop_now)
    try:
        while True:
            report = send_due(database, holder, lease=lease)
            if once:
                if not report.held_lease:
                    print(_("Another sender is at work (the app's, or another replica's): nothing sent from here."))
                    return EXIT_OK
                print(_("Sent {sent}, to try again {retried}, failed {failed}.").format(
                    sent=report.sent, retried=report.retried, failed=report.failed
                ))  # fmt: skip
                return EXIT_OK
            if stop.wait(INTERVAL_SECONDS):
                return EXIT_OK
    finally:
        with database.write() as session:
            release_lease(session, holder)
