"""Pure rules about progress: overdue milestones, share done, month-over-month growth, stale startups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from incubator.core.vocabulary import MilestoneStatus

OPEN_STATUSES = (MilestoneStatus.PLANNED, MilestoneStatus.IN_PROGRESS, MilestoneStatus.BLOCKED)


def is_overdue(status: MilestoneStatus | str, due: dt.date | None, today: dt.date) -> bool:
    """A milestone is overdue when its due date has passed and it is neither done nor dropped."""
    return due is not None and due < today and MilestoneStatus(status) in OPEN_STATUSES


def share_done(statuses: Iterable[MilestoneStatus | str]) -> float | None:
    """Return the share of milestones done, leaving dropped ones out; None when there are none to count."""
    counted = [MilestoneStatus(status) for status in statuses if MilestoneStatus(status) is not MilestoneStatus.DROPPED]
    if not counted:
        return None
    return sum(1 for status in counted if status is MilestoneStatus.DONE) / len(counted)


def month_over_month_growth(points: Sequence[tuple[dt.date, float]]) -> float | None:
    """Return the growth from the previous month to the latest month with a value, as a fraction.

    Each month is represented by its last value; None when there are not two months yet or the
    previous month's value is zero (growth from zero has no rate).
    """
    last_of_month: dict[tuple[int, int], tuple[dt.date, float]] = {}
    for day, value in sorted(points):
        last_of_month[(day.year, day.month)] = (day, value)
    months = sorted(last_of_month)
    if len(months) < 2:
        return None
    latest, previous = last_of_month[months[-1]][1], last_of_month[months[-2]][1]
    if previous == 0:
        return None
    return (latest - previous) / abs(previous)


def is_stale(last_activity: dt.date | None, today: dt.date, days: int, since: dt.date | None = None) -> bool:
    """Tell whether nothing happened for `days` days, counted from the later of the last activity and `since`.

    `since` is when there was first something to hear from (a startup's creation): a startup made ten
    minutes ago has not been silent for three weeks. With neither date, it has always been silent.
    """
    known = [moment for moment in (last_activity, since) if moment is not None]
    return not known or (today - max(known)).days > days


def thinned_series(points: Sequence[tuple[dt.date, float]], limit: int) -> list[tuple[dt.date, float]]:
    """Return at most about `limit` points of a date-ordered series that draw the same line.

    The series is cut into equal runs and each run keeps its lowest and highest point (in date
    order), so peaks and dips survive, and the first and last points always do.
    """
    if len(points) <= limit:
        return list(points)
    runs = max(1, (limit - 2) // 2)
    size = (len(points) - 2) / runs
    kept = [points[0]]
    for run in range(runs):
        chunk = points[1 + int(run * size) : 1 + int((run + 1) * size)]
        if chunk:
            low = min(range(len(chunk)), key=lambda index: chunk[index][1])
            high = max(range(len(chunk)), key=lambda index: chunk[index][1])
            kept.extend(chunk[index] for index in sorted({low, high}))
    kept.append(points[-1])
    return kept
