"""The demo cohort a newcomer can click through: `templates/demo/bundle.json`, in English, French or Dutch."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.accounts.passwords import hash_password
from incubator.core.errors import ValidationFailed
from incubator.core.i18n import DEFAULT_LANGUAGE, N_, SUPPORTED_LANGUAGES, _
from incubator.core.labels import DEMO_NOTE, IMPORTED_NOTE
from incubator.core.vocabulary import ScoringState
from incubator.db.models import CanvasVersion, Cohort, DeckVersion, Startup, User
from incubator.exchange.bundle_import import ImportReport, import_bundle
from incubator.exchange.demo_texts import DEMO_DIR, translate_bundle
from incubator.judging.events import publish_results, set_judges, set_scoring

DEMO_BUNDLE_PATH = DEMO_DIR / "bundle.json"
# Shown on the sign-in page and in the README while the demo accounts exist; never use it for real people.
DEMO_PASSWORD = "demo-incubator"
# The languages' names as a sentence uses them ("loaded in French"), unlike the pickers' own names.
_LANGUAGE_IN_A_SENTENCE = {"en": N_("English"), "fr": N_("French"), "nl": N_("Dutch")}
REHEARSAL, DEMO_DAY = "pitch-rehearsal-autumn-2026", "demo-day-autumn-2026"


@dataclass(frozen=True)
class DemoAccount:
    """A demo sign-in to show a newcomer."""

    email: str
    name: str
    role: str


@cache
def demo_bundle(language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """Return the demo data as a bundle, its texts in `language`."""
    bundle: dict[str, Any] = json.loads(DEMO_BUNDLE_PATH.read_text(encoding="utf-8"))
    return translate_bundle(bundle, language)


def _started_with_their_cohort(session: Session, slugs: list[str]) -> None:
    """Date the demo's startups from their cohort's start, as their story is told (not from the load)."""
    for startup in session.scalars(select(Startup).where(Startup.slug.in_(slugs))):
        if startup.cohort is not None and startup.cohort.starts_on is not None:
            startup.created_at = dt.datetime.combine(startup.cohort.starts_on, dt.time(9), tzinfo=dt.UTC)


def load_demo(session: Session, language: str = DEFAULT_LANGUAGE) -> ImportReport:
    """Import the demo bundle, its texts in `language`, and give its people the demo password.

    Loading twice duplicates nothing. The language is the one of the first load: metrics and
    mentors' notes are known by their text, so a second language would add them a second time.
    """
    loaded = _language_loaded(session)
    if loaded is not None and loaded != language:
        refusal = _(
            "The demo cohort is already loaded in {loaded}; it can be loaded in {wanted} into an empty database."
        )
        raise ValidationFailed(
            refusal.format(loaded=_(_LANGUAGE_IN_A_SENTENCE[loaded]), wanted=_(_LANGUAGE_IN_A_SENTENCE[language]))
        )
    report = import_bundle(session, Actor.app_itself(), demo_bundle(language))
    emails = [user["email"] for user in demo_bundle()["users"]]
    session.execute(
        update(User)
        .where(User.email.in_(emails), User.password_hash.is_(None))
        .values(password_hash=hash_password(DEMO_PASSWORD))
    )
    if report.created["events"]:
        _set_the_demo_events_going(session)
    slugs = [startup["slug"] for startup in demo_bundle()["startups"]]
    if report.created["startups"]:
        _started_with_their_cohort(session, slugs)
    for model in (CanvasVersion, DeckVersion):
        session.execute(
            update(model)
            .where(model.note == IMPORTED_NOTE, model.startup_id.in_(select(Startup.id).where(Startup.slug.in_(slugs))))
            .values(note=DEMO_NOTE)
        )
    return report


def _language_loaded(session: Session) -> str | None:
    """Return the language the demo cohort was loaded in, or None when it is absent (or renamed)."""
    cohort = demo_bundle()["cohorts"][0]
    name = session.scalar(select(Cohort.name).where(Cohort.slug == cohort["slug"]))
    return next((code for code in SUPPORTED_LANGUAGES if demo_bundle(code)["cohorts"][0]["name"] == name), None)


def _set_the_demo_events_going(session: Session) -> None:
    # A bundle carries no scoring state: show a finished rehearsal and a demo day that judges can try out.
    system = Actor.app_itself()
    mentors = [user["email"] for user in demo_bundle()["users"] if user["role"] == "mentor"]
    set_scoring(session, system, REHEARSAL, ScoringState.CLOSED)
    publish_results(session, system, REHEARSAL)
    set_judges(session, system, DEMO_DAY, mentors)
    set_scoring(session, system, DEMO_DAY, ScoringState.OPEN)


def database_is_empty(session: Session) -> bool:
    """Tell whether no account exists yet (a fresh database)."""
    return session.scalar(select(func.count()).select_from(User)) == 0


def demo_accounts_present(session: Session) -> list[DemoAccount]:
    """Return the demo accounts that still exist and are active, one of each role first."""
    emails = [user["email"] for user in demo_bundle()["users"]]
    present = session.scalars(select(User).where(User.email.in_(emails), User.is_active.is_(True))).all()
    by_email = {user.email: user for user in present}
    return [
        DemoAccount(email=user.email, name=user.display_name, role=user.role.value)
        for email in emails
        if (user := by_email.get(email)) is not None
    ]
