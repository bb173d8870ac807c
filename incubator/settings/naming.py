"""The incubator's name, a coordinator's setting shown in every message (and the exports' footers)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.core.fields import clean_text
from incubator.core.i18n import _
from incubator.db.settings import incubator_name, store_setting

NAME_LIMIT = 80


def rename_incubator(session: Session, actor: Actor, name: str) -> str:
    """Store the incubator's name (one line, 1 to 80 characters); coordinators only. Returns it."""
    require_coordinator(actor)
    cleaned = clean_text(name, "incubator_name", _("Name of the incubator"), limit=NAME_LIMIT, required=True)
    store_setting(session, "incubator_name", cleaned)
    record_change(session, actor, "rename", "incubator", cleaned)
    return cleaned


def current_incubator_name(session: Session, actor: Actor) -> str:
    """Return the incubator's name as the settings page shows it; coordinators only."""
    require_coordinator(actor)
    return incubator_name(session)
