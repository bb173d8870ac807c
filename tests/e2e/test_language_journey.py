"""Languages in a real browser: the sign-in page follows the browser, a switch changes it, the account decides."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from incubator.exchange.demo import DEMO_PASSWORD
from tests.e2e.conftest import browser_page, screenshot, settle


@pytest.fixture
def french_browser_page(browser: Browser) -> Iterator[Page]:
    with browser_page(browser, "fr-BE") as opened:
        yield opened


def _choose(page: Page, label: str, option: str) -> None:
    # A click on a select near the bottom of a long page may only focus it; typing opens and filters its list.
    page.get_by_label(label, exact=True).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option).click()
    settle(page)


def test_a_french_browser_gets_french_then_a_dutch_account_reads_dutch(french_browser_page: Page, app_url: str):
    page = french_browser_page
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Bienvenue à l'incubateur")).to_be_visible()
    expect(page.get_by_role("button", name="Se connecter")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")  # a screen reader speaks it as French
    settle(page)
    screenshot(page, "sign-in-fr")

    _choose(page, "Langue", "Nederlands")
    expect(page.get_by_role("heading", name="Welkom bij de incubator")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    settle(page)

    page.get_by_role("textbox", name="E-mail").fill("sophie@demo.incubator.example")
    page.get_by_role("textbox", name="Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    # Sophie's account reads English: her stored choice wins over the sign-in page's.
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    settle(page)
    page.get_by_role("link", name="My account").click()
    settle(page)
    _choose(page, "Language", "Français")
    page.get_by_role("button", name="Save the language").click()
    expect(page.get_by_test_id("stSidebar").get_by_role("button", name="Se déconnecter")).to_be_visible()
    settle(page)
    page.get_by_role("link", name="Lean canvas", exact=True).click()
    expect(page.get_by_text("Segments de clientèle").first).to_be_visible()
    settle(page)
    screenshot(page, "canvas-fr")

    # She reads French and sends the canvas to an English-speaking investor.
    _choose(page, "Langue du document", "English")
    settle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le canvas en PDF").click()
    canvas_text = PdfReader(download.value.path()).pages[0].extract_text()
    assert "Customer segments" in canvas_text and "Segments de clientèle" not in canvas_text
