"""Leaderboard maths for a pitch event: pure functions on plain score rows.

raw: for each judge and startup, the weighted mean of the criteria that judge scored;
     a startup's raw score is the mean over its judges.
normalized: for each judge, the z-score of their raw scores over the startups they scored in
     the event, (x - mean) / standard deviation, with the population standard deviation (the
     judge's scores are the whole set, not a sample); a judge whose scores are all equal, or who
     scored one startup only, contributes 0. A startup's normalized score is the mean of its z-scores.
Ranks: higher is better; equal scores share a rank (1, 2, 2, 4); ties are listed by name.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from incubator.core.csv_files import csv_download, csv_text

Method = Literal["raw", "normalized"]
METHODS: tuple[Method, ...] = ("raw", "normalized")


@dataclass(frozen=True)
class ScoreRow:
    """One stored score: a judge's value for one criterion of one startup."""

    judge: str
    startup: str
    criterion: str
    value: float


@dataclass(frozen=True)
class Standing:
    """A startup's place on the leaderboard."""

    rank: int
    startup: str
    name: str
    judges: int
    raw: float
    normalized: float


@dataclass(frozen=True)
class JudgeStatistics:
    """How a judge scores: how many startups, their mean raw score and its spread (population std)."""

    judge: str
    count: int
    mean: float
    spread: float


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values)


def _population_std(values: list[float]) -> float:
    mean = _mean(values)
    return math.sqrt(sum((value - mean) ** 2 for value in values) / len(values))


def judge_raw_scores(rows: Iterable[ScoreRow], weights: Mapping[str, float]) -> dict[tuple[str, str], float]:
    """Return each (judge, startup) pair's weighted mean over the criteria the judge scored."""
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for row in rows:
        weight = weights.get(row.criterion, 1.0)
        pair = totals[(row.judge, row.startup)]
        pair[0] += weight * row.value
        pair[1] += weight
    return {key: weighted / weight for key, (weighted, weight) in totals.items() if weight > 0}


def judge_z_scores(raw: Mapping[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """Return each (judge, startup) pair's z-score within that judge's raw scores."""
    by_judge: dict[str, dict[str, float]] = defaultdict(dict)
    for (judge, startup), value in raw.items():
        by_judge[judge][startup] = value
    z_scores: dict[tuple[str, str], float] = {}
    for judge, scores in by_judge.items():
        values = list(scores.values())
        mean, spread = _mean(values), _population_std(values)
        for startup, value in scores.items():
            z_scores[(judge, startup)] = (value - mean) / spread if spread > 1e-12 else 0.0
    return z_scores


def rank_startups(
    rows: Iterable[ScoreRow], weights: Mapping[str, float], names: Mapping[str, str], method: Method
) -> list[Standing]:
    """Rank every startup that has at least one score, by the chosen method."""
    return rank_raw_scores(judge_raw_scores(rows, weights), names, method)


def rank_raw_scores(raw: Mapping[tuple[str, str], float], names: Mapping[str, str], method: Method) -> list[Standing]:
    """Rank every startup from each (judge, startup) pair's raw score, by the chosen method."""
    z_scores = judge_z_scores(raw)
    per_startup: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for key, value in raw.items():
        per_startup[key[1]].append((value, z_scores[key]))
    unranked = [
        (startup, len(pairs), _mean(raw_value for raw_value, _z in pairs), _mean(z for _raw, z in pairs))
        for startup, pairs in per_startup.items()
    ]

    def score(item: tuple[str, int, float, float]) -> float:
        return round(item[2] if method == "raw" else item[3], 9)  # rounded so float noise makes no false ranks

    ordered = sorted(unranked, key=lambda item: (-score(item), names.get(item[0], item[0]), item[0]))
    standings: list[Standing] = []
    for position, item in enumerate(ordered, start=1):
        tied = standings and score(item) == score(ordered[position - 2])
        rank = standings[-1].rank if tied else position
        standings.append(Standing(rank, item[0], names.get(item[0], item[0]), item[1], item[2], item[3]))
    return standings


def judge_statistics(rows: Iterable[ScoreRow], weights: Mapping[str, float]) -> list[JudgeStatistics]:
    """Return each judge's count, mean and spread of raw scores, so harsh and lenient judges show."""
    return raw_score_statistics(judge_raw_scores(rows, weights))


def raw_score_statistics(raw: Mapping[tuple[str, str], float]) -> list[JudgeStatistics]:
    """Return each judge's count, mean and spread from each (judge, startup) pair's raw score."""
    by_judge: dict[str, list[float]] = defaultdict(list)
    for (judge, _startup), value in raw.items():
        by_judge[judge].append(value)
    return [
        JudgeStatistics(judge, len(values), _mean(values), _population_std(values))
        for judge, values in sorted(by_judge.items())
    ]


def criterion_means(rows: Iterable[ScoreRow]) -> dict[str, dict[str, float]]:
    """Return, per startup, the mean score of each criterion over its judges."""
    collected: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        collected[row.startup][row.criterion].append(row.value)
    return {
        startup: {criterion: _mean(values) for criterion, values in criteria.items()}
        for startup, criteria in collected.items()
    }


COLUMNS = ("rank", "startup", "name", "judges", "raw", "normalized")


def _cells(standing: Standing) -> list[str]:
    return [
        str(standing.rank), standing.startup, standing.name, str(standing.judges),
        f"{standing.raw:.4f}", f"{standing.normalized:.4f}",
    ]  # fmt: skip


def standings_table(standings: list[Standing]) -> str:
    """Write standings as an aligned plain-text table with the same columns as the CSV."""
    rows = [list(COLUMNS), *(_cells(standing) for standing in standings)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(COLUMNS))]
    numeric = {0, 3, 4, 5}
    lines = [
        "  ".join(
            cell.rjust(width) if index in numeric else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    return "\n".join(lines) + "\n"


STANDINGS_HEADER = ("rank", "startup", "name", "judges", "raw", "normalized")


def standings_rows(standings: list[Standing]) -> list[tuple[object, ...]]:
    """Return the standings as CSV rows under STANDINGS_HEADER, scores with 4 decimals."""
    return [
        (row.rank, row.startup, row.name, row.judges, f"{row.raw:.4f}", f"{row.normalized:.4f}") for row in standings
    ]


def standings_csv(standings: list[Standing]) -> str:
    """Write standings as CSV text (the command line's output): rank,startup,name,judges,raw,normalized."""
    return csv_text(STANDINGS_HEADER, standings_rows(standings), line_end="\n")


def standings_download(standings: list[Standing]) -> bytes:
    """Return the standings as a CSV file to download (the same columns, UTF-8 with a BOM)."""
    return csv_download(STANDINGS_HEADER, standings_rows(standings))
