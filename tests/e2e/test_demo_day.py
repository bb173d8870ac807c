"""A small demo day played in real browsers: four phone-sized judges score every criterion of two pitches.

`python -m benchmarks.demo_day` plays a larger one and prints the same figures.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from playwright.sync_api import Browser

from tests.e2e.demo_day import check_stored, percentile, seed_demo_day
from tests.e2e.judges_in_browsers import play_in_browsers
from tests.e2e.servers import running_app


def test_four_judges_score_two_pitches_and_every_confirmed_tap_is_stored_once(browser: Browser, tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'demo-day.sqlite3'}"
    day = seed_demo_day(url, judges=4, pitches=2, with_passwords=True)
    with running_app(url) as app:
        played = play_in_browsers(browser, app, day)
    check = check_stored(url, played.saved)
    print(
        f"\n{len(played.latencies)} taps: tap to saved median {statistics.median(played.latencies):.2f} s, "
        f"p95 {percentile(played.latencies, 0.95):.2f} s; {played.failed} failed; final leaderboard after "
        f"{played.to_leaderboard:.1f} s, booklet after {played.to_booklet:.1f} s"
    )
    assert len(played.saved) == 4 * 2 * 6
    assert check.clean, check
    assert played.failed == 0
