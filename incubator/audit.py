"""The audit log: one line for each change, saying who made it to which record."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from incubator.actors import Actor
from incubator.models import AuditEntry
from incubator.permissions import require_coordinator


def record_change(
    session: Session, actor: Actor | None, action: str, record_type: str, record_key: str, **details: Any
) -> None:
    """Add an audit entry to the caller's transaction; `actor` None means the command line or the system."""
    session.add(
        AuditEntry(
            actor_id=actor.id if actor and not actor.is_command_line else None,
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
