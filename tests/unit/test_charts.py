"""Charts take any user text as names without breaking Altair's field syntax."""

import datetime as dt

from incubator.core.i18n import language
from incubator.reports.charts import criterion_breakdown_chart, metric_chart, milestone_timeline_chart


def test_a_metric_name_with_altair_syntax_characters_still_charts():
    chart = metric_chart([(dt.date(2027, 1, 1), 3.0), (dt.date(2027, 2, 1), 5.0)], "Revenue: € [net].total", "€")
    spec = chart.to_dict()
    assert spec["title"] == "Revenue: € [net].total (€)"
    assert spec["encoding"]["y"]["field"] == "value"


def test_breakdown_and_timeline_charts_build_specs():
    breakdown = criterion_breakdown_chart({"a": {"Team": 4.0}}, {"a": "Alpha: the *first*"}, ["Team"]).to_dict()
    assert breakdown["encoding"]["x"]["field"] == "criterion"
    timeline = milestone_timeline_chart(
        [("MVP: v1", dt.date(2027, 1, 1), "done", "done")], dt.date(2027, 1, 5)
    ).to_dict()
    assert len(timeline["layer"]) == 2


def test_milestone_statuses_differ_in_shape_as_well_as_colour():
    rows = [("MVP", dt.date(2027, 1, 1), "done", "Done"), ("Pilot", dt.date(2027, 2, 1), "blocked", "Blocked")]
    points = milestone_timeline_chart(rows, dt.date(2027, 1, 5)).to_dict()["layer"][0]
    shape, colour = points["encoding"]["shape"], points["encoding"]["color"]
    assert shape["field"] == colour["field"] == "label"  # one legend: a status's colour and shape together
    assert len(set(shape["scale"]["range"])) == len(shape["scale"]["domain"]) == 5


def test_the_status_legend_names_every_status_in_the_readers_language():
    with language("fr"):
        spec = milestone_timeline_chart([("MVP", dt.date(2027, 1, 1), "done", "fait")], dt.date(2027, 1, 5)).to_dict()
    domain = spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    assert "in_progress" not in domain and len(domain) == 5


def test_a_chart_title_names_the_unit_only_when_it_adds_something():
    day = [(dt.date(2027, 1, 1), 3.0), (dt.date(2027, 2, 1), 5.0)]
    assert metric_chart(day, "Bookings", "bookings").to_dict()["title"] == "Bookings"
    assert metric_chart(day, "Revenue", "€").to_dict()["title"] == "Revenue (€)"
