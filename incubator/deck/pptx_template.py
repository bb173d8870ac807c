"""The PowerPoint template of the deck theme: a real slide master and layouts, made from `theme.py`.

`scripts/make-deck-template` writes it to `templates/decks/theme.pptx`, which `slides_pptx` opens; a
test checks that the file still says what `theme.py` says. Because the look lives in the master and
its layouts (colours, fonts, the accent band, the title and body styles, where the title, the text,
the footer and the slide number go), a founder who edits the file in PowerPoint, Keynote or Impress
keeps the theme: a new slide takes the same look.
"""

from __future__ import annotations

import io
from copy import deepcopy

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout, SlideMaster
from pptx.util import Pt

from incubator.deck.theme import (
    ACCENT,
    BAND,
    BODY_SIZES,
    FONT,
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
)  # fmt: skip

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
TITLE_LAYOUT, CONTENT_LAYOUT = 0, 1  # "Title Slide" and "Title and Content", as every Office template has them
FOOTER_BOX = Box(MARGIN, FOOTER_TOP, PAGE_WIDTH * 0.6, FOOTER_SIZE * 1.6)
NUMBER_BOX = Box(PAGE_WIDTH - MARGIN - 120, FOOTER_TOP, 120, FOOTER_SIZE * 1.6)


def _hex(colour: str) -> str:
    return colour.removeprefix("#").upper()


