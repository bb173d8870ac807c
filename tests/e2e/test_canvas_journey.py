"""The founder's first journey in a real browser: idea, pre-filled canvas, two saves, a comparison, the PDF."""

from __future__ import annotations

import io
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.conftest import NEW_FOUNDER, NEW_FOUNDER_PASSWORD, screenshot, settle


def _sign_in(page: Page, url: str, email: str = NEW_FOUNDER, password: str = NEW_FOUNDER_PASSWORD) -> None:
    page.goto(url)
    page.get_by_role("textbox", name="Email").fill(email)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My startup")).to_be_visible()


def _box(page: Page, title: str):
    return page.get_by_role("textbox", name=title, exact=True)


def test_founder_goes_from_idea_to_canvas_saves_twice_and_compares(page: Page, app_url: str):
    _sign_in(page, app_url)
    page.get_by_role("link", name="Idea", exact=True).click()
    problem = _box(page, "Problem")
    problem.fill("Restaurants throw away food; families nearby cannot afford fresh meals.")
    _box(page, "Target customer").fill("Families on a tight budget in Molenbeek.")
    _box(page, "Why now").fill("Food prices rose 20% in two years.")
    _box(page, "Why now").blur()
    settle(page)
    page.get_by_role("button", name="Save the idea").click()
    expect(page.get_by_text("Your idea is saved")).to_be_visible()
    screenshot(page, "idea")

    page.get_by_role("link", name="Lean canvas", exact=True).first.click()
    expect(page.get_by_role("heading", name="Lean canvas")).to_be_visible()
    expect(page.get_by_text("The first boxes come from your idea")).to_be_visible()
    expect(_box(page, "Problem")).to_have_value(
        "Restaurants throw away food; families nearby cannot afford fresh meals."
    )
    expect(_box(page, "Customer segments")).to_have_value("Families on a tight budget in Molenbeek.")
    channels = _box(page, "Channels")
    channels.fill("School newsletters; WhatsApp groups of parents.")
    channels.blur()
    expect(page.get_by_text("You have unsaved changes.")).to_be_visible()
    settle(page)
    page.get_by_role("button", name="Save a new version").click()
    expect(page.get_by_text("Saved as version 1.")).to_be_visible()

    key_metrics = _box(page, "Key metrics")
    key_metrics.fill("Children helped per week")
    key_metrics.blur()
    page.get_by_role("textbox", name="Note for this version (optional)").fill("Measure what matters")
    settle(page)
    page.get_by_role("button", name="Save a new version").click()
    expect(page.get_by_text("Saved as version 2.")).to_be_visible()
    screenshot(page, "canvas-founder")

    settle(page)
    page.get_by_role("tab", name="History and comparison").click()
    added = page.locator("span", has_text="Children helped per week").last
    expect(added).to_be_visible()
    assert added.evaluate("node => getComputedStyle(node).backgroundColor") == "rgb(211, 249, 216)"
    screenshot(page, "canvas-history")

    settle(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the canvas as PDF").click()
    download = download_info.value
    assert download.suggested_filename == "kitchen-share-lean-canvas-v2.pdf"
    reader = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    assert len(reader.pages) == 1 and "Children helped per week" in reader.pages[0].extract_text()


def test_closing_the_page_with_unsaved_text_asks_first(page: Page, app_url: str):
    _sign_in(page, app_url)
    page.get_by_role("link", name="Lean canvas", exact=True).first.click()
    _box(page, "Channels").fill("typed, not saved")  # no blur: the server does not even know yet
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
