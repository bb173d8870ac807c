"""A slide's picture for the screen: its page of the deck PDF, rendered to PNG by PDFium, kept by its content.

What the founder sees is what the investor gets: the preview is the very page `slides_pdf` draws for the
download, not a second drawing of it. A picture is made again only when something on the slide changes
(its text, its number, the name, the chart), so editing one slide re-renders that slide alone
(`python -m benchmarks.deck_preview` prints the time: well under 150 ms).
"""

from __future__ import annotations

import io
from dataclasses import replace
from functools import lru_cache

import pypdfium2

from incubator.core.i18n import current_language
from incubator.deck.drafting import Slide
from incubator.deck.printout import DeckPrint
from incubator.deck.slides_pdf import build_slide_pdf, shows_chart
from incubator.deck.theme import PAGE_WIDTH


def slide_png(deck: DeckPrint, index: int, width: int) -> bytes:
    """Return slide `index` of the deck as a PNG `width` pixels wide (16:9)."""
    slide = deck.slides[index]
    chart = deck.chart_png if shows_chart(deck, slide) else None
    return _rendered(deck.startup_name, deck.incubator_name, slide.title, slide.body, slide.sources, index,
                     len(deck.slides), current_language(), width, chart)  # fmt: skip


@lru_cache(maxsize=512)
def _rendered(
    name: str, incubator: str, title: str, body: str, sources: tuple[str, ...], index: int, total: int,
    _language: str, width: int, chart: bytes | None,
) -> bytes:  # fmt: skip
    # The other slides only count: a deck of `total` placeholders with this slide at `index`.
    others = [Slide("")] * total
    others[index] = Slide(title, body, sources=sources)
    deck = replace(DeckPrint(name, others, chart), incubator_name=incubator)
    document = pypdfium2.PdfDocument(build_slide_pdf(deck, index))
    try:
        image = document[0].render(scale=width / PAGE_WIDTH).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=False)
        return buffer.getvalue()
    finally:
        document.close()
