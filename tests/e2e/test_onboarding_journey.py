"""From invitation to investor one-pager, in real browsers, counting what each person has to do.

A coordinator pastes a cohort of three people and copies one invitation link; that founder opens it,
chooses a password, follows "next step" through idea, canvas and deck, and downloads the one-pager.
Every click and every form field filled counts as an action, except typing the founder's own content
(their idea and canvas text); the counts are printed, and held under the issue's targets.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from incubator.exchange.demo import DEMO_PASSWORD
from tests.e2e.conftest import screenshot, settle, sign_in

TABLE = (
    "name\temail\trole\tstartup\n"
    "Salma Idrissi\tsalma@kitchen.example\tfounder\tVelo Voisins\n"
    "Tom Peeters\ttom@kitchen.example\tfounder\tVelo Voisins\n"
    "Ines Lambert\tines@kitchen.example\tmentor\tVelo Voisins\n"
)


@dataclass
class Actions:
    """Counts a person's clicks and form fills; their own content is typed but not counted."""

    page: Page
    done: list[str] = field(default_factory=list)

    def click(self, target: Locator, what: str) -> None:
        settle(self.page)
        target.click()
        self.done.append(f"click {what}")

    def fill(self, target: Locator, text: str, what: str) -> None:
        target.fill(text)
        self.done.append(f"fill {what}")

    def write(self, target: Locator, text: str) -> None:
        """Type the person's own content: not an action of the app's making."""
        target.fill(text)
        target.blur()


def _coordinator_invites(browser: Browser, app_url: str) -> tuple[str, list[str]]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    sign_in(page, app_url, "nadia@demo.incubator.example", DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="Cohorts", exact=True)).to_be_visible()
    coordinator = Actions(page)
    coordinator.click(page.get_by_text("Add people to a cohort"), "open 'Add people to a cohort'")
    coordinator.click(page.get_by_role("tab", name="A table of people"), "the table tab")
    table = page.get_by_role("textbox", name="People, one a row: name, email, role, startup")
    coordinator.fill(table, TABLE, "the pasted table")
    table.blur()
    coordinator.click(page.get_by_role("button", name="Add them and make their invitations"), "add them")
    expect(page.get_by_text("3 invitations made.")).to_be_visible()
    screenshot(page, "cohorts-invitations")
    link_block = page.get_by_test_id("stCode").first
    link = link_block.inner_text().strip()
    link_block.hover()
    coordinator.click(page.get_by_role("button", name="Copy to clipboard").first, "copy Salma's link")
    assert "/?invitation=" in link and page.evaluate("navigator.clipboard.readText()") == link
    context.close()
    return link, coordinator.done


def _founder_follows_the_path(browser: Browser, link: str) -> tuple[list[str], bytes]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(link)
    founder = Actions(page)
    expect(page.get_by_role("heading", name="Welcome, Salma Idrissi")).to_be_visible()
    founder.fill(page.get_by_role("textbox", name="Choose a password (at least 10 characters)"),
                 "kitchen share 2027", "the new password")  # fmt: skip
    founder.fill(page.get_by_role("textbox", name="The same password again"), "kitchen share 2027", "it again")
    founder.click(page.get_by_role("button", name="Save my password and start"), "save the password")
    expect(page.get_by_role("heading", name="My startup")).to_be_visible()
    screenshot(page, "founder-first-home")

    founder.click(page.get_by_role("link", name="Next step: answer the idea questions"), "next step")
    for question, answer in (
        ("Problem", "Restaurants throw away food while families nearby cannot afford fresh meals."),
        ("Target customer", "Families on a tight budget in Molenbeek."),
        ("Solution hypothesis", "An app that lists the day's leftovers at half price, to collect at closing time."),
    ):
        founder.write(page.get_by_role("textbox", name=question, exact=True), answer)
    founder.click(page.get_by_role("button", name="Save the idea"), "save the idea")
    expect(page.get_by_text("Your idea is saved")).to_be_visible()
    founder.click(page.get_by_role("link", name="Go on to the lean canvas"), "go on to the canvas")

    expect(page.get_by_role("textbox", name="Problem", exact=True)).not_to_have_value("")
    for box, text in (
        ("Unique value proposition", "Fresh restaurant meals at half price, ten minutes from home."),
        ("Channels", "School newsletters; WhatsApp groups of parents."),
        ("Revenue streams", "A 15% fee on each meal collected."),
    ):
        founder.write(page.get_by_role("textbox", name=box, exact=True), text)
    founder.click(page.get_by_role("button", name="Save a new version"), "save the canvas")
    expect(page.get_by_text("Saved as version 1.")).to_be_visible()
    founder.click(page.get_by_role("link", name="Go on to the pitch deck"), "go on to the deck")

    founder.click(page.get_by_role("button", name="Draft the deck from my canvas"), "draft the deck")
    founder.click(page.get_by_role("button", name="Save a new version"), "save the deck")
    expect(page.get_by_text("Saved as version 1.")).to_be_visible()
    settle(page)
    with page.expect_download() as download:
        founder.click(page.get_by_role("button", name="Download the one-pager"), "download the one-pager")
    pdf = Path(download.value.path()).read_bytes()

    page.get_by_role("link", name="My startup", exact=True).click()  # not counted: looking at the path afterwards
    expect(page.get_by_text("Done · 3 of 5 answers")).to_be_visible()
    screenshot(page, "founder-path-after")
    context.close()
    return founder.done, pdf


def test_a_cohort_is_invited_and_a_founder_goes_from_the_link_to_the_one_pager(browser: Browser, app_url: str):
    link, coordinator = _coordinator_invites(browser, app_url)
    founder, pdf = _founder_follows_the_path(browser, link)
    print(f"\ncoordinator: {len(coordinator)} actions for a cohort of three: {coordinator}")
    print(f"founder: {len(founder)} actions from the invitation to the one-pager: {founder}")
    assert len(coordinator) < 6
    assert len(founder) < 15
    text = "".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "VeloVoisins" in text and "Familiesonatightbudget" in text
