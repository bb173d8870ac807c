"""Optimistic locking: a save claims the next version number of a startup's canvas or deck, or learns it is stale."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from incubator.db.models import Startup

VersionCounter = Literal["canvas_version", "deck_version"]


def claim_next_version(session: Session, startup: Startup, counter: VersionCounter, seen_version: int) -> bool:
    """Move the startup's counter from `seen_version` to the next number; tell whether this save won it.

    One conditional UPDATE, so of two concurrent saves of the same version exactly one wins, on
    SQLite and PostgreSQL alike; the loser stores nothing and should raise StaleEdit.
    """
    column = getattr(Startup, counter)
    claimed = session.execute(
        update(Startup)
        .where(Startup.id == startup.id, column == seen_version)
        .values({counter: seen_version + 1})
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return False
    set_committed_value(startup, counter, seen_version + 1)  # what the database holds now
    return True
