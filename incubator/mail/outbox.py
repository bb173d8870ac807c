"""The outbox: a message is written in the transaction of what caused it, delivered later by the sender.

`queue_message` renders the message in its recipient's language and stores it with a Message-ID
fixed now; without mail settings it stores nothing (the links to copy are what people get, as
before). The sender (`mail.sender`) delivers what is due. A message is queued, sending, sent,
failed (with the server's reason) or withdrawn; coordinators steer it from `settings.outbox`.
"""

from __future__ import annotations

from email.utils import make_msgid
from typing import Any

from sqlalchemy.orm import Session

from incubator.db.models import OutboxMessage, utc_now
from incubator.db.settings import incubator_name
from incubator.mail.settings import MailSettings, mail_settings
from incubator.mail.templates import one_line, render_mail

STATES = ("queued", "sending", "sent", "failed", "withdrawn")


def queue_message(
    session: Session,
    *,
    kind: str,
    recipient: str,
    name: str,
    language: str,
    values: dict[str, Any],
    user_id: int | None = None,
    notice: bool = False,
    html_blocks: dict[str, str] | None = None,
    settings: MailSettings | None = None,
) -> OutboxMessage | None:
    """Write message `kind` for `recipient` to the outbox (nothing when e-mail is off); return it.

    The caller owns the transaction: the message commits with what caused it, or not at all.
    """
    settings = settings or mail_settings()
    if settings is None:
        return None
    words = render_mail(
        kind, language, {"name": one_line(name), "incubator": incubator_name(session), **values},
        notice=notice, html_blocks=html_blocks,
    )  # fmt: skip
    message = OutboxMessage(
        message_id=make_msgid(domain=settings.sender_domain), kind=kind, recipient=recipient,
        recipient_name=one_line(name)[:200], user_id=user_id, language=language, subject=words.subject,
        text_body=words.text, html_body=words.html, state="queued", attempts=0, next_attempt_at=utc_now(),
        last_error="", created_at=utc_now(),
    )  # fmt: skip
    session.add(message)
    session.flush()
    return message
