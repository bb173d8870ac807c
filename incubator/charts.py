"""Every chart of the app and its exports, built with Altair: the only module that imports it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd


def criterion_breakdown_chart(
    means: Mapping[str, Mapping[str, float]], names: Mapping[str, str], criteria: list[str]
) -> alt.Chart:
    """Grouped bars: each startup's mean score per criterion."""
    rows = [
        {"Startup": names.get(startup, startup), "Criterion": criterion, "Mean score": round(value, 2)}
        for startup, by_criterion in means.items()
        for criterion, value in by_criterion.items()
    ]
    frame = pd.DataFrame(rows, columns=["Startup", "Criterion", "Mean score"])
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("Criterion:N", sort=criteria, title=None),
            xOffset=alt.XOffset("Startup:N"),
            y=alt.Y("Mean score:Q", scale=alt.Scale(domain=[0, 5])),
            color=alt.Color("Startup:N", legend=alt.Legend(orient="bottom")),
            tooltip=["Startup", "Criterion", "Mean score"],
        )
        .properties(height=320)
    )
    return chart


STATUS_COLOURS = {
    "planned": "#9aa5b1", "in_progress": "#1c7ed6", "done": "#2f9e44", "blocked": "#e03131", "dropped": "#ced4da",
}  # fmt: skip


def metric_chart(points: Sequence[tuple[dt.date, float]], name: str, unit: str) -> alt.Chart:
    """A line per metric: its values by date (the same chart the exports use)."""
    frame = pd.DataFrame([{"Date": day.isoformat(), name: value} for day, value in points], columns=["Date", name])
    title = f"{name} ({unit})" if unit else name
    chart: alt.Chart = (
        alt.Chart(frame, title=title)
        .mark_line(point=True, color="#0f766e")
        .encode(
            x=alt.X("Date:T", title=None), y=alt.Y(f"{name}:Q", title=unit or None), tooltip=["Date:T", f"{name}:Q"]
        )
        .properties(height=260)
    )
    return chart


def milestone_timeline_chart(rows: Sequence[tuple[str, dt.date | None, str, str]], today: dt.date) -> alt.LayerChart:
    """One point per dated milestone (title, due, status, status label), coloured by status, with a line for today."""
    frame = pd.DataFrame(
        [{"Milestone": title, "Due": due.isoformat(), "Status": label, "status": status}
         for title, due, status, label in rows if due is not None],
        columns=["Milestone", "Due", "Status", "status"],
    )  # fmt: skip
    labels = {status: label for _title, _due, status, label in rows}
    domain = [labels.get(status, status) for status in STATUS_COLOURS]
    points = (
        alt.Chart(frame)
        .mark_circle(size=160)
        .encode(
            x=alt.X("Due:T", title=None),
            y=alt.Y("Milestone:N", sort=alt.EncodingSortField("Due"), title=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color("Status:N", scale=alt.Scale(domain=domain, range=list(STATUS_COLOURS.values()))),
            tooltip=["Milestone", "Due:T", "Status"],
        )
    )
    today_rule = (
        alt.Chart(pd.DataFrame({"Today": [today.isoformat()]}))
        .mark_rule(color="#e8590c", strokeDash=[4, 4])
        .encode(x="Today:T")
    )
    layered: alt.LayerChart = (points + today_rule).properties(height=max(120, 32 * len(frame)))
    return layered


def stage_distribution_chart(stages: Mapping[str, int]) -> alt.Chart:
    """Bars: how many startups are at each stage."""
    frame = pd.DataFrame(
        [{"Stage": stage, "Startups": count} for stage, count in stages.items()], columns=["Stage", "Startups"]
    )
    chart: alt.Chart = (
        alt.Chart(frame).mark_bar(color="#0f766e")
        .encode(x=alt.X("Stage:N", sort=list(stages), title=None), y=alt.Y("Startups:Q", axis=alt.Axis(tickMinStep=1)))
        .properties(height=220)
    )  # fmt: skip
    return chart


def milestones_done_chart(done_dates: Sequence[dt.date]) -> alt.Chart:
    """A rising line: milestones done across the cohort, counted up by date."""
    frame = pd.DataFrame(
        [{"Date": day.isoformat(), "Milestones done": count} for count, day in enumerate(sorted(done_dates), start=1)],
        columns=["Date", "Milestones done"],
    )
    chart: alt.Chart = (
        alt.Chart(frame).mark_line(interpolate="step-after", color="#2f9e44")
        .encode(x=alt.X("Date:T", title=None), y=alt.Y("Milestones done:Q"))
        .properties(height=220)
    )  # fmt: skip
    return chart
