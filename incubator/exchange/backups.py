"""Backups of the whole database, taken while the app runs, and restores that accept only our own backups.

SQLite is copied with its online backup API (a consistent snapshot even while others write);
PostgreSQL is written as a JSON snapshot of every table read in one REPEATABLE READ transaction.
A restore checks the file is one of those (a SQLite file with our tables and a known migration,
or our JSON marker), then replaces every row of the target in one transaction: all or nothing.
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

from alembic.script import ScriptDirectory
from sqlalchemy import Date, DateTime, Enum, delete, insert, inspect, select, text
from sqlalchemy.engine import make_url

from incubator.core.errors import ValidationFailed
from incubator.core.i18n import _
from incubator.core.json_reader import JsonRefused, read_json
from incubator.db.database import WRITE_OPTION, Database
from incubator.db.migrations import alembic_config, current_revision, head_revision, upgrade_database
from incubator.db.models import Base, UTCDateTime

BACKUP_FORMAT = "incubator-backup"
SQLITE_MAGIC = b"SQLite format 3\x00"


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


def _known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def read_backup(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Return every table's rows from a backup file, or raise ValidationFailed if it is not one of ours."""
    try:
        head = path.open("rb").read(16)
    except OSError as error:
        raise ValidationFailed(_("Cannot read {file}: {reason}").format(file=path, reason=error.strerror)) from None
    if head == SQLITE_MAGIC:
        return _rows_from_sqlite_backup(path)
    try:
        document = read_json(path.read_bytes())
    except JsonRefused:
        document = None
    if not isinstance(document, dict) or document.get("format") != BACKUP_FORMAT:
        raise ValidationFailed(_("{file} is not a backup of this app.").format(file=path.name))
    if document.get("revision") not in _known_revisions():
        raise ValidationFailed(
            _("{file} comes from a version of the app this one does not know.").format(file=path.name)
        )
    if document["revision"] != head_revision():
        raise ValidationFailed(
            _("{file} is from an older schema: restore it into that version, then upgrade.").format(file=path.name)
        )
    tables = document.get("tables")
    every_table = {table.name for table in Base.metadata.sorted_tables}
    # A backup holds every table of its revision, each a list of rows: anything less would empty the database.
    if (
        not isinstance(tables, dict)
        or set(tables) != every_table
        or any(not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows) for rows in tables.values())
    ):
        raise ValidationFailed(_("{file} does not hold every table of a backup of this app.").format(file=path.name))
    return {name: [_decode(name, row) for row in rows] for name, rows in tables.items()}


def _decode(table_name: str, row: dict[str, Any]) -> dict[str, Any]:
    table = Base.metadata.tables[table_name]
    decoded = dict(row)
    for column in table.columns:
        value = decoded.get(column.name)
        if value is None:
            continue
        if isinstance(column.type, Enum) and column.type.enum_class is not None:
            decoded[column.name] = column.type.enum_class(value)
        elif isinstance(column.type, UTCDateTime | DateTime):
            decoded[column.name] = dt.datetime.fromisoformat(value)
        elif isinstance(column.type, Date):
            decoded[column.name] = dt.date.fromisoformat(value)
    return decoded


def _rows_from_sqlite_backup(path: Path) -> dict[str, list[dict[str, Any]]]:
    copy = Database.from_url(f"sqlite:///{path}")
    try:
        names = set(inspect(copy.engine).get_table_names())
        if not {"alembic_version", "users", "cohorts", "startups"} <= names:
            raise ValidationFailed(_("{file} is not a backup of this app.").format(file=path.name))
        revision = current_revision(copy)
        if revision not in _known_revisions():
            raise ValidationFailed(
                _("{file} comes from a version of the app this one does not know.").format(file=path.name)
            )
        if revision != head_revision():
            upgrade_database(copy)  # a backup file of ours from an older version: bring the copy up to date
        with copy.engine.connect() as connection:
            return {
                table.name: [dict(row._mapping) for row in connection.execute(select(table))]
                for table in Base.metadata.sorted_tables
            }
    finally:
        copy.dispose()


def restore_database(database: Database, rows: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Replace every row of the database with the backup's rows, in one transaction; returns rows per table."""
    upgrade_database(database)
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
