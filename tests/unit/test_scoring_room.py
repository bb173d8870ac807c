"""The room view's arithmetic and the event the leaderboard opens on: pure rules on literal data."""

from __future__ import annotations

import datetime as dt

from incubator.core.vocabulary import ScoringState
from incubator.judging.room import BoardChoice, ScoringRoom, choose_board_event

ROOM = ScoringRoom(
    judges=[("ana@x.org", "Ana"), ("bo@x.org", "Bo"), ("cy@x.org", "Cy")],
    pitches=[("alpha", "Alpha"), ("beta", "Beta")],
    scored={("ana@x.org", "alpha"): 6, ("ana@x.org", "beta"): 6, ("bo@x.org", "alpha"): 2, ("cy@x.org", "beta"): 6},
    conflicts={("cy@x.org", "alpha")},
    criteria=6,
)


def test_a_conflict_counts_as_nothing_to_score_and_shows_as_none():
    assert ROOM.progress("cy@x.org", "alpha") is None
    assert ROOM.left_to_score("cy@x.org") == 0


def test_judges_behind_are_listed_most_left_first_and_done_judges_not_at_all():
    assert ROOM.behind() == [("Bo", 10)]
    assert ROOM.progress("bo@x.org", "beta") == 0


def _choice(slug: str, scoring: ScoringState, day: int | None, scores: bool) -> BoardChoice:
    return BoardChoice(slug, scoring, dt.date(2027, 1, day) if day else None, scores)


def test_the_leaderboard_opens_on_the_live_event_once_it_has_scores_even_when_another_is_more_recent():
    events = [_choice("old", ScoringState.CLOSED, 20, True), _choice("live", ScoringState.OPEN, 10, True)]
    assert choose_board_event(events) == "live"


def test_a_live_event_without_scores_yet_gives_way_to_an_event_with_results():
    events = [_choice("live", ScoringState.OPEN, 20, False), _choice("rehearsal", ScoringState.CLOSED, 10, True)]
    assert choose_board_event(events) == "rehearsal"


def test_without_scores_anywhere_the_live_event_is_shown():
    events = [_choice("draft", ScoringState.DRAFT, 28, False), _choice("live", ScoringState.OPEN, 10, False)]
    assert choose_board_event(events) == "live"


def test_without_a_live_event_it_opens_on_the_most_recent_event_with_scores():
    events = [
        _choice("future", ScoringState.DRAFT, 28, False),
        _choice("older", ScoringState.CLOSED, 5, True),
        _choice("recent", ScoringState.CLOSED, 15, True),
        _choice("undated", ScoringState.CLOSED, None, True),
    ]
    assert choose_board_event(events) == "recent"


def test_without_scores_anywhere_it_opens_on_the_first_event_and_on_nothing_without_events():
    assert (
        choose_board_event([_choice("a", ScoringState.DRAFT, 1, False), _choice("b", ScoringState.DRAFT, 2, False)])
        == "a"
    )
    assert choose_board_event([]) is None
