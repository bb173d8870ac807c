"""A PostgreSQL schema of a benchmark's own, so the shared test database is left alone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from incubator.db.database import Database


@contextmanager
def own_schema(url: str, name: str) -> Iterator[Database]:
    """Yield a database whose search path is a fresh schema `name`, dropped again afterwards."""
    admin = Database.from_url(url)
    with admin.write() as session:
        session.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        session.execute(text(f"CREATE SCHEMA {name}"))
    separator = "&" if "?" in url else "?"
    database = Database.from_url(f"{url}{separator}options=-csearch_path%3D{name}")
    try:
        yield database
    finally:
        database.dispose()
        with admin.write() as session:
            session.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        admin.dispose()
