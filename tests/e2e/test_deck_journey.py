"""A founder drafts a deck from the demo canvas, edits a slide, and downloads it as PowerPoint and PDF."""

from __future__ import annotations

import io
import re
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
    # A strip of slide pictures, each 16:9, and the chosen slide large beside its fields.
    pictures = page.get_by_test_id("stImage").locator("img")
    expect(pictures).to_have_count(8)  # six thumbnails, the chosen slide, the rehearsal's slide
    settle(page)
    # 16:9 as drawn and as shown (inside the thin frame that shows a white slide's edge).
    natural, shown = pictures.first.evaluate(
        "img => [img.naturalWidth / img.naturalHeight, img.clientWidth / img.clientHeight]"
    )
    assert abs(natural - 16 / 9) < 0.01 and abs(shown - 16 / 9) < 0.02
    page.get_by_role("radio", name="Slide: 2 of 6").click()  # the row of numbers under the pictures
    title = page.get_by_role("textbox", name="Title")
    expect(title).to_have_value("Problem")
    settle(page)
    before = page.get_by_test_id("stImage").nth(1).locator("img").get_attribute("src")
    title.fill("Vans are banned")
    title.press("Enter")
    settle(page)
    expect(page.get_by_text("2 · Vans are banned")).to_be_visible()  # the thumbnail's caption follows
    assert page.get_by_test_id("stImage").nth(1).locator("img").get_attribute("src") != before  # redrawn
    page.get_by_role("button", name="Up", exact=True).click()
    expect(page.get_by_text("1 · Vans are banned")).to_be_visible()
    page.get_by_role("button", name="Down", exact=True).click()
    expect(page.get_by_text("2 · Vans are banned")).to_be_visible()
    settle(page)
    page.get_by_role("button", name="Save a new version").click()
    expect(page.get_by_text("Saved as version 1.")).to_be_visible()
    settle(page)
    screenshot(page, "deck")

    page.get_by_role("tab", name="Rehearse").click()
    counter = page.get_by_test_id("stMetricValue").first  # then the clock's two
    expect(counter).to_have_text("1 / 6")
    page.get_by_role("button", name="Start the clock").click()
    settle(page)
    page.keyboard.press("ArrowRight")  # the arrow keys, as a presentation clicker sends them
    expect(counter).to_have_text("2 / 6")

    page.get_by_role("button", name=re.compile(r"^Next")).click()
    expect(counter).to_have_text("3 / 6")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text("2 / 6")
    screenshot(page, "deck-rehearsal")
    page.get_by_role("tab", name="Slides").click()

    with page.expect_download() as pptx_download:
        page.get_by_role("button", name="Download as PowerPoint").click()
    presentation = Presentation(io.BytesIO(Path(pptx_download.value.path()).read_bytes()))
    assert [slide.shapes.title.text for slide in presentation.slides][:2] == ["GreenCourier", "Vans are banned"]
    settle(page)
    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Download as PDF").click()
    reader = PdfReader(io.BytesIO(Path(pdf_download.value.path()).read_bytes()))
    assert len(reader.pages) == 6 and "Vans are banned" in reader.pages[1].extract_text()
