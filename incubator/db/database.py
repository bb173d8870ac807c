"""Engines and transactions: one `Database` per URL, with safe SQLite settings.

SQLite is the embedded default and is shared by many Streamlit sessions at once, so:
WAL lets readers run beside one writer; a busy timeout makes a writer wait instead of
failing; and a transaction that will write starts with `BEGIN IMMEDIATE`, because a
deferred transaction that reads and then writes cannot wait for the lock and fails with
"database is locked". Every transaction is a `with` block that rolls back on error, so a
failed commit never leaves a pooled connection inside a half-done transaction.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "incubator_write"  # an execution option: transactions on such connections may write


def normalise_url(url: str) -> str:
    """Use the psycopg 3 driver for PostgreSQL URLs that name no driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to us: pysqlite would otherwise BEGIN (deferred) on its own.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _switch_to_wal(cursor: Any) -> None:
    """Put the file in WAL mode (once per file: the mode is kept in it), waiting for other connections."""
    # SQLite does not call its busy handler for this switch: connections opening a new file at once (app
    # replicas starting together) get "database is locked" at once, so wait and try again here.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def make_engine(url: str, **engine_options: Any) -> Engine:
    """Create an engine for `url`; SQLite gets WAL, foreign keys, a busy timeout and our BEGIN."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **engine_options)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **engine_options)


def upsert_insert(session: Session, table: Any) -> Any:
    """Return an INSERT for `table` that supports `on_conflict_do_update`, for this session's database."""
    from sqlalchemy.dialects.postgresql import insert as postgresql_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    return insert(table)


class Database:
    """The engine of one database and the two kinds of transaction the app runs on it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        self._writer = sessionmaker(bind=engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)

    @classmethod
    def from_url(cls, url: str, **engine_options: Any) -> Database:
        """Open the database at `url`."""
        return cls(make_engine(url, **engine_options))

    @property
    def is_sqlite(self) -> bool:
        """Tell whether this is a SQLite database."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """Run a transaction that may write: committed at the end, rolled back on any error."""
        with self._writer.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """Run a read-only transaction; it is never committed, and loaded objects stay readable after it."""
        # close() hands the connection back to the pool, which rolls it back, without expiring loaded objects.
        with self._reader() as session:
            yield session

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
