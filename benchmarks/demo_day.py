"""Benchmark: a demo day played in real browsers, start to results.

Starts the app on a fresh SQLite file (or a PostgreSQL schema of its own), signs in N phone-sized
judges (Debian's Chromium through Playwright, all contexts in one browser) and a coordinator; every
judge taps a random level of every criterion of every pitch, all judges at about the same time;
then the coordinator closes scoring. Prints tap-to-saved latency as the browsers measured it (median,
95th percentile, maximum), failed taps, taps lost or stored twice (checked against the database), the
time from the last tap to the final leaderboard shown and to the booklet ready, and the server's peak
memory. This machine cannot drive more than about ten browsers; `benchmarks/virtual_judges.py` plays
forty judges without browsers.

Run: python -m benchmarks.demo_day [--judges 10] [--pitches 12] [--database sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import time

from playwright.sync_api import sync_playwright

from benchmarks.virtual_judges import database_for
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.e2e.demo_day import CRITERIA, check_stored, seed_demo_day, tap_figures
from tests.e2e.judges_in_browsers import play_in_browsers
from tests.e2e.servers import free_port, peak_memory_mib, start_app_server, stop, wait_until_healthy


def play(judges: int, pitches: int, database: str) -> None:
    """Play one demo day in browsers and print the figures."""
    with database_for(database) as url:
        day = seed_demo_day(url, judges, pitches, with_passwords=True)
        port = free_port()
        server = start_app_server(url, port)
        try:
            wait_until_healthy(f"http://127.0.0.1:{port}", server)
            started = time.perf_counter()
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                played = play_in_browsers(browser, f"http://127.0.0.1:{port}", day)
                browser.close()
            elapsed = time.perf_counter() - started
            memory = peak_memory_mib(server)
        finally:
            stop(server)
        check = check_stored(url, played.saved)
    latencies = played.latencies
    print(f"{judges} judges in browsers x {pitches} pitches x {len(CRITERIA)} criteria on {database}: "
          f"{len(latencies)} taps confirmed in {elapsed:.0f} s")  # fmt: skip
    print("\n".join(tap_figures(latencies, played.failed, check)))
    print(f"  after the last tap: final leaderboard shown {played.to_leaderboard:.1f} s, "
          f"booklet ready {played.to_booklet:.1f} s")  # fmt: skip
    print(f"  server peak memory: {memory:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--judges", type=int, default=10)
    parser.add_argument("--pitches", type=int, default=12)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    arguments = parser.parse_args()
    play(arguments.judges, arguments.pitches, arguments.database)


if __name__ == "__main__":
    main()
