"""Progress rules and the metric CSV reader, on literal data."""

from __future__ import annotations

import datetime as dt

import pytest

from incubator.progress.metric_csv import parse_metric_csv
from incubator.progress.rules import is_overdue, is_stale, month_over_month_growth, share_done

TODAY = dt.date(2027, 3, 15)
METRICS = {"Bookings": False, "Profit": True}


@pytest.mark.parametrize(
    ("status", "due", "overdue"),
    [("planned", dt.date(2027, 3, 14), True), ("in_progress", dt.date(2027, 3, 1), True),
     ("blocked", dt.date(2027, 3, 1), True), ("done", dt.date(2027, 3, 1), False),
     ("dropped", dt.date(2027, 3, 1), False), ("planned", TODAY, False), ("planned", None, False)],
)  # fmt: skip
def test_overdue_means_past_due_and_still_open(status, due, overdue):
    assert is_overdue(status, due, TODAY) is overdue


def test_share_done_leaves_dropped_milestones_out():
    assert share_done(["done", "planned", "dropped", "done"]) == pytest.approx(2 / 3)
    assert share_done(["dropped"]) is None and share_done([]) is None


def test_growth_compares_the_last_value_of_the_latest_two_months():
    points = [
        (dt.date(2027, 1, 31), 50),
        (dt.date(2027, 2, 7), 70),
        (dt.date(2027, 2, 28), 80),
        (dt.date(2027, 3, 7), 100),
    ]
    assert month_over_month_growth(points) == pytest.approx(0.25)
    assert month_over_month_growth(points[:1]) is None
    assert month_over_month_growth([(dt.date(2027, 1, 1), 0), (dt.date(2027, 2, 1), 5)]) is None


def test_stale_after_the_configured_days():
    assert is_stale(None, TODAY, 14) and is_stale(dt.date(2027, 2, 28), TODAY, 14)
    assert not is_stale(dt.date(2027, 3, 1), TODAY, 14)


def test_a_good_csv_is_read_whole_with_comma_or_semicolon_and_decimal_commas():
    rows, problems = parse_metric_csv("metric,date,value\nBookings,2027-03-01,12\nProfit,2027-03-01,-40.5\n", METRICS)
    assert problems == [] and [(r.metric, r.value) for r in rows] == [("Bookings", 12.0), ("Profit", -40.5)]
    rows, problems = parse_metric_csv("metric;date;value\nBookings;2027-03-08;12,5\n".encode("utf-8-sig"), METRICS)
    assert problems == [] and rows[0].value == 12.5


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [("Visitors,2027-03-01,3", "metric", "not one of your metrics"),
     ("Bookings,2027-02-30,3", "date", "not a date"),
     ("Bookings,01/03/2027,3", "date", "not a date"),
     ("Bookings,2027-03-01,lots", "value", "not a number"),
     ("Bookings,2027-03-01,-3", "value", "cannot be"),
     ("Bookings,2027-03-01,", "value", "empty")],
)  # fmt: skip
def test_each_kind_of_bad_row_is_named_with_its_row_and_column_and_nothing_is_kept(line, column, message):
    rows, problems = parse_metric_csv(f"metric,date,value\nBookings,2027-03-01,1\n{line}\n", METRICS)
    assert rows == []
    [problem] = problems
    assert (problem.row, problem.column) == (3, column) and message in problem.message
    assert str(problem).startswith(f"Row 3, column “{column}”")


def test_a_missing_header_column_or_an_empty_file_is_refused():
    assert parse_metric_csv("metric,value\nBookings,3\n", METRICS)[1][0].column == "date"
    assert "no values" in parse_metric_csv("metric,date,value\n", METRICS)[1][0].message
    assert "UTF-8" in parse_metric_csv(b"\xff\xfe\x00", METRICS)[1][0].message


def test_silence_is_counted_from_the_later_of_the_startups_creation_and_its_last_news():
    created_yesterday = TODAY - dt.timedelta(days=1)
    assert not is_stale(None, TODAY, 21, since=created_yesterday)  # made yesterday: not three weeks of silence
    assert is_stale(None, TODAY, 21, since=TODAY - dt.timedelta(days=22))
    assert not is_stale(TODAY - dt.timedelta(days=30), TODAY, 21, since=created_yesterday)
    assert is_stale(TODAY - dt.timedelta(days=30), TODAY, 21, since=TODAY - dt.timedelta(days=40))
