"""The one look of every pitch deck: the PDF, the PowerPoint template and the preview are drawn from these numbers.

A 16:9 page of 960 × 540 points (13.333 × 7.5 inches, PowerPoint's widescreen). The first slide is the
title slide: the startup's name and its one-liner, large. Every other slide has its title, bullets of
at least 28 points (Kawasaki's 10/20/30 rule asks 30; text that does not fit is cut with an ellipsis,
never shrunk below), the traction chart as a large picture on the slides drawn from metrics, the
startup's name and "3 / 10" at the foot, and the accent band at the top.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_WIDTH, PAGE_HEIGHT = 960.0, 540.0  # points
MARGIN = 56.0
BAND = 10.0  # the accent band across the top of every slide
ACCENT, INK, MUTED, PAPER = "#0f766e", "#1f2933", "#52606d", "#ffffff"
FONT = "DejaVu Sans"  # the family of the PDF's embedded fonts; PowerPoint substitutes where it is missing

NAME_SIZE = 60.0  # the startup's name on the title slide
ONE_LINER_SIZE = 30.0
TITLE_SIZES = (40.0, 36.0, 32.0)
BODY_SIZES = (32.0, 30.0, 28.0)
FOOTER_SIZE = 14.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in points from the top-left corner (as PowerPoint places shapes)."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom_from_foot(self) -> float:
        """Return the box's bottom edge measured from the page's foot (as a PDF places things)."""
        return PAGE_HEIGHT - self.top - self.height


NAME_BOX = Box(MARGIN, 170.0, CONTENT_WIDTH, 90.0)
ONE_LINER_BOX = Box(MARGIN, 270.0, CONTENT_WIDTH, 140.0)
TITLE_BOX = Box(MARGIN, BAND + 30.0, CONTENT_WIDTH, 64.0)
FOOTER_TOP = PAGE_HEIGHT - 44.0


def body_box(with_chart: bool) -> Box:
    """Return where the bullets go: the whole width, or the left half beside the chart."""
    top = TITLE_BOX.top + TITLE_BOX.height + 22.0
    return Box(MARGIN, top, CONTENT_WIDTH * (0.5 if with_chart else 1.0), FOOTER_TOP - 16.0 - top)


def chart_box() -> Box:
    """Return where the traction chart goes: the right half, as large as the slide allows."""
    body = body_box(with_chart=True)
    left = MARGIN + CONTENT_WIDTH * 0.53
    return Box(left, body.top, PAGE_WIDTH - MARGIN - left, body.height)
