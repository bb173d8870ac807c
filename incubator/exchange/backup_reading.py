"""Read a backup file into rows, refusing anything that is not a whole, sound backup of this app.

Nothing here writes to the file it reads. A SQLite backup is copied into a private temporary folder
first; the copy is checked (readable, `quick_check` ok, our tables with our columns, a migration we
know) and, if it comes from an older version, upgraded there. A JSON backup is read by the one
strict JSON reader, then checked against the tables it must hold: every table of its revision,
every row with exactly that table's columns, each value of the column's type. Every refusal is one
short line naming the file and, for JSON, the place (`tables.users[3].role`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy import Boolean, Column, Date, Enum, Float, Integer, String, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from incubator.core.errors import ValidationFailed
from incubator.core.fields import excerpt
from incubator.core.i18n import _
from incubator.core.json_reader import JsonRefused, read_json
from incubator.db.database import Database
from incubator.db.migrations import alembic_config, current_revision, head_revision, upgrade_database
from incubator.db.models import Base, UTCDateTime

BACKUP_FORMAT = "incubator-backup"
SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_JSON_BYTES = 512 * 1024 * 1024
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INTEGER_LIMIT = 2**63


def read_backup(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Return every table's rows from a backup file, or raise ValidationFailed if it is not a sound one of ours."""
    try:
        with path.open("rb") as file:
            head = file.read(16)
        size = path.stat().st_size
    except OSError as error:
        raise ValidationFailed(_("Cannot read {file}: {reason}").format(file=path, reason=error.strerror)) from None
    if head == SQLITE_MAGIC:
        return _rows_from_sqlite_backup(path)
    if size > MAX_JSON_BYTES:
        raise ValidationFailed(_("{file} is not a backup of this app.").format(file=path.name))
    return _rows_from_json_backup(path)


def _known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _check_revision(path: Path, revision: object) -> None:
    if revision not in _known_revisions():
        raise ValidationFailed(
            _("{file} comes from a version of the app this one does not know.").format(file=path.name)
        )