def _place(shape: object, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = Pt(box.left), Pt(box.top), Pt(box.width), Pt(box.height)  # type: ignore[attr-defined]


def _run_style(level: etree._Element, size: float, colour: str, bold: bool = False) -> None:
    """Set a text level's default run: size, colour, bold, and the theme's font."""
    for old in level.findall(qn("a:defRPr")):
        level.remove(old)
    run = etree.SubElement(level, qn("a:defRPr"), sz=str(int(size * 100)), b="1" if bold else "0")
    fill = etree.SubElement(run, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=_hex(colour))
    for tag in ("a:latin", "a:ea", "a:cs"):
        etree.SubElement(run, qn(tag), typeface=FONT if tag == "a:latin" else "+mn-" + tag[-2:])


def _theme_colours_and_fonts(master: SlideMaster) -> None:
    part = master.part.part_related_by(RELATIONSHIP_TYPE.THEME)
    theme = etree.fromstring(part.blob)
    scheme = theme.find(f".//{qn('a:clrScheme')}")
    for name, colour in (("a:accent1", ACCENT), ("a:dk2", INK), ("a:hlink", ACCENT)):
        slot = scheme.find(qn(name))
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, qn("a:srgbClr"), val=_hex(colour))
    for font in ("a:majorFont", "a:minorFont"):
        theme.find(f".//{qn(font)}").find(qn("a:latin")).set("typeface", FONT)
    part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _master_styles(master: SlideMaster) -> None:
    styles = master.element.find(qn("p:txStyles"))
    _run_style(styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr")), TITLE_SIZES[0], INK, bold=True)
    styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr")).set("algn", "l")
    body = styles.find(qn("p:bodyStyle"))
    for number, size in ((1, BODY_SIZES[0]), (2, 24.0), (3, 20.0)):
        level = body.find(qn(f"a:lvl{number}pPr"))
        _run_style(level, size, INK)
        for old in level.findall(qn("a:buClr")):
            level.remove(old)
        colour = etree.Element(qn("a:buClr"))
        etree.SubElement(colour, qn("a:srgbClr"), val=_hex(ACCENT))
        level.insert(0, colour)


def _band(master: SlideMaster) -> None:
    """Draw the accent band across the top of the master, behind everything (so on every slide)."""
    band = etree.fromstring(
        f'<p:sp xmlns:p="{_P}" xmlns:a="{_A}"><p:nvSpPr><p:cNvPr id="100" name="Accent band"/><p:cNvSpPr/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{Pt(PAGE_WIDTH)}" cy="{Pt(BAND)}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{_hex(ACCENT)}"/></a:solidFill>'
        "<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )
    master.shapes._spTree.insert(2, band)


def _placeholders(container: SlideMaster | SlideLayout, boxes: dict[PP_PLACEHOLDER, Box]) -> None:
    for shape in list(container.placeholders):
        kind = shape.placeholder_format.type
        if kind == PP_PLACEHOLDER.DATE:
            shape.element.getparent().remove(shape.element)
        elif kind in boxes:
            _place(shape, boxes[kind])


def _shrink_to_fit(master: SlideMaster) -> None:
    """Text too long for the body shrinks (PowerPoint's and Impress's autofit), as the PDF's fitting does."""
    body = next(shape for shape in master.placeholders if shape.placeholder_format.type == PP_PLACEHOLDER.BODY)  # type: ignore[misc]
    properties = body.element.find(qn("p:txBody")).find(qn("a:bodyPr"))
    for old in list(properties):
        properties.remove(old)
    etree.SubElement(properties, qn("a:normAutofit"))


def _layout_text(
    layout: SlideLayout | SlideMaster, kind: PP_PLACEHOLDER, size: float, colour: str, bold: bool, align: str = "l"
) -> None:
    shape = next(shape for shape in layout.placeholders if shape.placeholder_format.type == kind)  # type: ignore[misc]
    body = shape.element.find(qn("p:txBody"))
    styles = body.find(qn("a:lstStyle"))
    if styles is None:
        styles = etree.SubElement(body, qn("a:lstStyle"))
        body.insert(1, styles)
    for old in styles.findall(qn("a:lvl1pPr")):
        styles.remove(old)
    level = etree.SubElement(styles, qn("a:lvl1pPr"), marL="0", indent="0", algn=align)
    etree.SubElement(level, qn("a:buNone"))
    _run_style(level, size, colour, bold)


def make_template() -> bytes:
    """Return the theme's PowerPoint template: 16:9, the master and its two layouts styled from `theme.py`."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Pt(PAGE_WIDTH), Pt(PAGE_HEIGHT)
    master = presentation.slide_master
    _theme_colours_and_fonts(master)
    _master_styles(master)
    foot = {PP_PLACEHOLDER.FOOTER: FOOTER_BOX, PP_PLACEHOLDER.SLIDE_NUMBER: NUMBER_BOX}
    _placeholders(master, {PP_PLACEHOLDER.TITLE: TITLE_BOX, PP_PLACEHOLDER.BODY: body_box(False), **foot})
    title_layout = presentation.slide_layouts[TITLE_LAYOUT]
    _placeholders(title_layout, {PP_PLACEHOLDER.CENTER_TITLE: NAME_BOX, PP_PLACEHOLDER.SUBTITLE: ONE_LINER_BOX, **foot})
    _layout_text(title_layout, PP_PLACEHOLDER.CENTER_TITLE, NAME_SIZE, INK, bold=True)
    _layout_text(title_layout, PP_PLACEHOLDER.SUBTITLE, ONE_LINER_SIZE, MUTED, bold=False)
    content = presentation.slide_layouts[CONTENT_LAYOUT]
    _placeholders(content, {PP_PLACEHOLDER.TITLE: TITLE_BOX, PP_PLACEHOLDER.OBJECT: body_box(False), **foot})
    for container in (master, title_layout, content):  # the foot as in the PDF: name at the left, number right
        _layout_text(container, PP_PLACEHOLDER.FOOTER, FOOTER_SIZE, MUTED, bold=False)
        _layout_text(container, PP_PLACEHOLDER.SLIDE_NUMBER, FOOTER_SIZE, MUTED, bold=False, align="r")
    _shrink_to_fit(master)
    _band(master)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def clone_foot(layout: SlideLayout, slide: object, footer_text: str, total: int | None) -> None:
    """Put the layout's footer (saying `footer_text`) and slide number ("3 / 10") on a slide.

    python-pptx does not copy these placeholders from the layout; PowerPoint shows them only when the
    slide has its own, and the number stays a field that follows the slide when it moves.
    """
    tree = slide.shapes._spTree  # type: ignore[attr-defined]
    for shape in layout.placeholders:  # type: ignore[misc]
        kind = shape.placeholder_format.type
        if kind not in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER) or (
            kind == PP_PLACEHOLDER.SLIDE_NUMBER and total is None  # the title slide has no number
        ):
            continue
        element = deepcopy(shape.element)
        paragraph = next(element.iter(qn("a:p")))
        words = footer_text if kind == PP_PLACEHOLDER.FOOTER else f" / {total}"
        run = etree.Element(qn("a:r"))
        etree.SubElement(run, qn("a:rPr"), lang="en-US", dirty="0")
        etree.SubElement(run, qn("a:t")).text = words
        end = paragraph.find(qn("a:endParaRPr"))
        if end is not None:
            end.addprevious(run)
        else:
            paragraph.append(run)
        tree.append(element)
