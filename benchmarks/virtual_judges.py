"""Benchmark: virtual judges tap every criterion of every pitch through the real app server, all at once.

A virtual judge is one websocket speaking Streamlit's own protocol (tests/e2e/streamlit_client.py), as a
phone's page does, without a browser: this machine cannot drive forty browsers, but the server cannot
tell the difference. Each judge opens *Score pitches*, taps a random level of each criterion with a
pause between taps (--think seconds, drawn around that), and goes to the next pitch.

Prints tap-to-saved latency (send to the confirmation "Saved: …"; median, 95th percentile, maximum),
the server's own script time per tap (Streamlit's page profile of each run), failed taps, taps lost or
stored twice (against the database), and the server's peak memory. With --replicas 2 the judges go
through nginx (deploy/nginx/incubator.conf) to two app processes, half on each.

Run: python -m benchmarks.virtual_judges [--judges 40] [--pitches 3] [--think 3] [--database sqlite|postgresql]
     [--replicas 1|2]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.postgres import own_schema
from tests.conftest import POSTGRES_URL
from tests.e2e.demo_day import (
    CRITERIA,
    EVENT,
    DemoDay,
    check_stored,
    percentile,
    seed_demo_day,
    sign_in_tokens,
    tap_figures,
)
from tests.e2e.servers import cpu_seconds, peak_memory_mib, serving
from tests.e2e.streamlit_client import StreamlitClient

TIMING = ["--browser.gatherUsageStats", "true"]  # the server then reports each run's own time


@dataclass
class Taps:
    """What the judges measured, gathered from their threads."""

    judges: int
    opens: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    script_seconds: list[float] = field(default_factory=list)
    failed: int = 0
    saved: dict[tuple[str, str, str], int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    everyone_in: threading.Barrier = field(init=False)

    def __post_init__(self) -> None:
        self.everyone_in = threading.Barrier(self.judges)


def _judge(base_url: str, cookies: dict[str, str], email: str, day: DemoDay, think: float, taps: Taps) -> None:
    generator = random.Random(email)
    # Judges open the page before the first pitch, all in the same minute: measured apart from the taps.
    time.sleep(generator.uniform(0, 2 * think))
    client = StreamlitClient(base_url, cookies, "judge")
    try:
        opened = client.open()
        with taps.lock:
            taps.opens.append(opened.seconds)
        taps.everyone_in.wait(timeout=300)
        for slug, _name in day.pitches:
            for criterion, title in CRITERIA:
                time.sleep(generator.uniform(0.5 * think, 1.5 * think))
                value = generator.randint(1, 5)
                run = client.choose(f"score::{EVENT}::{slug}::{criterion}", str(value))
                confirmed = f"Saved: {title} = {value}" in run.toasts
                with taps.lock:
                    taps.latencies.append(run.seconds)
                    if run.script_seconds is not None:
                        taps.script_seconds.append(run.script_seconds)
                    if confirmed:
                        taps.saved[(email, slug, criterion)] = value
                    else:
                        taps.failed += 1
            client.click("judge_next")
    finally:
        client.close()


@contextmanager
def database_for(kind: str) -> Iterator[str]:
    """Yield the URL of a fresh database of `kind`: a SQLite file, or a PostgreSQL schema of its own."""
    if kind == "postgresql":
        with own_schema(POSTGRES_URL, "bench_virtual_judges") as database:
            yield database.engine.url.render_as_string(hide_password=False)
        return
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{Path(folder) / 'judges.sqlite3'}"


def play(judges: int, pitches: int, think: float, database: str, replicas: int) -> None:
    """Play one demo day with virtual judges and print the figures."""
    with database_for(database) as url, ExitStack() as running, tempfile.TemporaryDirectory() as folder:
        day = seed_demo_day(url, judges, pitches, with_passwords=False)
        tokens = sign_in_tokens(url, day.judges)
        base, servers = running.enter_context(serving(url, replicas, Path(folder), TIMING))
        taps = Taps(judges)
        cpu_before = sum(cpu_seconds(server) for server in servers)
        started = time.perf_counter()
        threads = []
        for number, email in enumerate(day.judges):  # with two replicas, half the judges are on each
            cookies = {"incubator_session": tokens[email], "incubator_route": "ab"[number % 2]}
            threads.append(threading.Thread(target=_judge, args=(base, cookies, email, day, think, taps)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        memory = [peak_memory_mib(server) for server in servers]
        cpu_per_tap = (sum(cpu_seconds(server) for server in servers) - cpu_before) / max(1, len(taps.latencies))
        check = check_stored(url, taps.saved)
    where = "one app process" if replicas == 1 else f"{replicas} replicas behind nginx"
    print(f"{judges} virtual judges x {pitches} pitches x {len(CRITERIA)} criteria on {database}, {where}, "
          f"a tap every ~{think:g} s each: {len(taps.latencies)} taps in {elapsed:.0f} s")  # fmt: skip
    print(f"  page opened      : median {statistics.median(taps.opens) * 1000:6.0f} ms, "
          f"max {max(taps.opens) * 1000:6.0f} ms (all judges within {2 * think:g} s, before the first pitch)")  # fmt: skip
    print("\n".join(tap_figures(taps.latencies, taps.failed, check)))
    if taps.script_seconds:
        print(f"  server script    : median {statistics.median(taps.script_seconds) * 1000:6.1f} ms a tap, "
              f"p95 {percentile(taps.script_seconds, 0.95) * 1000:6.1f} ms")  # fmt: skip
    print(f"  server CPU       : {cpu_per_tap * 1000:.1f} ms a tap (all it did, opening the pages included)")
    print(f"  peak memory      : {', '.join(f'{mib:.0f} MiB' for mib in memory)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--judges", type=int, default=40)
    parser.add_argument("--pitches", type=int, default=3)
    parser.add_argument("--think", type=float, default=3.0, help="seconds between one judge's taps, on average")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--replicas", type=int, choices=(1, 2), default=1)
    arguments = parser.parse_args()
    play(arguments.judges, arguments.pitches, arguments.think, arguments.database, arguments.replicas)


if __name__ == "__main__":
    main()
