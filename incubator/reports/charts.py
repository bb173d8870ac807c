"""Every chart of the app and its exports, built with Altair: the only module that imports it.

Data columns have fixed ASCII names (user text such as a metric called "Revenue: €" would
otherwise be parsed as Altair field syntax); what people read comes from titles, translated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TypeVar

import altair as alt
import pandas as pd
import vl_convert
from babel import Locale

from incubator.core.formatting import locale
from incubator.core.i18n import _
from incubator.core.labels import milestone_status_label
from incubator.progress.rules import thinned_series
from incubator.reports.printout import OnePager

CHART_POINTS = 1000  # more than a chart's width in pixels
MARKED_POINTS = 60  # beyond this, dots on the line hide it
# Altair refuses data of more than 5,000 rows with MaxRowsError; the metric line is thinned below that,
# and nothing else here grows that large, but no chart should ever turn into an error page.
alt.data_transformers.disable_max_rows()
ChartT = TypeVar("ChartT", alt.Chart, alt.LayerChart)
TEAL, GREEN, ORANGE = "#0f766e", "#2f9e44", "#e8590c"
# Each status has its colour and its shape, so the chart reads without colour too; every colour stands at
# least 3:1 against white (WCAG's contrast for graphics).
STATUS_COLOURS = {
    "planned": "#64748b", "in_progress": "#1c7ed6", "done": GREEN, "blocked": "#e03131", "dropped": "#868e96",
}  # fmt: skip
STATUS_SHAPES = {
    "planned": "circle", "in_progress": "triangle-right", "done": "diamond", "blocked": "cross", "dropped": "square",
}  # fmt: skip


def criterion_breakdown_chart(
    means: Mapping[str, Mapping[str, float]], names: Mapping[str, str], criteria: list[str]
) -> alt.Chart:
    """Grouped bars: each startup's mean score per criterion."""
    rows = [
        {"startup": names.get(startup, startup), "criterion": criterion, "mean": round(value, 2)}
        for startup, by_criterion in means.items()
        for criterion, value in by_criterion.items()
    ]
    frame = pd.DataFrame(rows, columns=["startup", "criterion", "mean"])
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("criterion:N", sort=criteria, title=None),
            xOffset=alt.XOffset("startup:N"),
            y=alt.Y("mean:Q", scale=alt.Scale(domain=[0, 5]), title=_("Mean score")),
            color=alt.Color("startup:N", title=_("Startup"), legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("startup:N", title=_("Startup")),
                alt.Tooltip("criterion:N", title=_("Criterion")),
                alt.Tooltip("mean:Q", title=_("Mean score")),
            ],
        )
        .properties(height=320)
    )
    return _in_reader_locale(chart)


def metric_chart(points: Sequence[tuple[dt.date, float]], name: str, unit: str) -> alt.Chart:
    """A line per metric: its values by date (the same chart the exports use).

    A long series (a CSV may hold 20,000 values) is thinned to what a chart can show: a browser or a
    PNG is a few hundred pixels wide, and Altair refuses more than 5,000 rows anyway.
    """
    shown = thinned_series(points, CHART_POINTS)
    frame = pd.DataFrame([{"date": day.isoformat(), "value": value} for day, value in shown], columns=["date", "value"])
    chart: alt.Chart = (
        alt.Chart(frame, title=_chart_title(name, unit))
        .mark_line(point=len(shown) <= MARKED_POINTS, color=TEAL)
        .encode(
            x=alt.X("date:T", title=None, axis=_date_axis([day for day, _value in points])),
            y=alt.Y("value:Q", title=unit or None),
            tooltip=[alt.Tooltip("date:T", title=_("Date")), alt.Tooltip("value:Q", title=name)],
        )
        .properties(height=260)
    )
    return _in_reader_locale(chart)


def _chart_title(name: str, unit: str) -> str:
    """Say a metric's name with its unit, unless the unit only repeats the name ("Bookings (bookings)")."""
    if not unit or unit.casefold().rstrip("s") == name.casefold().rstrip("s"):
        return name
    return f"{name} ({unit})"


def milestone_timeline_chart(rows: Sequence[tuple[str, dt.date | None, str, str]], today: dt.date) -> alt.LayerChart:
    """One point per dated milestone (title, due, status, label), its status in colour and shape; a line for today."""
    frame = pd.DataFrame(
        [{"title": title, "due": due.isoformat(), "label": label} for title, due, _status, label in rows if due],
        columns=["title", "due", "label"],
    )
    domain = [milestone_status_label(status) for status in STATUS_COLOURS]  # the legend in the reader's words
    points = (
        alt.Chart(frame)
        .mark_point(size=160, filled=True, opacity=1)
        .encode(
            x=alt.X("due:T", title=None, axis=_date_axis([due for _title, due, _status, _label in rows if due])),
            # Titles longer than 200 px end in "…" (the tooltip has them whole): on a phone the dates keep room.
            y=alt.Y("title:N", sort=alt.EncodingSortField("due"), title=None, axis=alt.Axis(labelLimit=200)),
            color=alt.Color(
                "label:N",
                title=_("Status"),
                scale=alt.Scale(domain=domain, range=list(STATUS_COLOURS.values())),
                # Below the plot, one status a line: a phone has no width to spare beside the titles.
                legend=alt.Legend(orient="bottom", direction="vertical"),
            ),
            shape=alt.Shape(
                "label:N", title=_("Status"), scale=alt.Scale(domain=domain, range=list(STATUS_SHAPES.values()))
            ),
            tooltip=[
                alt.Tooltip("title:N", title=_("Milestone")),
                alt.Tooltip("due:T", title=_("Due")),
                alt.Tooltip("label:N", title=_("Status")),
            ],
        )
    )
    today_rule = (
        alt.Chart(pd.DataFrame({"today": [today.isoformat()]}))
        .mark_rule(color=ORANGE, strokeDash=[4, 4])
        .encode(x="today:T", tooltip=[alt.Tooltip("today:T", title=_("Today"))])
    )
    # A row of 32 px per milestone, whatever the legend below takes.
    layered: alt.LayerChart = (points + today_rule).properties(height=alt.Step(32))
    return _in_reader_locale(layered)


