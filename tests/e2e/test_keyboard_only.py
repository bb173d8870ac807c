"""The main journeys with the keyboard alone: no click, no tap, no pointer anywhere.

Each step moves the focus with Tab (as a person without a mouse does) until it reaches the control found by
its role and accessible name, then types or presses Enter or Space.
"""

from __future__ import annotations

import io
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from incubator.exchange.demo import DEMO_PASSWORD

MOST_TABS = 200  # more stops than any page has: a control never reached is a failure


def tab_to(page: Page, control: Locator) -> None:
    """Press Tab until `control` (found by its role and accessible name) has the keyboard focus."""
    control.wait_for()
    passed: list[str] = []
    for _stop in range(MOST_TABS):
        page.keyboard.press("Tab")
        if control.evaluate("element => element === document.activeElement"):
            return
        passed.append(str(page.evaluate("() => (document.activeElement?.getAttribute('aria-label') || "
                                        "document.activeElement?.innerText || '').slice(0, 40)")))  # fmt: skip
    raise AssertionError(f"Tab never reached {control}; it went through {passed[:60]}")


def arrow_to(page: Page, control: Locator) -> None:
    """Press the right arrow until `control` has the focus, within a group that is one Tab stop."""
    for _stop in range(10):
        if control.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("ArrowRight")
    raise AssertionError(f"The arrows never reached {control}")


def sign_in_by_keyboard(page: Page, url: str, email: str) -> None:
    page.goto(url)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    tab_to(page, page.get_by_role("textbox", name="Email"))
    page.keyboard.type(email)
    tab_to(page, page.get_by_role("textbox", name="Password"))
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_function("document.cookie.includes('incubator_session=')")


def _keyboard_browser(browser: Browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    return context, page


def test_a_founder_signs_in_saves_the_canvas_and_downloads_its_pdf_by_keyboard(browser: Browser, app_url: str):
    context, page = _keyboard_browser(browser)
    sign_in_by_keyboard(page, app_url, "lucas@demo.incubator.example")
    expect(page.get_by_role("heading", name="My startup")).to_be_visible()
    tab_to(page, page.get_by_role("link", name="Lean canvas", exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Lean canvas")).to_be_visible()

    tab_to(page, page.get_by_role("textbox", name="Channels", exact=True))
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Repair cafés in every commune; a stand at the Sunday market.")
    tab_to(page, page.get_by_role("button", name="Save a new version"))  # leaving the box hands its text to the app
    expect(page.get_by_text("You have unsaved changes.")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved as version")).to_be_visible()
    expect(page.get_by_role("textbox", name="Channels", exact=True)).to_have_value(
        "Repair cafés in every commune; a stand at the Sunday market."
    )

    tab_to(page, page.get_by_role("button", name="Download the canvas as PDF"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    pdf = PdfReader(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    assert "a stand at the Sunday market" in pdf.pages[0].extract_text()
    context.close()


def test_a_judge_scores_a_pitch_by_keyboard(browser: Browser, app_url: str):
    context, page = _keyboard_browser(browser)
    sign_in_by_keyboard(page, app_url, "pieter@demo.incubator.example")  # reads English all along
    tab_to(page, page.get_by_role("link", name="Score pitches"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Score pitches")).to_be_visible()

    # A row of scores is one Tab stop, as radio buttons are: Tab to the row, arrows to the score, Space.
    for criterion, value in (("Problem", 4), ("Market", 2)):
        tab_to(page, page.get_by_role("radio", name=f"{criterion}: 1 of 5"))
        arrow_to(page, page.get_by_role("radio", name=f"{criterion}: {value} of 5"))
        page.keyboard.press("Space")
        expect(page.get_by_role("status")).to_have_text(f"Saved: {criterion} = {value}")
    for criterion, value in (("Problem", "4"), ("Market", "2")):
        chosen = page.get_by_role("radio", name=f"{criterion}: {value} of 5")
        expect(chosen).to_have_attribute("aria-checked", "true")
    tab_to(page, page.get_by_role("button", name="Next pitch"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Pitch 2 of")).to_be_visible()
    context.close()
