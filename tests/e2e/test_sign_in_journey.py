"""The first journey in a real browser: sign in as a founder, reload, still signed in, sign out."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import Page, expect

from incubator.exchange.demo import DEMO_PASSWORD
from incubator.web.signed_in import SESSION_COOKIE
from tests.e2e.conftest import demo_database_url, running_app, screenshot, settle


def _session_cookies(page: Page) -> list[dict]:
    return [cookie for cookie in page.context.cookies() if cookie["name"] == SESSION_COOKIE]


def _sign_in(page: Page, url: str, email: str) -> None:
    page.goto(url)
    page.get_by_role("textbox", name="Email").fill(email)
    page.get_by_role("textbox", name="Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # The cookie is written by a script in the next rerun's output: wait for it as a user's reload would.
    page.wait_for_function(f"document.cookie.includes('{SESSION_COOKIE}=')")


def test_founder_stays_signed_in_across_a_reload_until_signing_out(page: Page, app_url: str):
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Welcome to the incubator")).to_be_visible()
    screenshot(page, "sign-in")

    _sign_in(page, app_url, "yasmine@demo.incubator.example")
    expect(page.get_by_role("heading", name="My startup")).to_be_visible()
    expect(page.get_by_role("heading", name="Repair Café Online")).to_be_visible()
    [cookie] = _session_cookies(page)
    assert cookie["sameSite"] == "Strict" and SESSION_COOKIE not in page.url and cookie["value"] not in page.url
    screenshot(page, "founder-home")

    page.reload()
    expect(page.get_by_role("heading", name="My startup")).to_be_visible()
    expect(page.get_by_text("Yasmine Ouali · founder")).to_be_visible()

    second_tab = page.context.new_page()
    second_tab.goto(app_url)
    expect(second_tab.get_by_role("heading", name="My startup")).to_be_visible()
    second_tab.close()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Welcome to the incubator")).to_be_visible()
    # The cookie is cleared by a script in the same rerun's output: wait for it as a user's reload would.
    page.wait_for_function(f"!document.cookie.includes('{SESSION_COOKIE}=')")
    page.reload()
    expect(page.get_by_role("heading", name="Welcome to the incubator")).to_be_visible()
    assert _session_cookies(page) == []


def test_a_stolen_cookie_stops_working_after_sign_out(page: Page, app_url: str, browser):
    _sign_in(page, app_url, "pieter@demo.incubator.example")
    expect(page.get_by_role("heading", name="My startups")).to_be_visible()
    screenshot(page, "mentor-home")
    stolen = _session_cookies(page)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Welcome to the incubator")).to_be_visible()

    other = browser.new_context()
    other.add_cookies(stolen)
    thief = other.new_page()
    thief.goto(app_url)
    expect(thief.get_by_role("heading", name="Welcome to the incubator")).to_be_visible()
    other.close()


def test_coordinator_sees_cohorts_and_people(page: Page, app_url: str):
    _sign_in(page, app_url, "nadia@demo.incubator.example")
    expect(page.get_by_role("heading", name="Cohorts")).to_be_visible()
    expect(page.get_by_role("heading", name="Autumn 2026")).to_be_visible()
    screenshot(page, "coordinator-cohorts")
    page.get_by_role("link", name="People").click()
    expect(page.get_by_role("heading", name="People")).to_be_visible()
    screenshot(page, "coordinator-people")


# Records every element that ever appears: a menu shown for a moment and then removed still counts.
_WATCH_FOR_MENUS = """
window.__seen = [];
new MutationObserver(() => {
  for (const nav of document.querySelectorAll('[data-testid="stSidebarNav"], [data-testid="stSidebarNavItems"]')) {
    window.__seen.push(nav.innerText);
  }
  for (const link of document.querySelectorAll('a[href*="/people"], a[href*="/exports"]')) {
    window.__seen.push(link.href);
  }
}).observe(document, {childList: true, subtree: true});
"""


def test_a_deep_link_as_the_first_request_after_a_server_start_still_goes_through_sign_in(page: Page, tmp_path):
    # Streamlit's first run after a start uses folder navigation for our pages/ folder and runs the page
    # file without app.py; its menu is switched off and the page runs the app's frame, so nothing is listed.
    page.add_init_script(_WATCH_FOR_MENUS)
    with running_app(demo_database_url(tmp_path)) as url:
        page.goto(f"{url}/people")
        # A server's first run imports the whole app: on a loaded machine it takes a while.
        expect(page.get_by_role("heading", name="Welcome to the incubator")).to_be_visible(timeout=60_000)
        settle(page)
        page.wait_for_timeout(500)  # let any late rerun draw whatever it would
        assert page.evaluate("window.__seen") == []
        assert page.get_by_role("textbox", name="Email").is_visible()
        screenshot(page, "deep-link-after-start")


def test_a_signed_in_deep_link_as_the_first_request_after_a_server_start_opens_that_page(page: Page, tmp_path):
    database_url = demo_database_url(tmp_path)
    with running_app(database_url) as url:
        _sign_in(page, url, "yasmine@demo.incubator.example")
    with running_app(database_url) as url:  # a new server: its first request is the deep link
        page.goto(f"{url}/canvas")
        expect(page.get_by_role("heading", name="Lean canvas")).to_be_visible(timeout=60_000)
        settle(page)
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_role("link", name="Pitch deck")).to_be_visible()
        expect(sidebar.get_by_role("link", name="People")).to_have_count(0)


def test_at_a_hub_behind_one_address_the_owners_browser_signs_in_while_a_new_one_is_slowed(browser, tmp_path):
    from incubator.accounts.devices import DEVICE_COOKIE
    from incubator.accounts.throttling import record_failure
    from incubator.db.database import Database
    from incubator.db.models import utc_now

    email = "yasmine@demo.incubator.example"
    database_url = demo_database_url(tmp_path)
    with running_app(database_url) as url:
        owner = browser.new_context()
        page = owner.new_page()
        _sign_in(page, url, email)
        page.wait_for_function(f"document.cookie.includes('{DEVICE_COOKIE}=')")
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_function(f"!document.cookie.includes('{SESSION_COOKIE}=')")
        database = Database.from_url(database_url)
        # Someone in the same room, behind the one address the app sees, fails 30 times within a minute
        # (from the loopback Streamlit names no address: every browser here shares the empty one).
        with database.write() as session:
            for second in range(30):
                record_failure(session, email, "", now=utc_now() - dt.timedelta(seconds=60 - 2 * second))
        database.dispose()

        newcomer = browser.new_context().new_page()
        newcomer.goto(url)
        newcomer.get_by_role("textbox", name="Email").fill(email)
        newcomer.get_by_role("textbox", name="Password").fill(DEMO_PASSWORD)
        newcomer.get_by_role("button", name="Sign in").click()
        expect(newcomer.get_by_text("Too many failed tries from here")).to_be_visible()

        _sign_in(page, url, email)  # the owner's browser, which signed in here before: at once
        expect(page.get_by_role("heading", name="My startup")).to_be_visible()
        owner.close()
        newcomer.context.close()