def _rows_from_sqlite_backup(path: Path) -> dict[str, list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory(prefix="incubator-restore-") as folder:
        copy_path = Path(folder) / "backup.sqlite3"
        _copy_with_its_log(path, copy_path)  # checks and upgrades touch the copy only, never the file given
        _check_sqlite_file(path, copy_path)
        copy = Database.from_url(f"sqlite:///{copy_path}")
        try:
            names = set(inspect(copy.engine).get_table_names())
            if not {"alembic_version", "users", "cohorts", "startups"} <= names:
                raise ValidationFailed(_("{file} is not a backup of this app.").format(file=path.name))
            revision = current_revision(copy)
            _check_revision(path, revision)
            if revision != head_revision():
                upgrade_database(copy)  # a backup of ours from an older version: bring the copy up to date
            _check_columns(path, copy)
            with copy.engine.connect() as connection:
                return {
                    table.name: [dict(row._mapping) for row in connection.execute(select(table))]
                    for table in Base.metadata.sorted_tables
                }
        except (SQLAlchemyError, ValueError, TypeError) as error:  # a file that passed quick_check yet reads wrong
            raise ValidationFailed(
                _("{file} is damaged: its tables cannot be read ({reason}).").format(
                    file=path.name, reason=excerpt(error.__class__.__name__)
                )
            ) from None
        finally:
            copy.dispose()


# The files SQLite keeps beside a database that hold part of its state: the write-ahead log (committed
# transactions not yet copied into the main file) and a rollback journal (an unfinished one to undo).
_LOGS_BESIDE = ("-wal", "-journal")


def _copy_with_its_log(path: Path, copy_path: Path) -> None:
    """Copy a SQLite file and the log SQLite keeps beside it, so the copy opens as the database's newest state."""
    changed = path.stat().st_mtime_ns
    shutil.copyfile(path, copy_path)
    for suffix in _LOGS_BESIDE:
        log = path.with_name(path.name + suffix)
        if log.is_file():
            shutil.copyfile(log, copy_path.with_name(copy_path.name + suffix))
    # The main file again if it changed while its log was copied (a checkpoint ran): the pair then agrees.
    if path.stat().st_mtime_ns != changed:
        shutil.copyfile(path, copy_path)


def _check_sqlite_file(path: Path, copy_path: Path) -> None:
    try:
        # Opened for writing (the copy only): SQLite then takes in the copied log, as it would on the server.
        with closing(sqlite3.connect(f"file:{copy_path}?mode=rw", uri=True)) as connection:
            verdict = connection.execute("PRAGMA quick_check").fetchone()
            if verdict is not None and verdict[0] == "ok":
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError:
        verdict = None
    if verdict is None or verdict[0] != "ok":
        raise ValidationFailed(_("{file} is damaged: it is not a readable SQLite database.").format(file=path.name))


def _check_columns(path: Path, copy: Database) -> None:
    inspector = inspect(copy.engine)
    present = set(inspector.get_table_names())
    for table in Base.metadata.sorted_tables:
        columns = {column["name"] for column in inspector.get_columns(table.name)} if table.name in present else set()
        if columns != set(table.columns.keys()):
            raise ValidationFailed(
                _("{file} is not a backup of this app: its table {table} has other columns.").format(
                    file=path.name, table=table.name
                )
            )


def _rows_from_json_backup(path: Path) -> dict[str, list[dict[str, Any]]]:
    try:
        document = read_json(path.read_bytes(), max_bytes=MAX_JSON_BYTES)
    except JsonRefused:
        document = None
    if not isinstance(document, dict) or document.get("format") != BACKUP_FORMAT:
        raise ValidationFailed(_("{file} is not a backup of this app.").format(file=path.name))
    _check_revision(path, document.get("revision"))
    if document["revision"] != head_revision():
        raise ValidationFailed(
            _("{file} is from an older schema: restore it into that version, then upgrade.").format(file=path.name)
        )
    tables = document.get("tables")
    every_table = {table.name for table in Base.metadata.sorted_tables}
    # A backup holds every table of its revision, each a list of rows: anything less would empty the database.
    if not isinstance(tables, dict) or set(tables) != every_table:
        raise ValidationFailed(_("{file} does not hold every table of a backup of this app.").format(file=path.name))
    return {name: _decoded_rows(path, name, rows) for name, rows in tables.items()}


def _refuse(path: Path, where: str, reason: str) -> ValidationFailed:
    return ValidationFailed(
        _("{file} is not a sound backup: {where}: {reason}").format(file=path.name, where=where, reason=reason)
    )


def _decoded_rows(path: Path, table_name: str, rows: object) -> list[dict[str, Any]]:
    if not isinstance(rows, list):
        raise _refuse(path, f"tables.{table_name}", _("should be a list of rows"))
    table = Base.metadata.tables[table_name]
    columns = set(table.columns.keys())
    decoded_rows = []
    for index, row in enumerate(rows):
        where = f"tables.{table_name}[{index}]"
        if not isinstance(row, dict):
            raise _refuse(path, where, _("should be a row (an object)"))
        if set(row) != columns:
            odd = sorted(columns - set(row)) or sorted(set(row) - columns)
            raise _refuse(path, where, _("the columns differ from the table's ({name})").format(name=excerpt(odd[0])))
        decoded_rows.append({column.name: _decoded(path, f"{where}.{column.name}", column, row[column.name])
                             for column in table.columns})  # fmt: skip
    return decoded_rows


def _decoded(path: Path, where: str, column: Column[Any], value: object) -> object:
    """Return a JSON value as the column stores it, or raise naming the place and what was expected."""
    if value is None:
        if not column.nullable:
            raise _refuse(path, where, _("cannot be empty"))
        return None
    kind = column.type
    try:
        if isinstance(kind, Enum) and kind.enum_class is not None:
            return kind.enum_class(value)
        if isinstance(kind, UTCDateTime):
            moment = dt.datetime.fromisoformat(_text(value))
            if moment.tzinfo is None:
                raise ValueError
            return moment
        if isinstance(kind, Date):
            if not _ISO_DATE.fullmatch(_text(value)):
                raise ValueError
            return dt.date.fromisoformat(_text(value))
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError
            return value
        if isinstance(kind, Integer):
            if not isinstance(value, int) or isinstance(value, bool) or abs(value) >= _INTEGER_LIMIT:
                raise ValueError
            return value
        if isinstance(kind, Float):
            if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
                raise ValueError
            return float(value)
        if isinstance(kind, String):  # Text too
            if kind.length is not None and len(_text(value)) > kind.length:
                raise ValueError
            return _text(value)
    except ValueError:
        raise _refuse(
            path, where, _("{value} is not {expected}").format(value=excerpt(value), expected=_expected(kind))
        ) from None
    raise _refuse(path, where, _("this column cannot be restored from JSON"))


def _expected(kind: object) -> str:
    if isinstance(kind, Enum):
        return _("one of {choices}").format(choices=excerpt(", ".join(kind.enums), 100))
    if isinstance(kind, UTCDateTime):
        return _("a date and time with its time zone")
    if isinstance(kind, Date):
        return _("a date like 2027-03-31")
    if isinstance(kind, Boolean):
        return _("true or false")
    if isinstance(kind, Integer):
        return _("a whole number")
    if isinstance(kind, Float):
        return _("a number")
    if isinstance(kind, String) and kind.length is not None:
        return _("text of at most {limit} characters").format(limit=kind.length)
    return _("text")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError
    return value
