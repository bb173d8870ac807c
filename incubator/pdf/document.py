"""The one PDF opener and palette: every PDF of the app starts here, fonts embedded, metadata in the reader's language.

The document's language (/Lang) is the current one, so a screen reader reads it with the right voice, and
the reader shows the title. The text is drawn in reading order, but reportlab cannot write a tagged PDF
(no structure tree): screen readers read our PDFs in drawing order, which is why we draw in reading order.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from incubator.core.i18n import current_language
from incubator.pdf.text import REGULAR, clean_for_pdf, register_fonts

INK: Color = HexColor("#1f2933")  # body text
MUTED: Color = HexColor("#52606d")  # captions, page numbers: 6.3:1 on white, above WCAG AA's 4.5:1
RULE: Color = HexColor("#9aa5b1")  # box borders
LIGHT_RULE: Color = HexColor("#d9e2ec")  # thin separators
TINT: Color = HexColor("#f5f7fa")  # header bands
ACCENT: Color = HexColor("#0f766e")  # the app's primary colour
PAPER: Color = HexColor("#ffffff")

LANGUAGE_TAGS = {"en": "en", "fr": "fr-BE", "nl": "nl-BE"}


def open_pdf(target: BinaryIO, page_size: tuple[float, float], *, title: str, subject: str, author: str) -> Canvas:
    """Return a canvas writing to `target`, with our fonts, compression, the language and the metadata set."""
    register_fonts()
    pdf = Canvas(
        target, pagesize=page_size, pageCompression=1, initialFontName=REGULAR,
        lang=LANGUAGE_TAGS.get(current_language(), current_language()),
    )  # fmt: skip
    pdf.setTitle(clean_for_pdf(title))
    pdf.setAuthor(clean_for_pdf(author))
    pdf.setSubject(clean_for_pdf(subject))
    pdf.setCreator("incubator")
    # Readers and screen readers name the window by this title, not by the file's name (WCAG technique PDF18).
    pdf.setViewerPreference("DisplayDocTitle", "true")
    return pdf
