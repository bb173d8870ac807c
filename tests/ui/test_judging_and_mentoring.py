"""Judging, events, leaderboard, mentoring and results pages through AppTest, on the demo data."""

from __future__ import annotations

import io

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from incubator.core.vocabulary import ScoringState
from incubator.db.models import ActionItem, MentoringSession, PitchEvent, Score
from tests.ui.conftest import COORDINATOR, FOUNDER, MENTOR, plain

DEMO_DAY = "demo-day-autumn-2026"
REHEARSAL = "pitch-rehearsal-autumn-2026"


def _open(at: AppTest, page: str) -> AppTest:
    return at.switch_page(page).run()


def test_a_judge_scores_a_criterion_and_it_is_saved_at_once(app, demo_db):
    at = _open(app(MENTOR), "pages/judge.py")
    at.selectbox(key="judge_event").select(DEMO_DAY).run()
    assert not at.exception
    at.get("button_group")[0].set_value(4).run()  # the Problem criterion of the first pitch
    assert not at.exception and not at.error
    with demo_db.read() as session:
        assert [(score.criterion, score.value) for score in session.scalars(select(Score).where(Score.value == 4))
                if score.event_id == session.scalar(select(PitchEvent.id).where(PitchEvent.slug == DEMO_DAY))] == [
            ("Problem", 4.0)
        ]  # fmt: skip
    again = _open(app(MENTOR), "pages/judge.py")  # a reload: a new session reads what is stored
    again.selectbox(key="judge_event").select(DEMO_DAY).run()
    assert again.get("button_group")[0].value == 4


def test_a_judge_sees_progress_and_cannot_score_a_closed_event(app):
    at = _open(app(MENTOR), "pages/judge.py")
    at.selectbox(key="judge_event").select(REHEARSAL).run()
    assert "Scoring is closed" in at.warning[0].value
    assert "Done: 1–4" in plain(" ".join(caption.value for caption in at.caption))
    assert all(group.disabled for group in at.get("button_group"))


def test_coordinator_opens_closes_and_publishes_an_event(app, demo_db):
    at = _open(app(COORDINATOR), "pages/events.py")
    at.selectbox(key="event_slug").select(DEMO_DAY).run()
    at.button(key=f"closed_{DEMO_DAY}").click().run()
    # Closing gives the results in one step: the final board (linked) and the booklet, ready to download.
    assert plain(at.success[0].value).startswith("Scoring is closed. The final leaderboard is ready")
    assert at.get("download_button")[0].proto.label == "Download the booklet"
    at.button(key=f"publish_{DEMO_DAY}").click().run()
    assert plain(at.success[0].value).startswith("Results are published")
    with demo_db.read() as session:
        event = session.scalar(select(PitchEvent).where(PitchEvent.slug == DEMO_DAY))
    assert event.scoring is ScoringState.CLOSED and event.results_published


def test_coordinator_creates_an_event_and_a_bad_name_keeps_the_form(app):
    at = _open(app(COORDINATOR), "pages/events.py")
    at.text_input(key="new_event_name").input("   ")
    at.button(key="FormSubmitter:new_event-Create the event").click().run()
    assert "Name cannot be empty" in plain(at.error[0].value)
    at.text_input(key="new_event_name").input("Investor day")
    at.button(key="FormSubmitter:new_event-Create the event").click().run()
    assert plain(at.success[0].value) == "Event “Investor day” created."


def test_leaderboard_ranks_the_rehearsal_both_ways(app):
    at = _open(app(COORDINATOR), "pages/leaderboard.py")
    at.selectbox(key="board_event").select(REHEARSAL).run()
    assert not at.exception
    normalised = at.dataframe[0].value
    assert list(normalised["Startup"]) == ["GreenCourier", "Souk Direct", "BrickByte", "Repair Café Online"]
    at.radio(key="board_method").set_value("raw").run()
    assert set(at.dataframe[0].value["Judges"]) == {3}


