"""The incubator's own settings as stored (its name): read with their defaults by every wing that prints them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from incubator.db.models import IncubatorSetting

DEFAULT_INCUBATOR_NAME = "Incubator"


def stored_setting(session: Session, name: str, default: str) -> str:
    """Return the setting `name`, or `default` when nobody set it."""
    value = session.scalar(select(IncubatorSetting.value).where(IncubatorSetting.name == name))
    return value if value else default


def incubator_name(session: Session) -> str:
    """Return the incubator's name, as its coordinators set it (else "Incubator")."""
    return stored_setting(session, "incubator_name", DEFAULT_INCUBATOR_NAME)


def store_setting(session: Session, name: str, value: str) -> None:
    """Store the setting `name` (checked by the service that calls this)."""
    row = session.get(IncubatorSetting, name)
    if row is None:
        session.add(IncubatorSetting(name=name, value=value))
    else:
        row.value = value
