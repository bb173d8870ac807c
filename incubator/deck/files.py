"""A pitch deck as files: the editable 16:9 PowerPoint and the 16:9 PDF, both drawn on the deck theme."""

from incubator.deck.slides_pdf import build_deck_pdf, build_slide_pdf
from incubator.deck.slides_pptx import build_pptx

__all__ = ["build_deck_pdf", "build_pptx", "build_slide_pdf"]
