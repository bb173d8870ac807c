"""Pitch events and judging on both databases: scoring rules, blindness, conflicts, closing, publishing, load."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from incubator.accounts.actors import Actor
from incubator.core.errors import PermissionDenied, ValidationFailed
from incubator.core.vocabulary import Role, ScoringState
from incubator.db.models import Score
from incubator.judging.events import (
    create_event,
    list_events,
    publish_results,
    set_judges,
    set_lineup,
    set_pitches,
    set_scoring,
)
from incubator.judging.results import event_leaderboard, published_result
from incubator.judging.scoring import declare_conflict, judge_sheet, record_score
from tests.factories import make_actor, make_startup, make_user

CRITERIA = ["Problem", "Solution", "Market", "Traction", "Team", "Pitch"]


@dataclass
class DemoDay:
    coordinator: Actor
    judges: list[Actor]
    outsider_mentor: Actor
    founder_a: Actor
    founder_b: Actor


@pytest.fixture
def demo_day(db) -> DemoDay:
    with db.write() as session:
        coordinator = Actor.of(make_user(session, Role.COORDINATOR))
        judges = [make_user(session, Role.MENTOR, email=f"judge{n}@example.org") for n in range(3)]
        outsider = make_user(session, Role.MENTOR)
        founder_a, founder_b = make_user(session), make_user(session)
        make_startup(session, slug="alpha", name="Alpha", founders=[founder_a])
        make_startup(session, slug="beta", name="Beta", founders=[founder_b])
        make_startup(session, slug="gamma", name="Gamma")
        create_event(session, coordinator, name="Demo day", slug="demo")
        set_pitches(session, coordinator, "demo", ["alpha", "beta", "gamma"])
        set_judges(session, coordinator, "demo", [judge.email for judge in judges])
        set_scoring(session, coordinator, "demo", ScoringState.OPEN)
        return DemoDay(
            coordinator, [Actor.of(j) for j in judges], Actor.of(outsider), Actor.of(founder_a), Actor.of(founder_b)
        )


def _score_all(db, judge: Actor, startup: str, value: int, comment: str = "") -> None:
    with db.write() as session:
        for criterion in CRITERIA:
            record_score(session, judge, "demo", startup, criterion, value, comment if criterion == "Pitch" else "")


def test_leaderboard_through_the_services_matches_the_hand_computed_ranking(db, demo_day):
    harsh, kind, flat = demo_day.judges
    for startup, value in (("alpha", 1), ("beta", 2), ("gamma", 3)):
        _score_all(db, harsh, startup, value)
    for startup, value in (("alpha", 5), ("beta", 4)):
        _score_all(db, kind, startup, value)
    _score_all(db, flat, "alpha", 4)
    _score_all(db, flat, "gamma", 4)
    with db.read() as session:
        raw = event_leaderboard(session, demo_day.coordinator, "demo", "raw")
        normalized = event_leaderboard(session, demo_day.coordinator, "demo", "normalized")
    assert [(s.startup, s.judges, round(s.raw, 4)) for s in raw.standings] == [
        ("gamma", 2, 3.5), ("alpha", 3, 3.3333), ("beta", 2, 3.0),
    ]  # fmt: skip
    # harsh: z = -1.2247, 0, 1.2247; kind: 1, -1; flat: 0, 0
    assert [(s.startup, round(s.normalized, 4)) for s in normalized.standings] == [
        ("gamma", 0.6124), ("alpha", -0.0749), ("beta", -0.5),
    ]  # fmt: skip
    assert {j.judge: j.count for j in raw.judges} == {
        "judge0@example.org": 3,
        "judge1@example.org": 2,
        "judge2@example.org": 2,
    }


def test_changing_a_score_replaces_it(db, demo_day):
    judge = demo_day.judges[0]
    with db.write() as session:
        record_score(session, judge, "demo", "alpha", "Team", 2, "Small team")
        record_score(session, judge, "demo", "alpha", "Team", 4, "Strong team after all")
    with db.read() as session:
        sheet = judge_sheet(session, judge, "demo")
        assert session.scalar(select(func.count()).select_from(Score)) == 1
    assert sheet.scores[("alpha", "Team")] == (4, "Strong team after all")


@pytest.mark.parametrize(
    ("startup", "criterion", "value", "error"),
    [("alpha", "Team", 6, ValidationFailed), ("alpha", "Team", 2.5, ValidationFailed),
     ("alpha", "Charisma", 3, ValidationFailed), ("nobody", "Team", 3, ValidationFailed)],
)  # fmt: skip
def test_bad_scores_are_refused(db, demo_day, startup, criterion, value, error):
    with pytest.raises(error), db.write() as session:
        record_score(session, demo_day.judges[0], "demo", startup, criterion, value)


def test_only_judges_score_and_only_while_scoring_is_open(db, demo_day):
    for who in (demo_day.outsider_mentor, demo_day.founder_a, demo_day.coordinator):
        with pytest.raises(PermissionDenied), db.write() as session:
            record_score(session, who, "demo", "alpha", "Team", 3)
    with db.write() as session:
        set_scoring(session, demo_day.coordinator, "demo", ScoringState.CLOSED)
    with pytest.raises(PermissionDenied, match="closed"), db.write() as session:
        record_score(session, demo_day.judges[0], "demo", "alpha", "Team", 3)


def test_a_mentor_who_does_not_judge_cannot_tell_an_event_from_one_that_does_not_exist(db, demo_day):
    answers = []
    for event in ("demo", "no-such-event"):
        with pytest.raises(PermissionDenied) as refusal, db.write() as session:
            record_score(session, demo_day.outsider_mentor, event, "alpha", "Team", 3)
        answers.append(str(refusal.value))
    assert answers[0] == answers[1] == "You do not have access to this event."


def test_a_judge_never_sees_other_judges_scores(db, demo_day):
    first, second, _third = demo_day.judges
    _score_all(db, first, "alpha", 5)
    with db.read() as session:
        assert judge_sheet(session, second, "demo").scores == {}
        with pytest.raises(PermissionDenied):
            event_leaderboard(session, second, "demo", "raw")


def test_a_conflict_removes_the_judges_scores_and_blocks_scoring(db, demo_day):
    judge = demo_day.judges[0]
    _score_all(db, judge, "beta", 3)
    with db.write() as session:
        declare_conflict(session, judge, "demo", "beta")
    with db.read() as session:
        sheet = judge_sheet(session, judge, "demo")
    assert sheet.conflicts == {"beta"} and sheet.scores == {} and sheet.to_score == 2
    with pytest.raises(PermissionDenied), db.write() as session:
        record_score(session, judge, "demo", "beta", "Team", 3)


def test_founders_see_their_results_only_after_publication_and_without_judges_names(db, demo_day):
    _score_all(db, demo_day.judges[0], "alpha", 4, "Great story")
    _score_all(db, demo_day.judges[1], "alpha", 2)
    with pytest.raises(PermissionDenied), db.read() as session:
        published_result(session, demo_day.founder_a, "demo", "alpha")
    with db.write() as session:
        with pytest.raises(ValidationFailed):
            publish_results(session, demo_day.coordinator, "demo")
        set_scoring(session, demo_day.coordinator, "demo", ScoringState.CLOSED)
        publish_results(session, demo_day.coordinator, "demo")
    with db.read() as session:
        result = published_result(session, demo_day.founder_a, "demo", "alpha")
        with pytest.raises(PermissionDenied):
            published_result(session, demo_day.founder_b, "demo", "alpha")
    assert result.criterion_means["Team"] == 3.0 and result.comments == [("Pitch", "Great story")]
    assert "judge" not in repr(result)


def test_events_are_listed_for_their_judges_and_pitching_founders_only(db, demo_day):
    with db.read() as session:
        assert [e.slug for e in list_events(session, demo_day.judges[0])] == ["demo"]
        assert [e.slug for e in list_events(session, demo_day.founder_a)] == ["demo"]
        assert list_events(session, demo_day.outsider_mentor) == []


def test_forty_judges_scoring_at_once_store_every_score_exactly_once(db):
    with db.write() as session:
        coordinator = Actor.of(make_user(session, Role.COORDINATOR))
        judges = [Actor.of(make_user(session, Role.MENTOR, email=f"j{n}@example.org")) for n in range(40)]
        for number in range(3):
            make_startup(session, slug=f"s{number}", name=f"S{number}")
        create_event(session, coordinator, name="Busy day", slug="demo")
        set_pitches(session, coordinator, "demo", ["s0", "s1", "s2"])
        set_judges(session, coordinator, "demo", [judge.email for judge in judges])
        set_scoring(session, coordinator, "demo", ScoringState.OPEN)
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(judges))

    def judge_all(judge: Actor) -> None:
        barrier.wait()
        try:
            for startup in ("s0", "s1", "s2"):
                for criterion in CRITERIA:
                    with db.write() as session:
                        record_score(session, judge, "demo", startup, criterion, 3)
                with db.write() as session:  # a change of mind: replaced, never doubled
                    record_score(session, judge, "demo", startup, "Team", 4)
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=judge_all, args=(judge,)) for judge in judges]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Score)) == 40 * 3 * 6
        assert session.scalar(select(func.count()).select_from(Score).where(Score.value == 4)) == 40 * 3


def test_results_answer_the_same_for_a_startup_that_is_not_there_and_one_that_is_not_yours(db):
    from incubator.core.errors import PermissionDenied
    from incubator.judging.results import published_result
    from tests.factories import make_actor, make_startup

    with db.write() as session:
        founder = make_actor(session)
        make_startup(session, slug="someone-else")
    answers = []
    for slug in ("someone-else", "no-such-startup"):
        with pytest.raises(PermissionDenied) as refused, db.read() as session:
            published_result(session, founder, "any-event", slug)
        answers.append(str(refused.value))
    assert answers[0] == answers[1]


def test_the_scoring_room_counts_each_judges_criteria_per_pitch_and_is_for_coordinators_only(db):
    from incubator.judging.room import scoring_room

    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        judge = make_actor(session, Role.MENTOR, email="judge.room@example.org")
        for slug in ("room-a", "room-b"):
            make_startup(session, slug=slug, name=slug.upper())
        create_event(session, coordinator, name="Room day", slug="room-day")
        set_lineup(session, coordinator, "room-day", ["room-a", "room-b"], ["judge.room@example.org"])
        set_scoring(session, coordinator, "room-day", ScoringState.OPEN)
        for criterion in ("Problem", "Solution"):
            record_score(session, judge, "room-day", "room-a", criterion, 4)
        declare_conflict(session, judge, "room-day", "room-b")
    with db.read() as session:
        room = scoring_room(session, coordinator, "room-day")
        assert room.scored == {("judge.room@example.org", "room-a"): 2}
        assert room.conflicts == {("judge.room@example.org", "room-b")}
        assert room.left_to_score("judge.room@example.org") == 4
        with pytest.raises(PermissionDenied):
            scoring_room(session, judge, "room-day")
