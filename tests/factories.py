"""Tiny factories: make one record with sensible defaults, overridden by keyword."""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.accounts.passwords import hash_password
from incubator.core.vocabulary import Role, Stage
from incubator.db.models import Cohort, Startup, User

_numbers = itertools.count(1)


def make_user(session: Session, role: Role = Role.FOUNDER, password: str | None = None, **overrides: Any) -> User:
    number = next(_numbers)
    values: dict[str, Any] = {
        "email": f"{role.value}{number}@example.org",
        "display_name": f"{role.value.title()} {number}",
        "role": role,
        "password_hash": hash_password(password) if password else None,
        "is_active": True,
        "language": "en",
        "failed_sign_ins": 0,
    }
    values.update(overrides)
    user = User(**values)
    session.add(user)
    session.flush()
    return user


def make_actor(session: Session, role: Role = Role.FOUNDER, **overrides: Any) -> Actor:
    return Actor.of(make_user(session, role, **overrides))


def make_cohort(session: Session, **overrides: Any) -> Cohort:
    number = next(_numbers)
    values: dict[str, Any] = {"slug": f"cohort-{number}", "name": f"Cohort {number}"}
    values.update(overrides)
    cohort = Cohort(**values)
    session.add(cohort)
    session.flush()
    return cohort


def make_startup(
    session: Session, founders: list[User] | None = None, mentors: list[User] | None = None, **overrides: Any
) -> Startup:
    number = next(_numbers)
    values: dict[str, Any] = {"slug": f"startup-{number}", "name": f"Startup {number}", "stage": Stage.IDEA}
    values.update(overrides)
    startup = Startup(**values, founders=founders or [], mentors=mentors or [])
    session.add(startup)
    session.flush()
    return startup
