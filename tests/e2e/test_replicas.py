"""Two app replicas behind nginx on one PostgreSQL: one is killed mid-scoring and nothing is lost.

Run alone with `pytest -m replicas`. The proxy is the deployment's own `deploy/nginx/incubator.conf`.
"""

from __future__ import annotations

import os
import re
import signal
import ssl
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import select

from incubator.accounts.actors import Actor
from incubator.core.vocabulary import Role, ScoringState
from incubator.db.database import Database
from incubator.db.models import PitchEvent, Score, Startup, User
from incubator.judging.events import create_event, set_lineup, set_scoring
from incubator.judging.leaderboard import ScoreRow, rank_startups
from incubator.judging.results import event_leaderboard
from incubator.judging.rubrics import get_rubric
from tests.conftest import IN_CI, empty_postgres_schema
from tests.e2e.conftest import KEEP_TOASTS, ROOT, score_button, sign_in
from tests.e2e.servers import (
    free_port,
    nginx_available,
    running_nginx,
    start_app_server,
    stop,
    wait_until_healthy,
)
from tests.factories import make_cohort, make_startup, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.replicas]

PASSWORD = "a judge's password"
COORDINATOR = "coordinator@replicas.example.org"
JUDGES = [f"judge{number}@replicas.example.org" for number in range(1, 5)]
EVENT = "replica-day"
PITCHES = ["alpha-labs", "beta-works", "gamma-go"]
CRITERIA = [criterion.name for criterion in get_rubric("demo-day").criteria]


def _seed(url: str) -> None:
    """A coordinator, four judges and three startups pitching at an event whose scoring is open."""
    database = Database.from_url(url)
    with database.write() as session:
        coordinator = make_user(session, Role.COORDINATOR, password=PASSWORD, email=COORDINATOR)
        for email in JUDGES:
            make_user(session, Role.MENTOR, password=PASSWORD, email=email)
        cohort = make_cohort(session, slug="replicas", name="Replicas")
        for slug in PITCHES:
            make_startup(session, slug=slug, name=slug.replace("-", " ").title(), cohort=cohort)
        actor = Actor.of(coordinator)
        create_event(session, actor, name="Replica day", slug=EVENT, cohort_slug="replicas")
        set_lineup(session, actor, EVENT, PITCHES, JUDGES)
        set_scoring(session, actor, EVENT, ScoringState.OPEN)
    database.dispose()


def _require_nginx() -> None:
    """Fail in CI, skip elsewhere, when nginx or openssl is missing."""
    if not nginx_available():
        reason = "nginx or openssl not found: apt-get install nginx openssl (.ci/run does)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)


@contextmanager
def _replicas(url: str, count: int) -> Iterator[list[tuple[int, subprocess.Popen[bytes]]]]:
    ports = [free_port() for _ in range(count)]
    servers = [(port, start_app_server(url, port, behind_proxy=True)) for port in ports]
    try:
        for port, server in servers:
            wait_until_healthy(f"http://127.0.0.1:{port}", server)
        yield servers
    finally:
        for _port, server in servers:
            stop(server)


def _browser_on_route(browser: Browser, proxy: str, route: str, *, phone: bool) -> tuple[BrowserContext, Page]:
    """Open a browser context that nginx keeps on replica `route` (a or b), as its cookie would after a first visit."""
    size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    context = browser.new_context(viewport=size, is_mobile=phone, has_touch=phone, ignore_https_errors=True)
    context.add_cookies([{"name": "incubator_route", "value": route, "url": proxy}])
    context.add_init_script(KEEP_TOASTS)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


def _tap(page: Page, criterion_index: int, value: int) -> Locator:
    page.evaluate("window.__toasts = []")
    group = page.get_by_test_id("stButtonGroup").nth(criterion_index)
    choice = score_button(group, str(value))
    choice.click()
    return choice


def _confirmed(page: Page, criterion: str) -> bool:
    """Wait up to 15 s for the page to confirm the tap on `criterion` as saved."""
    try:
        page.wait_for_function(
            "(text) => window.__toasts.some((toast) => toast.includes(text))", arg=f"Saved: {criterion}", timeout=15_000
        )
    except PlaywrightTimeout:
        return False
    return True


