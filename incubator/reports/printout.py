"""What the one-page investor summary and the demo-day booklet print, as plain values (no database, no drawing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from incubator.startups.ask_text import AskText


@dataclass(frozen=True)
class MetricFigure:
    """A metric's values for the chart and its key figures."""

    name: str
    unit: str
    points: list[tuple[dt.date, float]]
    growth: float | None


@dataclass(frozen=True)
class OnePager:
    """Everything the one-page investor summary shows, as plain values."""

    slug: str
    name: str
    tagline: str
    stage: str
    sector: str
    cohort: str
    canvas: dict[str, str]
    metrics: list[MetricFigure]
    done: list[tuple[str, dt.date | None]]
    next: list[tuple[str, dt.date | None]]
    team: list[str]
    ask: AskText
    contact: str
    website: str
    made_on: dt.date
    incubator_name: str = "Incubator"
    scores: list[tuple[str, float]] | None = None
    chart_png: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Booklet:
    """A demo-day booklet: the event, and one summary per pitch in order."""

    event_name: str
    event_date: dt.date | None
    cohort: str
    pages: Sequence[OnePager]
    incubator_name: str = "Incubator"
