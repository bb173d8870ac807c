"""A real app server on a free port, and Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import IN_CI

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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_healthy(url: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the app server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the app server did not start in time")


@contextmanager
def running_app(database_url: str) -> Iterator[str]:
    """Start `streamlit run app.py` on a free port against `database_url`; yield its base URL."""
    port = _free_port()
    environment = os.environ | {"DATABASE_URL": database_url}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


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
