"""What every command shares: exit statuses, opening the database, writing a file."""

from __future__ import annotations

import argparse
from pathlib import Path

from incubator.core.config import database_url
from incubator.core.errors import ValidationFailed
from incubator.core.i18n import _
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def open_database(args: argparse.Namespace) -> Database:
    database = Database.from_url(database_url(getattr(args, "db", None)))
    upgrade_database(database)
    return database


def write_file(path: str, content: bytes) -> None:
    try:
        Path(path).write_bytes(content)
    except OSError as error:
        raise ValidationFailed(_("Cannot write {file}: {reason}").format(file=path, reason=error.strerror)) from None
