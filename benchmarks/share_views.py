"""Benchmark: virtual investors open share links and page through decks at once, through the real app server.

A virtual investor is one websocket speaking Streamlit's own protocol (tests/e2e/streamlit_client.py), as
a phone's page does. Each opens its own link to one of the demo's startups, then presses *Next* through
the deck with a pause between slides (--think seconds, drawn around that). With --replicas 2 they go
through nginx to two app processes, half on each.

Prints the slide change's latency as the investor sees it and the server's own script time per change
(median, p95), then checks the database: one view per investor, and for each view exactly one change and
one slide time per press (nothing lost, nothing doubled), and the seconds recorded against the pauses.

Run: python -m benchmarks.share_views [--investors 100] [--think 1] [--database sqlite|postgresql]
     [--replicas 1|2]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.virtual_judges import database_for
from incubator.accounts.actors import Actor
from incubator.core.tokens import token_hash
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.db.models import ShareLink, ShareSlideTime, ShareView, Startup
from incubator.exchange.demo import load_demo
from incubator.reports.document_files import deck_print
from incubator.sharing.links import ShareRequest, create_share_link
from tests.e2e.demo_day import percentile
from tests.e2e.servers import peak_memory_mib, serving
from tests.e2e.streamlit_client import StreamlitClient

TIMING = ["--browser.gatherUsageStats", "true"]  # the server then reports each run's own time


@dataclass
class Reading:
    """What the investors measured, gathered from their threads."""

    opens: list[float] = field(default_factory=list)
    changes: list[float] = field(default_factory=list)
    script_seconds: list[float] = field(default_factory=list)
    pressed: int = 0
    paused: dict[str, list[float]] = field(default_factory=dict)  # per link token: the pause before each press
    failures: list[str] = field(default_factory=list)  # investors whose page failed, and why
    lock: threading.Lock = field(default_factory=threading.Lock)


def _seed(url: str, investors: int) -> list[tuple[str, int]]:
    """Load the demo and make one link per investor, spread over the demo's startups; return (token, slides)."""
    database = Database.from_url(url)
    upgrade_database(database)
    system = Actor.command_line()
    with database.write() as session:
        load_demo(session)
    with database.write() as session:
        slugs = list(session.scalars(select(Startup.slug).order_by(Startup.slug)))
        slides = {slug: len(deck_print(session, system, slug).slides) for slug in slugs}
        links = []
        for number in range(investors):
            slug = slugs[number % len(slugs)]
            issued = create_share_link(session, system, slug, ShareRequest(f"Investor {number:03d}"))
            links.append((issued.token, slides[slug]))
    database.dispose()
    return links


def _investor(base: str, route: str, token: str, slides: int, think: float, reading: Reading) -> None:
    generator = random.Random(token)
    time.sleep(generator.uniform(0, think))
    client = None
    pauses: list[float] = []
    try:
        client = StreamlitClient(base, {"incubator_route": route}, "", query=f"share={token}")
        opened = client.open()
        with reading.lock:
            reading.opens.append(opened.seconds)
        for _slide in range(1, slides):
            pause = generator.uniform(0.5 * think, 1.5 * think)
            time.sleep(pause)
            run = client.click("share_next")
            pauses.append(pause + run.seconds)
            with reading.lock:
                reading.pressed += 1
                reading.changes.append(run.seconds)
                if run.script_seconds is not None:
                    reading.script_seconds.append(run.script_seconds)
    except Exception as error:  # a benchmark reports every failure, whatever it is
        with reading.lock:
            reading.failures.append(f"{type(error).__name__}: {error}"[:120])
    finally:
        if client is not None:
            client.close()
        with reading.lock:
            reading.paused[token] = pauses


