"""Small screens: every page of every role at 360 and 390 pixels, nothing wider than the screen.

Tables may scroll inside their own frame, and so may a slide strip or a code block made to scroll;
any other element whose right edge passes the screen's, or a page that scrolls sideways, fails. The
page's title is not under Streamlit's header, and no hint of Streamlit's own sits over a field.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from incubator.core.vocabulary import Role
from incubator.exchange.demo import DEMO_PASSWORD
from tests.e2e.conftest import DEMO_PEOPLE, SCREENSHOTS, each_page_of, score_button, settle, sign_in

# An element is "too wide" when it passes the screen's right edge and no ancestor of it scrolls or clips
# sideways inside the screen (a table's own frame, a strip made to scroll).
TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const clippedByAncestor = (node) => {
    for (let up = node.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip')
          && up.getBoundingClientRect().right < width - 1) return true;  // a frame inside the screen, not the page
    }
    return false;
  };
  const wide = [...document.querySelectorAll('[data-testid="stMain"] *')].filter((node) => {
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(node).visibility === 'hidden') return false;
    return box.right > width + 1 && !clippedByAncestor(node);
  }).map((node) => `${node.tagName.toLowerCase()}.${(node.getAttribute('data-testid') || node.className || '')
                        .toString().slice(0, 30)} «${(node.innerText || '').trim().slice(0, 30)}» ${
                        Math.round(node.getBoundingClientRect().right)}px`);
  const header = document.querySelector('[data-testid="stHeader"]');
  const title = document.querySelector('[data-testid="stMain"] h1');
  return {
    sideways: document.documentElement.scrollWidth > width + 1,
    wide: wide.slice(0, 5),
    titleUnderHeader: !!(header && title && window.scrollY === 0
                         && title.getBoundingClientRect().top < header.getBoundingClientRect().bottom - 2),
    hints: [...document.querySelectorAll('[data-testid="InputInstructions"]')]
      .filter((hint) => hint.getBoundingClientRect().width > 0).length,
  };
}"""
PEOPLE = DEMO_PEOPLE
CLEAN = {"sideways": False, "wide": [], "titleUnderHeader": False, "hints": 0}


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("role", list(PEOPLE), ids=lambda role: role.value)
def test_no_page_is_wider_than_a_phone(browser: Browser, app_url: str, role: Role, width: int):
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, app_url, PEOPLE[role], DEMO_PASSWORD)
    found = {}
    for address in each_page_of(page, app_url, role):
        _measure(page, found, f"{role.value}-{address or 'home'}-{width}")
        if address == "judge":
            # A chosen level puts its meaning in the criterion's label, the longest line of the page: on the
            # last pitch (the journeys score the first), Problem = 4.
            page.get_by_role("button", name="Previous").click()
            settle(page)
            four = score_button(page.get_by_test_id("stButtonGroup").first, 4)
            if four.get_attribute("aria-checked") != "true":  # chosen already by the run at the other width
                four.click()
            expect(four).to_have_attribute("aria-checked", "true")
            settle(page)
            _measure(page, found, f"{role.value}-judge-chosen-{width}")
            # The levels' meanings and the comment boxes, shown on demand, must fit too.
            page.get_by_text("Show what each level means, and comments").click()
            settle(page)
            _measure(page, found, f"{role.value}-judge-levels-{width}")
    assert found == {}
    context.close()


def _measure(page: Page, found: dict[str, object], name: str) -> None:
    if (seen := page.evaluate(TOO_WIDE)) != CLEAN:
        found[name] = seen
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"too-wide-{name}.png"))


def _switch_language(page: Page, app_url: str, label: str, option: str, save: str) -> None:
    page.goto(f"{app_url}/account")
    settle(page)
    page.get_by_label(label, exact=True).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option).click()
    settle(page)
    page.get_by_role("button", name=save).click()
    settle(page)


PHONE_PAGES = {Role.FOUNDER: ["", "deck"], Role.MENTOR: ["judge"]}
SWITCH = {  # the account page's language picker, as read in the language it is in
    "en": ("Language", "Save the language"),
    "fr": ("Langue", "Enregistrer la langue"),
    "nl": ("Taal", "Taal opslaan"),
}
NAMES = {"en": "English", "fr": "Français", "nl": "Nederlands"}


@pytest.mark.parametrize("code", ["fr", "nl"])
def test_the_founders_home_deck_and_the_judge_page_fit_a_phone_in_french_and_dutch(
    browser: Browser, app_url: str, code: str
):
    found: dict[str, object] = {}
    for role, addresses in PHONE_PAGES.items():
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.set_default_timeout(20_000)
        sign_in(page, app_url, PEOPLE[role], DEMO_PASSWORD)
        _switch_language(page, app_url, SWITCH["en"][0], NAMES[code], SWITCH["en"][1])
        try:
            for address in addresses:
                page.goto(f"{app_url}/{address}")
                expect(page.locator("h1").first).to_be_visible()
                settle(page)
                page.wait_for_function("[...document.images].every((image) => image.complete)")
                page.wait_for_timeout(500)  # slide pictures draw after the run that sends them
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"phone-{code}-{address or 'home'}.png"))
                _measure(page, found, f"{role.value}-{address or 'home'}-{code}")
        finally:  # the other tests read these demo accounts in English
            _switch_language(page, app_url, SWITCH[code][0], NAMES["en"], SWITCH[code][1])
            context.close()
    assert found == {}
