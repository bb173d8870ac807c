"""The canvas PDF read back: one page, every box's text, literal markup, embedded fonts, long text cut."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader

from incubator.canvas.pdf import build_canvas_pdf
from incubator.canvas.printout import CanvasPrint
from incubator.canvas.template import canvas_template
from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.exchange.demo import DEMO_BUNDLE_PATH

DEMO = json.loads(DEMO_BUNDLE_PATH.read_text(encoding="utf-8"))
SOUK_CANVAS = next(s for s in DEMO["startups"] if s["slug"] == "souk-direct")["canvas"]


def _pdf(fields: dict[str, str], name: str = "Souk Direct") -> PdfReader:
    document = CanvasPrint(name, 4, dt.datetime(2026, 11, 28, tzinfo=dt.UTC), fields, canvas_template())
    return PdfReader(io.BytesIO(build_canvas_pdf(document)))


def _text(reader: PdfReader) -> str:
    # Lines are wrapped in the PDF: compare with whitespace squeezed out.
    return "".join(reader.pages[0].extract_text().split())


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_a_normal_canvas_is_one_landscape_page_with_every_box_and_title():
    reader = _pdf(SOUK_CANVAS)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = _text(reader)
    for field in CANVAS_FIELDS:
        assert _squeezed(SOUK_CANVAS[field]) in text, field
    for box in canvas_template().boxes:
        assert _squeezed(box.title) in text
    assert _squeezed("Souk Direct") in text and _squeezed("version 4 · saved 28 Nov 2026") in text
    assert "shortened" not in text


def test_every_box_at_5000_characters_still_fits_one_page_and_says_it_was_shortened():
    reader = _pdf({field: ("Lorem ipsum dolor sit amet " * 200)[:5000] for field in CANVAS_FIELDS})
    assert len(reader.pages) == 1
    assert _squeezed("Some text was shortened to fit") in _text(reader)
    assert "…" in reader.pages[0].extract_text()


def test_blank_boxes_read_still_to_explore():
    reader = _pdf(dict.fromkeys(CANVAS_FIELDS, ""))
    assert _text(reader).count(_squeezed("Still to explore")) == len(CANVAS_FIELDS)


@pytest.mark.parametrize(
    "typed", ["<b>bold?", "R&D", '<img src="/etc/passwd">', "<jane@x.io>", '<font size="40">x</font>']
)
def test_typed_markup_prints_literally(typed):
    reader = _pdf(dict.fromkeys(CANVAS_FIELDS, "") | {"problem": typed})
    assert _squeezed(typed) in _text(reader)


def test_fonts_are_embedded_and_no_builtin_font_is_used():
    reader = _pdf(SOUK_CANVAS | {"channels": "Łódź, İstanbul, Ελληνικά, Кириллица, € ✓ “quotes” — dash"})
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = [font.get_object()["/BaseFont"] for font in fonts.values()]
    assert names and all("DejaVuSans" in name for name in names)
    for font in fonts.values():
        descendant = font.get_object()
        descriptor = (
            descendant.get("/FontDescriptor") or descendant["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        )
        assert "/FontFile2" in descriptor.get_object()


def test_metadata_names_the_canvas_and_the_incubator():
    meta = _pdf(SOUK_CANVAS).metadata
    assert meta.title == "Lean canvas — Souk Direct" and meta.author == "Incubator"


def test_right_to_left_text_is_drawn_without_errors():
    reader = _pdf(dict.fromkeys(CANVAS_FIELDS, "") | {"problem": "مرحبا بالعالم " * 50, "solution": "שלום עולם " * 40})
    assert len(reader.pages) == 1
