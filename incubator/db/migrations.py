"""Create and upgrade the schema with the Alembic migrations, and nothing else."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from incubator.core.config import PROJECT_ROOT
from incubator.db.database import WRITE_OPTION, Database

ALEMBIC_DIR = PROJECT_ROOT / "alembic"
# One number for "the schema is being upgraded", held per PostgreSQL database (see `upgrade_database`).
MIGRATION_LOCK_KEY = 7_460_213_801


def alembic_config() -> Config:
    """Return the Alembic configuration pointing at our migration scripts."""
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    return config


def upgrade_database(database: Database) -> None:
    """Bring the schema up to the newest migration, keeping every row.

    Several app replicas may start at once on one database: the first to get here upgrades, the
    others wait for it and then find nothing left to do (never two upgrades racing).
    """
    config = alembic_config()
    with database.engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        hold_the_migration_lock(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def hold_the_migration_lock(connection: Connection) -> None:
    """Wait for, then hold until this transaction ends, the one right to change the schema."""
    # PostgreSQL: an advisory lock, released by the commit. SQLite: the write transaction began with
    # BEGIN IMMEDIATE (WRITE_OPTION), which already admits one writer at a time.
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def head_revision() -> str | None:
    """Return the newest migration's revision id."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(database: Database) -> str | None:
    """Return the revision the database is at, or None for an empty database."""
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
