"""Notices: what a founder is told by e-mail (a mentor's comment, a session logged), alone or in a daily digest.

`notify` stores a notice in the transaction of what happened, worded in the recipient's language,
when e-mail is on and the person wants that kind. The sender turns pending notices into messages
(`dispatch_notices`): at most `NOTICES_A_DAY` messages of notices a person in 24 hours; when more
are waiting than that leaves room for, they all go in one digest, at most one digest a day, and
what comes after waits for the next day's digest.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from incubator.core.addresses import page_link
from incubator.core.errors import ValidationFailed
from incubator.db.models import Notice, OutboxMessage, User, utc_now
from incubator.mail.outbox import queue_message
from incubator.mail.settings import MailSettings, mail_settings
from incubator.mail.templates import one_line

NOTICES_A_DAY = 3
DAY = dt.timedelta(hours=24)
KINDS = {"comment": "notify_comments", "session": "notify_sessions"}
SUMMARY_LIMIT = 400


def wants(user: User, kind: str) -> bool:
    """Tell whether `user` gets notices of `kind` by e-mail (their choice on *My account*)."""
    return bool(getattr(user, KINDS[kind])) and user.is_active


def notify(session: Session, user: User, kind: str, summary: str, page: str) -> Notice | None:
    """Store a notice for `user` (nothing when e-mail is off or they turned `kind` off); `page` is where to read it."""
    if kind not in KINDS:
        raise ValueError(f"unknown notice kind {kind!r}")
    try:
        mail_on = mail_settings() is not None
    except ValidationFailed:  # a wrong setting: the settings page says which; a mentor's comment still saves
        mail_on = False
    if not mail_on or not wants(user, kind):
        return None
    notice = Notice(user_id=user.id, kind=kind, summary=one_line(summary)[:SUMMARY_LIMIT], link=page_link(page),
                    created_at=utc_now())  # fmt: skip
    session.add(notice)
    return notice


def _messages_in_the_last_day(session: Session, now: dt.datetime) -> dict[int, tuple[int, int]]:
    rows = session.execute(
        select(OutboxMessage.user_id, OutboxMessage.kind, func.count())
        .where(OutboxMessage.kind.in_(("notice", "digest")), OutboxMessage.created_at > now - DAY)
        .group_by(OutboxMessage.user_id, OutboxMessage.kind)
    ).all()
    counts: dict[int, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for user_id, kind, count in rows:
        if user_id is None:
            continue
        messages, digests = counts[user_id]
        counts[user_id] = (messages + int(count), digests + (int(count) if kind == "digest" else 0))
    return counts


def dispatch_notices(session: Session, *, settings: MailSettings, now: dt.datetime | None = None) -> int:
    """Turn pending notices into messages in the outbox (alone, or one digest); return how many messages."""
    now = now or utc_now()
    pending: dict[int, list[Notice]] = defaultdict(list)
    for notice in session.scalars(select(Notice).where(Notice.message_id.is_(None)).order_by(Notice.id)):
        pending[notice.user_id].append(notice)
    if not pending:
        return 0
    recent = _messages_in_the_last_day(session, now)
    made = 0
    for user_id, notices in pending.items():
        user = session.get(User, user_id)
        if user is None or not user.is_active:
            continue
        messages, digests = recent[user_id]
        room = max(NOTICES_A_DAY - messages, 0)
        if len(notices) <= room:
            for notice in notices:
                message = queue_message(
                    session, kind="notice", recipient=user.email, name=user.display_name, language=user.language,
                    values={"summary": notice.summary, "link": notice.link}, user_id=user.id, notice=True,
                    settings=settings,
                )  # fmt: skip
                notice.message_id = message.id if message else None
                made += 1
        elif not digests:
            items_text = "\n".join(f"- {notice.summary} ({notice.link})" for notice in notices)
            items_html = "<ul>" + "".join(
                f'<li><a href="{html.escape(notice.link, quote=True)}">{html.escape(notice.summary)}</a></li>'
                for notice in notices
            ) + "</ul>"  # fmt: skip
            message = queue_message(
                session, kind="digest", recipient=user.email, name=user.display_name, language=user.language,
                values={"count": len(notices), "items": items_text, "link": page_link("")}, user_id=user.id,
                notice=True, html_blocks={"items": items_html}, settings=settings,
            )  # fmt: skip
            for notice in notices:
                notice.message_id = message.id if message else None
            made += 1
    session.flush()
    return made
