"""The Crowd-BT model of judging by comparison: its update rules by hand, what it prefers, what it learns."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incubator.judging.pairwise import (
    Quality,
    Reliability,
    _digamma,
    expected_information_gain,
    probability_above,
    vote,
)
from incubator.judging.pairwise_simulation import kendall_tau, next_pitch, simulate


def test_a_first_vote_between_two_unknown_pitches_moves_them_as_computed_by_hand():
    # alpha = 10, beta = 1, both N(0, 1): shift = 10/11 − 1/2 = 9/22; spread = 10/121 − 1/4 = −81/484.
    judge, winner, loser = vote(Reliability(), Quality(), Quality())
    assert winner.mu == pytest.approx(9 / 22) and loser.mu == pytest.approx(-9 / 22)
    assert winner.sigma_sq == pytest.approx(403 / 484) and loser.sigma_sq == pytest.approx(403 / 484)
    # Two pitches believed equal say nothing about the judge: c1 = ½, and the Beta keeps its moments.
    assert (judge.alpha, judge.beta) == (pytest.approx(10), pytest.approx(1))


def test_an_upset_teaches_more_about_the_pitches_than_the_expected_result():
    strong, weak = Quality(1.0, 0.5), Quality(-1.0, 0.5)
    _judge, strong_after, weak_after = vote(Reliability(), strong, weak)
    _judge, weak_upset, strong_upset = vote(Reliability(), weak, strong)
    assert weak_upset.mu - weak.mu > strong_after.mu - strong.mu > 0
    assert strong_upset.mu < strong.mu and weak_after.mu < weak.mu


def test_information_gain_prefers_uncertain_pairs():
    judge = Reliability()
    assert expected_information_gain(judge, Quality(0, 1), Quality(0, 1)) > expected_information_gain(
        judge, Quality(0, 0.05), Quality(0, 0.05)
    )
    assert expected_information_gain(judge, Quality(0, 0.5), Quality(0.1, 0.5)) > expected_information_gain(
        judge, Quality(0, 0.5), Quality(3, 0.5)
    )  # a close call teaches more than a foregone one


def test_a_judge_who_votes_at_random_ends_less_reliable_than_one_who_does_not():
    rng = random.Random(7)
    known = [Quality(mu, 0.05) for mu in (-2.0, -1.0, 0.0, 1.0, 2.0)]
    careful, careless = Reliability(), Reliability()
    for _vote in range(60):
        first, second = rng.sample(range(5), 2)
        better, worse = (first, second) if first > second else (second, first)
        careful, _w, _l = vote(careful, known[better], known[worse])
        winner, loser = (better, worse) if rng.random() < 0.5 else (worse, better)
        careless, _w, _l = vote(careless, known[winner], known[loser])
    assert careless.mean < 0.7 < 0.9 < careful.mean


@pytest.mark.parametrize(("x", "expected"), [(1, -0.5772156649015329), (0.5, -1.9635100260214235),
                                             (10, 2.251752589066721), (0.01, -100.56088545786867)])  # fmt: skip
def test_digamma_matches_known_values(x, expected):
    assert _digamma(x) == pytest.approx(expected, rel=1e-9)


def test_the_next_pitch_is_never_one_already_seen_and_prefers_the_rarely_seen():
    rng = random.Random(3)
    model = [Quality()] * 6
    for _try in range(50):
        assert next_pitch(Reliability(), 0, model, [2, 3, 4], [1, 0, 5, 0, 5, 0], rng) == 3
    assert next_pitch(Reliability(), 0, model, [2, 4], [1, 0, 5, 0, 5, 0], rng) in (2, 4)


@given(st.permutations(list(range(8))))
def test_kendall_tau_is_one_for_the_same_order_and_minus_one_reversed(order):
    assert kendall_tau(order, order) == 1.0 and kendall_tau(order, order[::-1]) == -1.0


def test_probability_above_is_a_half_for_equals_and_grows_with_the_gap():
    assert probability_above(Quality(0, 1), Quality(0, 1)) == pytest.approx(0.5)
    assert probability_above(Quality(1, 0.1), Quality(0, 0.1)) > 0.98


def test_crowd_bt_finds_the_order_better_than_random_pairs_in_the_same_judge_time():
    crowd_tau, crowd_found = simulate(20, 10, 10, 40, "crowd-bt", seed=11)
    random_tau, random_found = simulate(20, 10, 10, 40, "random", seed=11)
    assert crowd_tau > random_tau and crowd_found >= random_found
