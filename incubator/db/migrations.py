"""Create and upgrade the schema with the Alembic migrations, and nothing else."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from incubator.core.config import PROJECT_ROOT
from incubator.db.database import Database

ALEMBIC_DIR = PROJECT_ROOT / "alembic"


def alembic_config() -> Config:
    """Return the Alembic configuration pointing at our migration scripts."""
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    return config


def upgrade_database(database: Database) -> None:
    """Bring the schema up to the newest migration, keeping every row."""
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def head_revision() -> str | None:
    """Return the newest migration's revision id."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(database: Database) -> str | None:
    """Return the revision the database is at, or None for an empty database."""
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
