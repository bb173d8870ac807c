"""One look, three renderings: the PDF, the PowerPoint (on its template's master) and the preview agree."""

from __future__ import annotations

import io

import pypdfium2
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Pt

from incubator.deck.drafting import Slide
from incubator.deck.files import build_deck_pdf, build_pptx
from incubator.deck.preview import slide_png
from incubator.deck.printout import DeckPrint
from incubator.deck.slides_pptx import TEMPLATE_PATH
from incubator.deck.theme import ACCENT, BODY_SIZES, PAGE_HEIGHT, PAGE_WIDTH, TITLE_BOX, TITLE_SIZES

DECK = DeckPrint(
    "Souk Direct",
    [
        Slide("Souk Direct", "- Order from your local market stalls."),
        Slide("Problem", "- Working people cannot reach the market in time.\n- Vendors throw food away."),
        Slide("Ask", "- €120,000 · Convertible note"),
    ],
)


def _master_text_size(presentation: Presentation, style: str) -> int:
    styles = presentation.slide_master.element.find(qn("p:txStyles"))
    return int(styles.find(qn(style)).find(qn("a:lvl1pPr")).find(qn("a:defRPr")).get("sz"))


def test_the_shipped_template_still_says_what_the_theme_says():
    template = Presentation(str(TEMPLATE_PATH))
    assert (template.slide_width, template.slide_height) == (Pt(PAGE_WIDTH), Pt(PAGE_HEIGHT))
    assert _master_text_size(template, "p:titleStyle") == TITLE_SIZES[0] * 100
    assert _master_text_size(template, "p:bodyStyle") == BODY_SIZES[0] * 100
    theme = template.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    ).blob.decode()
    assert f'<a:accent1><a:srgbClr val="{ACCENT[1:].upper()}"/>' in theme
    title = next(shape for shape in template.slide_layouts[1].placeholders
                 if shape.placeholder_format.type == PP_PLACEHOLDER.TITLE)  # fmt: skip
    assert (title.left, title.top) == (Pt(TITLE_BOX.left), Pt(TITLE_BOX.top))
    assert any(shape.name == "Accent band" for shape in template.slide_master.shapes)


def test_the_powerpoint_uses_the_masters_layouts_with_name_number_and_title_slide():
    presentation = Presentation(io.BytesIO(build_pptx(DECK)))
    first, second, _third = presentation.slides
    assert first.slide_layout.name == "Title Slide" and second.slide_layout.name == "Title and Content"
    assert first.shapes.title.text == "Souk Direct"
    kinds = {shape.placeholder_format.type: shape for shape in second.placeholders}
    assert kinds[PP_PLACEHOLDER.FOOTER].text_frame.text == "Souk Direct"
    number = kinds[PP_PLACEHOLDER.SLIDE_NUMBER].element
    assert number.find(f".//{qn('a:fld')}").get("type") == "slidenum" and "/ 3" in "".join(number.itertext())


def test_the_preview_is_the_pdf_page_pixel_for_pixel():
    pdf = pypdfium2.PdfDocument(build_deck_pdf(DECK))
    for index in range(len(DECK.slides)):
        from_pdf = pdf[index].render(scale=480 / PAGE_WIDTH).to_pil()
        shown = Image.open(io.BytesIO(slide_png(DECK, index, 480)))
        assert shown.size == (480, 270) and shown.convert("RGB").tobytes() == from_pdf.convert("RGB").tobytes()


def test_a_preview_is_made_again_only_when_its_slide_changes():
    first = slide_png(DECK, 1, 320)
    assert slide_png(DECK, 1, 320) is first  # kept: nothing on it changed
    edited = DeckPrint(DECK.startup_name, [*DECK.slides[:1], Slide("Problem", "- Something else."), DECK.slides[2]])
    assert slide_png(edited, 1, 320) != first
    assert slide_png(edited, 2, 320) == slide_png(DECK, 2, 320)
