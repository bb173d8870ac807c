"""A deck shared with an investor, in real browsers: the founder makes the link, the investor reads on a phone.

The investor pages through the six slides spending measured times (one stretch in a hidden tab, which
does not count), downloads the PDF with their name on it; the founder then finds those times, to the
second, and the download. Withdrawn, the same link says one line and shows nothing.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from incubator.exchange.demo import DEMO_PASSWORD
from tests.e2e.conftest import ROOT, SCREENSHOTS, demo_database_url, settle, sign_in
from tests.e2e.servers import running_app

SLUG = "repair-cafe-online"
HIDE = """() => {
  Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
  document.dispatchEvent(new Event('visibilitychange'));
}"""
SHOW = """() => {
  Object.defineProperty(document, 'visibilityState', {value: 'visible', configurable: true});
  document.dispatchEvent(new Event('visibilitychange'));
}"""


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    database_url = demo_database_url(tmp_path_factory.mktemp("sharing"))
    with running_app(database_url) as url:
        yield url, database_url


def _seconds_by_slide(database_url: str) -> dict[int, float]:
    out = subprocess.run(
        [sys.executable, "-m", "incubator", "--db", database_url, "share-views", SLUG, "--format", "csv"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    rows = [line.split(",") for line in out.splitlines()[1:]]
    return {int(slide): float(seconds) for _name, slide, seconds, _opens, _downloaded in rows}


def _next(page: Page, shown: int) -> None:
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text(f"{shown} / 6", exact=True)).to_be_visible()


def test_a_founder_shares_an_investor_reads_on_a_phone_and_the_founder_sees_what_was_read(
    browser: Browser, shared_app: tuple[str, str]
):
    url, database_url = shared_app
    founder = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True).new_page()
    founder.set_default_timeout(20_000)
    sign_in(founder, url, "yasmine@demo.incubator.example", DEMO_PASSWORD)
    founder.goto(f"{url}/share")
    founder.get_by_role("textbox", name="Shared with").fill("Ann Investor")
    founder.get_by_role("textbox", name="Organisation").fill("Brussels Angels")
    founder.get_by_role("button", name="Make the link").click()
    link = founder.get_by_test_id("stCode").inner_text().strip()
    assert "/?share=" in link

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                accept_downloads=True)  # fmt: skip
    investor = phone.new_page()
    investor.set_default_timeout(20_000)
    investor.goto(link)
    expect(investor.get_by_role("heading", name="Repair Café Online")).to_be_visible()
    expect(investor.get_by_text("1 / 6", exact=True)).to_be_visible()
    settle(investor)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    investor.screenshot(path=str(SCREENSHOTS / "shared-deck-phone.png"))
    spent = {1: 2.0, 2: 1.0, 3: 3.0, 4: 1.5, 5: 2.5}
    for slide, seconds in spent.items():
        started = time.monotonic()
        if slide == 3:  # two seconds in another tab: not counted
            investor.wait_for_timeout(1000)
            investor.evaluate(HIDE)
            investor.wait_for_timeout(2000)
            investor.evaluate(SHOW)
            settle(investor)
            investor.wait_for_timeout(int(1000 * (seconds - 2.0 - (time.monotonic() - started))))
            spent[3] = seconds - 2.0
        else:
            investor.wait_for_timeout(int(1000 * (seconds - (time.monotonic() - started))))
        _next(investor, slide + 1)
        settle(investor)
    with investor.expect_download() as download:
        investor.get_by_role("button", name="Download the PDF").click()
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert len(pdf.pages) == 6
    assert all("Shared with Ann Investor, Brussels Angels" in page.extract_text() for page in pdf.pages)

    recorded = _seconds_by_slide(database_url)
    assert set(recorded) == set(spent), recorded
    assert all(abs(recorded[slide] - seconds) < 1.0 for slide, seconds in spent.items()), (recorded, spent)
    founder.reload()
    expect(founder.get_by_text("1 open", exact=False)).to_be_visible()
    # The founder's page says each slide's seconds, within a second of what the investor spent.
    said = founder.get_by_text(re.compile(r"^slide 1: \d+ s")).inner_text()
    shown = {int(number): int(seconds) for number, seconds in re.findall(r"slide (\d+): (\d+) s", said)}
    assert set(shown) == set(spent) and all(abs(shown[slide] - spent[slide]) <= 1 for slide in spent), (shown, spent)
    expect(founder.get_by_text("downloaded", exact=False).first).to_be_visible()
    founder.screenshot(path=str(SCREENSHOTS / "share-page-founder.png"), full_page=True)

    founder.get_by_role("button", name="Withdraw the link").click()
    expect(founder.get_by_text("The link is withdrawn: it no longer opens.")).to_be_visible()
    investor.goto(link)
    expect(investor.get_by_text("This link does not open", exact=False)).to_be_visible()
    expect(investor.get_by_role("img")).to_have_count(0)
    expect(investor.get_by_role("button", name="Download the PDF")).to_have_count(0)
    phone.close()
    founder.context.close()


def test_the_investors_page_passes_axe_and_answers_the_arrow_keys(browser: Browser, shared_app: tuple[str, str]):
    from tests.e2e.test_accessibility import _failing, axe_violations

    url, database_url = shared_app
    link = subprocess.run(
        [sys.executable, "-m", "incubator", "--db", database_url, "share", SLUG, "--to", "Axe Auditor"],
        cwd=ROOT, check=True, capture_output=True, text=True, env={**os.environ, "INCUBATOR_URL": url},
    ).stdout.strip()  # fmt: skip
    for phone in (False, True):
        context = browser.new_context(viewport={"width": 390, "height": 844} if phone else {"width": 1366,
                                      "height": 900}, is_mobile=phone, has_touch=phone)  # fmt: skip
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(link)
        expect(page.get_by_text("1 / 6", exact=True)).to_be_visible()
        settle(page)
        assert _failing(axe_violations(page)) == []
        if not phone:
            page.keyboard.press("ArrowRight")
            expect(page.get_by_text("2 / 6", exact=True)).to_be_visible()
        context.close()
