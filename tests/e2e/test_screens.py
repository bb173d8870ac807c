"""Screens as their users see them: pictures kept under artifacts/screenshots, and the layout facts that matter.

The canvas at 1280, 1366 and 1920 pixels and on a phone: no box whose text is hidden (a text area
scrolling its own text), no label cut with an ellipsis, no "?" wrapped onto a line of its own, the
boxes in filling order on a phone, and the read-only poster that mentors see and founders can switch
to. The startup profile: the contact email whole on one line. Every page of every role at 1280 pixels:
no label cut with an ellipsis and no table wider than its frame.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from incubator.core.vocabulary import Role
from incubator.exchange.demo import DEMO_PASSWORD
from tests.e2e.conftest import DEMO_PEOPLE, SCREENSHOTS, each_page_of, settle, sign_in

HIDDEN_TEXT = """() => ({
  scrolling: [...document.querySelectorAll('textarea')]
    .filter((box) => box.scrollHeight > box.clientHeight + 2).map((box) => box.getAttribute('aria-label')),
  cut: [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter((node) => getComputedStyle(node).textOverflow === 'ellipsis' && node.scrollWidth > node.clientWidth + 1
                      && node.innerText.trim())
    .map((node) => node.innerText.trim().slice(0, 40)),
  lonelyHelp: [...document.querySelectorAll('[data-testid="stMain"] p:has([data-testid="stTooltipIcon"])')]
    .filter((line) => line.querySelector('[data-testid="stTooltipIcon"]').getBoundingClientRect().top
                      >= line.querySelector('strong').getBoundingClientRect().bottom - 1)
    .map((line) => line.innerText.trim().slice(0, 40)),
})"""


def _open_canvas(browser: Browser, app_url: str, email: str, width: int, height: int, phone: bool = False) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, app_url, email, DEMO_PASSWORD)
    page.goto(f"{app_url}/canvas")
    expect(page.get_by_role("heading", name="Lean canvas")).to_be_visible()
    settle(page)
    return page


def _keep(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(300)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1366, 900), (1920, 1080)])
def test_every_canvas_box_shows_its_whole_text_at_common_widths(browser: Browser, app_url: str, width, height):
    page = _open_canvas(browser, app_url, "yasmine@demo.incubator.example", width, height)
    expect(page.locator(".st-key-canvas-boxes textarea")).to_have_count(12)
    hidden = page.evaluate(HIDDEN_TEXT)
    _keep(page, f"canvas-{width}")
    assert hidden == {"scrolling": [], "cut": [], "lonelyHelp": []}
    page.context.close()


def test_on_a_phone_the_boxes_stack_in_the_filling_order(browser: Browser, app_url: str):
    page = _open_canvas(browser, app_url, "yasmine@demo.incubator.example", 390, 844, phone=True)
    tops = [page.locator(f".st-key-canvas-box-{order}").bounding_box()["y"] for order in range(1, 10)]
    assert tops == sorted(tops)
    page.locator(".st-key-canvas-box-1").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "canvas-phone.png"))
    page.context.close()


def test_mentors_see_the_poster_and_founders_can_switch_to_it(browser: Browser, app_url: str):
    mentor = _open_canvas(browser, app_url, "pieter@demo.incubator.example", 1366, 900)
    expect(mentor.locator(".st-key-canvas-boxes textarea")).to_have_count(0)
    expect(mentor.get_by_text("Partnership with the network of repair cafés in Brussels.")).to_be_visible()
    _keep(mentor, "canvas-poster-mentor")
    mentor.context.close()

    founder = _open_canvas(browser, app_url, "lucas@demo.incubator.example", 1366, 900)
    founder.get_by_text("See it as a poster").click()
    expect(founder.locator(".st-key-canvas-boxes textarea")).to_have_count(0)
    expect(founder.get_by_text("Partnership with the network of repair cafés in Brussels.")).to_be_visible()
    assert founder.evaluate(HIDDEN_TEXT)["cut"] == []
    founder.context.close()


def test_the_profile_shows_the_contact_email_on_one_line_as_a_mail_link(browser: Browser, app_url: str):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, app_url, "yasmine@demo.incubator.example", DEMO_PASSWORD)
    contact = page.get_by_role("link", name="yasmine@demo.incubator.example")
    expect(contact).to_have_attribute("href", "mailto:yasmine@demo.incubator.example")
    settle(page)
    line = page.evaluate("(link) => parseFloat(getComputedStyle(link).lineHeight)", contact.element_handle())
    assert contact.bounding_box()["height"] < 1.5 * line  # not broken inside the address
    _keep(page, "startup-profile-1366")
    context.close()


CUT_OR_TOO_WIDE = """() => ({
  cut: [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter((node) => getComputedStyle(node).textOverflow === 'ellipsis' && node.scrollWidth > node.clientWidth + 1
                      && node.innerText.trim())
    .map((node) => node.innerText.trim().slice(0, 40)),
  wideTables: [...document.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller')]
    .filter((table) => table.scrollWidth > table.clientWidth + 1).length,
})"""
PEOPLE = DEMO_PEOPLE


@pytest.mark.parametrize("role", list(PEOPLE), ids=lambda role: role.value)
def test_every_page_shows_its_labels_and_table_columns_whole_at_1280(browser: Browser, app_url: str, role: Role):
    # Seen before: buttons cut to "Télécharger le one-p…", a to-do link to "automne 20…", tables whose last
    # column (the dashboard's flags, a milestone's description) was pushed past the right edge.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, app_url, PEOPLE[role], DEMO_PASSWORD)
    found = {}
    for address in each_page_of(page, app_url, role):
        if (seen := page.evaluate(CUT_OR_TOO_WIDE)) != {"cut": [], "wideTables": 0}:
            found[address or "home"] = seen
    assert found == {}
    context.close()
