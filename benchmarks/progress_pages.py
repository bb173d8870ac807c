"""Benchmark: the milestone, traction and dashboard pages on a full cohort, through AppTest.

Fills a SQLite database with 100 startups, 20 milestones each and three years of weekly values
for three metrics each (46,800 values), then prints the median time of one full script run of
each page next to an empty page's, so the ratio shows the cost of our own code.
Run: python -m benchmarks.progress_pages [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select
from streamlit.testing.v1 import AppTest

from incubator.accounts.actors import Actor
from incubator.accounts.authentication import start_sign_in_session
from incubator.accounts.passwords import hash_password
from incubator.core.vocabulary import Role  # fmt: skip
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.db.models import (
    Cohort,
    FounderMembership,
    MentorAssignment,
    Metric,
    MetricValue,
    Milestone,
    Startup,
    User,
)

ROOT = Path(__file__).resolve().parent.parent
STARTUPS, MILESTONES, METRICS, WEEKS = 100, 20, 3, 156


def _fill(database: Database) -> dict[str, str]:
    start = dt.date(2024, 1, 1)
    with database.write() as session:
        session.add(Cohort(slug="big", name="Big cohort", starts_on=start))
        session.flush()
        cohort_id = session.scalar(select(Cohort.id))
        session.execute(insert(Startup), [
            {"slug": f"s{n:03d}", "name": f"Startup {n:03d}", "stage": "mvp", "cohort_id": cohort_id} for n in range(STARTUPS)
        ])  # fmt: skip
        password = hash_password("benchmark password")
        session.execute(insert(User), [
            {"email": "coordinator@bench.example", "display_name": "Coordinator", "role": Role.COORDINATOR, "password_hash": password},
            {"email": "founder@bench.example", "display_name": "Founder", "role": Role.FOUNDER, "password_hash": password},
            {"email": "mentor@bench.example", "display_name": "Mentor", "role": Role.MENTOR, "password_hash": password},
        ])  # fmt: skip
        ids = dict(session.execute(select(Startup.slug, Startup.id)).all())
        users = dict(session.execute(select(User.email, User.id)).all())
        session.add(FounderMembership(startup_id=ids["s000"], user_id=users["founder@bench.example"]))
        session.add_all(
            MentorAssignment(startup_id=ids[f"s{n:03d}"], user_id=users["mentor@bench.example"]) for n in range(10)
        )
        session.execute(insert(Milestone), [
            {"startup_id": startup_id, "title": f"Milestone {m}", "due": start + dt.timedelta(days=9 * m),
             "status": ("done", "planned", "in_progress", "blocked")[m % 4],
             "done_on": start + dt.timedelta(days=9 * m) if m % 4 == 0 else None}
            for startup_id in ids.values() for m in range(MILESTONES)
        ])  # fmt: skip
        session.execute(insert(Metric), [
            {"startup_id": startup_id, "name": f"Metric {k}", "unit": "units"} for startup_id in ids.values() for k in range(METRICS)
        ])  # fmt: skip
        metric_ids = list(session.scalars(select(Metric.id)))
        session.execute(insert(MetricValue), [
            {"metric_id": metric_id, "on_date": start + dt.timedelta(weeks=w), "value": float(w * 3 + metric_id % 7)}
            for metric_id in metric_ids for w in range(WEEKS)
        ])  # fmt: skip
        tokens = {}
        for email in users:
            user = session.get(User, users[email])
            assert user is not None
            tokens[email] = start_sign_in_session(session, Actor.of(user))
    return tokens


def _median_ms(script: str, token: str | None, runs: int) -> float:
    timings = []
    for _ in range(runs):
        at = AppTest.from_file(script, default_timeout=120)
        if token:
            at.session_state["_sign_in_token"] = token
        started = time.perf_counter()
        at.run()
        timings.append((time.perf_counter() - started) * 1000)
        assert not at.exception, at.exception
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        database = Database.from_url(url)
        upgrade_database(database)
        tokens = _fill(database)
        os.environ["DATABASE_URL"] = url
        empty = Path(folder) / "empty_page.py"
        empty.write_text("import streamlit as st\nst.title('Empty')\n", encoding="utf-8")
        floor = _median_ms(str(empty), None, runs)
        print(
            f"{STARTUPS} startups, {MILESTONES} milestones and {METRICS}x{WEEKS} weekly values each; median of {runs} runs"
        )
        print(f"  {'empty page':<34} {floor:8.1f} ms")
        pages = (
            ("dashboard (coordinator, 100)", "dashboard.py", "coordinator@bench.example"),
            ("dashboard (mentor, 10)", "dashboard.py", "mentor@bench.example"),
            ("milestones (founder)", "milestones.py", "founder@bench.example"),
            ("traction (founder, 3 charts)", "metrics.py", "founder@bench.example"),
        )
        for label, page, email in pages:
            median = _median_ms(str(ROOT / "pages" / page), tokens[email], runs)
            print(f"  {label:<34} {median:8.1f} ms   {median / floor:5.1f} x empty")
        database.dispose()


if __name__ == "__main__":
    main()