def stage_distribution_chart(stages: Mapping[str, int]) -> alt.Chart:
    """Bars: how many startups are at each stage (keys are translated stage names, in stage order)."""
    frame = pd.DataFrame(
        [{"stage": stage, "count": count} for stage, count in stages.items()], columns=["stage", "count"]
    )
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar(color=TEAL)
        .encode(
            # Upright names, read without tilting the head; they wrap in two lines where a band is narrow.
            x=alt.X("stage:N", sort=list(stages), title=None, axis=alt.Axis(labelAngle=0, labelLimit=90)),
            y=alt.Y("count:Q", title=_("Startups"), axis=alt.Axis(tickMinStep=1)),
        )
        .properties(height=220)
    )
    return _in_reader_locale(chart)


def milestones_done_chart(done_dates: Sequence[dt.date]) -> alt.Chart:
    """A rising line: milestones done across the cohort, counted up by date."""
    frame = pd.DataFrame(
        [{"date": day.isoformat(), "done": count} for count, day in enumerate(sorted(done_dates), start=1)],
        columns=["date", "done"],
    )
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_line(interpolate="step-after", color=GREEN)
        .encode(
            x=alt.X("date:T", title=None, axis=_date_axis(done_dates)), y=alt.Y("done:Q", title=_("Milestones done"))
        )
        .properties(height=220)
    )
    return _in_reader_locale(chart)


def _date_axis(days: Sequence[dt.date]) -> alt.Axis:
    # Vega's default labels mix weekdays and months ("Mon 05", "Oct 12"); say day and month, or month and year.
    span = (max(days) - min(days)).days if days else 0
    return alt.Axis(format="%b %Y" if span > 270 else "%-d %b", labelOverlap=True)


@lru_cache(maxsize=8)
def _d3_locale(babel_locale: str) -> dict[str, object]:
    # Vega draws axis dates and numbers itself: give it the reader's month names and separators.
    where = Locale.parse(babel_locale)
    sunday_first = [6, 0, 1, 2, 3, 4, 5]
    return {
        "number": {
            "decimal": where.number_symbols["latn"]["decimal"],
            "thousands": where.number_symbols["latn"]["group"],
            "grouping": [3],
            "currency": ["€", ""],
        },
        "time": {
            "dateTime": "%x, %X", "date": "%d/%m/%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
            "days": [where.days["format"]["wide"][day] for day in sunday_first],
            "shortDays": [where.days["format"]["abbreviated"][day] for day in sunday_first],
            "months": [where.months["stand-alone"]["wide"][month] for month in range(1, 13)],
            "shortMonths": [where.months["stand-alone"]["abbreviated"][month] for month in range(1, 13)],
        },
    }  # fmt: skip


def _in_reader_locale(chart: ChartT) -> ChartT:
    """Return the chart configured to write dates and numbers in the current language."""
    configured: ChartT = chart.configure(locale=_d3_locale(locale()))
    return configured


@lru_cache(maxsize=256)
def _png_of_spec(spec_json: str, scale: float) -> bytes:
    png: bytes = vl_convert.vegalite_to_png(spec_json, scale=scale)
    return png


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """Render a chart to PNG for PDFs and slides; the same chart with the same data is rendered only once."""
    return _png_of_spec(chart.to_json(), scale)


def with_traction_chart(page: OnePager) -> OnePager:
    """Return the summary with its traction chart rendered: the app's own chart of the metric with most values."""
    charted = max(
        (metric for metric in page.metrics if len(metric.points) >= 2),
        key=lambda metric: len(metric.points),
        default=None,
    )
    if charted is None:
        return page
    return replace(page, chart_png=_metric_png(tuple(charted.points), charted.name, charted.unit, locale()))


@lru_cache(maxsize=256)
def _metric_png(points: tuple[tuple[dt.date, float], ...], name: str, unit: str, _locale: str) -> bytes:
    # Kept by the chart's data and language: building the chart's specification to look it up cost more than
    # drawing the rest of the one-pager (a booklet or a download asks for the same chart again and again).
    return chart_png(metric_chart(points, name, unit), scale=2.0)
