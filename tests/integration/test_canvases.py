"""Idea and canvas services on both databases: versions, restore, optimistic locking, comments, permissions."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from incubator.accounts.actors import Actor
from incubator.canvas.comments import (
    add_canvas_comment,
    count_open_comments,
    list_canvas_comments,
    resolve_canvas_comment,
)
from incubator.canvas.ideas import get_idea, save_idea
from incubator.canvas.versions import (
    canvas_for_editing,
    get_canvas_version,
    latest_canvas,
    list_canvas_versions,
    restore_canvas_version,
    save_canvas,
)
from incubator.core.errors import NothingChanged, PermissionDenied, StaleEdit, ValidationFailed
from incubator.core.vocabulary import CANVAS_FIELDS, Role
from incubator.db.models import CanvasVersion
from tests.factories import make_startup, make_user


@dataclass
class Team:
    founder: Actor
    cofounder: Actor
    mentor: Actor
    other_mentor: Actor
    other_founder: Actor
    coordinator: Actor


@pytest.fixture
def team(db) -> Team:
    with db.write() as session:
        founder, cofounder = make_user(session, display_name="Yasmine"), make_user(session, display_name="Lucas")
        mentor, other_mentor = make_user(session, Role.MENTOR), make_user(session, Role.MENTOR)
        other_founder = make_user(session)
        coordinator = make_user(session, Role.COORDINATOR)
        make_startup(session, slug="ours", founders=[founder, cofounder], mentors=[mentor])
        make_startup(session, slug="theirs", founders=[other_founder], mentors=[other_mentor])
        return Team(
            *(Actor.of(user) for user in (founder, cofounder, mentor, other_mentor, other_founder, coordinator))
        )


def _canvas(**fields: str) -> dict[str, str]:
    return dict.fromkeys(CANVAS_FIELDS, "") | fields


def _save(db, actor, seen, note="", **fields):
    with db.write() as session:
        return save_canvas(session, actor, "ours", _canvas(**fields), seen, note=note).number


def test_the_first_canvas_starts_from_the_idea(db, team):
    with db.write() as session:
        save_idea(session, team.founder, "ours", {"problem": "Repairs are hard", "target_customer": "Households"})
    with db.read() as session:
        start = canvas_for_editing(session, team.founder, "ours")
        assert get_idea(session, team.mentor, "ours")["problem"] == "Repairs are hard"
    assert start.version == 0 and start.from_idea
    assert start.fields["problem"] == "Repairs are hard" and start.fields["customer_segments"] == "Households"


def test_each_save_is_a_version_with_who_when_and_why(db, team):
    assert _save(db, team.founder, 0, problem="v1") == 1
    assert _save(db, team.cofounder, 1, note="Pivot to municipalities", problem="v2") == 2
    with db.read() as session:
        versions = list_canvas_versions(session, team.mentor, "ours")
        assert [(v.number, v.created_by.display_name, v.note) for v in versions] == [
            (2, "Lucas", "Pivot to municipalities"),
            (1, "Yasmine", ""),
        ]
        assert latest_canvas(session, team.coordinator, "ours").problem == "v2"
        assert canvas_for_editing(session, team.founder, "ours").version == 2


def test_restoring_an_old_version_makes_a_new_one(db, team):
    _save(db, team.founder, 0, problem="first idea", channels="flyers")
    _save(db, team.founder, 1, problem="pivot")
    with db.write() as session:
        restored = restore_canvas_version(session, team.founder, "ours", 1, seen_version=2)
        assert (restored.number, restored.problem, restored.channels) == (3, "first idea", "flyers")
        assert restored.note == "Restored version 1"
    with db.read() as session:
        assert get_canvas_version(session, team.founder, "ours", 2).problem == "pivot"


def test_the_later_of_two_saves_from_the_same_version_is_refused_with_the_other_change(db, team):
    _save(db, team.founder, 0, problem="start")
    _save(db, team.founder, 1, problem="Yasmine's text")
    with pytest.raises(StaleEdit) as refused:
        _save(db, team.cofounder, 1, problem="Lucas's text")
    assert refused.value.current.number == 2
    assert refused.value.current.fields["problem"] == "Yasmine's text"
    assert "Yasmine" in str(refused.value)
    with db.read() as session:
        assert latest_canvas(session, team.founder, "ours").problem == "Yasmine's text"
        assert session.scalar(select(func.count()).select_from(CanvasVersion)) == 2


def test_simultaneous_saves_store_exactly_one_version(db, team):
    _save(db, team.founder, 0, problem="start")
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def save(number: int) -> None:
        barrier.wait()
        try:
            _save(db, team.founder if number % 2 else team.cofounder, 1, problem=f"writer {number}")
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("stale")

    threads = [threading.Thread(target=save, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved"] + ["stale"] * 7
    with db.read() as session:
        assert [v.number for v in list_canvas_versions(session, team.founder, "ours")] == [2, 1]


def test_saving_the_same_text_again_is_not_a_new_version(db, team):
    _save(db, team.founder, 0, problem="same")
    with pytest.raises(NothingChanged):
        _save(db, team.founder, 1, problem="same")
    assert _save(db, team.founder, 1, note="Checked with mentor", problem="same") == 2


def test_a_box_over_5000_characters_is_refused_naming_the_box(db, team):
    with pytest.raises(ValidationFailed) as refused:
        _save(db, team.founder, 0, solution="x" * 5001)
    assert refused.value.field == "solution" and "Solution" in str(refused.value) and "5001" in str(refused.value)
    _save(db, team.founder, 0, solution="x" * 5000)


@pytest.mark.parametrize("who", ["mentor", "coordinator", "other_founder", "other_mentor"])
def test_only_the_startups_founders_save_its_canvas_and_idea(db, team, who):
    with pytest.raises(PermissionDenied):
        _save(db, getattr(team, who), 0, problem="not mine")
    with pytest.raises(PermissionDenied), db.write() as session:
        save_idea(session, getattr(team, who), "ours", {"problem": "not mine"})


@pytest.mark.parametrize("who", ["other_founder", "other_mentor"])
def test_other_teams_cannot_read_the_canvas(db, team, who):
    _save(db, team.founder, 0, problem="secret")
    with db.read() as session:
        with pytest.raises(PermissionDenied):
            latest_canvas(session, getattr(team, who), "ours")
        with pytest.raises(PermissionDenied):
            list_canvas_versions(session, getattr(team, who), "ours")


def test_mentor_comments_on_a_box_and_the_founder_resolves_it(db, team):
    _save(db, team.founder, 0, problem="v1")
    _save(db, team.founder, 1, problem="v2")
    with db.write() as session:
        comment = add_canvas_comment(session, team.mentor, "ours", 1, "problem", "Which problem hurts most?")
        comment_id = comment.id
    with db.read() as session:
        assert [c.body for c in list_canvas_comments(session, team.founder, "ours", 1)] == ["Which problem hurts most?"]
        assert list_canvas_comments(session, team.founder, "ours", 2) == []
        assert count_open_comments(session, team.cofounder, "ours") == {1: 1}
    with db.write() as session:
        resolve_canvas_comment(session, team.founder, "ours", comment_id)
    with db.read() as session:
        assert list_canvas_comments(session, team.mentor, "ours", 1)[0].resolved_at is not None
        assert count_open_comments(session, team.founder, "ours") == {}


@pytest.mark.parametrize("who", ["founder", "coordinator", "other_mentor", "other_founder"])
def test_only_an_assigned_mentor_can_comment(db, team, who):
    _save(db, team.founder, 0, problem="v1")
    with pytest.raises(PermissionDenied), db.write() as session:
        add_canvas_comment(session, getattr(team, who), "ours", 1, "problem", "A comment")


@pytest.mark.parametrize("who", ["coordinator", "other_mentor", "other_founder"])
def test_others_cannot_see_comments(db, team, who):
    _save(db, team.founder, 0, problem="v1")
    with db.write() as session:
        add_canvas_comment(session, team.mentor, "ours", 1, "problem", "Private advice")
    with pytest.raises(PermissionDenied), db.read() as session:
        list_canvas_comments(session, getattr(team, who), "ours", 1)


def test_mentors_cannot_resolve_and_bad_comments_are_refused(db, team):
    _save(db, team.founder, 0, problem="v1")
    with db.write() as session:
        comment_id = add_canvas_comment(session, team.mentor, "ours", 1, "problem", "Advice").id
        with pytest.raises(PermissionDenied):
            resolve_canvas_comment(session, team.mentor, "ours", comment_id)
        with pytest.raises(ValidationFailed):
            add_canvas_comment(session, team.mentor, "ours", 1, "not_a_box", "Advice")
        with pytest.raises(ValidationFailed):
            add_canvas_comment(session, team.mentor, "ours", 1, "problem", "   ")


def test_comments_on_older_versions_stay_listed_for_the_founders(db, team):
    from incubator.canvas.comments import list_all_canvas_comments

    _save(db, team.founder, 0, problem="v1")
    with db.write() as session:
        add_canvas_comment(session, team.mentor, "ours", 1, "problem", "On version one")
    _save(db, team.founder, 1, problem="v2")
    with db.read() as session:
        listed = [
            (number, comment.body) for number, comment in list_all_canvas_comments(session, team.cofounder, "ours")
        ]
        assert listed == [(1, "On version one")]
        with pytest.raises(PermissionDenied):
            list_all_canvas_comments(session, team.coordinator, "ours")
