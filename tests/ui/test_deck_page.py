"""The deck page through AppTest: draft from the canvas, edit, reorder, save; read-only for mentors."""

from __future__ import annotations

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from incubator.db.models import DeckVersion, Startup
from tests.ui.conftest import FOUNDER, MENTOR, plain

SLUG = "souk-direct"  # no deck in the demo yet
KEY = f"deck::{SLUG}"


def _open(at: AppTest) -> AppTest:
    return at.switch_page("pages/deck.py").run()


def test_founder_drafts_edits_reorders_and_saves_a_deck(app, demo_db):
    at = _open(app("elif@demo.incubator.example"))
    assert not at.exception
    at.selectbox(key=f"{KEY}::outline_name").select("demo-day")
    at.button(key=f"FormSubmitter:{KEY}::outline-Draft the deck from my canvas").click().run()
    assert not at.exception
    titles = [box.value for box in at.text_input if box.key.endswith("::title")]
    assert titles == ["Souk Direct", "Problem", "Solution", "Traction", "Business model", "Ask"]
    problem = next(area for area in at.text_area if area.key.endswith("::1::body"))
    assert "Working people cannot reach the market in time." in problem.value
    next(box for box in at.text_input if box.key.endswith("::1::title")).input("The problem").run()
    at.button(key=f"{KEY}::up::1").click().run()
    titles = [box.value for box in at.text_input if box.key.endswith("::title")]
    assert titles[:2] == ["The problem", "Souk Direct"]
    at.button(key=f"{KEY}::save").click().run()
    assert plain(at.success[0].value) == "Saved as version 1."
    with demo_db.read() as session:
        version = session.scalar(select(DeckVersion).join(Startup).where(Startup.slug == SLUG))
    assert version is not None and version.outline == "demo-day"


def test_rehearsal_shows_one_slide_at_a_time_and_moves_on(app):
    at = _open(app(FOUNDER))  # Repair Café Online has the demo deck
    at.button(key="deck::repair-cafe-online::next").click().run()
    assert not at.exception
    assert at.header[-1].value == "Problem"


def test_mentor_reads_the_deck_without_editing(app):
    at = _open(app(MENTOR))
    at.selectbox(key="startup_slug").select("repair-cafe-online").run()
    assert not at.exception
    assert not [box for box in at.text_input if box.key and box.key.endswith("::title")]
