"""The ask: how much a startup raises, in which currency and form, and what the money is for."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.core.amounts import read_amount
from incubator.core.errors import ValidationFailed
from incubator.core.fields import LONG_TEXT_LIMIT, clean_text
from incubator.core.i18n import _
from incubator.db.models import Ask, Startup
from incubator.startups.ask_text import AskText
from incubator.startups.permissions import require_edit_startup_work
from incubator.startups.profiles import get_startup

CURRENCY = re.compile(r"^[A-Z]{3}$")


def get_ask(session: Session, actor: Actor, slug: str) -> AskText:
    """Return the startup's ask (empty before one is written)."""
    return ask_of(session, get_startup(session, actor, slug))


def ask_of(session: Session, startup: Startup) -> AskText:
    """Return an already authorised startup's ask (empty before one is written)."""
    ask = session.get(Ask, startup.id)
    if ask is None:
        return AskText()
    return AskText(ask.amount, ask.currency, ask.instrument, ask.use_of_funds)


def save_typed_ask(session: Session, actor: Actor, slug: str, amount_typed: str, text: AskText) -> AskText:
    """Store the ask with its amount as the founder typed it, in their language's way of writing numbers."""
    return save_ask(session, actor, slug, replace(text, amount=read_amount(amount_typed, _("Amount"))))


def save_ask(session: Session, actor: Actor, slug: str, text: AskText) -> AskText:
    """Store the ask; founders only. Raises ValidationFailed naming the field at fault."""
    startup = get_startup(session, actor, slug)
    require_edit_startup_work(session, actor, startup)
    if text.amount is not None and (not math.isfinite(text.amount) or text.amount < 0):
        raise ValidationFailed(_("The amount must be a number of zero or more."), field="amount")
    currency = text.currency.strip().upper()
    if not CURRENCY.match(currency):
        raise ValidationFailed(_("The currency must be a three-letter code such as EUR."), field="currency")
    clean = AskText(
        amount=text.amount,
        currency=currency,
        instrument=clean_text(text.instrument, "instrument", _("The instrument")),
        use_of_funds=clean_text(
            text.use_of_funds, "use_of_funds", _("The use of funds"), limit=LONG_TEXT_LIMIT, multiline=True
        ),
    )
    ask = session.get(Ask, startup.id) or Ask(startup_id=startup.id)
    ask.amount, ask.currency, ask.instrument, ask.use_of_funds = (
        clean.amount,
        clean.currency,
        clean.instrument,
        clean.use_of_funds,
    )
    session.add(ask)
    record_change(session, actor, "save_ask", "startup", slug)
    return clean
