"""Benchmark: pairwise judging by Crowd-BT against random pairs and a 1–5 rubric, in the same judge time.

200 simulated events of 40 pitches and 15 judges (a third voting at random), 20 comparisons a judge
(21 pitches seen; the rubric judges score 21 pitches): the mean Kendall tau against the true order and
how often the true top three is the top three. Then the time to choose a judge's next pitch at an
expo of 200 pitches (model state as after 50 judges' votes).

Run: python -m benchmarks.pairwise [--events 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from incubator.judging.pairwise import Quality, Reliability
from incubator.judging.pairwise_simulation import METHODS, next_pitch, simulate
from tests.e2e.demo_day import percentile


def _choice_times(pitches: int, runs: int = 200) -> list[float]:
    rng = random.Random(5)
    model = [Quality(rng.gauss(0, 1), rng.uniform(0.05, 1.0)) for _ in range(pitches)]
    seen = [rng.randint(0, 6) for _ in range(pitches)]
    judge = Reliability(rng.uniform(5, 15), rng.uniform(0.5, 3))
    times = []
    for _run in range(runs):
        unseen = rng.sample(range(1, pitches), pitches - 20)
        started = time.perf_counter()
        next_pitch(judge, 0, model, unseen, seen, rng, explore=0.0)  # always the full search: the slow path
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=200)
    events = parser.parse_args().events
    print(f"{events} events, 40 pitches, 15 judges (a third at random), 20 comparisons each")
    for method in METHODS:
        started = time.perf_counter()
        tau, found = simulate(40, 15, 20, events, method, seed=2026)
        print(f"  {method:<9}: Kendall tau {tau:.3f}, true top three found in {found:.0%} "
              f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
    times = _choice_times(200)
    print(f"  next pitch among 180 unseen of 200: median {statistics.median(times) * 1000:.2f} ms, "
          f"p95 {percentile(times, 0.95) * 1000:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
