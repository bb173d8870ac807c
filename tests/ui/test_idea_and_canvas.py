"""The idea and canvas pages through AppTest: fill, save, limits, conflicts, comments, history."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from incubator.accounts.authentication import sign_in_with_password
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role
from incubator.db.models import CanvasVersion, Startup
from tests.factories import make_startup, make_user
from tests.ui.conftest import APP, FOUNDER, MENTOR, plain

SLUG = "repair-cafe-online"
KEY = f"canvas::{SLUG}"


def _app_for(database, email: str, password: str = "demo-incubator") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    _actor, token = sign_in_with_password(database, email, password)
    at.session_state["_sign_in_token"] = token
    return at


def _open(at: AppTest, page: str) -> AppTest:
    at.run()
    return at.switch_page(page).run()


@pytest.fixture
def new_founder(demo_db) -> str:
    with demo_db.write() as session:
        founder = make_user(session, Role.FOUNDER, email="sara@example.org", password="sara's password")
        make_startup(session, slug="taalhulp", name="Taalhulp", founders=[founder])
    return "sara@example.org"


def test_idea_answers_prefill_the_first_canvas(demo_db, new_founder):
    at = _open(_app_for(demo_db, new_founder, "sara's password"), "pages/idea.py")
    assert not at.exception
    at.text_area(key="idea::taalhulp::problem").input("Parents cannot help with Dutch homework.")
    at.text_area(key="idea::taalhulp::target_customer").input("French-speaking parents in Molenbeek.")
    at.button(key="save_idea").click().run()
    assert plain(at.success[0].value).startswith("Your idea is saved")
    at.switch_page("pages/canvas.py").run()
    assert not at.exception
    assert at.text_area(key="canvas::taalhulp::problem").value == "Parents cannot help with Dutch homework."
    assert at.text_area(key="canvas::taalhulp::customer_segments").value == "French-speaking parents in Molenbeek."
    assert "The first boxes come from your idea" in at.info[0].value
    assert at.text_area(key="canvas::taalhulp::channels").value == ""


def test_founder_saves_a_version_with_a_note(app, demo_db):
    at = _open(app(FOUNDER), "pages/canvas.py")
    at.text_area(key=f"{KEY}::channels").input("Flyers at the Molenbeek market.")
    at.text_input(key=f"{KEY}::note").input("Try the market first")
    at.button(key=f"{KEY}::save").click().run()
    assert not at.exception
    assert plain(at.success[0].value) == "Saved as version 2."
    with demo_db.read() as session:
        newest = session.scalar(select(CanvasVersion).order_by(CanvasVersion.id.desc()))
    assert (newest.number, newest.channels, newest.note) == (
        2,
        "Flyers at the Molenbeek market.",
        "Try the market first",
    )


def test_too_long_text_is_refused_and_kept_in_the_box(app, demo_db):
    at = _open(app(FOUNDER), "pages/canvas.py")
    too_long = "word " * 1001
    at.text_area(key=f"{KEY}::solution").input(too_long)
    at.button(key=f"{KEY}::save").click().run()
    assert "Solution is 5004 characters long; the limit is 5000." in plain(at.error[0].value)
    assert at.text_area(key=f"{KEY}::solution").value == too_long
    with demo_db.read() as session:
        assert session.scalar(select(Startup.canvas_version).where(Startup.slug == SLUG)) == 1


def test_unsaved_text_survives_a_switch_to_another_page_and_back(app):
    at = _open(app(FOUNDER), "pages/canvas.py")
    at.text_area(key=f"{KEY}::channels").input("Not saved yet").run()
    at.switch_page("pages/account.py").run()
    at.switch_page("pages/canvas.py").run()
    assert at.text_area(key=f"{KEY}::channels").value == "Not saved yet"
    assert "You have unsaved changes." in [caption.value for caption in at.caption]


def test_the_later_of_two_founders_sees_the_other_change_and_keeps_their_text(demo_db):
    yasmine = _open(_app_for(demo_db, FOUNDER), "pages/canvas.py")
    lucas = _open(_app_for(demo_db, "lucas@demo.incubator.example"), "pages/canvas.py")
    yasmine.text_area(key=f"{KEY}::channels").input("Yasmine's channels")
    yasmine.button(key=f"{KEY}::save").click().run()
    lucas.text_area(key=f"{KEY}::channels").input("Lucas's channels")
    lucas.button(key=f"{KEY}::save").click().run()
    assert not lucas.exception
    assert "Yasmine Ouali saved version 2 while you were editing" in plain(lucas.error[0].value)
    assert lucas.text_area(key=f"{KEY}::channels").value == "Lucas's channels"
    shown = " ".join(element.proto.body for element in lucas.get("html"))
    assert "Yasmine&#x27;s" in shown and "Lucas&#x27;s" in shown
    with demo_db.read() as session:
        assert session.scalar(select(Startup.canvas_version).where(Startup.slug == SLUG)) == 2
    lucas.button(key=f"{KEY}::save").click().run()  # having seen theirs, he decides to keep his
    assert plain(lucas.success[0].value) == "Saved as version 3."


def test_mentor_reads_the_canvas_and_comments_and_the_founder_sees_it(app, demo_db):
    mentor = _open(app(MENTOR), "pages/canvas.py")
    mentor.selectbox(key="startup_slug").select(SLUG).run()
    assert not mentor.exception
    assert [area.key for area in mentor.text_area] == [f"{KEY}::comment_body"]  # read-only: no box to type in
    mentor.selectbox(key=f"{KEY}::comment_box").select("key_metrics")
    mentor.text_area(key=f"{KEY}::comment_body").input("Which of these moves first? Pick one.")
    mentor.button(key=f"FormSubmitter:{KEY}::comment-Add the comment").click().run()
    assert plain(mentor.success[0].value).startswith("Your comment is added")
    founder = _open(app(FOUNDER), "pages/canvas.py")
    assert "Which of these moves first? Pick one." in [text.value for text in founder.text]
    resolve = next(button for button in founder.button if button.key.startswith("resolve_"))
    resolve.click().run()
    assert not founder.exception
    assert not [button for button in founder.button if button.key.startswith("resolve_")]


def test_coordinator_reads_the_canvas_without_comments_or_editing(app):
    at = _open(app("nadia@demo.incubator.example"), "pages/canvas.py")
    at.selectbox(key="startup_slug").select(SLUG).run()
    assert not at.exception and not at.text_area
    shown = [markdown.value for markdown in at.markdown]  # the poster: the text as written, escaped
    assert escape_markdown("Doctolib for repair cafés.") in shown


def test_history_compares_two_versions_and_restores_one(app, demo_db):
    at = _open(app(FOUNDER), "pages/canvas.py")
    at.text_area(key=f"{KEY}::unique_value_proposition").input("Repairs without the queue.")
    at.button(key=f"{KEY}::save").click().run()
    compared = " ".join(element.proto.body for element in at.get("html"))
    assert "Repairs without the queue." in compared and "line-through" in compared
    at.selectbox(key=f"{KEY}::restore").select(1)
    at.button(key=f"{KEY}::restore_button").click().run()
    assert plain(at.success[0].value) == "Version 1 is restored as version 3."
    assert at.text_area(key=f"{KEY}::unique_value_proposition").value.startswith("Know before you go")


def test_after_a_conflict_the_founder_can_take_the_other_version(demo_db):
    yasmine = _open(_app_for(demo_db, FOUNDER), "pages/canvas.py")
    lucas = _open(_app_for(demo_db, "lucas@demo.incubator.example"), "pages/canvas.py")
    yasmine.text_area(key=f"{KEY}::channels").input("Yasmine's channels")
    yasmine.button(key=f"{KEY}::save").click().run()
    lucas.text_area(key=f"{KEY}::channels").input("Lucas's channels")
    lucas.button(key=f"{KEY}::save").click().run()
    lucas.button(key=f"{KEY}::take_theirs").click().run()
    assert not lucas.exception and not lucas.error
    assert lucas.text_area(key=f"{KEY}::channels").value == "Yasmine's channels"
