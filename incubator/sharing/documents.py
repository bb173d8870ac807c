"""What an open link hands its viewer: the deck's slides, the one-pager, and the PDF with the viewer's name on it.

The link was checked by the door (`links.open_shared`): everything here reads that one startup only.
"""

from __future__ import annotations

import datetime as dt
import io

import pypdfium2
from pypdf import PdfReader, PdfWriter
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.core.formatting import format_day_in_words
from incubator.core.i18n import _
from incubator.deck.printout import DeckPrint
from incubator.pdf.text import REGULAR, draw_line, fit_line
from incubator.reports.document_files import deck_file, deck_print, onepager_pdf
from incubator.reports.investor_summary import event_booklet
from incubator.reports.onepager_pdf import build_booklet
from incubator.sharing.links import BOOKLET, Shared

_WATERMARK_INK = Color(0.35, 0.35, 0.35)


def shared_deck(session: Session, actor: Actor, slug: str) -> DeckPrint:
    """Return the current deck of the startup a link opens, as the slide pictures draw it.

    Called with the slug the door (`links.open_shared`) let through, never one a visitor typed.
    """
    return deck_print(session, actor, slug)


def shared_onepager_png(session: Session, slug: str, width: int) -> bytes:
    """Return the one-pager of the startup a link opens as a picture `width` pixels wide (no scores: never
    for investors); called with the slug the door let through."""
    document = pypdfium2.PdfDocument(onepager_pdf(session, Actor.app_itself(), slug))
    try:
        page = document[0]
        image = page.render(scale=width / page.get_width()).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()
    finally:
        document.close()


def watermark_line(shared: Shared, today: dt.date) -> str:
    """Return the line drawn on every page of a shared download: whom it was shared with, and when."""
    viewer = ", ".join(part for part in (shared.viewer_name, shared.organisation) if part)
    return _("Shared with {viewer}, {date}").format(viewer=viewer, date=format_day_in_words(today))


def booklet_pdf(session: Session, actor: Actor, event_slug: str) -> bytes:
    """Return a pitch event's demo-day booklet as the coordinators download it (one summary per pitch)."""
    return build_booklet(event_booklet(session, actor, event_slug))


def pages_png(data: bytes, width: int) -> list[bytes]:
    """Return every page of a PDF as a picture `width` pixels wide (a booklet, paged through like slides)."""
    document = pypdfium2.PdfDocument(data)
    try:
        pictures = []
        for page in document:
            buffer = io.BytesIO()
            page.render(scale=width / page.get_width()).to_pil().save(buffer, format="PNG")
            pictures.append(buffer.getvalue())
        return pictures
    finally:
        document.close()


def shared_pdf(session: Session, shared: Shared, today: dt.date) -> bytes:
    """Return the link's document as a PDF with the viewer's line drawn into the foot of every page."""
    actor = Actor.app_itself()  # the door let this link through: it opens this startup's or event's document
    if shared.opens == BOOKLET:
        data = booklet_pdf(session, actor, shared.slug)
    elif shared.opens == "deck":
        data = deck_file(session, actor, shared.slug, "pdf")
    else:
        data = onepager_pdf(session, actor, shared.slug)
    return watermarked(data, watermark_line(shared, today))


def watermarked(data: bytes, line: str) -> bytes:
    """Return the PDF with `line` drawn small at the foot of each page, into the page itself (it prints)."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        buffer = io.BytesIO()
        overlay = Canvas(buffer, pagesize=(width, height))
        # As large as reads at arm's length on the page's own scale (a slide is wider than A4), never tiny.
        size = max(8.0, round(width / 90, 1))
        fitted, _cut = fit_line(line, REGULAR, width * 0.8, (size, size * 0.85, size * 0.7))
        overlay.setFillColor(_WATERMARK_INK)
        draw_line(overlay, fitted, width / 2, 6, "center")
        overlay.save()
        page.merge_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
