"""The restore door: damaged, foreign and hollow backups exit 2 with one line; file and database stay as they were."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from incubator.cli import EXIT_BAD_INPUT, EXIT_OK, main
from incubator.db.database import Database
from incubator.db.migrations import alembic_config, head_revision
from incubator.db.models import User
from incubator.exchange.backup_reading import BACKUP_FORMAT, read_backup
from incubator.exchange.backups import _encode, backup_database
from incubator.exchange.demo import load_demo


@pytest.fixture
def demo_backup(tmp_path: Path, sqlite_url: str) -> Path:
    source = Database.from_url(sqlite_url)
    with source.write() as session:
        load_demo(session)
    path = tmp_path / "demo-backup.sqlite3"
    backup_database(source, path)
    source.dispose()
    return path


@pytest.fixture
def json_backup(demo_backup: Path) -> dict:
    tables = read_backup(demo_backup)
    document = {"format": BACKUP_FORMAT, "version": 1, "revision": head_revision(), "tables": tables}
    return json.loads(json.dumps(document, default=_encode))


def _restore_refused(capsys, db_url: str, path: Path) -> str:
    """Restore `path` into the database at `db_url` and check it was refused with nothing changed; returns the line."""
    database = Database.from_url(db_url)
    with database.write() as session:
        if not session.scalar(select(func.count()).select_from(User)):
            load_demo(session)
        people_before = sorted(session.scalars(select(User.email)))
    database.dispose()
    file_before = hashlib.sha256(path.read_bytes()).hexdigest()
    status = main(["--db", db_url, "restore", str(path)])
    out, err = capsys.readouterr()
    assert status == EXIT_BAD_INPUT, err
    assert out == "" and err.count("\n") == 1 and len(err) < 300
    assert hashlib.sha256(path.read_bytes()).hexdigest() == file_before
    assert not list(path.parent.glob(path.name + "-*"))  # no journal or WAL left beside the input either
    database = Database.from_url(db_url)
    with database.read() as session:
        assert sorted(session.scalars(select(User.email))) == people_before
    database.dispose()
    return err


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("damage", "reason"),
    [(lambda raw: raw[: len(raw) // 2], "damaged"), (lambda raw: raw[:100], "damaged"),
     (lambda raw: raw[:4096] + b"\xff" * 4096 + raw[8192:], "damaged"),
     (lambda raw: b"SQLite format 3\x00" + b"\x00" * 84, "damaged")],
)  # fmt: skip
def test_a_truncated_or_corrupted_sqlite_backup_is_refused(capsys, db_url, demo_backup, tmp_path, damage, reason):
    path = _write(tmp_path / "damaged.sqlite3", damage(demo_backup.read_bytes()))
    assert reason in _restore_refused(capsys, db_url, path)


def test_a_sqlite_file_with_our_table_names_but_other_columns_is_refused(capsys, db_url, tmp_path):
    path = tmp_path / "look-alike.sqlite3"
    with sqlite3.connect(path) as connection:
        for table in ("users", "cohorts", "startups"):
            connection.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, whatever TEXT)")
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
    connection.close()
    assert "other columns" in _restore_refused(capsys, db_url, path)


def test_a_backup_from_a_newer_version_is_refused_and_its_bytes_are_untouched(capsys, db_url, demo_backup):
    with sqlite3.connect(demo_backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    assert "does not know" in _restore_refused(capsys, db_url, demo_backup)


def test_an_older_backup_is_upgraded_in_a_copy_and_restored_leaving_the_file_as_it_was(capsys, tmp_path, sqlite_url):
    old = tmp_path / "old.sqlite3"
    database = Database.from_url(f"sqlite:///{old}")
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
    database.dispose()
    before = old.read_bytes()
    assert main(["--db", sqlite_url, "restore", str(old)]) == EXIT_OK
    assert old.read_bytes() == before
    capsys.readouterr()


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [(lambda backup: backup.update(tables=list(backup["tables"])), "every table"),
     (lambda backup: backup["tables"].update(users=None), "tables.users"),
     (lambda backup: backup["tables"]["users"].__setitem__(0, None), "tables.users[0]"),
     (lambda backup: backup["tables"].update(strangers=[]), "every table"),
     (lambda backup: backup["tables"]["cohorts"][0].update(starts_on="2027-02-30"), "starts_on"),
     (lambda backup: backup["tables"]["users"][0].update(role="overlord"), "role"),
     (lambda backup: backup["tables"]["users"][0].pop("email"), "email"),
     (lambda backup: backup["tables"]["users"][0].update(is_active="yes"), "is_active"),
     (lambda backup: backup["tables"]["users"][0].update(id=True), "id"),
     (lambda backup: backup["tables"]["users"][0].update(created_at="2026-12-01T10:00:00"), "created_at"),
     (lambda backup: backup["tables"]["users"][0].update(display_name="x" * 100_000), "display_name"),
     (lambda backup: backup["tables"]["users"][1].update(id=backup["tables"]["users"][0]["id"]), "fit together"),
     (lambda backup: backup.update(revision="0001"), "older schema")],
)  # fmt: skip
def test_a_json_backup_that_is_not_whole_and_sound_is_refused(capsys, db_url, json_backup, tmp_path, spoil, reason):
    spoil(json_backup)
    path = _write(tmp_path / "spoiled.json", json.dumps(json_backup).encode())
    assert reason in _restore_refused(capsys, db_url, path)


def test_a_sound_json_backup_restores(capsys, db_url, json_backup, tmp_path):
    path = _write(tmp_path / "sound.json", json.dumps(json_backup).encode())
    assert main(["--db", db_url, "restore", str(path)]) == EXIT_OK
    assert "12 accounts, 6 startups" in capsys.readouterr().out