def _score_one_criterion(judges: list[Page], index: int, saved: dict[tuple[str, str], int]) -> int:
    """Each judge taps a score for criterion `index`, all at once, and taps again (at most twice) until it is saved.

    Returns how many taps were made.
    """
    label = get_rubric("demo-day").criteria[index].title
    waiting = dict(enumerate(judges))
    taps = 0
    for _attempt in range(3):
        taps += len(waiting)
        for number, judge in waiting.items():
            _tap(judge, index, 1 + (number + index) % 5)
        waiting = {number: judge for number, judge in waiting.items() if not _confirmed(judge, label)}
        for number in set(range(len(judges))) - set(waiting):
            saved[(JUDGES[number], CRITERIA[index])] = 1 + (number + index) % 5
        if not waiting:
            return taps
    raise AssertionError(f"{len(waiting)} judges never saw {label} saved after three taps")


def test_two_replicas_behind_nginx_lose_no_tap_when_one_is_killed(browser: Browser, tmp_path: Path):
    _require_nginx()
    with empty_postgres_schema() as url, ExitStack() as cleanup:
        # Two replicas' start-up at once: the schema is upgraded once, the other waits on the migration lock.
        upgrades = [
            subprocess.Popen([sys.executable, "-m", "incubator", "--db", url, "db", "upgrade"], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for _ in range(2)
        ]  # fmt: skip
        assert [upgrade.wait(timeout=120) for upgrade in upgrades] == [0, 0]
        _seed(url)
        (port_a, replica_a), (_port_b, _replica_b) = cleanup.enter_context(_replicas(url, 2))
        proxy = cleanup.enter_context(running_nginx([port_a, _port_b], tmp_path / "nginx"))

        coordinator_context, coordinator = _browser_on_route(browser, proxy, "a", phone=False)
        judges: list[Page] = []
        for number, email in enumerate(JUDGES):
            _context, judge = _browser_on_route(browser, proxy, "a" if number < 2 else "b", phone=True)
            sign_in(judge, proxy, email, PASSWORD)
            judge.goto(f"{proxy}/judge")
            expect(judge.get_by_role("heading", name="Alpha Labs")).to_be_visible()
            judges.append(judge)
        sign_in(coordinator, proxy, COORDINATOR, PASSWORD)
        coordinator.goto(f"{proxy}/leaderboard")

        saved: dict[tuple[str, str], int] = {}
        taps = 0
        for index in range(3):  # before the kill: three criteria each
            taps += _score_one_criterion(judges, index, saved)

        expect(coordinator.get_by_test_id("stDownloadButton")).to_be_visible(timeout=30_000)
        with coordinator.expect_download() as before:
            coordinator.get_by_test_id("stDownloadButton").get_by_role("button").click()
        assert "Alpha Labs" in Path(before.value.path()).read_text(encoding="utf-8-sig")

        os.kill(replica_a.pid, signal.SIGKILL)  # the replica that serves the coordinator and judges 1 and 2
        replica_a.wait(timeout=10)

        for index in range(3, len(CRITERIA)):  # after the kill: the rest, through the replica left
            taps += _score_one_criterion(judges, index, saved)
        print(f"\n{taps} taps for {len(saved)} scores shown saved ({taps - len(saved)} tapped again)")

        for judge in judges[:2]:  # reconnected, still signed in, and shown what was stored before the kill
            expect(judge.get_by_role("heading", name="Score pitches")).to_be_visible()
            first = judge.get_by_test_id("stButtonGroup").nth(0)
            expect(first.locator("[aria-checked='true']")).to_have_count(1)

        with coordinator.expect_download() as after:
            coordinator.get_by_test_id("stDownloadButton").get_by_role("button").click()
        assert "Alpha Labs" in Path(after.value.path()).read_text(encoding="utf-8-sig")
        coordinator_context.close()

        database = Database.from_url(url)
        with database.read() as session:
            stored = session.execute(
                select(User.email, Score.criterion, Score.value)
                .join(User, User.id == Score.judge_id)
                .join(Startup, Startup.id == Score.startup_id)
                .join(PitchEvent, PitchEvent.id == Score.event_id)
                .where(PitchEvent.slug == EVENT)
            ).all()
            coordinator_actor = Actor.of(session.scalar(select(User).where(User.email == COORDINATOR)))
            # Replicas on a DATABASE_URL never load the demo cohort: the people are the test's own.
            assert sorted(session.scalars(select(User.email))) == sorted([COORDINATOR, *JUDGES])
            board = event_leaderboard(session, coordinator_actor, EVENT, "normalized")
        database.dispose()
        # Every tap that showed "Saved" is stored exactly once, with its value, and nothing else is.
        assert sorted((email, criterion, int(value)) for email, criterion, value in stored) == sorted(
            (email, criterion, value) for (email, criterion), value in saved.items()
        )
        expected = rank_startups(
            [ScoreRow(email, PITCHES[0], criterion, value) for (email, criterion), value in saved.items()],
            get_rubric("demo-day").weights, {PITCHES[0]: "Alpha Labs"}, "normalized",
        )  # fmt: skip
        assert board.standings == expected


SECURITY_HEADERS = {
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-frame-options": "DENY",
    "content-security-policy": "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


def _headers(url: str) -> dict[str, str]:
    unverified = ssl.create_default_context()
    unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE  # the test's self-signed certificate
    try:
        response = urllib.request.urlopen(url, context=unverified, timeout=10)  # a loopback URL
    except urllib.error.HTTPError as error:  # 404 and the like still carry the headers
        response = error
    with response:
        return {name.lower(): value for name, value in response.headers.items()}


def test_nginx_sends_the_security_headers_with_every_answer(tmp_path: Path):
    _require_nginx()
    database_url = f"sqlite:///{tmp_path / 'headers.sqlite3'}"
    subprocess.run([sys.executable, "-m", "incubator", "--db", database_url, "db", "upgrade"], cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    with ExitStack() as cleanup:
        [(port, _server)] = cleanup.enter_context(_replicas(database_url, 1))
        proxy = cleanup.enter_context(running_nginx([port], tmp_path / "nginx"))
        for path in ("/", "/_stcore/health", "/exports", "/no-such-file.js"):
            headers = _headers(f"{proxy}{path}")
            assert {name: headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS, path


def test_a_share_view_goes_on_at_the_other_replica_with_nothing_lost_or_doubled(browser: Browser, tmp_path: Path):
    from incubator.db.models import ShareSlideTime, ShareView
    from incubator.sharing.links import ShareRequest, create_share_link

    _require_nginx()
    with empty_postgres_schema() as url, ExitStack() as cleanup:
        subprocess.run([sys.executable, "-m", "incubator", "--db", url, "db", "upgrade"], cwd=ROOT, check=True,
                       capture_output=True)  # fmt: skip
        database = Database.from_url(url)
        with database.write() as session:
            make_startup(session, slug="alpha-labs", name="Alpha Labs", tagline="Labs for everyone.")
            token = create_share_link(session, Actor.command_line(), "alpha-labs", ShareRequest("Ann Investor")).token
        (port_a, replica_a), (port_b, _replica_b) = cleanup.enter_context(_replicas(url, 2))
        proxy = cleanup.enter_context(running_nginx([port_a, port_b], tmp_path / "nginx"))
        context, investor = _browser_on_route(browser, proxy, "a", phone=True)
        investor.goto(f"{proxy}/?share={token}")
        for shown in (2, 3):
            expect(investor.get_by_text(f"{shown - 1} / 6", exact=True)).to_be_visible()
            investor.wait_for_timeout(700)
            investor.get_by_role("button", name="Next").click()
        expect(investor.get_by_text("3 / 6", exact=True)).to_be_visible()

        os.kill(replica_a.pid, signal.SIGKILL)  # the replica serving this investor, mid-view
        replica_a.wait(timeout=10)
        # The browser reconnects through nginx to the replica left, keeping its address (and so its view). A press
        # made while it reconnects may be lost or arrive late: the investor presses until the deck moves on.
        for _press in range(40):
            investor.wait_for_timeout(700)
            if investor.get_by_text(re.compile(r"^[56] / 6$")).count():
                break
            investor.get_by_role("button", name="Next").click()
        expect(investor.get_by_text(re.compile(r"^[56] / 6$"))).to_be_visible()
        investor.wait_for_timeout(1500)  # a press still on its way lands before the page is read
        shown = int(investor.get_by_text(re.compile(r"^[0-9] / 6$")).inner_text().split(" / ")[0])
        with database.read() as session:  # before the tab closes: closing it is a change too (the last slide's time)
            views = session.scalars(select(ShareView)).all()
            slides = sorted(row.slide for row in session.scalars(select(ShareSlideTime)))
        context.close()
        database.dispose()
        # One view; every press that moved the deck counted once, on whichever replica served it, none twice.
        assert [(view.current_slide, view.changes) for view in views] == [(shown, shown - 1)]
        assert slides == list(range(1, shown))
