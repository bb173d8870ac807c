"""CSV downloads: header, UTF-8 for spreadsheets, formulas neutralised, coordinators only."""

from __future__ import annotations

import csv
import io

import pytest

from incubator.accounts.actors import Actor
from incubator.core.errors import PermissionDenied
from incubator.core.vocabulary import Role
from incubator.exchange.csv_exports import metrics_csv, milestones_csv, scores_csv, startups_csv
from incubator.exchange.demo import load_demo
from tests.factories import make_startup, make_user


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark spreadsheet programs need for UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_each_csv_has_its_header_and_the_demo_rows(db):
    with db.write() as session:
        load_demo(session)
        coordinator = Actor.of(make_user(session, Role.COORDINATOR))
        startups, milestones = _rows(startups_csv(session, coordinator)), _rows(milestones_csv(session, coordinator))
        metrics, scores = _rows(metrics_csv(session, coordinator)), _rows(scores_csv(session, coordinator))
    assert startups[0][:3] == ["slug", "name", "tagline"] and len(startups) == 7
    assert "Repair Café Online" in [row[1] for row in startups]
    assert milestones[0] == ["startup", "title", "due", "status", "done_on", "description"] and len(milestones) > 6
    assert metrics[0] == ["startup", "metric", "unit", "date", "value"] and len(metrics) > 20
    assert scores[0] == ["event", "startup", "judge", "criterion", "score", "comment"] and len(scores) == 73


def test_cells_that_a_spreadsheet_would_run_are_neutralised(db):
    with db.write() as session:
        make_startup(session, slug="evil", name='=HYPERLINK("http://x")', tagline="+1 and -2 and @me")
        coordinator = Actor.of(make_user(session, Role.COORDINATOR))
        [_header, row] = _rows(startups_csv(session, coordinator))
    assert row[1] == '\'=HYPERLINK("http://x")' and row[2] == "'+1 and -2 and @me"


@pytest.mark.parametrize("build", [startups_csv, milestones_csv, metrics_csv, scores_csv])
def test_only_coordinators_download_csv(db, build):
    with db.write() as session:
        for role in (Role.FOUNDER, Role.MENTOR):
            with pytest.raises(PermissionDenied):
                build(session, Actor.of(make_user(session, role)))


def test_metric_values_read_back_as_numbers_negative_fractional_and_large(db):
    import datetime as dt

    import pandas

    from incubator.progress.metrics import define_metric, record_value

    values = [-0.9507, -12.0, 3.25, 1234567890123.5, -1e-05]
    with db.write() as session:
        founder = make_user(session, Role.FOUNDER)
        make_startup(session, founders=[founder], slug="numbers")
        coordinator = Actor.of(make_user(session, Role.COORDINATOR))
        define_metric(session, Actor.of(founder), "numbers", "Cash flow", "EUR", may_be_negative=True)
        for day, value in enumerate(values, start=1):
            record_value(session, Actor.of(founder), "numbers", "Cash flow", dt.date(2026, 1, day), value)
        data = metrics_csv(session, coordinator)
    table = pandas.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert pandas.api.types.is_float_dtype(table["value"])
    assert table.sort_values("date")["value"].tolist() == values
