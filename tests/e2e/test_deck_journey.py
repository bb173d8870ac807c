"""A founder drafts a deck from the demo canvas, edits a slide, and downloads it as PowerPoint and PDF."""

from __future__ import annotations

import io
from pathlib import Path

from playwright.sync_api import Page, expect
from pptx import Presentation
from pypdf import PdfReader

from tests.e2e.conftest import screenshot, settle


def test_founder_drafts_edits_and_downloads_the_deck(page: Page, app_url: str):
    page.goto(app_url)
    page.get_by_role("textbox", name="Email").fill("fatou@demo.incubator.example")  # GreenCourier: no deck yet
    page.get_by_role("textbox", name="Password").fill("demo-incubator")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My startup")).to_be_visible()
    page.get_by_role("link", name="Pitch deck", exact=True).click()
    expect(page.get_by_role("heading", name="Pitch deck")).to_be_visible()
    settle(page)
    page.get_by_role("button", name="Draft the deck from my canvas").click()
    second_title = page.get_by_role("textbox", name="Title").nth(1)
    expect(second_title).to_have_value("Problem")
    settle(page)
    second_title.fill("Vans are banned")
    second_title.press("Enter")
    settle(page)
    page.get_by_role("button", name="Save a new version").click()
    expect(page.get_by_text("Saved as version 1.")).to_be_visible()
    settle(page)
    screenshot(page, "deck")

    with page.expect_download() as pptx_download:
        page.get_by_role("button", name="Download as PowerPoint").click()
    presentation = Presentation(io.BytesIO(Path(pptx_download.value.path()).read_bytes()))
    assert [slide.shapes.title.text for slide in presentation.slides][:2] == ["GreenCourier", "Vans are banned"]
    settle(page)
    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Download as PDF").click()
    reader = PdfReader(io.BytesIO(Path(pdf_download.value.path()).read_bytes()))
    assert len(reader.pages) == 6 and "Vans are banned" in reader.pages[1].extract_text()
