"""Milestones, traction and dashboard pages through AppTest, on the demo data."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from incubator.db.models import MetricValue, Milestone
from tests.ui.conftest import COORDINATOR, FOUNDER, MENTOR, plain

SLUG = "repair-cafe-online"


def _open(at: AppTest, page: str) -> AppTest:
    return at.switch_page(page).run()


def test_founder_sees_milestones_and_an_overdue_one_stands_out(app, demo_db):
    with demo_db.write() as session:
        milestone = session.scalar(select(Milestone).where(Milestone.title == "Three cafés using the booking page"))
        milestone.due = dt.date.today() - dt.timedelta(days=3)
    at = _open(app(FOUNDER), "pages/milestones.py")
    assert not at.exception
    assert at.warning[0].value == "Overdue: Three cafés using the booking page"


def test_founder_saves_the_milestone_table_unchanged_and_nothing_is_lost(app, demo_db):
    with demo_db.read() as session:
        before = sorted((m.title, m.due, m.status) for m in session.scalars(select(Milestone)))
    at = _open(app(FOUNDER), "pages/milestones.py")
    at.button(key=f"save_milestones::{SLUG}").click().run()
    assert plain(at.success[0].value) == "The milestones are saved."
    with demo_db.read() as session:
        assert sorted((m.title, m.due, m.status) for m in session.scalars(select(Milestone))) == before


def test_mentor_reads_milestones_whole_without_editing(app, demo_db):
    long_description = "Pilot with one commune. " * 20 + "**not bold**"
    with demo_db.write() as session:
        milestone = session.scalar(select(Milestone).where(Milestone.title == "First municipal contract"))
        milestone.description = long_description
    at = _open(app(MENTOR), "pages/milestones.py")
    at.selectbox(key="startup_slug").select(SLUG).run()
    assert not at.exception
    assert not [button for button in at.button if button.key and button.key.startswith("save_milestones")]
    assert not at.dataframe  # a list to read, not a table whose cells cut the text
    assert long_description in [text.value for text in at.text]  # whole, and as typed (no Markdown)
    titles = [plain(markdown.value) for markdown in at.markdown]
    assert any(title.endswith("**First municipal contract**") for title in titles)
    facts = [caption.value for caption in at.caption]
    assert any(fact.startswith("done · due ") and "done on" in fact for fact in facts)


def test_founder_adds_a_metric_and_a_value(app, demo_db):
    at = _open(app(FOUNDER), "pages/metrics.py")
    assert not at.exception
    at.text_input(key=f"metric_name_{SLUG}").input("Repair volunteers")
    at.button(key=f"FormSubmitter:metric_{SLUG}-Add the metric").click().run()
    assert plain(at.success[0].value) == "You now track “Repair volunteers”."
    at.selectbox(key=f"value_metric_{SLUG}").select("Repair volunteers")
    at.number_input(key=f"value_number_{SLUG}").set_value(14)
    at.button(key=f"FormSubmitter:value_{SLUG}-Add").click().run()
    assert not at.exception and plain(at.success[0].value) == "Saved."
    with demo_db.read() as session:
        assert session.scalar(select(MetricValue).where(MetricValue.value == 14.0)) is not None


def test_a_negative_value_for_a_metric_that_cannot_be_negative_is_refused(app):
    at = _open(app(FOUNDER), "pages/metrics.py")
    at.selectbox(key=f"value_metric_{SLUG}").select("Bookings")
    at.number_input(key=f"value_number_{SLUG}").set_value(-3)
    at.button(key=f"FormSubmitter:value_{SLUG}-Add").click().run()
    assert "cannot be negative" in plain(at.error[0].value)
    assert at.number_input(key=f"value_number_{SLUG}").value == -3


def test_coordinator_dashboard_flags_and_applies_a_plan_once(app, demo_db):
    at = _open(app(COORDINATOR), "pages/dashboard.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 6 and "no update" in " ".join(table["Flags"])  # still in the data (and the CSV)
    assert at.warning[0].value.startswith("Needs attention: ") and "(no update" in at.warning[0].value
    at.button(key="FormSubmitter:apply_plan-Apply the plan").click().run()
    assert plain(at.success[0].value).startswith("30 milestones added")
    at.button(key="FormSubmitter:apply_plan-Apply the plan").click().run()
    assert plain(at.success[0].value).startswith("0 milestones added")


def test_mentor_dashboard_lists_only_their_startups(app):
    at = _open(app(MENTOR), "pages/dashboard.py")
    assert not at.exception
    assert sorted(at.dataframe[0].value["Startup"]) == ["Repair Café Online", "SkillProof", "Souk Direct"]
