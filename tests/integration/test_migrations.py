"""The schema comes from the migrations only, matches the models, and upgrading keeps every row."""

from __future__ import annotations

import threading
import time

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from incubator.db.database import Database
from incubator.db.migrations import (
    MIGRATION_LOCK_KEY,
    alembic_config,
    current_revision,
    head_revision,
    hold_the_migration_lock,
    upgrade_database,
)
from incubator.db.models import Base, User
from tests.conftest import empty_postgres_schema
from tests.factories import make_user


def test_migrations_create_exactly_the_tables_the_models_describe(db):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_database_is_at_the_newest_migration(db):
    assert current_revision(db) == head_revision()


def test_upgrading_again_keeps_every_row(db):
    with db.write() as session:
        make_user(session, email="kept@example.org")
    upgrade_database(db)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(User)) == 1


def test_an_empty_file_is_created_and_migrated(tmp_path):
    database = Database.from_url(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert current_revision(database) is None
    upgrade_database(database)
    assert current_revision(database) == head_revision()
    database.dispose()


def _downgrade_to(db, revision: str) -> None:
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_upgrading_from_the_first_schema_keeps_startups_and_gives_them_no_canvas_yet(db):
    _downgrade_to(db, "0001")
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO startups (slug, name, tagline, sector, stage, website, contact_email,"
                " created_at, updated_at) VALUES ('kept', 'Kept', '', '', 'idea', '', '', :now, :now)"
            ),
            {"now": "2026-01-01 00:00:00"},
        )
    upgrade_database(db)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT slug, canvas_version FROM startups")).all() == [("kept", 0)]


def test_upgrading_to_folded_emails_folds_the_stored_ones_and_keeps_a_colliding_one_as_it_was(db):
    _downgrade_to(db, "0007")
    with db.engine.begin() as connection:
        for email in ("straße@example.de", "strasse@example.de", "jo@example.org ", "noël@example.fr"):
            connection.execute(
                text(
                    "INSERT INTO users (email, display_name, role, is_active, language, failed_sign_ins, created_at)"
                    " VALUES (:email, 'Someone', 'founder', true, 'en', 0, :now)"
                ),
                {"email": email, "now": "2026-01-01 00:00:00"},
            )
    upgrade_database(db)
    with db.engine.connect() as connection:
        emails = sorted(email for (email,) in connection.execute(text("SELECT email FROM users")))
    assert emails == ["jo@example.org", "noël@example.fr", "strasse@example.de", "straße@example.de"]


def _upgrade_in_threads(url: str, count: int) -> list[BaseException]:
    """Upgrade the database at `url` from `count` threads at once, each with its own engine; return their errors."""
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def upgrade() -> None:
        database = Database.from_url(url)
        try:
            start.wait()
            upgrade_database(database)
        except BaseException as error:  # collected and asserted on by the test
            errors.append(error)
        finally:
            database.dispose()

    threads = [threading.Thread(target=upgrade) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_replicas_starting_together_on_an_empty_postgresql_upgrade_it_once_without_an_error():
    with empty_postgres_schema() as url:
        assert _upgrade_in_threads(url, 4) == []
        database = Database.from_url(url)
        assert current_revision(database) == head_revision()
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        database.dispose()


def test_replicas_starting_together_on_an_empty_sqlite_file_upgrade_it_once_without_an_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    assert _upgrade_in_threads(url, 4) == []
    database = Database.from_url(url)
    assert current_revision(database) == head_revision()
    database.dispose()


def test_an_upgrade_waits_while_another_replica_holds_the_migration_lock():
    with empty_postgres_schema() as url:
        holder = Database.from_url(url)
        with holder.engine.begin() as connection:
            hold_the_migration_lock(connection)
            waiting = threading.Thread(target=lambda: _upgrade_in_threads(url, 1))
            waiting.start()
            # The other replica is seen waiting on the lock by PostgreSQL itself, and has changed nothing.
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not _someone_waits_for_the_migration_lock(connection):
                time.sleep(0.05)
            assert _someone_waits_for_the_migration_lock(connection)
            assert current_revision(holder) is None
        waiting.join(timeout=120)
        assert current_revision(holder) == head_revision()
        holder.dispose()


def _someone_waits_for_the_migration_lock(connection) -> bool:
    waiting = connection.execute(
        text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = :low"),
        {"low": MIGRATION_LOCK_KEY & 0xFFFFFFFF},
    ).scalar()
    return bool(waiting)
