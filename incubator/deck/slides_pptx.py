"""A pitch deck as an editable 16:9 PowerPoint file, built on the theme's template (`templates/decks/theme.pptx`).

The first slide takes the template's title layout (the startup's name and its one-liner, large), the
others its title-and-content layout; the look lives in the master, so a slide added in PowerPoint,
Keynote or Impress has it too. Each slide gets the footer with the startup's name and its number, the
speaker notes, the traction chart as a picture where the slide is drawn from metrics, and the East
Asian and complex-script fonts its text needs.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Pt

from incubator.core.config import PROJECT_ROOT
from incubator.deck.pptx_template import CONTENT_LAYOUT, TITLE_LAYOUT, clone_foot
from incubator.deck.printout import DeckPrint
from incubator.deck.slide_fonts import set_script_fonts
from incubator.deck.slides_pdf import bullets_of, fitted_bullets, shows_chart
from incubator.deck.theme import BODY_SIZES, body_box, chart_box
from incubator.pdf.text import clean_for_pdf

TEMPLATE_PATH = PROJECT_ROOT / "templates" / "decks" / "theme.pptx"


def _placeholder(page: object, kind: PP_PLACEHOLDER) -> object:
    return next(shape for shape in page.placeholders if shape.placeholder_format.type == kind)  # type: ignore[attr-defined]


def build_pptx(deck: DeckPrint) -> bytes:
    """Return the deck as a 16:9 PowerPoint file on the theme's master: every slide editable, notes kept."""
    presentation = Presentation(str(TEMPLATE_PATH))
    for index, slide in enumerate(deck.slides):
        layout = presentation.slide_layouts[TITLE_LAYOUT if index == 0 else CONTENT_LAYOUT]
        page = presentation.slides.add_slide(layout)
        frames = []
        if index == 0:
            page.shapes.title.text = clean_for_pdf(deck.startup_name)
            subtitle = _placeholder(page, PP_PLACEHOLDER.SUBTITLE)
            subtitle.text = " ".join(bullets_of(clean_for_pdf(slide.body)))  # type: ignore[attr-defined]
            frames = [page.shapes.title.text_frame, subtitle.text_frame]  # type: ignore[attr-defined]
            clone_foot(layout, page, clean_for_pdf(deck.incubator_name), total=None)
        else:
            page.shapes.title.text = clean_for_pdf(slide.title)
            body = _placeholder(page, PP_PLACEHOLDER.OBJECT)
            chart = shows_chart(deck, slide)
            box = body_box(chart)
            body.left, body.top, body.width, body.height = (  # type: ignore[attr-defined]
                Pt(box.left),
                Pt(box.top),
                Pt(box.width),
                Pt(box.height),
            )
            bullets = bullets_of(clean_for_pdf(slide.body)) or [""]
            frame = body.text_frame  # type: ignore[attr-defined]
            frame.text = bullets[0]
            for bullet in bullets[1:]:
                frame.add_paragraph().text = bullet
            # The size the PDF chose for these bullets, when the master's largest is too big for them.
            size = fitted_bullets(slide, box).size
            if size < BODY_SIZES[0]:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(size)
            frames = [page.shapes.title.text_frame, frame]
            if chart and deck.chart_png:
                room = chart_box()
                picture = page.shapes.add_picture(io.BytesIO(deck.chart_png), Pt(room.left), Pt(room.top),
                                                  width=Pt(room.width))  # fmt: skip
                if picture.height > Pt(room.height):  # too tall: fit the height, keep the proportions
                    ratio = Pt(room.height) / picture.height
                    picture.height, picture.width = Pt(room.height), int(picture.width * ratio)
                picture.left = Pt(room.left + room.width) - picture.width
            clone_foot(layout, page, clean_for_pdf(deck.startup_name), len(deck.slides))
        if slide.notes:
            page.notes_slide.notes_text_frame.text = clean_for_pdf(slide.notes)
            frames.append(page.notes_slide.notes_text_frame)
        for text_frame in frames:
            set_script_fonts(text_frame)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