def test_mentor_logs_a_session_and_the_founder_ticks_an_action(app, demo_db):
    mentor = _open(app(MENTOR), "pages/mentoring.py")
    mentor.selectbox(key="startup_slug").select("repair-cafe-online").run()
    mentor.text_area(key="log_notes_repair-cafe-online").input("Talk to the commune of Molenbeek first.")
    mentor.button(key="FormSubmitter:log_repair-cafe-online-Save the session").click().run()
    assert not mentor.exception
    assert plain(mentor.success[0].value).startswith("The session is logged")
    founder = _open(app(FOUNDER), "pages/mentoring.py")
    assert "Talk to the commune of Molenbeek first." in [text.value for text in founder.text]
    founder.checkbox[0].check().run()
    assert not founder.exception
    with demo_db.read() as session:
        assert session.scalar(select(ActionItem).where(ActionItem.done.is_(True))) is not None


def test_a_session_without_notes_is_refused_and_nothing_is_stored(app, demo_db):
    mentor = _open(app(MENTOR), "pages/mentoring.py")
    mentor.selectbox(key="startup_slug").select("repair-cafe-online").run()
    with demo_db.read() as session:
        before = len(session.scalars(select(MentoringSession)).all())
    mentor.button(key="FormSubmitter:log_repair-cafe-online-Save the session").click().run()
    assert "cannot be empty" in plain(mentor.error[0].value)
    with demo_db.read() as session:
        assert len(session.scalars(select(MentoringSession)).all()) == before


def test_founder_reads_published_results_without_judges_names(app):
    at = _open(app(FOUNDER), "pages/results.py")
    assert not at.exception
    averages = at.dataframe[0].value
    assert list(averages["Criterion"]) == ["Problem", "Solution", "Market", "Traction", "Team", "Pitch"]
    shown = " ".join(text.value for text in at.text)
    assert "pieter" not in shown.lower() and "Clear, personal story" not in shown


def test_mentor_home_shows_the_latest_session_of_each_startup(app):
    at = app(MENTOR)
    table = at.dataframe[0].value
    sessions = {name: day.isoformat() for name, day in zip(table["Startup"], table["Last session"], strict=True)}
    assert sessions == {"Repair Café Online": "2026-11-10", "SkillProof": "2026-11-12", "Souk Direct": "2026-11-18"}


def test_coordinator_prepares_the_booklet_of_an_event(app):
    at = _open(app(COORDINATOR), "pages/events.py")
    at.selectbox(key="event_slug").select(DEMO_DAY).run()
    at.button(key=f"booklet_{DEMO_DAY}").click().run()
    assert not at.exception
    assert at.session_state[f"booklet_pdf_{DEMO_DAY}_en"].startswith(b"%PDF")


def test_a_coordinator_reading_english_prepares_the_booklet_in_dutch(app):
    from pypdf import PdfReader

    at = _open(app(COORDINATOR), "pages/events.py")
    at.selectbox(key="event_slug").select(DEMO_DAY).run()
    at.selectbox(key=f"booklet_language_{DEMO_DAY}").select("nl").run()
    at.button(key=f"booklet_{DEMO_DAY}").click().run()
    assert not at.exception
    booklet = PdfReader(io.BytesIO(at.session_state[f"booklet_pdf_{DEMO_DAY}_nl"]))
    assert "Pitches, in volgorde" in booklet.pages[1].extract_text()
    assert at.title[0].value == "Pitch events"  # the page itself stays in the reader's language


