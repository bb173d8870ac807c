"""A pitch deck as a 16:9 PDF, one page a slide, drawn on the deck theme; the app's slide previews are these pages.

Pure functions from a `DeckPrint` to bytes. Every text goes through `pdf.text`: shaped, any script,
typed markup printed as typed.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from incubator.core.i18n import _
from incubator.deck.drafting import Slide
from incubator.deck.printout import DeckPrint
from incubator.deck.theme import (
    ACCENT,
    BAND,
    BODY_SIZES,
    FOOTER_SIZE,
    FOOTER_TOP,
    INK,
    MARGIN,
    MUTED,
    NAME_BOX,
    NAME_SIZE,
    ONE_LINER_BOX,
    ONE_LINER_SIZE,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TITLE_BOX,
    TITLE_SIZES,
    Box,
    body_box,
    chart_box,
)  # fmt: skip
from incubator.pdf.document import open_pdf
from incubator.pdf.text import (
    BOLD,
    REGULAR,
    Block,
    FittedBox,
    clean_for_pdf,
    draw_fitted,
    draw_line,
    draw_line_in,
    fit_blocks,
    fit_line,
)  # fmt: skip


def bullets_of(body: str) -> list[str]:
    """Return a slide body's bullets: one a line, the "- " of the editor dropped."""
    return [line.strip().removeprefix("- ") for line in body.splitlines() if line.strip()]


def shows_chart(deck: DeckPrint, slide: Slide) -> bool:
    """Tell whether a slide carries the traction chart: it is drawn from metrics and there is a chart."""
    return bool(deck.chart_png) and "metrics" in slide.sources


BULLET_INDENT = 28.0


def fitted_bullets(slide: Slide, box: Box) -> FittedBox:
    """Lay a slide's bullets out in `box` at the largest of the body sizes that fits (then cut with "…")."""
    blocks = [Block(bullet) for bullet in bullets_of(clean_for_pdf(slide.body))] or [Block(" ")]
    return fit_blocks(blocks, box.width - BULLET_INDENT, box.height, BODY_SIZES)


def _fitted_text(pdf: Canvas, text: str, box: Box, sizes: tuple[float, ...], muted: bool = False) -> None:
    fitted = fit_blocks([Block(text, muted=muted)], box.width, box.height, sizes)
    draw_fitted(pdf, fitted, box.left, PAGE_HEIGHT - box.top, box.width, HexColor(INK), HexColor(MUTED))


def _title_slide(pdf: Canvas, deck: DeckPrint, slide: Slide) -> None:
    name, _cut = fit_line(deck.startup_name, BOLD, NAME_BOX.width, sizes=(NAME_SIZE, 48, 40, 32))
    pdf.setFillColor(HexColor(INK))
    draw_line_in(pdf, name, NAME_BOX.left, PAGE_HEIGHT - NAME_BOX.top - NAME_BOX.height * 0.7, NAME_BOX.width)
    one_liner = " ".join(bullets_of(clean_for_pdf(slide.body)))
    pdf.setFillColor(HexColor(MUTED))
    _fitted_text(pdf, one_liner, ONE_LINER_BOX, (ONE_LINER_SIZE, 26, 24), muted=True)


def _content_slide(pdf: Canvas, deck: DeckPrint, slide: Slide) -> None:
    title, _cut = fit_line(slide.title, BOLD, TITLE_BOX.width, sizes=TITLE_SIZES)
    pdf.setFillColor(HexColor(INK))
    draw_line_in(pdf, title, TITLE_BOX.left, PAGE_HEIGHT - TITLE_BOX.top - TITLE_BOX.height * 0.72, TITLE_BOX.width)
    chart = shows_chart(deck, slide)
    box = body_box(chart)
    fitted = fitted_bullets(slide, box)
    blocks = fitted.blocks if bullets_of(clean_for_pdf(slide.body)) else []  # a slide to write: no lone bullet
    y = PAGE_HEIGHT - box.top
    text_width = box.width - BULLET_INDENT
    for item in blocks:  # each bullet hangs in the margin, in the accent, as PowerPoint draws it
        for number, line in enumerate(item.lines):
            y -= fitted.line_height
            start = box.left if line.right_to_left else box.left + BULLET_INDENT
            pdf.setFillColor(HexColor(INK))
            draw_line_in(pdf, line, start, y, text_width)
            if number == 0:
                pdf.setFillColor(HexColor(ACCENT))
                pdf.setFont(REGULAR, fitted.size)
                if line.right_to_left:
                    pdf.drawRightString(box.left + box.width, y, "•")
                else:
                    pdf.drawString(box.left, y, "•")
    if chart and deck.chart_png:
        image = ImageReader(io.BytesIO(deck.chart_png))
        pixels_wide, pixels_high = image.getSize()
        room = chart_box()
        width = min(room.width, room.height * pixels_wide / pixels_high)
        height = width * pixels_high / pixels_wide
        pdf.drawImage(image, room.left + room.width - width, PAGE_HEIGHT - room.top - height, width, height)


def draw_slide(pdf: Canvas, deck: DeckPrint, index: int) -> None:
    """Draw slide `index` of the deck on the current page: the band, its layout, and its foot."""
    pdf.setFillColor(HexColor(ACCENT))
    pdf.rect(0, PAGE_HEIGHT - BAND, PAGE_WIDTH, BAND, stroke=0, fill=1)
    slide = deck.slides[index]
    if index == 0:
        _title_slide(pdf, deck, slide)
    else:
        _content_slide(pdf, deck, slide)
    foot = PAGE_HEIGHT - FOOTER_TOP - FOOTER_SIZE
    pdf.setFillColor(HexColor(MUTED))
    if index == 0:
        draw_line(pdf, fit_line(deck.incubator_name, REGULAR, PAGE_WIDTH * 0.6, sizes=(FOOTER_SIZE,))[0], MARGIN, foot)
        return
    draw_line(pdf, fit_line(deck.startup_name, REGULAR, PAGE_WIDTH * 0.6, sizes=(FOOTER_SIZE, 12))[0], MARGIN, foot)
    pdf.setFont(REGULAR, FOOTER_SIZE)
    pdf.drawRightString(PAGE_WIDTH - MARGIN, foot, f"{index + 1} / {len(deck.slides)}")


def _document(buffer: io.BytesIO, deck: DeckPrint) -> Canvas:
    return open_pdf(
        buffer, (PAGE_WIDTH, PAGE_HEIGHT), title=deck.startup_name + " — " + _("pitch deck"),
        subject=_("Pitch deck"), author=deck.incubator_name,
    )  # fmt: skip


def build_deck_pdf(deck: DeckPrint) -> bytes:
    """Return the deck as a 16:9 PDF: one page per slide, fonts embedded, typed text never read as markup."""
    buffer = io.BytesIO()
    pdf = _document(buffer, deck)
    for index in range(len(deck.slides)):
        draw_slide(pdf, deck, index)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def build_slide_pdf(deck: DeckPrint, index: int) -> bytes:
    """Return one slide of the deck as a one-page PDF, drawn exactly as in the whole deck (for its preview)."""
    buffer = io.BytesIO()
    pdf = _document(buffer, deck)
    draw_slide(pdf, deck, index)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
