"""A metric may hold 20,000 values (a full CSV upload): every chart of it draws, thinned to what a chart can show."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from incubator.progress.rules import thinned_series
from incubator.reports.charts import CHART_POINTS, chart_png, metric_chart

START = dt.date(1990, 1, 1)


def _series(values: list[float]) -> list[tuple[dt.date, float]]:
    return [(START + dt.timedelta(days=day), value) for day, value in enumerate(values)]


def test_a_metric_of_twenty_thousand_values_draws_as_a_picture():
    points = _series([float((day * 7919) % 1000) for day in range(20_000)])
    chart = metric_chart(points, "Users", "")
    assert len(chart.data) <= CHART_POINTS
    assert chart_png(chart, scale=1.0).startswith(b"\x89PNG")


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.floats(min_value=-1e15, max_value=1e15), max_size=3000), limit=st.integers(10, 500))
def test_thinning_keeps_the_ends_the_peaks_and_the_dips_in_date_order(values, limit):
    points = _series(values)
    kept = thinned_series(points, limit)
    assert len(kept) <= max(limit, 2) + 2
    assert kept == sorted(set(kept)) and set(kept) <= set(points)
    if points:
        assert kept[0] == points[0] and kept[-1] == points[-1]
        assert max(value for _day, value in kept) == max(values) and min(value for _day, value in kept) == min(values)
