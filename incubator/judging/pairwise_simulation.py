"""Simulated pairwise rounds: how often a jury of noisy judges finds the true podium, to plan an event.

An event has pitches of true quality drawn from N(0, 1) and judges of whom a share vote at random; the
others perceive a pitch's quality with a normal error of standard deviation 0.1 to 1 (their care). Each
judge looks at `votes` + 1 pitches. Three ways of spending the same judge time are played, every judge
perceiving alike in all three:

- "crowd-bt": the next pitch is the one of highest expected information gain (25 % of the time a random
  one, as Gavel does), never one the judge has seen, preferring pitches seen fewer than twice;
- "random": the next pitch is a random one the judge has not seen, with the same model inferring the order;
- "rubric": each judge scores as many random pitches on 1–5 (a reliable judge's score is the true quality
  with noise; a random judge's is a random level), ranked by mean score.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from incubator.judging.pairwise import Quality, Reliability, expected_information_gain, vote

METHODS = ("crowd-bt", "random", "rubric")
EXPLORE = 0.25  # the share of choices made at random (Gavel's epsilon)


@dataclass(frozen=True)
class Outcome:
    """How one simulated event's ranking compares with the truth."""

    kendall_tau: float
    found_top_three: bool


def kendall_tau(ranking: Sequence[int], truth: Sequence[int]) -> float:
    """Return Kendall's tau between two orders of the same items (1: the same order, -1: reversed)."""
    place = {item: index for index, item in enumerate(truth)}
    ranked = [place[item] for item in ranking]
    pairs = concordant = 0
    for i in range(len(ranked)):
        for j in range(i + 1, len(ranked)):
            pairs += 1
            concordant += 1 if ranked[i] < ranked[j] else -1
    return concordant / pairs if pairs else 1.0


def next_pitch(
    judge: Reliability, shown: int, model: Sequence[Quality], unseen: Sequence[int], times_seen: Sequence[int],
    rng: random.Random, explore: float = EXPLORE,
) -> int:  # fmt: skip
    """Return the pitch a judge who last saw `shown` should see next, among `unseen` (not empty)."""
    fresh = [pitch for pitch in unseen if times_seen[pitch] < 2]
    pool = fresh or list(unseen)
    if rng.random() < explore:
        return rng.choice(pool)
    return max(pool, key=lambda pitch: expected_information_gain(judge, model[shown], model[pitch]))


RANDOM = -1.0  # a judge who does not really look: votes and scores at random


def _judges(count: int, random_share: float, rng: random.Random) -> list[float]:
    """Return each judge's perception error (its standard deviation), or RANDOM."""
    random_judges = round(count * random_share)
    return [RANDOM] * random_judges + [rng.uniform(0.1, 1.0) for _ in range(count - random_judges)]


def _perceived(quality: float, error: float, rng: random.Random) -> float:
    return rng.gauss(0, 1) * 3 if error == RANDOM else quality + rng.gauss(0, error)


def _says_first_wins(first: float, second: float, error: float, rng: random.Random) -> bool:
    return _perceived(first, error, rng) > _perceived(second, error, rng)


def simulate_event(
    pitches: int, judges: int, votes: int, method: str, rng: random.Random, random_share: float = 1 / 3
) -> Outcome:
    """Play one event with `method` and say how its ranking compares with the true one."""
    truth = [rng.gauss(0, 1) for _ in range(pitches)]
    true_order = sorted(range(pitches), key=lambda pitch: -truth[pitch])
    reliabilities = _judges(judges, random_share, rng)
    if method == "rubric":
        ranking = _rubric_ranking(truth, reliabilities, votes + 1, rng)
    else:
        ranking = _pairwise_ranking(truth, reliabilities, votes, method, rng)
    return Outcome(kendall_tau(ranking, true_order), set(ranking[:3]) == set(true_order[:3]))


def _pairwise_ranking(
    truth: list[float], reliabilities: list[float], votes: int, method: str, rng: random.Random
) -> list[int]:
    count = len(truth)
    model = [Quality()] * count
    judges = [Reliability()] * len(reliabilities)
    times_seen = [0] * count
    shown = [rng.randrange(count) for _ in reliabilities]
    seen = [{first} for first in shown]
    for first in shown:
        times_seen[first] += 1
    for _round in range(votes):  # the judges take turns, as at a real event where they vote at the same time
        for judge, reliability in enumerate(reliabilities):
            unseen = [pitch for pitch in range(count) if pitch not in seen[judge]]
            if not unseen:
                continue
            if method == "crowd-bt":
                pitch = next_pitch(judges[judge], shown[judge], model, unseen, times_seen, rng)
            else:
                pitch = rng.choice(unseen)
            previous = shown[judge]
            if _says_first_wins(truth[previous], truth[pitch], reliability, rng):
                judges[judge], model[previous], model[pitch] = vote(judges[judge], model[previous], model[pitch])
            else:
                judges[judge], model[pitch], model[previous] = vote(judges[judge], model[pitch], model[previous])
            seen[judge].add(pitch)
            times_seen[pitch] += 1
            shown[judge] = pitch
    return sorted(range(count), key=lambda pitch: -model[pitch].mu)


def _rubric_ranking(truth: list[float], errors: list[float], looks: int, rng: random.Random) -> list[int]:
    count = len(truth)
    scores: list[list[int]] = [[] for _ in range(count)]
    for error in errors:
        for pitch in rng.sample(range(count), min(looks, count)):
            if error == RANDOM:
                scores[pitch].append(rng.randint(1, 5))
            else:  # one level a standard deviation of quality, around the middle of the scale
                scores[pitch].append(min(5, max(1, round(3 + _perceived(truth[pitch], error, rng)))))
    means = [sum(given) / len(given) if given else 3.0 for given in scores]
    return sorted(range(count), key=lambda pitch: (-means[pitch], rng.random()))


def simulate(pitches: int, judges: int, votes: int, events: int, method: str, seed: int = 1) -> tuple[float, float]:
    """Return the mean Kendall tau and the share of events whose true top three was found."""
    rng = random.Random(seed)
    outcomes = [simulate_event(pitches, judges, votes, method, rng) for _ in range(events)]
    return (
        sum(outcome.kendall_tau for outcome in outcomes) / events,
        sum(outcome.found_top_three for outcome in outcomes) / events,
    )
