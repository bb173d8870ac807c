"""Leaderboard maths on a hand-computed example."""

from __future__ import annotations

import math

import pytest

from incubator.judging.leaderboard import (
    ScoreRow,
    criterion_means,
    judge_raw_scores,
    judge_statistics,
    judge_z_scores,
    rank_startups,
    standings_csv,
)

NAMES = {"a": "Alpha", "b": "Beta", "c": "Gamma"}
WEIGHTS = {"Problem": 1.0, "Team": 3.0}


def _rows(table: dict[tuple[str, str], tuple[float, float]]) -> list[ScoreRow]:
    rows = []
    for (judge, startup), (problem, team) in table.items():
        rows.append(ScoreRow(judge, startup, "Problem", problem))
        rows.append(ScoreRow(judge, startup, "Team", team))
    return rows


# Judge "harsh" gives low marks, judge "kind" high ones; "flat" gives everyone the same.
EXAMPLE = _rows(
    {
        ("harsh", "a"): (1, 1),  # raw 1.0
        ("harsh", "b"): (2, 2),  # raw 2.0
        ("harsh", "c"): (3, 3),  # raw 3.0
        ("kind", "a"): (5, 5),  # raw 5.0
        ("kind", "b"): (5, 3),  # raw (5 + 9) / 4 = 3.5
        ("flat", "a"): (4, 4),
        ("flat", "c"): (4, 4),
    }
)


def test_raw_is_the_weighted_mean_of_the_criteria():
    raw = judge_raw_scores(EXAMPLE, WEIGHTS)
    assert raw[("kind", "b")] == 3.5 and raw[("harsh", "c")] == 3.0


def test_z_scores_use_the_population_spread_and_flat_judges_give_zero():
    z = judge_z_scores(judge_raw_scores(EXAMPLE, WEIGHTS))
    spread = math.sqrt(2 / 3)  # harsh: 1, 2, 3 around 2
    assert z[("harsh", "a")] == pytest.approx(-1 / spread)
    assert z[("harsh", "b")] == pytest.approx(0.0)
    assert z[("kind", "a")] == pytest.approx(1.0) and z[("kind", "b")] == pytest.approx(-1.0)
    assert z[("flat", "a")] == 0.0 and z[("flat", "c")] == 0.0


def test_both_methods_rank_the_hand_computed_example():
    raw = rank_startups(EXAMPLE, WEIGHTS, NAMES, "raw")
    # a: (1 + 5 + 4) / 3 = 3.333; b: (2 + 3.5) / 2 = 2.75; c: (3 + 4) / 2 = 3.5
    assert [(s.startup, s.judges) for s in raw] == [("c", 2), ("a", 3), ("b", 2)]
    assert raw[0].raw == pytest.approx(3.5) and raw[1].raw == pytest.approx(10 / 3)
    normalized = rank_startups(EXAMPLE, WEIGHTS, NAMES, "normalized")
    spread = math.sqrt(2 / 3)
    expected = {"a": (-1 / spread + 1 + 0) / 3, "b": (0 - 1) / 2, "c": (1 / spread + 0) / 2}
    assert {s.startup: s.normalized for s in normalized} == pytest.approx(expected)
    assert [s.startup for s in normalized] == ["c", "a", "b"]


def test_equal_scores_share_a_rank_and_are_listed_by_name():
    rows = _rows({("j", "b"): (3, 3), ("j", "a"): (3, 3), ("j", "c"): (1, 1)})
    standings = rank_startups(rows, WEIGHTS, NAMES, "raw")
    assert [(s.rank, s.startup) for s in standings] == [(1, "a"), (1, "b"), (3, "c")]


def test_partial_scores_use_only_the_criteria_scored():
    rows = [ScoreRow("j", "a", "Problem", 4), ScoreRow("j", "a", "Team", 2), ScoreRow("k", "a", "Team", 5)]
    assert judge_raw_scores(rows, WEIGHTS) == {("j", "a"): pytest.approx((4 + 6) / 4), ("k", "a"): 5.0}


def test_judge_statistics_show_harsh_and_lenient_judges():
    stats = {s.judge: s for s in judge_statistics(EXAMPLE, WEIGHTS)}
    assert (stats["harsh"].count, stats["harsh"].mean) == (3, 2.0)
    assert stats["kind"].mean == pytest.approx(4.25) and stats["flat"].spread == 0.0


def test_criterion_means_per_startup():
    assert criterion_means(EXAMPLE)["a"] == {"Problem": pytest.approx(10 / 3), "Team": pytest.approx(10 / 3)}


def test_csv_has_the_contract_columns():
    text = standings_csv(rank_startups(EXAMPLE, WEIGHTS, NAMES, "raw"))
    lines = text.splitlines()
    assert lines[0] == "rank,startup,name,judges,raw,normalized"
    assert lines[1].startswith("1,c,Gamma,2,3.5000,")
