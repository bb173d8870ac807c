"""Benchmark: 40 people signing in at the same moment (demo day), on SQLite and, when reachable, PostgreSQL.

The password hash (argon2id, about 30 ms of CPU) runs outside any transaction, so the SQLite write
lock is held only for the short writes. Prints the wall time for all 40 to get a session, median of
a few runs. Run: python -m benchmarks.sign_ins [--runs N] [--postgres URL]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.exc import OperationalError

from benchmarks.postgres import own_schema
from incubator.accounts.authentication import sign_in_with_password
from incubator.accounts.passwords import hash_password
from incubator.core.vocabulary import Role
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.db.models import User

PEOPLE = 40
PASSWORD = "demo day password"


def _fill(database: Database) -> list[str]:
    upgrade_database(database)
    emails = [f"judge{number}@bench.example" for number in range(PEOPLE)]
    password_hash = hash_password(PASSWORD)
    with database.write() as session:
        session.execute(
            insert(User),
            [
                {"email": email, "display_name": email, "role": Role.MENTOR, "password_hash": password_hash,
                 "is_active": True, "language": "en", "failed_sign_ins": 0}
                for email in emails
            ],
        )  # fmt: skip
    return emails


def _all_at_once(database: Database, emails: list[str]) -> float:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        tokens = list(pool.map(lambda email: sign_in_with_password(database, email, PASSWORD, client=email)[1], emails))
    elapsed = time.perf_counter() - started
    assert len(set(tokens)) == PEOPLE
    return elapsed


def _measure(name: str, database: Database, runs: int) -> None:
    emails = _fill(database)
    timings = [_all_at_once(database, emails) for _ in range(runs)]
    print(f"{name}: {PEOPLE} simultaneous sign-ins, median {statistics.median(timings):.2f} s "
          f"(min {min(timings):.2f}, max {max(timings):.2f}, {runs} runs)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _measure("SQLite", Database.from_url(f"sqlite:///{Path(folder) / 'bench.sqlite3'}"), args.runs)
    try:
        _measure_postgres(args.postgres, args.runs)
    except OperationalError as error:  # a machine without PostgreSQL still gets the SQLite figure
        print(f"PostgreSQL: not reachable ({type(error).__name__})")


def _measure_postgres(url: str, runs: int) -> None:
    with own_schema(url, "bench_sign_ins") as database:
        _measure("PostgreSQL", database, runs)


if __name__ == "__main__":
    main()
