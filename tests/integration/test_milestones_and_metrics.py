"""Milestones, plans, metrics and the dashboard on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, func, select

from incubator.accounts.actors import Actor
from incubator.core.errors import PermissionDenied, ValidationFailed
from incubator.core.vocabulary import MilestoneStatus, Role
from incubator.db.models import MetricValue, Milestone
from incubator.progress.dashboard import cohort_dashboard
from incubator.progress.metrics import define_metric, import_metric_csv, metric_series, record_value
from incubator.progress.milestones import MilestoneDraft, apply_plan, list_milestones, save_milestones
from tests.factories import make_cohort, make_startup, make_user

TODAY = dt.date(2026, 11, 28)
STARTED = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)  # the startups' creation: long before TODAY


@pytest.fixture
def people(db):
    with db.write() as session:
        founder, mentor = make_user(session), make_user(session, Role.MENTOR)
        coordinator, other = make_user(session, Role.COORDINATOR), make_user(session)
        cohort = make_cohort(session, slug="autumn", starts_on=dt.date(2026, 9, 1))
        make_startup(session, slug="ours", name="Ours", founders=[founder], mentors=[mentor], cohort=cohort,
                     created_at=STARTED)  # fmt: skip
        make_startup(session, slug="theirs", name="Theirs", founders=[other], cohort=cohort, created_at=STARTED)
        return {name: Actor.of(user) for name, user in
                (("founder", founder), ("mentor", mentor), ("coordinator", coordinator), ("other", other))}  # fmt: skip


def test_founder_edits_milestones_as_a_table_and_done_gets_a_date(db, people):
    with db.write() as session:
        save_milestones(session, people["founder"], "ours", [
            MilestoneDraft("Interview 10 parents", due=dt.date(2026, 10, 1), status="done"),
            MilestoneDraft("MVP", due=dt.date(2026, 12, 1)),
        ], today=TODAY)  # fmt: skip
    with db.read() as session:
        first, second = list_milestones(session, people["mentor"], "ours")
    assert (first.status, first.done_on, second.status) == (MilestoneStatus.DONE, TODAY, MilestoneStatus.PLANNED)
    with db.write() as session:
        save_milestones(
            session, people["founder"], "ours", [MilestoneDraft("MVP, renamed", id=second.id, status="in_progress")]
        )
    with db.read() as session:
        assert [(m.id, m.title) for m in list_milestones(session, people["founder"], "ours")] == [
            (second.id, "MVP, renamed")
        ]


@pytest.mark.parametrize(
    ("draft", "field"),
    [(MilestoneDraft(""), "title"), (MilestoneDraft("x", status="later"), "status"),
     (MilestoneDraft("x", status="planned", done_on=TODAY), "done_on"), (MilestoneDraft("x" * 201), "title")],
)  # fmt: skip
def test_bad_milestones_are_refused_naming_the_row(db, people, draft, field):
    with pytest.raises(ValidationFailed) as refused, db.write() as session:
        save_milestones(session, people["founder"], "ours", [MilestoneDraft("fine"), draft])
    assert refused.value.field == field and str(refused.value).startswith("Row 2:")


def test_only_founders_edit_milestones_and_metrics(db, people):
    for who in ("mentor", "coordinator", "other"):
        with pytest.raises(PermissionDenied), db.write() as session:
            save_milestones(session, people[who], "ours", [MilestoneDraft("x")])
        with pytest.raises(PermissionDenied), db.write() as session:
            define_metric(session, people[who], "ours", "Bookings")


def test_applying_a_plan_twice_adds_each_step_once_dated_from_the_cohort_start(db, people):
    with db.write() as session:
        assert apply_plan(session, people["coordinator"], "autumn", "six-month-incubation") == 10
        assert apply_plan(session, people["coordinator"], "autumn", "six-month-incubation") == 0
    with db.read() as session:
        milestones = list_milestones(session, people["founder"], "ours")
    assert len(milestones) == 5 and milestones[0].due == dt.date(2026, 9, 22)
    with pytest.raises(PermissionDenied), db.write() as session:
        apply_plan(session, people["founder"], "autumn", "six-month-incubation")


def test_a_second_value_for_a_date_replaces_the_first(db, people):
    with db.write() as session:
        define_metric(session, people["founder"], "ours", "Bookings", "bookings")
        record_value(session, people["founder"], "ours", "Bookings", dt.date(2026, 11, 1), 10)
        record_value(session, people["founder"], "ours", "Bookings", dt.date(2026, 11, 1), 12)
        with pytest.raises(ValidationFailed):
            record_value(session, people["founder"], "ours", "Bookings", dt.date(2026, 11, 2), -1)
    with db.read() as session:
        assert metric_series(session, people["mentor"], "ours") == {"Bookings": [(dt.date(2026, 11, 1), 12.0)]}


def test_a_csv_with_one_bad_row_stores_nothing_and_a_good_one_stores_all(db, people):
    with db.write() as session:
        define_metric(session, people["founder"], "ours", "Bookings")
    bad = "metric,date,value\nBookings,2026-11-01,10\nBookings,2026-11-08,ten\n"
    with pytest.raises(ValidationFailed, match="Row 3, column “value”"), db.write() as session:
        import_metric_csv(session, people["founder"], "ours", bad)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(MetricValue)) == 0
    with db.write() as session:
        assert import_metric_csv(session, people["founder"], "ours", bad.replace("ten", "14")) == 2


def test_dashboard_flags_and_counts_in_a_fixed_number_of_queries(db, people):
    with db.write() as session:
        late = MilestoneDraft("Late", due=dt.date(2026, 11, 1))
        done = MilestoneDraft("Done", status="done", done_on=dt.date(2026, 10, 1))
        save_milestones(session, people["founder"], "ours", [late, done])
        define_metric(session, people["founder"], "ours", "Bookings")
        record_value(session, people["founder"], "ours", "Bookings", dt.date(2026, 11, 20), 5)
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        with db.read() as session:
            board = cohort_dashboard(session, people["coordinator"], "autumn", stale_days=14, today=TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    rows = {row.slug: row for row in board.rows}
    assert (rows["ours"].share_done, rows["ours"].overdue, rows["ours"].no_recent_update) == (0.5, 1, False)
    assert rows["theirs"].no_recent_update and rows["theirs"].no_recent_feedback and rows["theirs"].share_done is None
    assert board.done_dates == [dt.date(2026, 10, 1)]
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 8
    with db.read() as session:
        assert [row.slug for row in cohort_dashboard(session, people["mentor"], today=TODAY).rows] == ["ours"]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Milestone)) == 2


def test_a_startup_created_minutes_ago_is_not_flagged_for_weeks_of_silence(db):
    from incubator.accounts.actors import Actor
    from incubator.core.vocabulary import Role
    from incubator.progress.dashboard import cohort_dashboard
    from tests.factories import make_startup, make_user

    with db.write() as session:
        make_startup(session, slug="brand-new")
        coordinator = Actor.of(make_user(session, Role.COORDINATOR))
        [row] = cohort_dashboard(session, coordinator).rows
    assert not row.no_recent_update and not row.no_recent_feedback
