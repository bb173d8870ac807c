"""Benchmark: the leaderboard of 100 startups, 40 judges and 6 criteria (24,000 scores).

Prints the median time of the pure ranking and of the whole service (query + ranking) on a
SQLite file, for both methods. Run: python -m benchmarks.leaderboard [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from sqlalchemy import insert

from incubator.accounts.actors import Actor
from incubator.core.vocabulary import Role, ScoringState
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.db.models import Score, Startup, User
from incubator.judging.events import create_event, set_judges, set_pitches, set_scoring
from incubator.judging.leaderboard import ScoreRow, rank_startups
from incubator.judging.results import event_leaderboard
from incubator.judging.rubrics import get_rubric

STARTUPS, JUDGES = 100, 40


def _median_ms(job, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _fill(database: Database) -> None:
    criteria = [criterion.name for criterion in get_rubric("demo-day").criteria]
    system = Actor.command_line()
    generator = random.Random(1)
    with database.write() as session:
        session.execute(
            insert(Startup), [{"slug": f"s{n}", "name": f"Startup {n}", "stage": "idea"} for n in range(STARTUPS)]
        )
        session.execute(
            insert(User),
            [{"email": f"j{n}@example.org", "display_name": f"Judge {n}", "role": Role.MENTOR} for n in range(JUDGES)],
        )
        event = create_event(session, system, name="Benchmark day", slug="bench")
        set_pitches(session, system, "bench", [f"s{n}" for n in range(STARTUPS)])
        set_judges(session, system, "bench", [f"j{n}@example.org" for n in range(JUDGES)])
        set_scoring(session, system, "bench", ScoringState.OPEN)
        startup_ids = dict(
            session.execute(Startup.__table__.select().with_only_columns(Startup.slug, Startup.id)).all()
        )
        judge_ids = dict(session.execute(User.__table__.select().with_only_columns(User.email, User.id)).all())
        session.execute(
            insert(Score),
            [
                {"event_id": event.id, "startup_id": startup_ids[f"s{s}"], "judge_id": judge_ids[f"j{j}@example.org"],
                 "criterion": criterion, "value": generator.randint(1, 5), "comment": ""}
                for s in range(STARTUPS) for j in range(JUDGES) for criterion in criteria
            ],
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    rubric = get_rubric("demo-day")
    generator = random.Random(2)
    rows = [
        ScoreRow(f"j{j}", f"s{s}", criterion.name, generator.randint(1, 5))
        for s in range(STARTUPS) for j in range(JUDGES) for criterion in rubric.criteria
    ]  # fmt: skip
    names = {f"s{s}": f"Startup {s}" for s in range(STARTUPS)}
    shape = f"{STARTUPS} startups x {JUDGES} judges x {len(rubric.criteria)} criteria"
    print(f"{len(rows):,} scores: {shape}, median of {runs} runs")
    for method in ("raw", "normalized"):
        ranking = partial(rank_startups, rows, rubric.weights, names, method)
        print(f"  ranking only, {method:<10}: {_median_ms(ranking, runs):7.1f} ms")
    with tempfile.TemporaryDirectory() as folder:
        database = Database.from_url(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        upgrade_database(database)
        _fill(database)

        def service(method: str) -> None:
            with database.read() as session:
                event_leaderboard(session, Actor.command_line(), "bench", method)  # type: ignore[arg-type]

        for method in ("raw", "normalized"):
            print(f"  service on SQLite, {method:<10}: {_median_ms(partial(service, method), runs):7.1f} ms")
        database.dispose()


if __name__ == "__main__":
    main()
