"""The lean canvas as a landscape A4 PDF, laid out like the canvas: a pure function from data to bytes."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from incubator.canvas.printout import CanvasPrint
from incubator.canvas.template import TOP_ROW, CanvasBox
from incubator.core.formatting import format_day_in_words
from incubator.core.i18n import _
from incubator.pdf.document import INK, MUTED, RULE, open_pdf
from incubator.pdf.text import (
    BOLD,
    REGULAR,
    Block,
    Frame,
    clean_for_pdf,
    draw_fitted,
    draw_line,
    fit_blocks,
    fit_line,
)

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 24.0
HEADER_HEIGHT = 40.0
FOOTER_HEIGHT = 22.0
PADDING = 6.0
TITLE_SIZE = 9.0


def box_frames() -> dict[str, Frame]:
    """Return where each layout position sits on the page."""
    grid_top = PAGE_HEIGHT - MARGIN - HEADER_HEIGHT
    grid_bottom = MARGIN + FOOTER_HEIGHT
    grid_height = grid_top - grid_bottom
    bottom_height = grid_height / 3
    top_height = grid_height - bottom_height
    column = (PAGE_WIDTH - 2 * MARGIN) / 5
    half = top_height / 2
    top_y = grid_bottom + bottom_height
    frames = {
        "top-1": Frame(MARGIN, top_y, column, top_height),
        "top-2-upper": Frame(MARGIN + column, top_y + half, column, half),
        "top-2-lower": Frame(MARGIN + column, top_y, column, half),
        "top-3": Frame(MARGIN + 2 * column, top_y, column, top_height),
        "top-4-upper": Frame(MARGIN + 3 * column, top_y + half, column, half),
        "top-4-lower": Frame(MARGIN + 3 * column, top_y, column, half),
        "top-5": Frame(MARGIN + 4 * column, top_y, column, top_height),
        "bottom-left": Frame(MARGIN, grid_bottom, (PAGE_WIDTH - 2 * MARGIN) / 2, bottom_height),
        "bottom-right": Frame(PAGE_WIDTH / 2, grid_bottom, (PAGE_WIDTH - 2 * MARGIN) / 2, bottom_height),
    }
    assert set(frames) == {*TOP_ROW, "bottom-left", "bottom-right"}
    return frames


def _box_blocks(box: CanvasBox, fields: dict[str, str]) -> list[Block]:
    main = clean_for_pdf(fields.get(box.field, "")).strip()
    blocks = [Block(main) if main else Block(_("Still to explore"), muted=True)]
    if box.sub_field:
        sub = clean_for_pdf(fields.get(box.sub_field, "")).strip()
        blocks.append(Block(box.sub_title, bold=True, gap_before=0.4))
        blocks.append(Block(sub) if sub else Block(_("Still to explore"), muted=True))
    return blocks


def _draw_box(pdf: Canvas, box: CanvasBox, frame: Frame, fields: dict[str, str]) -> bool:
    pdf.setStrokeColor(RULE)
    pdf.setLineWidth(0.8)
    pdf.rect(frame.x, frame.y, frame.width, frame.height)
    title_y = frame.y + frame.height - PADDING - TITLE_SIZE
    pdf.setFillColor(INK)
    pdf.setFont(BOLD, TITLE_SIZE)
    pdf.drawString(frame.x + PADDING, title_y, f"{box.order}. {box.title}")
    inner_width = frame.width - 2 * PADDING
    inner_height = frame.height - 2 * PADDING - TITLE_SIZE * 1.6
    fitted = fit_blocks(_box_blocks(box, fields), inner_width, inner_height)
    draw_fitted(pdf, fitted, frame.x + PADDING, title_y - TITLE_SIZE * 0.6, inner_width, INK, MUTED)
    return fitted.shortened


def _draw_header(pdf: Canvas, document: CanvasPrint) -> None:
    top = PAGE_HEIGHT - MARGIN
    name, _cut = fit_line(document.startup_name, BOLD, PAGE_WIDTH * 0.55, sizes=(16, 14, 12, 10))
    pdf.setFillColor(INK)
    draw_line(pdf, name, MARGIN, top - 16)
    pdf.setFont(REGULAR, 9)
    pdf.setFillColor(MUTED)
    saved = format_day_in_words(document.saved_at.date() if document.saved_at else None)
    details = _("{title} · version {version} · saved {date}").format(
        title=document.template.title, version=document.version, date=saved
    )
    pdf.drawRightString(PAGE_WIDTH - MARGIN, top - 12, details)


def _draw_footer(pdf: Canvas, document: CanvasPrint, shortened: bool) -> None:
    pdf.setFont(REGULAR, 6.5)
    pdf.setFillColor(MUTED)
    pdf.drawString(MARGIN, MARGIN + 4, document.template.credit)
    if shortened:
        pdf.setFillColor(INK)
        pdf.drawRightString(
            PAGE_WIDTH - MARGIN, MARGIN + 4, _("Some text was shortened to fit (…): the full canvas is in the app.")
        )


def build_canvas_pdf(document: CanvasPrint) -> bytes:
    """Draw the canvas on one landscape A4 page and return the PDF's bytes."""
    buffer = io.BytesIO()
    pdf = open_pdf(
        buffer, (PAGE_WIDTH, PAGE_HEIGHT), title=f"{document.template.title} — {document.startup_name}",
        subject=_("Lean canvas, version {version}").format(version=document.version), author=document.incubator_name,
    )  # fmt: skip
    frames = box_frames()
    shortened = False
    for box in document.template.boxes:
        shortened |= _draw_box(pdf, box, frames[box.position], document.fields)
    _draw_header(pdf, document)
    _draw_footer(pdf, document, shortened)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
