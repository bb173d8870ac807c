"""Alembic environment: migrate the connection the app hands over, or the database of DATABASE_URL."""

from __future__ import annotations

from alembic import context

from incubator.core.config import database_url
from incubator.db.database import make_engine
from incubator.db.models import Base

target_metadata = Base.metadata


def run_migrations(connection: object) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    engine = make_engine(database_url())
    with engine.connect() as new_connection:
        run_migrations(new_connection)
    engine.dispose()
