"""A pitch deck as files: editable 16:9 PowerPoint (python-pptx) and a 16:9 PDF with embedded fonts.

Pure functions from a `DeckPrint` to bytes. The traction chart, when there is one, goes on the
slides drawn from metrics, as a picture.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.util import Inches, Pt
from reportlab.lib.utils import ImageReader

from incubator.core.i18n import _
from incubator.deck.drafting import Slide
from incubator.deck.printout import DeckPrint
from incubator.deck.slide_fonts import set_script_fonts
from incubator.pdf.document import ACCENT, INK, MUTED, open_pdf
from incubator.pdf.text import (
    BOLD,
    REGULAR,
    Block,
    clean_for_pdf,
    draw_fitted,
    draw_line,
    draw_line_in,
    fit_blocks,
    fit_line,
)

WIDE_WIDTH, WIDE_HEIGHT = 960.0, 540.0  # points: 16:9


def _bullets(body: str) -> list[str]:
    return [
        line.strip()[2:] if line.strip().startswith("- ") else line.strip()
        for line in body.splitlines()
        if line.strip()
    ]


def _shows_chart(slide: Slide) -> bool:
    return "metrics" in slide.sources


def build_pptx(deck: DeckPrint) -> bytes:
    """Return the deck as a 16:9 PowerPoint file: title, bullets and speaker notes on every slide."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Inches(13.333), Inches(7.5)
    layout = presentation.slide_layouts[1]  # "Title and Content": real, editable placeholders
    for slide in deck.slides:
        page = presentation.slides.add_slide(layout)
        title = page.shapes.title
        # The default layout is 4:3: move its placeholders onto the 16:9 page.
        title.left, title.top, title.width, title.height = Inches(0.7), Inches(0.4), Inches(11.9), Inches(1.1)
        title.text = clean_for_pdf(slide.title)
        body = page.placeholders[1]
        body.left, body.top, body.width, body.height = (
            Inches(0.7),
            Inches(1.6),
            Inches(7.4 if deck.chart_png and _shows_chart(slide) else 11.9),
            Inches(5.4),
        )
        frame = body.text_frame
        bullets = _bullets(clean_for_pdf(slide.body)) or [""]
        frame.text = bullets[0]
        for bullet in bullets[1:]:
            frame.add_paragraph().text = bullet
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(24)
        if slide.notes:
            page.notes_slide.notes_text_frame.text = clean_for_pdf(slide.notes)
            set_script_fonts(page.notes_slide.notes_text_frame)
        set_script_fonts(title.text_frame)
        set_script_fonts(frame)
        if deck.chart_png and _shows_chart(slide):
            page.shapes.add_picture(io.BytesIO(deck.chart_png), Inches(8.3), Inches(1.8), width=Inches(4.6))
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def build_deck_pdf(deck: DeckPrint) -> bytes:
    """Return the deck as a 16:9 PDF: one page per slide, fonts embedded, typed text never read as markup."""

    buffer = io.BytesIO()
    pdf = open_pdf(
        buffer, (WIDE_WIDTH, WIDE_HEIGHT), title=deck.startup_name + " — " + _("pitch deck"), subject=_("Pitch deck"),
        author=deck.incubator_name,
    )  # fmt: skip
    for number, slide in enumerate(deck.slides, start=1):
        pdf.setFillColor(ACCENT)
        pdf.rect(0, WIDE_HEIGHT - 8, WIDE_WIDTH, 8, stroke=0, fill=1)
        title, _cut = fit_line(slide.title, BOLD, WIDE_WIDTH - 96, sizes=(34, 30, 26, 22, 18))
        pdf.setFillColor(INK)
        draw_line_in(pdf, title, 48, WIDE_HEIGHT - 80, WIDE_WIDTH - 96)
        chart = bool(deck.chart_png and _shows_chart(slide))
        width = (WIDE_WIDTH - 96) * (0.55 if chart else 1.0)
        blocks = [Block(f"• {bullet}") for bullet in _bullets(clean_for_pdf(slide.body))] or [Block(" ")]
        fitted = fit_blocks(blocks, width, WIDE_HEIGHT - 170, sizes=(24, 22, 20, 18, 16, 14, 12, 10))
        draw_fitted(pdf, fitted, 48, WIDE_HEIGHT - 110, width, INK, MUTED)
        if chart and deck.chart_png:
            image = ImageReader(io.BytesIO(deck.chart_png))
            image_width, image_height = image.getSize()
            shown_width = (WIDE_WIDTH - 96) * 0.42
            shown_height = shown_width * image_height / image_width
            pdf.drawImage(
                image, WIDE_WIDTH - 48 - shown_width, WIDE_HEIGHT - 130 - shown_height, shown_width, shown_height
            )
        pdf.setFillColor(MUTED)
        draw_line(pdf, fit_line(deck.startup_name, REGULAR, WIDE_WIDTH * 0.6, sizes=(10, 9, 8))[0], 48, 24)
        pdf.setFont(REGULAR, 10)
        pdf.drawRightString(WIDE_WIDTH - 48, 24, f"{number} / {len(deck.slides)}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
