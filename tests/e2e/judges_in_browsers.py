"""Play a demo day in real browsers: phone-sized judges tap every criterion of every pitch, a coordinator
closes scoring and waits for the final leaderboard and the booklet. Shared by the e2e test and the benchmark.

Latency is measured in each page, from the tap (a click listener) to the toast that confirms that tap
("Saved: Team = 4", seen by a MutationObserver), so the browsers' own slowness is included, as a judge feels it.
"""

from __future__ import annotations

import csv
import io
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from incubator.judging.leaderboard import ScoreRow, rank_startups
from incubator.judging.rubrics import get_rubric
from tests.e2e.conftest import score_button, sign_in
from tests.e2e.demo_day import CRITERIA, PASSWORD, DemoDay

_WATCH_TAPS = """
window.__taps = []; window.__toasts = [];
document.addEventListener('click', (event) => {
  const radio = event.target.closest('[role="radio"]');
  if (radio) window.__taps.push(performance.now());
}, true);
new MutationObserver(() => {
  document.querySelectorAll('[data-testid="stToast"], [class*="st-key-judge_saved_"]').forEach((toast) => {
    // Seen once it has its words; the judge's bar may keep its element and change its key (its class) and words.
    const mark = `${toast.className}|${toast.innerText}`;
    if (toast.dataset.seen === mark || !toast.innerText.trim()) return;
    toast.dataset.seen = mark;
    window.__toasts.push({t: performance.now(), text: toast.innerText});
  });
}).observe(document, {childList: true, subtree: true, characterData: true, attributes: true,
             attributeFilter: ['class']});
"""
_LATENCY = """(text) => {
  const tapped = window.__taps[window.__taps.length - 1];
  const toast = window.__toasts.find((seen) => seen.t >= tapped && seen.text.includes(text));
  return toast ? toast.t - tapped : null;
}"""


@dataclass
class PlayedDay:
    """What a played demo day measured."""

    latencies: list[float] = field(default_factory=list)  # seconds, tap to its confirmation
    failed: int = 0  # taps not confirmed within 15 s (tapped again)
    saved: dict[tuple[str, str, str], int] = field(default_factory=dict)
    to_leaderboard: float = float("nan")  # seconds from the last confirmed tap to the final ranking shown
    to_booklet: float = float("nan")  # seconds from the last confirmed tap to the booklet ready to download


def _phone(browser: Browser, url: str, email: str) -> Page:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_init_script(_WATCH_TAPS)
    page = context.new_page()
    page.set_default_timeout(60_000)
    sign_in(page, url, email, PASSWORD)
    page.goto(f"{url}/judge")
    return page


def _confirmed_after(page: Page, text: str) -> float | None:
    try:
        handle = page.wait_for_function(_LATENCY, arg=text, timeout=15_000)
    except PlaywrightTimeout:
        return None
    return float(handle.json_value()) / 1000


def _tap_all(judges: dict[str, Page], slug: str, index: int, generator: random.Random, played: PlayedDay) -> None:
    """Each judge taps a level of criterion `index` at about the same time; a tap not confirmed is tapped again."""
    criterion, title = CRITERIA[index]
    waiting = {email: generator.randint(1, 5) for email in judges}
    for _attempt in range(2):
        for email, value in waiting.items():
            group = judges[email].get_by_test_id("stButtonGroup").nth(index)
            score_button(group, str(value)).click()
        for email, value in list(waiting.items()):
            latency = _confirmed_after(judges[email], f"Saved: {title} = {value}")
            if latency is None:
                played.failed += 1
                continue
            played.latencies.append(latency)
            played.saved[(email, slug, criterion)] = value
            del waiting[email]
        if not waiting:
            return
    raise AssertionError(f"{len(waiting)} judges never saw {title} of {slug} saved")


def _final_board(day: DemoDay, saved: dict[tuple[str, str, str], int]) -> list[tuple[str, str]]:
    rows = [ScoreRow(judge, startup, criterion, value) for (judge, startup, criterion), value in saved.items()]
    standings = rank_startups(rows, get_rubric("demo-day").weights, dict(day.pitches), "normalized")
    return [(standing.startup, f"{standing.normalized:.4f}") for standing in standings]


def _board_shown(page: Page) -> list[tuple[str, str]]:
    with page.expect_download() as download:
        page.get_by_test_id("stDownloadButton").get_by_role("button").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    # The CSV writer guards cells a spreadsheet would run ("-0.5" gets a leading "'"): read the number back.
    return [(row["startup"], row["normalized"].removeprefix("'")) for row in csv.DictReader(io.StringIO(text))]


def play_in_browsers(browser: Browser, url: str, day: DemoDay, seed: int = 1) -> PlayedDay:
    """Play the whole demo day at `url` in `browser`; return what it measured."""
    generator = random.Random(seed)
    judges = {email: _phone(browser, url, email) for email in day.judges}
    coordinator = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    board, events = coordinator.new_page(), coordinator.new_page()
    for page in (board, events):
        page.set_default_timeout(60_000)
    sign_in(board, url, day.coordinator, PASSWORD)
    board.goto(f"{url}/leaderboard")
    events.goto(f"{url}/events")
    played = PlayedDay()
    for number, (slug, name) in enumerate(day.pitches):
        for page in judges.values():
            expect(page.get_by_role("heading", name=name)).to_be_visible(timeout=30_000)
        for index in range(len(CRITERIA)):
            _tap_all(judges, slug, index, generator, played)
        if number + 1 < len(day.pitches):
            for page in judges.values():
                page.get_by_role("button", name="Next pitch").click()
    last_tap = time.monotonic()
    events.get_by_role("button", name="Close scoring").click()
    expect(events.get_by_role("button", name="Download the booklet")).to_be_visible()
    played.to_booklet = time.monotonic() - last_tap
    expected = _final_board(day, played.saved)
    while (shown := _board_shown(board)) != expected:  # the board refreshes itself every 5 s while scoring runs
        if time.monotonic() - last_tap > 60:
            raise AssertionError(f"the leaderboard did not show the final ranking within a minute: {shown} {expected}")
        board.wait_for_timeout(250)
    played.to_leaderboard = time.monotonic() - last_tap
    for page in [*judges.values(), board]:
        page.context.close()
    return played
