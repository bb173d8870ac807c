"""The deck page through AppTest: draft from the canvas, edit, reorder, save; read-only for mentors."""

from __future__ import annotations

import json

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from incubator.db.models import DeckVersion, Startup
from tests.ui.conftest import FOUNDER, MENTOR, plain

SLUG = "souk-direct"  # no deck in the demo yet
KEY = f"deck::{SLUG}"


def _open(at: AppTest) -> AppTest:
    return at.switch_page("pages/deck.py").run()


def _captions(at: AppTest) -> list[str]:
    """The thumbnails' captions, in order: "1 · Souk Direct", ..."""
    return [plain(caption.value) for caption in at.caption if " · " in caption.value and caption.value[0].isdigit()]


def _choose(at: AppTest, index: int) -> None:
    next(group for group in at.get("button_group") if group.key and "::choose::" in group.key).set_value(index).run()


def _field(at: AppTest, part: str):
    widgets = at.text_input if part == "title" else at.text_area
    return next(widget for widget in widgets if widget.key and widget.key.endswith(f"::{part}"))


def _drafted(at: AppTest) -> AppTest:
    at.selectbox(key=f"{KEY}::outline_name").select("demo-day")
    at.button(key=f"FormSubmitter:{KEY}::outline-Draft the deck from my canvas").click().run()
    assert not at.exception
    return at


def test_founder_drafts_edits_reorders_and_saves_a_deck(app, demo_db):
    at = _drafted(_open(app("elif@demo.incubator.example")))
    assert [caption.split(" · ")[1] for caption in _captions(at)] == [
        "Souk Direct", "Problem", "Solution", "Traction", "Business model", "Ask"
    ]  # fmt: skip
    assert len(at.image) == 8  # six thumbnails, the chosen slide large, and the rehearsal's slide
    _choose(at, 1)
    assert "Working people cannot reach the market in time." in _field(at, "body").value
    _field(at, "title").input("The problem").run()
    at.button(key=f"{KEY}::up").click().run()
    assert _captions(at)[:2] == ["1 · The problem", "2 · Souk Direct"]
    assert _field(at, "title").value == "The problem"  # the moved slide stays chosen
    at.button(key=f"{KEY}::save").click().run()
    assert plain(at.success[0].value) == "Saved as version 1."
    with demo_db.read() as session:
        version = session.scalar(select(DeckVersion).join(Startup).where(Startup.slug == SLUG))
    assert version is not None and version.outline == "demo-day"
    assert [slide["title"] for slide in json.loads(version.slides_json)][:2] == ["The problem", "Souk Direct"]


def test_a_slide_is_duplicated_moved_to_a_place_deleted_and_brought_back(app):
    at = _drafted(_open(app("elif@demo.incubator.example")))
    _choose(at, 1)
    at.button(key=f"{KEY}::copy").click().run()
    assert [caption.split(" · ")[1] for caption in _captions(at)][:3] == ["Souk Direct", "Problem", "Problem"]
    at.number_input(key=f"{KEY}::2::to").set_value(7).run()
    at.button(key=f"{KEY}::move").click().run()
    assert _captions(at)[-1] == "7 · Problem"
    at.button(key=f"{KEY}::delete").click().run()
    assert len(_captions(at)) == 6 and "Slide “Problem” deleted." in plain(at.info[-1].value)
    at.button(key=f"{KEY}::undo").click().run()
    assert _captions(at)[-1] == "7 · Problem"


def test_rehearsal_shows_the_real_slide_and_where_you_are(app):
    at = _open(app(FOUNDER))  # Repair Café Online has the demo deck
    assert at.metric[0].value == "1 / 6"
    at.button(key="deck::repair-cafe-online::next").click().run()
    assert not at.exception
    assert at.metric[0].value == "2 / 6"


def test_mentor_reads_the_deck_without_editing(app):
    at = _open(app(MENTOR))
    at.selectbox(key="startup_slug").select("repair-cafe-online").run()
    assert not at.exception
    assert not [box for box in at.text_input if box.key and box.key.endswith("::title")]


def test_a_slide_left_to_write_says_so_and_shows_its_prompt_only_as_a_placeholder(app, demo_db):
    from incubator.core.vocabulary import Role
    from incubator.exchange.demo import DEMO_PASSWORD
    from tests.factories import make_startup, make_user

    with demo_db.write() as session:
        founder = make_user(session, Role.FOUNDER, password=DEMO_PASSWORD, email="blank@example.org")
        make_startup(session, founders=[founder], slug="blank", name="Blank")
    at = _open(app("blank@example.org"))
    at.selectbox(key="deck::blank::outline_name").select("demo-day")
    at.button(key="FormSubmitter:deck::blank::outline-Draft the deck from my canvas").click().run()
    assert not at.exception
    unwritten = [caption for caption in _captions(at) if "to write" in caption]
    assert unwritten, _captions(at)
    index = _captions(at).index(unwritten[0])
    _choose(at, index)
    body = _field(at, "body")
    assert body.value == "" and body.placeholder  # the prompt, greyed in the empty field
    assert body.placeholder == "Who you are and what you do, in one sentence."  # the title slide's prompt
    _choose(at, 2)  # the solution: nothing to draw it from yet
    assert _field(at, "body").value == ""
    assert _field(at, "body").placeholder == "What you built and why it is different."


def test_the_first_slide_says_plainly_that_it_shows_the_name_and_one_liner(app):
    at = _drafted(_open(app("elif@demo.incubator.example")))
    assert any("The first slide shows your startup's name" in plain(caption.value) for caption in at.caption)
    _choose(at, 2)
    assert not any("The first slide shows your startup's name" in plain(caption.value) for caption in at.caption)


def test_the_ask_is_written_once_on_the_ask_slide_and_the_one_pager_and_profile_say_it(app, demo_db):
    from incubator.accounts.actors import Actor
    from incubator.db.models import User
    from incubator.reports.investor_summary import investor_summary
    from incubator.reports.journey import founder_path

    at = _drafted(_open(app("elif@demo.incubator.example")))
    ask_slide = [caption.split(" · ")[1] for caption in _captions(at)].index("Ask")
    _choose(at, ask_slide)
    assert not any(widget.key and widget.key.endswith("::body") for widget in at.text_area)  # no second place to type
    at.text_input(key=f"{KEY}::ask_amount").input("40000")
    at.text_area(key=f"{KEY}::ask_use").input("Two lockers and a delivery bike.")
    at.button(key=f"FormSubmitter:{KEY}::ask-Save the ask").click().run()
    assert not at.exception
    assert plain(at.success[0].value).startswith("The ask is saved")
    at.button(key=f"{KEY}::save").click().run()
    with demo_db.read() as session:
        elif_ = Actor.of(session.query(User).filter_by(email="elif@demo.incubator.example").one())
        summary = investor_summary(session, elif_, SLUG)
        version = session.scalar(select(DeckVersion).join(Startup).where(Startup.slug == SLUG))
        path = founder_path(session, elif_, SLUG)
    assert summary.ask.amount == 40000.0 and summary.ask.use_of_funds == "Two lockers and a delivery bike."
    stored_ask = next(slide for slide in json.loads(version.slides_json) if slide["title"] == "Ask")
    assert "Two lockers and a delivery bike." in stored_ask["body"] and "40" in stored_ask["body"]
    assert "the ask" not in path.steps[3].missing
