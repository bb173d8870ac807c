"""A demo day to play: an event with its pitches and judges, and the check that every saved tap is stored once.

Shared by the browser test of a whole demo day and by the benchmarks that play one.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from sqlalchemy import func, select

from incubator.accounts.actors import Actor
from incubator.accounts.authentication import start_sign_in_session
from incubator.core.vocabulary import Role, ScoringState
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.db.models import PitchEvent, Score, Startup, User
from incubator.judging.events import create_event, set_lineup, set_scoring
from incubator.judging.rubrics import get_rubric
from tests.factories import make_cohort, make_startup, make_user

PASSWORD = "a judge's password"
EVENT = "demo-day"
CRITERIA = [(criterion.name, criterion.title) for criterion in get_rubric("demo-day").criteria]


@dataclass(frozen=True)
class DemoDay:
    """The people and pitches of one demo day to play."""

    coordinator: str
    judges: list[str]
    pitches: list[tuple[str, str]]  # (slug, name) in pitching order


def seed_demo_day(database_url: str, judges: int, pitches: int, *, with_passwords: bool) -> DemoDay:
    """Make a migrated database with a coordinator, `judges` judges and `pitches` startups at an open event."""
    database = Database.from_url(database_url)
    upgrade_database(database)
    password = PASSWORD if with_passwords else None
    day = DemoDay(
        coordinator="coordinator@demo-day.example.org",
        judges=[f"judge{number:02d}@demo-day.example.org" for number in range(1, judges + 1)],
        pitches=[(f"startup-{number:02d}", f"Startup {number:02d}") for number in range(1, pitches + 1)],
    )
    with database.write() as session:
        coordinator = make_user(session, Role.COORDINATOR, password=password, email=day.coordinator)
        for email in day.judges:
            make_user(session, Role.MENTOR, password=password, email=email)
        cohort = make_cohort(session, slug="demo-day-cohort", name="Demo day cohort")
        for slug, name in day.pitches:
            make_startup(session, slug=slug, name=name, cohort=cohort)
        actor = Actor.of(coordinator)
        create_event(session, actor, name="Demo day", slug=EVENT, cohort_slug="demo-day-cohort")
        set_lineup(session, actor, EVENT, [slug for slug, _name in day.pitches], day.judges)
        set_scoring(session, actor, EVENT, ScoringState.OPEN)
    database.dispose()
    return day


def sign_in_tokens(database_url: str, emails: list[str]) -> dict[str, str]:
    """Open a sign-in session for each person, as the sign-in form would; return their cookies' tokens."""
    database = Database.from_url(database_url)
    with database.write() as session:
        users = {user.email: user for user in session.scalars(select(User).where(User.email.in_(emails)))}
        tokens = {email: start_sign_in_session(session, Actor.of(users[email])) for email in emails}
    database.dispose()
    return tokens


@dataclass(frozen=True)
class StoredCheck:
    """How the taps that showed "Saved" compare with what the database holds."""

    lost: int  # shown saved, but missing or stored with another value
    duplicated: int  # stored more than once
    unexpected: int  # stored, but never shown saved

    @property
    def clean(self) -> bool:
        return not (self.lost or self.duplicated or self.unexpected)


def check_stored(database_url: str, saved: dict[tuple[str, str, str], int]) -> StoredCheck:
    """Compare the taps shown saved ((judge, startup, criterion) -> value) with the event's stored scores."""
    database = Database.from_url(database_url)
    with database.read() as session:
        rows = session.execute(
            select(User.email, Startup.slug, Score.criterion, func.max(Score.value), func.count())
            .join(User, User.id == Score.judge_id)
            .join(Startup, Startup.id == Score.startup_id)
            .join(PitchEvent, PitchEvent.id == Score.event_id)
            .where(PitchEvent.slug == EVENT)
            .group_by(User.email, Startup.slug, Score.criterion)
        ).all()
    database.dispose()
    stored = {(judge, startup, criterion): (int(value), count) for judge, startup, criterion, value, count in rows}
    lost = sum(1 for key, value in saved.items() if stored.get(key, (None, 0))[0] != value)
    duplicated = sum(1 for _value, count in stored.values() if count > 1)
    unexpected = sum(1 for key in stored if key not in saved)
    return StoredCheck(lost, duplicated, unexpected)


def percentile(values: list[float], share: float) -> float:
    """Return the value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))] if ordered else float("nan")


def tap_figures(latencies: list[float], failed: int, check: StoredCheck) -> list[str]:
    """Return the lines that report taps: latency (median, p95, max), failed taps, lost or doubled ones."""
    return [
        f"  tap to saved     : median {statistics.median(latencies) * 1000:6.0f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:6.0f} ms, max {max(latencies) * 1000:6.0f} ms",
        f"  failed taps      : {failed}; lost {check.lost}, stored twice {check.duplicated}, "
        f"stored but never confirmed {check.unexpected}",
    ]
