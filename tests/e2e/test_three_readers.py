"""One startup, three readers, one truth: a founder works in French, a mentor reads in Dutch, a coordinator in English.

After each step from the invitation to the one-pager, the three open the startup's profile and read
its path: the four marks (✓ done, ◐ in progress, ○ not started) and every count are the same for the
three, whatever their language. The ask is typed once and stands on the one-pager.
"""

from __future__ import annotations

import io
import re

from playwright.sync_api import Browser, BrowserContext, Page, expect
from pypdf import PdfReader

from incubator.core.i18n import _
from incubator.core.i18n import language as in_language
from incubator.exchange.demo import DEMO_PASSWORD
from tests.e2e.conftest import SCREENSHOTS, settle, sign_in

SLUG = "atelier-mobile"  # a startup of its own (another journey makes Velo Voisins)
TABLE = (
    "name\temail\trole\tstartup\n"
    "Salma Idrissi\tsalma@atelier.example\tfounder\tAtelier Mobile\n"
    "Ines Lambert\tines@atelier.example\tmentor\tAtelier Mobile\n"
)
# The path as a reader sees it, in marks and numbers only: no word of any language.
READ_PATH = """() => {
  const box = document.querySelector('.st-key-founder_path');
  const marks = [...box.querySelectorAll('strong')].map((line) => line.innerText.trim().charAt(0));
  const numbers = (box.innerText.match(/[0-9]+/g) || []).join(' ');
  return `${marks.join('')} ${numbers}`;
}"""


def words(code: str, english: str) -> str:
    """The app's own words in the reader's language, from the catalogue the app uses."""
    with in_language(code):
        return _(english)


def _context(browser: Browser, locale: str) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale, accept_downloads=True)
    context.set_default_timeout(20_000)
    return context


def _invite(browser: Browser, app_url: str) -> dict[str, str]:
    context = _context(browser, "en-GB")
    page = context.new_page()
    sign_in(page, app_url, "nadia@demo.incubator.example", DEMO_PASSWORD)
    page.get_by_text("Add people to a cohort").click()
    page.get_by_role("tab", name="A table of people").click()
    table = page.get_by_role("textbox", name="People, one a row: name, email, role, startup")
    table.fill(TABLE)
    table.blur()
    page.get_by_role("button", name="Add them and make their invitations").click()
    expect(page.get_by_text("2 invitations made.")).to_be_visible()
    expect(page.get_by_test_id("stCode")).to_have_count(2)
    links = [code.inner_text().strip() for code in page.get_by_test_id("stCode").all()]
    context.close()
    assert len(links) == 2
    return dict(zip(("salma", "ines"), links, strict=True))


def _accept(context: BrowserContext, link: str, code: str, name: str) -> Page:
    page = context.new_page()
    page.goto(link)
    expect(page.get_by_role("heading", name=words(code, "Welcome, {name}").format(name=name))).to_be_visible()
    page.get_by_role("textbox", name=words(code, "Choose a password (at least 10 characters)")).fill(
        "velo voisins 2027"
    )
    page.get_by_role("textbox", name=words(code, "The same password again")).fill("velo voisins 2027")
    page.get_by_role("button", name=words(code, "Save my password and start")).click()
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    settle(page)
    return page


def _path_seen(page: Page, url: str) -> str:
    page.goto(url)
    page.locator(".st-key-founder_path").wait_for()
    settle(page)
    return page.evaluate(READ_PATH)


def test_a_french_founder_a_dutch_mentor_and_an_english_coordinator_read_one_path(browser: Browser, app_url: str):
    links = _invite(browser, app_url)
    founder_context, mentor_context = _context(browser, "fr-BE"), _context(browser, "nl-BE")
    founder = _accept(founder_context, links["salma"], "fr", "Salma Idrissi")
    _accept(mentor_context, links["ines"], "nl", "Ines Lambert").close()
    coordinator_context = _context(browser, "en-GB")
    sign_in(coordinator_context.new_page(), app_url, "nadia@demo.incubator.example", DEMO_PASSWORD)
    # The founder's profile is their home, at the app's root; the others open it by its name.
    profile = f"startup?startup={SLUG}"
    readers = {"founder (fr)": (founder_context, ""), "mentor (nl)": (mentor_context, profile),
               "coordinator (en)": (coordinator_context, profile)}  # fmt: skip
    seen_after: dict[str, dict[str, str]] = {}

    def everyone_reads(step: str) -> None:
        seen = {}
        for reader, (context, address) in readers.items():
            page = context.new_page()
            seen[reader] = _path_seen(page, f"{app_url}/{address}")
            if step == "the ask":
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"three-readers-{reader.split()[0]}.png"), full_page=True)
            page.close()
        seen_after[step] = seen
        assert len(set(seen.values())) == 1, f"after {step}: {seen}"

    everyone_reads("the invitation")
    assert seen_after["the invitation"]["founder (fr)"].startswith("○○○○")

    founder.goto(f"{app_url}/idea")
    boxes = founder.locator('[data-testid="stMain"] textarea')
    for index, answer in enumerate(("Les vélos cassés restent à la cave.", "Les familles de Molenbeek.",
                                    "Un atelier de réparation mobile, le samedi.")):  # fmt: skip
        boxes.nth(index).fill(answer)
        boxes.nth(index).blur()
    founder.get_by_role("button", name=words("fr", "Save the idea")).click()
    settle(founder)
    everyone_reads("the idea")

    founder.goto(f"{app_url}/canvas")
    boxes = founder.locator(".st-key-canvas-boxes textarea")
    expect(boxes).to_have_count(12)
    for index in range(12):
        if not boxes.nth(index).input_value():
            boxes.nth(index).fill(f"Case {index + 1} : ce que l’équipe sait aujourd’hui.")
            boxes.nth(index).blur()
    founder.get_by_role("button", name=words("fr", "Save a new version")).click()
    settle(founder)
    everyone_reads("the canvas")

    founder.goto(f"{app_url}/deck")
    founder.get_by_role("button", name=words("fr", "Draft the deck from my canvas")).click()
    settle(founder)
    founder.get_by_role("button", name=words("fr", "Save a new version")).click()
    settle(founder)
    everyone_reads("the deck")

    founder.goto(app_url)
    amount = founder.locator(f".st-key-ask_{SLUG}_amount input")
    amount.fill("45.000")  # as a Belgian writes forty-five thousand in French
    founder.locator(f".st-key-ask_{SLUG}_use textarea").fill("Un vélo-cargo et six mois de loyer.")
    founder.get_by_role("button", name=words("fr", "Save the ask")).click()
    settle(founder)
    everyone_reads("the ask")
    assert re.search(r"[✓◐○]{4}", seen_after["the ask"]["coordinator (en)"])

    with founder.expect_download() as download:
        founder.get_by_role("button", name=words("fr", "Download the one-page investor summary")).click()
    text = PdfReader(io.BytesIO(download.value.path().read_bytes())).pages[0].extract_text()
    flat = text.replace("\u202f", " ").replace("\xa0", " ")
    assert "45 000 €" in flat and "Un vélo-cargo et six mois de loyer." in flat  # typed once, on the profile
    print("\npaths read after each step:", {step: seen["founder (fr)"] for step, seen in seen_after.items()})
    for context, _address in readers.values():
        context.close()
