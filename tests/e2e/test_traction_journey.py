"""A founder uploads a metrics CSV with one bad row, reads the message, fixes the file, and sees the chart."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, settle


def test_founder_fixes_a_bad_csv_row_and_sees_the_chart(page: Page, app_url: str, tmp_path: Path):
    page.goto(app_url)
    page.get_by_role("textbox", name="Email").fill("mehdi@demo.incubator.example")  # BrickByte
    page.get_by_role("textbox", name="Password").fill("demo-incubator")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My startup")).to_be_visible()
    page.get_by_role("link", name="Traction").click()
    expect(page.get_by_role("heading", name="Traction")).to_be_visible()

    bad = tmp_path / "children.csv"
    bad.write_text(
        "metric,date,value\nChildren enrolled,2026-12-01,27\nChildren enrolled,2026-12-08,thirty\n", encoding="utf-8"
    )
    settle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(bad))
    page.get_by_role("button", name="Save the values from the file").click()
    expect(page.get_by_text("Row 3, column “value”: “thirty” is not a number")).to_be_visible()
    expect(page.get_by_text("Nothing was saved.")).to_be_visible()
    screenshot(page, "traction-bad-csv")

    good = tmp_path / "children-fixed.csv"
    good.write_text(bad.read_text(encoding="utf-8").replace("thirty", "30"), encoding="utf-8")
    settle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(good))
    page.get_by_role("button", name="Save the values from the file").click()
    expect(page.get_by_text("2 values saved.")).to_be_visible()
    expect(page.get_by_text("Latest: 30 children on 08/12/2026")).to_be_visible()
    expect(page.locator("[data-testid='stVegaLiteChart']").first).to_be_visible()
    screenshot(page, "traction-chart")