def _check(url: str, reading: Reading, links: list[tuple[str, int]]) -> tuple[int, int, int, float]:
    """Return views, slide times and changes stored, and the largest gap between recorded and paused seconds."""
    database = Database.from_url(url)
    with database.read() as session:
        views = session.scalar(select(func.count()).select_from(ShareView)) or 0
        changes = session.scalar(select(func.sum(ShareView.changes))) or 0
        times = session.execute(
            select(ShareLink.token_hash, ShareSlideTime.slide, ShareSlideTime.seconds)
            .join(ShareView, ShareView.link_id == ShareLink.id)
            .join(ShareSlideTime, ShareSlideTime.view_id == ShareView.id)
        ).all()  # fmt: skip
    database.dispose()
    recorded = {(digest, slide): seconds for digest, slide, seconds in times}
    # Slide n's time runs from the press that showed it to the press that left it: the client's pause before
    # the press, plus the press's own round trip.
    gap = max(
        (abs(recorded.get((token_hash(token), number), 0.0) - pause)
         for token, _slides in links for number, pause in enumerate(reading.paused.get(token, []), start=1)),
        default=0.0,
    )  # fmt: skip
    return views, len(times), int(changes), gap


def play(investors: int, think: float, database: str, replicas: int) -> None:
    """Open every link at once, page through every deck, and print the figures."""
    with database_for(database) as url, ExitStack() as running, tempfile.TemporaryDirectory() as folder:
        links = _seed(url, investors)
        base, servers = running.enter_context(serving(url, replicas, Path(folder), TIMING))
        reading = Reading()
        started = time.perf_counter()
        threads = [
            threading.Thread(target=_investor, args=(base, "ab"[number % 2], token, slides, think, reading))
            for number, (token, slides) in enumerate(links)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        memory = [peak_memory_mib(server) for server in servers]
        views, times, changes, gap = _check(url, reading, links)
        logs = [log.read_text(encoding="utf-8", errors="replace")[-3000:] for log in Path(folder).glob("replica-*.log")]
    where = "one app process" if replicas == 1 else f"{replicas} replicas behind nginx"
    if not reading.opens or not reading.changes:
        print(f"no investor could read ({where}): {reading.failures[:3]}")
        print("\n".join(logs))
        return
    expected = reading.pressed  # every press the server answered
    print(f"{investors} virtual investors on {database}, {where}, a slide every ~{think:g} s each: "
          f"{reading.pressed} slide changes in {elapsed:.0f} s")  # fmt: skip
    print(f"  link opened      : median {statistics.median(reading.opens) * 1000:6.0f} ms, "
          f"p95 {percentile(reading.opens, 0.95) * 1000:6.0f} ms")  # fmt: skip
    print(f"  slide change     : median {statistics.median(reading.changes) * 1000:6.0f} ms, "
          f"p95 {percentile(reading.changes, 0.95) * 1000:6.0f} ms, max {max(reading.changes) * 1000:6.0f} ms "
          "(press to page drawn, as the investor sees it)")  # fmt: skip
    if reading.script_seconds:
        print(f"  server script    : median {statistics.median(reading.script_seconds) * 1000:6.1f} ms a change, "
              f"p95 {percentile(reading.script_seconds, 0.95) * 1000:6.1f} ms")  # fmt: skip
    print(f"  stored           : {views} views for {investors} links, {changes} changes and {times} slide times "
          f"for {expected} presses (lost or doubled: {abs(expected - changes) + abs(expected - times)})")  # fmt: skip
    print(f"  seconds recorded : within {gap:.2f} s of the pauses the investors made")
    print(f"  investors failed : {len(reading.failures)}" + (f" ({reading.failures[0]})" if reading.failures else ""))
    print(f"  peak memory      : {', '.join(f'{mib:.0f} MiB' for mib in memory)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--investors", type=int, default=100)
    parser.add_argument("--think", type=float, default=1.0, help="seconds an investor spends on a slide, on average")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--replicas", type=int, choices=(1, 2), default=1)
    arguments = parser.parse_args()
    play(arguments.investors, arguments.think, arguments.database, arguments.replicas)


if __name__ == "__main__":
    main()
