"""axe-core (the engine of Lighthouse's accessibility audit) on every page of every role, in Chromium.

The axe-core script comes with the PyPI package axe-playwright-python (installed by requirements-dev.txt,
never downloaded at run time). A page fails on any violation of WCAG 2.0–2.2 A/AA or of axe's best
practices whose impact is moderate or worse; minor findings are printed, not failed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import axe_playwright_python
import pytest
from playwright.sync_api import Browser, Page, expect

from incubator.core.vocabulary import Role
from incubator.exchange.demo import DEMO_PASSWORD
from incubator.web.frame import ROLE_PAGES
from tests.e2e.conftest import settle, sign_in

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
FAILING_IMPACTS = {"moderate", "serious", "critical"}
PEOPLE = {
    Role.FOUNDER: "yasmine@demo.incubator.example",
    Role.MENTOR: "pieter@demo.incubator.example",
    Role.COORDINATOR: "nadia@demo.incubator.example",
}


def axe_violations(page: Page) -> list[dict[str, object]]:
    """Run axe-core on the page as it is now; return its violations (rule, impact, help, where)."""
    settle(page)
    page.wait_for_timeout(300)  # the last redraw's transitions (expanders, toasts) end before the audit
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    found: list[dict[str, object]] = page.evaluate(
        """async (tags) => {
             const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
             return result.violations.map((v) => ({
               rule: v.id, impact: v.impact, help: v.help,
               where: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '')),
             }));
           }""",
        TAGS,
    )
    return found


def _failing(found: list[dict[str, object]]) -> list[dict[str, object]]:
    minor = [violation for violation in found if violation["impact"] not in FAILING_IMPACTS]
    for violation in minor:
        print(f"minor, not failed: {violation['rule']} ({violation['help']})")
    return [violation for violation in found if violation["impact"] in FAILING_IMPACTS]


@contextmanager
def signed_in(browser: Browser, app_url: str, role: Role, phone: bool = False) -> Iterator[Page]:
    """A new browser, desktop or phone-sized, signed in as the demo person of `role`."""
    size = {"width": 390, "height": 844} if phone else {"width": 1366, "height": 900}
    context = browser.new_context(viewport=size, is_mobile=phone, has_touch=phone, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, app_url, PEOPLE[role], DEMO_PASSWORD)
    yield page
    context.close()


def _audit(page: Page, url: str) -> list[dict[str, object]]:
    page.goto(url)
    expect(page.locator("h1").first).to_be_visible()
    return _failing(axe_violations(page))


@pytest.mark.parametrize("role", list(Role), ids=[role.value for role in Role])
def test_every_page_of_every_role_passes_axe(browser: Browser, app_url: str, role: Role):
    with signed_in(browser, app_url, role) as page:
        # A role's first page is its home, at the app's root.
        addresses = ["", *ROLE_PAGES[role][1:]]
        failures = {address: found for address in addresses if (found := _audit(page, f"{app_url}/{address}"))}
    assert not failures, failures


def test_the_judge_page_on_a_phone_and_the_sign_in_page_pass_axe(browser: Browser, app_url: str):
    with signed_in(browser, app_url, Role.MENTOR, phone=True) as page:
        assert _audit(page, f"{app_url}/judge") == []
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB")
    assert _audit(context.new_page(), app_url) == []
    context.close()


def test_help_buttons_are_named_after_what_they_explain(browser: Browser, app_url: str):
    with signed_in(browser, app_url, Role.FOUNDER) as page:
        page.goto(f"{app_url}/canvas")
        expect(page.get_by_role("button", name="Help: 2. Problem", exact=True)).to_be_visible()
        expect(page.get_by_role("button", name="Help", exact=True)).to_have_count(0)
