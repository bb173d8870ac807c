"""The outbox as coordinators see it: whether e-mail is on, each message's state, and retry or withdraw."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.core.errors import NotFound, ValidationFailed
from incubator.core.i18n import _
from incubator.db.models import OutboxMessage, utc_now
from incubator.mail.outbox import STATES
from incubator.mail.settings import MailSettings, mail_settings


@dataclass(frozen=True)
class OutboxEntry:
    """A message as the coordinator's settings page and `outbox list` show it (never its body)."""

    id: int
    recipient: str
    subject: str
    kind: str
    state: str
    attempts: int
    last_error: str
    created_at: dt.datetime
    sent_at: dt.datetime | None


@dataclass(frozen=True)
class OutboxView:
    """The e-mail section of the settings page: whether mail is on, how, and the messages."""

    settings: MailSettings | None
    problem: str
    counts: dict[str, int]
    messages: list[OutboxEntry]


def list_outbox(session: Session, actor: Actor, *, limit: int = 200) -> list[OutboxEntry]:
    """Return the newest messages first; coordinators only."""
    require_coordinator(actor)
    rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)).all()
    return [
        OutboxEntry(row.id, row.recipient, row.subject, row.kind, row.state, row.attempts, row.last_error,
                    row.created_at, row.sent_at)
        for row in rows
    ]  # fmt: skip


def outbox_view(session: Session, actor: Actor) -> OutboxView:
    """Return whether e-mail is on (and why not, when a setting is wrong), the counts by state and the messages."""
    require_coordinator(actor)
    try:
        settings, problem = mail_settings(), ""
    except ValidationFailed as error:
        settings, problem = None, str(error)
    counted = session.execute(select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)).all()
    counts = dict.fromkeys(STATES, 0) | {state: int(count) for state, count in counted}
    return OutboxView(settings, problem, counts, list_outbox(session, actor))


def _message(session: Session, message_id: int) -> OutboxMessage:
    message = session.get(OutboxMessage, message_id)
    if message is None:
        raise NotFound(_("There is no such message."))
    return message


def retry_message(session: Session, actor: Actor, message_id: int) -> None:
    """Queue a failed message again, due now, with its tries counted afresh; coordinators only."""
    require_coordinator(actor)
    message = _message(session, message_id)
    if message.state != "failed":
        raise ValidationFailed(_("Only a message that failed can be sent again."), field="message")
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message.id, OutboxMessage.state == "failed")
        .values(state="queued", attempts=0, next_attempt_at=utc_now(), claimed_by=None)
    )


def withdraw_message(session: Session, actor: Actor, message_id: int) -> None:
    """Withdraw a message not sent yet (queued or failed): it is never sent; coordinators only."""
    require_coordinator(actor)
    message = _message(session, message_id)
    withdrawn = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message.id, OutboxMessage.state.in_(("queued", "failed")))
        .values(state="withdrawn", claimed_by=None)
    )
    if withdrawn.rowcount != 1:  # type: ignore[attr-defined]
        raise ValidationFailed(_("This message is already on its way or sent: it cannot be withdrawn."))
