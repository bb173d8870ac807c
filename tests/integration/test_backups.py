"""Backups taken while others write, restored all or nothing; anything that is not our backup is refused."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from incubator.accounts.actors import Actor
from incubator.accounts.passwords import verify_password
from incubator.core.errors import ValidationFailed
from incubator.db.database import Database
from incubator.db.migrations import head_revision
from incubator.db.models import Cohort, User
from incubator.exchange.backup_reading import BACKUP_FORMAT, read_backup
from incubator.exchange.backups import backup_database, restore_database
from incubator.exchange.bundle_export import export_bundle
from incubator.exchange.demo import load_demo
from tests.factories import make_cohort


def _bundle(database: Database) -> dict:
    with database.read() as session:
        bundle = export_bundle(session, Actor.command_line())
    bundle.pop("exported_at")
    return bundle


def test_backup_and_restore_give_back_everything_including_passwords(db, tmp_path, sqlite_url):
    with db.write() as session:
        load_demo(session)
    before = _bundle(db)
    backup = tmp_path / "backup.any"
    kind = backup_database(db, backup)
    assert kind == ("sqlite" if db.is_sqlite else "json")
    target = Database.from_url(sqlite_url)
    with target.write() as session:
        make_cohort(session, slug="to-be-replaced")
    counts = restore_database(target, read_backup(backup))
    assert counts["users"] == 12
    assert _bundle(target) == before
    with target.read() as session:
        hash_ = session.scalar(select(User.password_hash).where(User.email == "nadia@demo.incubator.example"))
        assert verify_password(hash_, "demo-incubator")
        assert session.scalar(select(Cohort).where(Cohort.slug == "to-be-replaced")) is None
    target.dispose()


def test_a_restore_into_the_same_kind_of_database_keeps_new_ids_working(db, tmp_path):
    with db.write() as session:
        load_demo(session)
    backup = tmp_path / "backup.any"
    backup_database(db, backup)
    restore_database(db, read_backup(backup))
    with db.write() as session:
        make_cohort(session, slug="after-restore")  # ids continue after the restored ones
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Cohort)) == 2


def test_a_sqlite_backup_is_consistent_while_someone_writes(sqlite_url, tmp_path):
    database = Database.from_url(sqlite_url)
    stop = threading.Event()

    def writer() -> None:
        number = 0
        while not stop.is_set():
            with database.write() as session:
                make_cohort(session, slug=f"busy-{number}")
            number += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        backup = tmp_path / "live.sqlite3"
        backup_database(database, backup)
    finally:
        stop.set()
        thread.join()
    rows = read_backup(backup)
    slugs = sorted(int(row["slug"].split("-")[1]) for row in rows["cohorts"])
    assert slugs == list(range(len(slugs)))  # a prefix of the writes, never a torn one
    database.dispose()


@pytest.mark.parametrize(
    "content",
    [b"not a backup at all", json.dumps({"format": "incubator-bundle", "version": 1}).encode(), b"\x00\xff" * 20],
)
def test_files_that_are_not_our_backups_are_refused(tmp_path, content):
    path = tmp_path / "suspicious.bak"
    path.write_bytes(content)
    with pytest.raises(ValidationFailed, match="not a backup of this app"):
        read_backup(path)


def test_a_sqlite_file_of_another_app_is_refused(tmp_path):
    import sqlite3

    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    with pytest.raises(ValidationFailed, match="not a backup of this app"):
        read_backup(Path(path))


def test_a_json_backup_missing_tables_is_refused_and_the_database_keeps_everything(db, tmp_path):
    with db.write() as session:
        load_demo(session)
        before = session.scalar(select(func.count()).select_from(User))
    document = {"format": BACKUP_FORMAT, "version": 1, "revision": head_revision(), "tables": {"cohorts": []}}
    path = tmp_path / "emptying.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    original = path.read_bytes()
    with pytest.raises(ValidationFailed, match="does not hold every table"):
        restore_database(db, read_backup(path))
    assert path.read_bytes() == original
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(User)) == before


def _database_with_transactions_still_in_its_log(sqlite_url: str, folder: Path) -> Path:
    """Make an app database whose last commits are in its `-wal` only (as a server that is still running leaves it)."""
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    database = Database.from_url(sqlite_url)
    with database.write() as session:
        make_cohort(session, slug="in-the-main-file")
    database.dispose()  # the last connection closed: everything so far is in the main file
    holder = sqlite3.connect(path)  # a connection left open keeps the log beside the file
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute(
        "INSERT INTO cohorts (slug, name, starts_on) SELECT 'only-in-the-log', 'Log', starts_on FROM cohorts"
    )
    holder.commit()
    shutil.copyfile(path, folder / "copy.sqlite3")
    shutil.copyfile(path.with_name(path.name + "-wal"), folder / "copy.sqlite3-wal")
    holder.close()
    return folder / "copy.sqlite3"


def test_a_sqlite_file_with_its_write_ahead_log_restores_its_newest_state_and_keeps_its_bytes(sqlite_url, tmp_path):
    folder = tmp_path / "given"
    folder.mkdir()
    backup = _database_with_transactions_still_in_its_log(sqlite_url, folder)
    log = backup.with_name(backup.name + "-wal")
    assert log.stat().st_size > 0
    before = {file: file.read_bytes() for file in (backup, log)}
    rows = read_backup(backup)
    assert sorted(row["slug"] for row in rows["cohorts"]) == ["in-the-main-file", "only-in-the-log"]
    assert {file: file.read_bytes() for file in before} == before  # nothing written beside the input either
    assert sorted(path.name for path in folder.iterdir()) == ["copy.sqlite3", "copy.sqlite3-wal"]
