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

from incubator.core.formatting import format_day, format_growth, format_money, format_number
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


def _fill(pdf: Canvas, x: float, top: float, width: float, height: float, blocks: list[Block]) -> bool:
    """Fit blocks into a box under a heading and draw them; returns whether text was shortened."""
    blocks = [block for block in blocks if block.text.strip()] or [Block("—", muted=True)]
    fitted = fit_blocks(blocks, width, height)
    draw_fitted(pdf, fitted, x, top, width, INK, MUTED)
    return fitted.shortened


def _section(pdf: Canvas, frame: Frame, title: str, blocks: list[Block]) -> bool:
    """Draw a titled section that fits its frame; returns whether text was shortened."""
    content_top = _heading(pdf, frame, title)
    return _fill(pdf, frame.x, content_top, frame.width, content_top - frame.y, blocks)


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


def _traction(pdf: Canvas, frame: Frame, page: OnePager) -> bool:
    content_top = _heading(pdf, frame, _("Traction"))
    if page.chart_png:
        image = ImageReader(io.BytesIO(page.chart_png))
        width, height = image.getSize()
        chart_height = min((content_top - frame.y) * 0.68, frame.width * height / width)
        chart_width = chart_height * width / height
        content_top -= chart_height + 4
        pdf.drawImage(image, frame.x, content_top, chart_width, chart_height)
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
        figures.append(Block(f"{metric.name}: {format_number(value)} {metric.unit} ({format_day(day)}{growth})"))
    return _fill(pdf, frame.x, content_top, frame.width, content_top - frame.y, figures)


def draw_onepager(pdf: Canvas, page: OnePager, page_number: int | None = None) -> None:
    """Draw one summary on the current page of `pdf` (the booklet draws many in one document)."""
    _header(pdf, page)
    body_top = PAGE_HEIGHT - MARGIN - 66
    body_bottom = MARGIN + 22
    left_x, right_x = MARGIN, MARGIN + COLUMN + GUTTER
    canvas = page.canvas
    problem = [Block(clean_for_pdf(canvas["problem"]))]
    problem += _labelled(_("Existing alternatives"), canvas["existing_alternatives"])
    customers = _labelled(_("Customer segments"), canvas["customer_segments"])
    customers += _labelled(_("Early adopters"), canvas["early_adopters"])
    model = _labelled(_("Revenue streams"), canvas["revenue_streams"])
    model += _labelled(_("Cost structure"), canvas["cost_structure"])
    left = [
        (0.17, _("Problem"), problem),
        (0.15, _("Solution"), [Block(clean_for_pdf(canvas["solution"]))]),
        (0.12, _("Unique value proposition"), [Block(clean_for_pdf(canvas["unique_value_proposition"]))]),
        (0.2, _("Customers"), customers),
        (0.2, _("Business model"), model),
    ]
    ask_text = " · ".join(part for part in (_money(page.ask.amount, page.ask.currency), page.ask.instrument) if part)
    right: list[tuple[float, str, list[Block]]] = [
        (0.16, _("Milestones"), [Block(_("Done"), bold=True)]
         + [Block(f"✓ {title}" + (f" ({format_day(day)})" if day else "")) for title, day in page.done]
         + [Block(_("Next"), bold=True, gap_before=0.3)]
         + [Block(f"→ {title}" + (f" ({format_day(day)})" if day else "")) for title, day in page.next]),
        (0.08, _("Team"), [Block(", ".join(page.team))]),
        (0.15, _("The ask"), [Block(ask_text, bold=True), Block(clean_for_pdf(page.ask.use_of_funds))]),
        (0.07, _("Contact"), [Block(" · ".join(part for part in (page.contact, page.website) if part))]),
    ]  # fmt: skip
    if page.scores is not None:
        right.append(
            (0.08, _("Mentors' scores"), [Block(" · ".join(f"{name} {value:.1f}" for name, value in page.scores))])
        )
    height = body_top - body_bottom
    shortened = False
    y = body_top
    for share, title, blocks in left:
        frame_height = height * share / sum(item[0] for item in left) - 8
        shortened |= _section(pdf, Frame(left_x, y - frame_height, COLUMN, frame_height), title, blocks)
        y -= frame_height + 8
    traction_height = height - sum(height * share for share, _t, _b in right) - 8 * (len(right) + 1)
    shortened |= _traction(pdf, Frame(right_x, body_top - traction_height, COLUMN, traction_height), page)
    y = body_top - traction_height - 8
    for share, title, blocks in right:
        frame_height = height * share - 8
        shortened |= _section(pdf, Frame(right_x, y - frame_height, COLUMN, frame_height), title, blocks)
        y -= frame_height + 8
    _footer(pdf, page, shortened, page_number)


def _footer(pdf: Canvas, page: OnePager, shortened: bool, page_number: int | None) -> None:
    pdf.setFont(REGULAR, 7)
    pdf.setFillColor(MUTED)
    made = _("Made on {date} by {incubator}").format(date=format_day(page.made_on), incubator=page.incubator_name)
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
    details = " · ".join(part for part in (format_day(booklet.event_date, ""), booklet.cohort) if part)
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
