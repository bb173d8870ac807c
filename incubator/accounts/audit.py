"""The audit log: one line for each change, saying who made it to which record."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.accounts.actors import Actor, require_coordinator
from incubator.db.models import AuditEntry


def record_change(
    session: Session, actor: Actor, action: str, record_type: str, record_key: str, **details: Any
) -> None:
    """Add an audit entry to the caller's transaction; the command line and the app itself are named in `details`."""
    if actor.is_system:
        details = {**details, "by": actor.name}
    session.add(
        AuditEntry(
            actor_id=None if actor.is_system else actor.id,
            action=action,
            record_type=record_type,
            record_key=record_key,
            details=json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
        )
    )


def list_audit_entries(session: Session, actor: Actor, limit: int = 100) -> list[AuditEntry]:
    """Return the newest audit entries first; coordinators only."""
    require_coordinator(actor)
    query = select(AuditEntry).options(selectinload(AuditEntry.actor)).order_by(AuditEntry.id.desc()).limit(limit)
    return list(session.scalars(query))
