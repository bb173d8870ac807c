"""A real app server on a free port, and Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from incubator.core.vocabulary import Role
from incubator.web.frame import ROLE_PAGES
from tests.conftest import IN_CI
from tests.e2e.servers import running_app

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the networking flags Chromium keeps calling home, and this machine's closed network refuses it.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


NEW_FOUNDER, NEW_FOUNDER_PASSWORD = "newbie@example.org", "a first password"


def demo_database_url(folder: Path) -> str:
    """Make a SQLite database in `folder` with the demo cohort, plus a new founder whose startup has no canvas yet."""
    database_url = f"sqlite:///{folder / 'e2e.sqlite3'}"
    cli = [sys.executable, "-m", "incubator", "--db", database_url]
    subprocess.run([*cli, "demo"], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(
        [*cli, "user", "add", "--email", NEW_FOUNDER, "--name", "Nour Haddad", "--role", "founder"],
        cwd=ROOT, check=True, capture_output=True, input=f"{NEW_FOUNDER_PASSWORD}\n", text=True,
    )  # fmt: skip
    bundle = folder / "new-startup.json"
    bundle.write_text(
        json.dumps(
            {"format": "incubator-bundle", "version": 1,
             "startups": [{"slug": "kitchen-share", "name": "Kitchen Share", "founders": [NEW_FOUNDER]}]}
        ),
        encoding="utf-8",
    )  # fmt: skip
    subprocess.run([*cli, "import", str(bundle)], cwd=ROOT, check=True, capture_output=True)
    return database_url


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(demo_database_url(tmp_path_factory.mktemp("e2e"))) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        reason = f"Chromium not found at {CHROMIUM}: apt-get install chromium (.ci/run does)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@contextmanager
def browser_page(browser: Browser, locale: str) -> Iterator[Page]:
    """Open a page in a fresh browser context whose language (Accept-Language) is `locale`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    yield opened
    context.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with browser_page(browser, "en-GB") as opened:
        yield opened


def screenshot(page: Page, name: str) -> None:
    """Keep a picture of the page under artifacts/screenshots, to look at what users see."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_selector("[data-testid='stSkeleton']", state="detached")
    page.wait_for_timeout(500)  # let fonts and icons settle; only the picture depends on it
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def settle(page: Page) -> None:
    """Wait until the app has finished its rerun: no element left over from the previous run, no placeholder."""
    page.wait_for_function(
        '() => !document.querySelector(\'[data-stale="true"], [data-testid="stSkeleton"]\')'
        ' && !document.querySelector(\'[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]\')'
    )
    page.wait_for_timeout(150)


def sign_in(page: Page, url: str, email: str, password: str) -> None:
    """Sign in at `url` with the form, and wait until the browser keeps the session cookie."""
    page.goto(url)
    page.get_by_role("textbox", name="Email").fill(email)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_function("document.cookie.includes('incubator_session=')")


# Keeps every confirmation a page shows in `window.__toasts`, so a toast that came and went while a test
# looked elsewhere still counts as seen.
KEEP_TOASTS = """
window.__toasts = [];
new MutationObserver(() => {
  document.querySelectorAll('[data-testid="stToast"], [class*="st-key-judge_saved_"]').forEach((toast) => {
    // Seen once it has its words; the judge's bar may keep its element and change its key (its class) and words.
    const mark = `${toast.className}|${toast.innerText}`;
    if (toast.dataset.seen === mark || !toast.innerText.trim()) return;
    toast.dataset.seen = mark;
    window.__toasts.push(toast.innerText);
  });
}).observe(document, {childList: true, subtree: true, characterData: true, attributes: true,
             attributeFilter: ['class']});
"""


def score_button(group: Locator, value: int | str) -> Locator:
    """The button of score `value` in a criterion's row, by its accessible name ("Problem: 4 of 5")."""
    return group.get_by_role("radio", name=re.compile(rf"^.+: {value} of \d+$"))


# One demo person of each role, for the tests that open every page of a role.
DEMO_PEOPLE = {
    Role.FOUNDER: "yasmine@demo.incubator.example",
    Role.MENTOR: "pieter@demo.incubator.example",
    Role.COORDINATOR: "nadia@demo.incubator.example",
}


def each_page_of(page: Page, app_url: str, role: Role) -> Iterator[str]:
    """Open every page of `role` in turn, drawn and settled; yield each one's address ("" for the home page)."""
    for address in ["", *ROLE_PAGES[role][1:]]:  # a role's first page is its home, at the app's root
        page.goto(f"{app_url}/{address}")
        expect(page.locator("h1").first).to_be_visible()
        settle(page)
        page.wait_for_timeout(300)  # tables draw their columns after the run that sends them
        yield address
