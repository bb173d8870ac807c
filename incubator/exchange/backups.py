"""Backups of the whole database, taken while the app runs, and restores that accept only our own backups.

SQLite is copied with its online backup API (a consistent snapshot even while others write);
PostgreSQL is written as a JSON snapshot of every table read in one REPEATABLE READ transaction.
A restore reads the file with `backup_reading` (which refuses anything but a whole, sound backup of
ours and never writes to the file), then replaces every row of the target in one transaction: all
or nothing.
Unlike a bundle, a backup keeps everything, password hashes and sign-in sessions included:
keep backup files as safe as the database.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from incubator.core.errors import ValidationFailed
from incubator.core.fields import excerpt
from incubator.core.i18n import _
from incubator.db.database import WRITE_OPTION, Database
from incubator.db.migrations import current_revision, upgrade_database
from incubator.db.models import Base
from incubator.exchange.backup_reading import BACKUP_FORMAT


def backup_database(database: Database, target: Path) -> str:
    """Write a consistent copy of the whole database to `target`; returns "sqlite" or "json"."""
    if database.is_sqlite:
        source_path = make_url(str(database.engine.url)).database
        with (
            closing(sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)) as source,
            closing(sqlite3.connect(target)) as copy,
        ):
            source.backup(copy)
        return "sqlite"
    target.write_text(json.dumps(_snapshot(database), ensure_ascii=False, default=_encode), encoding="utf-8")
    return "json"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"cannot write {type(value).__name__} to a backup")


def _snapshot(database: Database) -> dict[str, Any]:
    with (
        database.engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection,
        connection.begin(),
    ):
        tables = {
            table.name: [dict(row._mapping) for row in connection.execute(select(table))]
            for table in Base.metadata.sorted_tables
        }
    return {"format": BACKUP_FORMAT, "version": 1, "revision": current_revision(database), "tables": tables}


def restore_database(database: Database, rows: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Replace every row of the database with the backup's rows, in one transaction; returns rows per table."""
    upgrade_database(database)
    try:
        return _replace_every_row(database, rows)
    except IntegrityError as error:  # rows that are each sound but do not fit together (a duplicate id, a lost link)
        raise ValidationFailed(
            _("The backup's rows do not fit together; nothing was restored ({reason}).").format(
                reason=excerpt(str(error.orig).splitlines()[0] if error.orig else error.__class__.__name__, 100)
            )
        ) from None


def _replace_every_row(database: Database, rows: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    with database.engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if database.is_sqlite:
            connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(delete(table))
        for table in Base.metadata.sorted_tables:
            table_rows = rows.get(table.name, [])
            if table_rows:
                connection.execute(insert(table), table_rows)
            counts[table.name] = len(table_rows)
        if not database.is_sqlite:
            for table in Base.metadata.sorted_tables:
                if "id" in table.columns and table.columns["id"].autoincrement in (True, "auto"):
                    connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )
    return counts