def test_a_pitch_with_every_criterion_scored_says_so_and_the_overview_shows_it_done(app):
    at = _open(app(MENTOR), "pages/judge.py")
    at.selectbox(key="judge_event").select(DEMO_DAY).run()

    def captions() -> str:
        return plain(" ".join(caption.value for caption in at.caption))

    assert "Not started: 1–6" in captions()  # six pitches at demo day, none scored yet
    at.get("button_group")[0].set_value(3).run()
    assert "Started: 1 · Not started: 2–6" in captions()
    for index in range(1, 6):
        at.get("button_group")[index].set_value(3).run()
    assert not at.exception and not at.error
    assert "Every criterion of this pitch is scored." in captions()  # in the bar, never hidden behind it
    assert "6 of 6 criteria scored" in captions() and "Done: 1 · Not started: 2–6" in captions()
    # The pitch list keeps its labels while judging (a changing label made Streamlit lose the judge's place).
    assert at.selectbox(key=f"judge::{DEMO_DAY}::position").options[0].startswith("1. ")


def test_the_room_view_shows_how_far_each_judge_has_scored_each_pitch(app, demo_db):
    judge = _open(app(MENTOR), "pages/judge.py")
    judge.selectbox(key="judge_event").select(DEMO_DAY).run()
    for index in range(3):
        judge.get("button_group")[index].set_value(4).run()
    at = _open(app(COORDINATOR), "pages/events.py")
    at.selectbox(key="event_slug").select(DEMO_DAY).run()
    assert not at.exception
    grid = at.dataframe[0].value
    pieter = grid[grid["Judge"] == "Pieter Janssens"].iloc[0] if "Pieter Janssens" in set(grid["Judge"]) else None
    assert pieter is not None, list(grid["Judge"])
    assert "3/6" in list(pieter)  # the pitch he is scoring, and nothing else of his is counted yet
    assert "Pieter Janssens (33 criteria left)" in plain(" ".join(caption.value for caption in at.caption))


def test_the_leaderboard_opens_on_scores_to_show_the_live_event_first(app, demo_db):
    at = _open(app(COORDINATOR), "pages/leaderboard.py")  # demo day is open but nobody has scored yet
    assert at.selectbox(key="board_event").value == REHEARSAL
    assert at.dataframe[0].value["Startup"].iloc[0] == "GreenCourier"
    with demo_db.write() as session:  # the first tap of demo day: its live board is now the one to open
        rehearsal_score = session.scalars(select(Score).join(PitchEvent).where(PitchEvent.slug == REHEARSAL)).first()
        demo_day = session.scalar(select(PitchEvent).where(PitchEvent.slug == DEMO_DAY))
        session.add(
            Score(event_id=demo_day.id, startup_id=rehearsal_score.startup_id, judge_id=rehearsal_score.judge_id,
                  criterion=rehearsal_score.criterion, value=4)
        )  # fmt: skip
    assert _open(app(COORDINATOR), "pages/leaderboard.py").selectbox(key="board_event").value == DEMO_DAY


def test_an_events_leaderboard_link_opens_that_event(app):
    at = _open(app(COORDINATOR), "pages/events.py")
    at.selectbox(key="event_slug").select(DEMO_DAY).run()
    link = next(link for link in at.get("page_link") if "leaderboard" in link.proto.page)
    assert link.proto.query_string == f"event={DEMO_DAY}"
    board = app(COORDINATOR)
    board.query_params["event"] = DEMO_DAY
    assert _open(board, "pages/leaderboard.py").selectbox(key="board_event").value == DEMO_DAY


def test_the_leaderboard_names_judges_by_name_and_lists_criteria_in_the_rubrics_order(app):
    from incubator.judging.rubrics import get_rubric

    at = app(COORDINATOR)
    at.switch_page("pages/leaderboard.py").run()
    assert not at.exception
    tables = [frame.value for frame in at.dataframe]
    judges = next(table for table in tables if "Judge" in table.columns)
    assert all("@" not in name for name in judges["Judge"]) and "Pieter Janssens" in set(judges["Judge"])
    criteria = next(table for table in tables if "Startup" in table.columns and "Rank" not in table.columns)
    labels = list(get_rubric("demo-day").labels.values())
    assert [column for column in criteria.columns if column != "Startup"] == labels
