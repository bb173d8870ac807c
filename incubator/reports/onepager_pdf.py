"""The one-page investor summary (A4 portrait, always exactly one page) and the demo-day booklet, as PDF bytes.

Every text goes through `pdf_text`: escaped by construction (no markup is ever parsed), shaped
for right-to-left scripts, shrunk from 9 to 6 pt and then cut with an ellipsis, with a note on
the page when anything was shortened. Fonts are registered once per process; each startup's
chart is rendered once (see `charts.chart_png`).
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from incubator.core.formatting import format_day_in_words, format_growth, format_money, format_number
from incubator.core.i18n import _
from incubator.pdf.document import ACCENT, INK, LIGHT_RULE, MUTED, PAPER, open_pdf
from incubator.pdf.text import (
    BOLD,
    REGULAR,
    Block,
    Frame,
    clean_for_pdf,
    draw_fitted,
    draw_line,
    draw_line_in,
    fit_blocks,
    fit_line,
)
from incubator.reports.printout import Booklet, OnePager

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 36.0
GUTTER = 14.0
COLUMN = (PAGE_WIDTH - 2 * MARGIN - GUTTER) / 2
HEADING_SIZE = 8.5


def _money(amount: float | None, currency: str) -> str:
    return format_money(amount, currency) if amount is not None else ""


def _heading(pdf: Canvas, frame: Frame, title: str) -> float:
    """Draw a section title with a rule under it; return the y where its content starts."""
    top = frame.y + frame.height
    pdf.setFillColor(ACCENT)
    pdf.setFont(BOLD, HEADING_SIZE)
    pdf.drawString(frame.x, top - HEADING_SIZE, title.upper())
    pdf.setStrokeColor(LIGHT_RULE)
    pdf.setLineWidth(0.6)
    pdf.line(frame.x, top - HEADING_SIZE - 3, frame.x + frame.width, top - HEADING_SIZE - 3)
    return top - HEADING_SIZE - 5


def _fill(
    pdf: Canvas, x: float, top: float, width: float, height: float, blocks: list[Block], size: float = 9.0
) -> bool:
    """Fit blocks into a box under a heading and draw them; returns whether text was shortened."""
    blocks = [block for block in blocks if block.text.strip()] or [Block("—", muted=True)]
    sizes = tuple(candidate for candidate in (11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5, 6) if candidate <= size)
    fitted = fit_blocks(blocks, width, height, sizes)
    draw_fitted(pdf, fitted, x, top, width, INK, MUTED)
    return fitted.shortened


def _labelled(label: str, text: str) -> list[Block]:
    return [Block(label, bold=True), Block(clean_for_pdf(text).strip() or "—", muted=not text.strip())]


def _header(pdf: Canvas, page: OnePager) -> None:
    top = PAGE_HEIGHT - MARGIN
    name, _cut = fit_line(page.name, BOLD, PAGE_WIDTH * 0.62, sizes=(20, 18, 16, 14, 12))
    pdf.setFillColor(INK)
    draw_line(pdf, name, MARGIN, top - 18)
    tagline, _cut = fit_line(page.tagline or "", REGULAR, PAGE_WIDTH - 2 * MARGIN, sizes=(11, 10, 9, 8))
    draw_line_in(pdf, tagline, MARGIN, top - 36, PAGE_WIDTH - 2 * MARGIN)
    facts = " · ".join(part for part in (page.stage, page.sector, page.cohort) if part)
    facts_line, _cut = fit_line(facts, REGULAR, PAGE_WIDTH - 2 * MARGIN, sizes=(8.5, 8, 7))
    pdf.setFillColor(MUTED)
    draw_line(pdf, facts_line, MARGIN, top - 50)
    pdf.setStrokeColor(ACCENT)
    pdf.setLineWidth(1.5)
    pdf.line(MARGIN, top - 58, PAGE_WIDTH - MARGIN, top - 58)


Section = tuple[str, list[Block]]  # a heading and its content
SECTION_GAP = 10.0
HEADING_ROOM = HEADING_SIZE + 5  # a heading and its rule, above the content
BODY_SIZES = (11.0, 10.5, 10.0, 9.5, 9.0)  # the largest that lets both columns show everything is used


def _metric_lines(page: OnePager) -> list[Block]:
    figures = []
    for metric in page.metrics:
        if not metric.points:
            continue
        day, value = metric.points[-1]
        growth = (
            _(", {growth} month over month").format(growth=format_growth(metric.growth))
            if metric.growth is not None
            else ""
        )
        latest = _("{metric}: {value} {unit} ({day}{growth})").format(
            metric=metric.name,
            value=format_number(value),
            unit=metric.unit,
            day=format_day_in_words(day),
            growth=growth,
        )
        figures.append(Block(latest))
    return figures or [Block(_("No metric yet."), muted=True)]


def _milestone_lines(page: OnePager) -> list[Block]:
    if not page.done and not page.next:
        return [Block(_("No milestone yet."), muted=True)]
    blocks = []
    if page.done:
        blocks.append(Block(_("Done"), bold=True))
        blocks += [Block(f"✓ {title}" + (f" ({format_day_in_words(day)})" if day else "")) for title, day in page.done]
    if page.next:
        blocks.append(Block(_("Next"), bold=True, gap_before=0.3 if page.done else 0.0))
        blocks += [Block(f"→ {title}" + (f" ({format_day_in_words(day)})" if day else "")) for title, day in page.next]
    return blocks


def _text_or_note(text: str) -> list[Block]:
    return [Block(clean_for_pdf(text))] if text.strip() else [Block(_("Still to explore."), muted=True)]


def _natural_height(blocks: list[Block], size: float) -> float:
    """The height a section's content takes at `size`, on one column's width."""
    fitted = fit_blocks(blocks, COLUMN, 10_000, sizes=(size,))
    return HEADING_ROOM + sum(len(item.lines) + item.block.gap_before for item in fitted.blocks) * fitted.line_height


def _heights(sections: list[Section], room: float, reserved: float, size: float) -> list[float]:
    """Give each section the height its content needs; when the column is short, shrink them in proportion."""
    natural = [_natural_height(blocks, size) for _title, blocks in sections]
    available = room - reserved - SECTION_GAP * (len(sections) - 1)
    if sum(natural) <= available:
        return natural
    floor = [min(height, HEADING_ROOM + 2 * size * 1.22) for height in natural]
    extra = max(available - sum(floor), 0.0)
    wanted = sum(n - f for n, f in zip(natural, floor, strict=True)) or 1.0
    return [f + extra * (n - f) / wanted for n, f in zip(natural, floor, strict=True)]


def _chart_room(top: float, bottom: float, chart: bytes | None) -> tuple[ImageReader | None, float, float]:
    """Return the chart's image, width and height: the column's width, at most 30 % of its height."""
    if not chart:
        return None, 0.0, 0.0
    image = ImageReader(io.BytesIO(chart))
    pixels_wide, pixels_high = image.getSize()
    height = min((top - bottom) * 0.3, COLUMN * pixels_high / pixels_wide)
    return image, height * pixels_wide / pixels_high, height


def _body_size(left: list[Section], right: list[Section], room: float, reserved: float) -> float:
    """Return the largest body size at which both columns show everything, else the smallest (then shrink)."""

    def fits(size: float) -> bool:
        return all(
            sum(_natural_height(blocks, size) for _title, blocks in sections) + SECTION_GAP * (len(sections) - 1)
            <= room - extra
            for sections, extra in ((left, 0.0), (right, reserved))
        )

    if not fits(BODY_SIZES[-1]):  # a full page: the smallest, and the sections shrink from there (one try)
        return BODY_SIZES[-1]
    return next(size for size in BODY_SIZES if fits(size))


def _column(
    pdf: Canvas, x: float, top: float, bottom: float, sections: list[Section], chart: bytes | None, size: float
) -> bool:
    """Draw sections down one column, each as tall as its content; the chart (if any) under the first heading."""
    image, chart_width, chart_height = _chart_room(top, bottom, chart)
    reserved = chart_height + 4 if image is not None else 0.0
    shortened = False
    y = top
    heights = _heights(sections, top - bottom, reserved, size)
    for index, ((title, blocks), height) in enumerate(zip(sections, heights, strict=True)):
        content_top = _heading(pdf, Frame(x, y - height, COLUMN, height), title)
        if index == 0 and image is not None:
            pdf.drawImage(image, x, content_top - chart_height, chart_width, chart_height)
            content_top -= reserved
            y -= reserved
        shortened |= _fill(pdf, x, content_top, COLUMN, max(content_top - (y - height), size), blocks, size)
        y -= height + SECTION_GAP
    return shortened


def draw_onepager(pdf: Canvas, page: OnePager, page_number: int | None = None) -> None:
    """Draw one summary on the current page of `pdf` (the booklet draws many in one document)."""
    _header(pdf, page)
    body_top = PAGE_HEIGHT - MARGIN - 66
    body_bottom = MARGIN + 22
    canvas = page.canvas
    value = _text_or_note(canvas["unique_value_proposition"])
    if canvas["high_level_concept"].strip() and canvas["high_level_concept"].strip() != page.tagline.strip():
        value += _labelled(_("High-level concept"), canvas["high_level_concept"])
    left: list[Section] = [
        (_("Problem"), _text_or_note(canvas["problem"]) + _labelled(_("Existing alternatives"),
                                                                    canvas["existing_alternatives"])),
        (_("Solution"), _text_or_note(canvas["solution"])),
        (_("Unique value proposition"), value),
        (_("Customers"), _labelled(_("Customer segments"), canvas["customer_segments"])
         + _labelled(_("Early adopters"), canvas["early_adopters"])),
        (_("Business model"), _labelled(_("Revenue streams"), canvas["revenue_streams"])
         + _labelled(_("Cost structure"), canvas["cost_structure"])),
    ]  # fmt: skip
    ask_text = " · ".join(part for part in (_money(page.ask.amount, page.ask.currency), page.ask.instrument) if part)
    ask = [Block(ask_text, bold=True)] if ask_text else []
    ask += _text_or_note(page.ask.use_of_funds) if ask_text or page.ask.use_of_funds.strip() else []
    contact = " · ".join(part for part in (page.contact, page.website) if part)
    right: list[Section] = [
        (_("Traction"), _metric_lines(page)),
        (_("Milestones"), _milestone_lines(page)),
        (_("Team"), [Block(", ".join(page.team))] if page.team else [Block(_("No founder yet."), muted=True)]),
        (_("The ask"), ask or [Block(_("No ask written yet."), muted=True)]),
    ]
    if contact:
        right.append((_("Contact"), [Block(contact)]))
    if page.scores is not None:
        right.append((_("Mentors' scores"), [Block(" · ".join(f"{name} {score:.1f}" for name, score in page.scores))]))
    reserved = _chart_room(body_top, body_bottom, page.chart_png)[2] + 4 if page.chart_png else 0.0
    size = _body_size(left, right, body_top - body_bottom, reserved)
    shortened = _column(pdf, MARGIN, body_top, body_bottom, left, None, size)
    shortened |= _column(pdf, MARGIN + COLUMN + GUTTER, body_top, body_bottom, right, page.chart_png, size)
    _footer(pdf, page, shortened, page_number)


def _footer(pdf: Canvas, page: OnePager, shortened: bool, page_number: int | None) -> None:
    pdf.setFont(REGULAR, 7)
    pdf.setFillColor(MUTED)
    made = _("Made on {date} by {incubator}").format(
        date=format_day_in_words(page.made_on), incubator=page.incubator_name
    )
    draw_line(pdf, fit_line(made, REGULAR, PAGE_WIDTH * 0.45, (7, 6.5, 6))[0], MARGIN, MARGIN)
    pdf.setFont(REGULAR, 7)
    if shortened:
        pdf.setFillColor(INK)
        pdf.drawCentredString(PAGE_WIDTH / 2, MARGIN + 10, _("Some text was shortened to fit this page (…)."))
    if page_number is not None:
        pdf.setFillColor(MUTED)
        pdf.drawRightString(PAGE_WIDTH - MARGIN, MARGIN, str(page_number))


def build_onepager(page: OnePager) -> bytes:
    """Return the one-page investor summary of one startup as PDF bytes."""
    buffer = io.BytesIO()
    pdf = open_pdf(
        buffer, A4, title=page.name + " — " + _("investor summary"), subject=_("Investor summary"),
        author=page.incubator_name,
    )  # fmt: skip
    draw_onepager(pdf, page)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def build_booklet(booklet: Booklet) -> bytes:
    """Return the booklet: a cover, a contents page with page numbers, then one page per startup, with bookmarks."""
    buffer = io.BytesIO()
    pdf = open_pdf(buffer, A4, title=booklet.event_name, subject=_("Demo-day booklet"), author=booklet.incubator_name)
    pdf.setFillColor(ACCENT)
    pdf.rect(0, PAGE_HEIGHT * 0.55, PAGE_WIDTH, PAGE_HEIGHT * 0.45, stroke=0, fill=1)
    title, _cut = fit_line(booklet.event_name, BOLD, PAGE_WIDTH - 2 * MARGIN, sizes=(30, 26, 22, 18))
    pdf.setFillColor(PAPER)
    draw_line(pdf, title, MARGIN, PAGE_HEIGHT * 0.62)
    details = " · ".join(part for part in (format_day_in_words(booklet.event_date, ""), booklet.cohort) if part)
    draw_line(pdf, fit_line(details, REGULAR, PAGE_WIDTH - 2 * MARGIN, (13, 11, 9))[0], MARGIN, PAGE_HEIGHT * 0.62 - 24)
    pdf.setFillColor(MUTED)
    pdf.setFont(REGULAR, 9)
    pdf.drawRightString(PAGE_WIDTH - MARGIN, MARGIN, "1")
    pdf.bookmarkPage("cover")
    pdf.addOutlineEntry(_("Cover"), "cover", level=0)
    pdf.showPage()
    _contents(pdf, booklet)
    for number, page in enumerate(booklet.pages, start=3):
        key = f"startup-{number}"
        pdf.bookmarkPage(key)
        pdf.addOutlineEntry(clean_for_pdf(page.name), key, level=0)
        draw_onepager(pdf, page, page_number=number)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _contents(pdf: Canvas, booklet: Booklet) -> None:
    pdf.setFillColor(INK)
    pdf.setFont(BOLD, 18)
    pdf.drawString(MARGIN, PAGE_HEIGHT - MARGIN - 18, _("Pitches, in order"))
    size = 11 if len(booklet.pages) <= 40 else max(6.0, 11 * 40 / len(booklet.pages))
    y = PAGE_HEIGHT - MARGIN - 50
    for index, page in enumerate(booklet.pages, start=1):
        line, _cut = fit_line(f"{index}. {page.name}", REGULAR, PAGE_WIDTH - 2 * MARGIN - 40, sizes=(size, 6))
        draw_line(pdf, line, MARGIN, y)
        pdf.setFont(REGULAR, line.size)
        pdf.drawRightString(PAGE_WIDTH - MARGIN, y, str(index + 2))
        y -= line.size * 1.6
    pdf.bookmarkPage("contents")
    pdf.addOutlineEntry(_("Contents"), "contents", level=0)
    pdf.setFillColor(MUTED)
    pdf.setFont(REGULAR, 9)
    pdf.drawRightString(PAGE_WIDTH - MARGIN, MARGIN, "2")
    pdf.showPage()
