"""Databases for the tests: every test that takes `db` runs once on SQLite and once on PostgreSQL.

SQLite: a migrated template file is made once, and each test gets a fresh copy.
PostgreSQL (127.0.0.1:5432, user postgres, database test, or TEST_POSTGRES_URL): one schema
per test run, migrated once, emptied after every test. When the server does not answer,
those tests skip with the reason, except under CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.db.models import Base

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _postgres_unavailable_reason() -> str | None:
    engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure to connect means: no server to test against
        return f"PostgreSQL at {POSTGRES_URL} is not reachable: {error.__class__.__name__}"
    finally:
        engine.dispose()
    return None


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = Database.from_url(f"sqlite:///{path}")
    upgrade_database(database)
    database.dispose()
    return path


def require_postgres() -> None:
    """Skip the test (fail it under CI) when the test PostgreSQL server does not answer."""
    reason = _postgres_unavailable_reason()
    if reason:
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)


@contextmanager
def empty_postgres_schema() -> Iterator[str]:
    """Yield the URL of a new, empty schema of the test PostgreSQL database; drop it afterwards."""
    require_postgres()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_URL}?options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    with empty_postgres_schema() as url:
        database = Database.from_url(url)
        upgrade_database(database)
        database.dispose()
        yield url


def _empty_postgres(url: str) -> None:
    database = Database.from_url(url)
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with database.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    database.dispose()


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "incubator.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> Iterator[str]:
    url: str = request.getfixturevalue(f"{request.param}_url")
    yield url
    if request.param == "postgresql":
        _empty_postgres(url)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database.from_url(db_url)
    yield database
    database.dispose()
