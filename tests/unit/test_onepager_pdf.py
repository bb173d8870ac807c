"""The investor one-pager and the booklet read back: one page, every text, literal markup, fonts, bookmarks."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.reports.charts import chart_png, metric_chart
from incubator.reports.onepager_pdf import build_booklet, build_onepager
from incubator.reports.printout import Booklet, MetricFigure, OnePager
from incubator.startups.ask_text import AskText

POINTS = [(dt.date(2026, 9, 1) + dt.timedelta(weeks=week), 10.0 + 4 * week) for week in range(12)]
PAGE = OnePager(
    slug="souk-direct", name="Souk Direct", tagline="Click-and-collect for the market.", stage="Traction",
    sector="Retail", cohort="Autumn 2026",
    canvas=dict.fromkeys(CANVAS_FIELDS, "") | {
        "problem": "Working people cannot reach the market in time.", "solution": "Vendor ordering app.",
        "unique_value_proposition": "Market prices, supermarket convenience.", "customer_segments": "Commuters.",
        "early_adopters": "Regulars who changed jobs.", "revenue_streams": "8% commission.",
        "cost_structure": "Lockers.",
    },
    metrics=[MetricFigure("Orders", "orders", POINTS, 0.25)],
    done=[("10 vendors on board", dt.date(2026, 9, 10))], next=[("Second market", dt.date(2027, 2, 15))],
    team=["Elif Yılmaz", "Jonas Claes"], ask=AskText(120000, "EUR", "Convertible note", "Lockers at five stations."),
    contact="elif@example.org", website="https://souk.example.org", made_on=dt.date(2026, 11, 28),
)  # fmt: skip


def _read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def _text(reader: PdfReader, page: int = 0) -> str:
    return "".join(reader.pages[page].extract_text().split())


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_a_normal_startup_is_one_page_with_every_expected_text_and_the_chart():
    reader = _read(build_onepager(replace(PAGE, chart_png=chart_png(metric_chart(POINTS, "Orders", "orders")))))
    assert len(reader.pages) == 1
    text = _text(reader)
    for expected in ("Souk Direct", "Click-and-collect for the market.", "Traction · Retail · Autumn 2026",
                     "Working people cannot reach the market in time.", "Vendor ordering app.", "Commuters.",
                     "Regulars who changed jobs.", "8% commission.", "Lockers.", "10 vendors on board", "Second market",
                     "Elif Yılmaz", "€120,000 · Convertible note", "Lockers at five stations.", "elif@example.org",
                     "Orders: 54 orders", "+25% month over month", "Made on 28 Nov 2026"):  # fmt: skip
        assert _squeezed(expected) in text, expected
    assert "/XObject" in reader.pages[0]["/Resources"]
    assert "shortened" not in text


def test_every_box_at_5000_characters_still_fits_one_page_with_a_note():
    long = ("Lorem ipsum dolor sit amet " * 200)[:5000]
    page = replace(
        PAGE, canvas=dict.fromkeys(CANVAS_FIELDS, long), ask=AskText(1, "EUR", "x" * 200, long), tagline="T" * 200
    )
    reader = _read(build_onepager(page))
    assert len(reader.pages) == 1
    assert _squeezed("Some text was shortened to fit this page") in _text(reader)


@pytest.mark.parametrize(
    "typed", ["<b>bold", "R&D", '<font size="40">x</font>', "<jane@x.io>", '<img src="/etc/passwd">']
)
def test_typed_markup_prints_as_typed(typed):
    reader = _read(build_onepager(replace(PAGE, canvas=PAGE.canvas | {"solution": typed})))
    assert _squeezed(typed) in _text(reader)


def test_any_script_renders_with_embedded_fonts_and_metadata():
    scripts = "Łódź źdźbło · İstanbul ğş · Ελληνικά · Кириллица · مرحبا بالعالم · שלום עולם · € ✓ “quotes” — dash"
    reader = _read(build_onepager(replace(PAGE, canvas=PAGE.canvas | {"problem": scripts})))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert all("DejaVuSans" in font.get_object()["/BaseFont"] for font in fonts.values())
    assert _squeezed("Łódź źdźbło · İstanbul ğş · Ελληνικά · Кириллица") in _text(reader)
    meta = reader.metadata
    assert meta.title == "Souk Direct — investor summary" and meta.author == "Incubator"
    assert meta.subject == "Investor summary" and meta.creation_date is not None


def test_the_booklet_has_a_cover_contents_with_page_numbers_and_a_bookmark_per_startup():
    pages = [replace(PAGE, name=f"Startup {number}", slug=f"s{number}") for number in range(1, 5)]
    reader = _read(build_booklet(Booklet("Demo day, spring 2027", dt.date(2027, 7, 15), "Spring 2027", pages)))
    assert len(reader.pages) == 2 + 4
    assert _squeezed("Demo day, spring 2027") in _text(reader, 0)
    contents = reader.pages[1].extract_text()
    assert "1. Startup 1" in contents and "4. Startup 4" in contents
    for number in range(3, 7):
        assert reader.pages[number - 1].extract_text().strip().endswith(str(number))
    titles = [entry.title for entry in reader.outline]
    assert titles == ["Cover", "Contents", "Startup 1", "Startup 2", "Startup 3", "Startup 4"]


def test_a_new_startup_gets_short_lines_for_what_is_missing_and_no_empty_headings():
    empty = replace(
        PAGE, tagline="", canvas=dict.fromkeys(CANVAS_FIELDS, ""), metrics=[], done=[], next=[], team=[],
        ask=AskText(None, "EUR", "", ""), contact="", website="",
    )  # fmt: skip
    text = _read(build_onepager(empty)).pages[0].extract_text()
    for said in ("No milestone yet.", "No metric yet.", "No founder yet.", "No ask written yet.", "Still to explore."):
        assert said in text, said
    lines = [line.strip() for line in text.splitlines()]
    assert "Done" not in lines and "Next" not in lines and "CONTACT" not in lines


def test_text_grows_to_fill_the_page_when_there_is_room_and_shrinks_when_there_is_not():
    def size_of(page: OnePager, words: str) -> float:
        found: list[float] = []
        reader = _read(build_onepager(page))

        def visit(text, _cm, tm, _font, size):
            if words in text:
                found.append(round(size * tm[0], 1))

        reader.pages[0].extract_text(visitor_text=visit)
        return found[0]

    assert size_of(PAGE, "Working people") == 11.0
    crowded = replace(PAGE, canvas=PAGE.canvas | {"problem": "Long words. " * 120, "solution": "Long words. " * 120})
    assert size_of(crowded, "Long words") < 9.5
