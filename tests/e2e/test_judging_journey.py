"""A judge on a phone-sized screen scores a pitch, reloads, and finds every score kept."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from sqlalchemy import func, select, update

from incubator.db.database import Database
from incubator.db.models import Score, User
from tests.e2e.conftest import demo_database_url, running_app, score_button, screenshot, settle


def _choose(group: Locator, value: str) -> None:
    """Tap a level and wait until the app shows it chosen (a tap during the first render can be dropped)."""
    choice = score_button(group, value)
    for _attempt in range(3):
        choice.click()
        try:
            expect(choice).to_have_attribute("aria-checked", "true", timeout=5_000)
            return
        except AssertionError:
            continue
    expect(choice).to_have_attribute("aria-checked", "true")


def _judge_on_a_phone(browser: Browser, url: str, timeout: float) -> tuple[BrowserContext, Page]:
    """Open a phone-sized browser, sign in as the judge Karim and open *Score pitches*."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(timeout)
    page.goto(url)
    page.get_by_role("textbox", name="Email").fill("karim@demo.incubator.example")
    page.get_by_role("textbox", name="Password").fill("demo-incubator")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_function("document.cookie.includes('incubator_session=')")
    page.goto(f"{url}/judge")
    return context, page


def _toast(page: Page, text: str) -> Locator:
    """The bar's confirmation of a save (once a toast: now said in place, under the judge's thumb)."""
    return page.locator('[class*="st-key-judge_saved_"]').filter(has_text=text)


def _confirmation_number(page: Page) -> int:
    """The number of the save the bar confirms now: each save draws a new element, numbered."""
    found = page.locator('[class*="st-key-judge_saved_"]').first.get_attribute("class") or ""
    return int(re.search(r"st-key-judge_saved_(\d+)", found).group(1))


def test_judge_scores_a_pitch_reloads_and_finds_the_scores_kept(browser: Browser, app_url: str):
    context, page = _judge_on_a_phone(browser, app_url, 20_000)
    expect(page.get_by_role("heading", name="Score pitches")).to_be_visible()
    expect(page.get_by_role("heading", name="GreenCourier")).to_be_visible()

    page.wait_for_selector("[data-testid='stSkeleton']", state="detached")
    _choose(page.get_by_test_id("stButtonGroup").nth(0), "4")  # Problem
    expect(_toast(page, "Saved: Problem = 4")).to_be_visible()
    # Said to screen readers too: the page's polite live region holds the same words.
    expect(page.get_by_role("status")).to_have_text("Saved: Problem = 4")
    _choose(page.get_by_test_id("stButtonGroup").nth(4), "2")  # Team
    expect(_toast(page, "Saved: Team = 2")).to_be_visible()
    page.get_by_text("Show what each level means, and comments").click()
    settle(page)
    # The comment's own confirmation names the same tap: it is the next save's element, so the reload
    # below never races the comment's save.
    before = _confirmation_number(page)
    comment = page.get_by_role("textbox", name="Comment (optional)").nth(4)
    comment.fill("Needs a technical co-founder.")
    comment.press("Enter")
    expect(page.locator(f".st-key-judge_saved_{before + 1}")).to_contain_text("Saved: Team = 2")
    screenshot(page, "judge-phone")

    page.reload()
    expect(page.get_by_role("heading", name="GreenCourier")).to_be_visible()
    groups = page.get_by_test_id("stButtonGroup")
    expect(score_button(groups.nth(0), "4")).to_have_attribute("aria-checked", "true")
    expect(score_button(groups.nth(4), "2")).to_have_attribute("aria-checked", "true")
    page.get_by_text("Show what each level means, and comments").click()
    expect(page.get_by_role("textbox", name="Comment (optional)").nth(4)).to_have_value("Needs a technical co-founder.")
    context.close()


def test_one_pitch_fits_one_phone_screen_with_large_taps_and_its_levels_closed(browser: Browser, app_url: str):
    context, page = _judge_on_a_phone(browser, app_url, 20_000)
    expect(page.get_by_role("heading", name="GreenCourier")).to_be_visible()
    settle(page)
    groups = page.get_by_test_id("stButtonGroup")
    expect(groups).to_have_count(6)
    first, last = groups.nth(0).bounding_box(), groups.nth(5).bounding_box()
    assert first and last
    label = groups.nth(0).get_by_test_id("stWidgetLabel").bounding_box()
    assert label
    # Six criteria, from the first one's label to the last one's buttons, on one phone screen.
    assert last["y"] + last["height"] - label["y"] <= 844
    for box in (radio.bounding_box() for radio in page.get_by_role("radio").all()):
        assert box and box["width"] >= 44 and box["height"] >= 44
    # What each level means opens on demand only: no level text and no comment box until asked for.
    expect(page.get_by_text("Hard to follow, or far over time.")).to_have_count(0)
    expect(page.get_by_role("textbox", name="Comment (optional)")).to_have_count(0)
    # Previous and next stay in reach: the bar is on the first screen, at its bottom, and covers no button.
    bar = page.locator(".st-key-judge_nav").bounding_box()
    assert bar and bar["y"] + bar["height"] <= 844 and bar["y"] > 844 / 2
    assert last["y"] + last["height"] <= bar["y"]
    page.get_by_text("Show what each level means, and comments").click()
    expect(page.get_by_text("5: Memorable, crisp and convincing from start to ask.")).to_be_visible()
    page.get_by_role("button", name="Next pitch").click()
    expect(page.get_by_role("heading", name="Souk Direct")).to_be_visible()
    context.close()


def test_a_judge_deactivated_while_the_page_is_open_taps_and_nothing_is_stored(browser: Browser, tmp_path):
    database_url = demo_database_url(tmp_path)
    database = Database.from_url(database_url)
    with running_app(database_url) as url:
        context, page = _judge_on_a_phone(browser, url, 30_000)
        expect(page.get_by_role("heading", name="GreenCourier")).to_be_visible()
        settle(page)
        with database.read() as session:
            before = session.scalar(select(func.count()).select_from(Score))
        with database.write() as session:  # a coordinator deactivates him in another browser
            session.execute(update(User).where(User.email == "karim@demo.incubator.example").values(is_active=False))
        score_button(page.get_by_test_id("stButtonGroup").nth(0), "3").click()
        expect(page.get_by_text("You are signed out: sign in again to save this.")).to_be_visible()
        expect(page.get_by_role("heading", name="Welcome to the incubator")).to_be_visible()
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(Score)) == before
        context.close()
