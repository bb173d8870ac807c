"""Accounts, cohorts and startups: the rules their services keep, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from incubator.accounts.actors import Actor
from incubator.accounts.audit import list_audit_entries
from incubator.accounts.passwords import verify_password
from incubator.accounts.users import change_own_password, create_user, list_users, set_own_language, set_user_active
from incubator.core.errors import PermissionDenied, ValidationFailed
from incubator.core.vocabulary import Role, Stage
from incubator.db.models import AuditEntry, Startup, User
from incubator.startups.cohorts import create_cohort
from incubator.startups.profiles import StartupProfile, create_startup, update_startup_profile
from incubator.startups.teams import add_founder
from tests.factories import make_actor, make_startup, make_user


def test_created_account_stores_a_lower_case_email_and_an_argon2id_hash(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        create_user(
            session, coordinator, email=" Amina@Example.ORG ", name="Amina", role="founder", password="long enough"
        )
    with db.read() as session:
        user = session.scalar(select(User).where(User.email == "amina@example.org"))
    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, "long enough")


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": "taken@example.org"}, "email"),
        ({"email": "TAKEN@example.org"}, "email"),
        ({"name": "   "}, "name"),
        ({"role": "admin"}, "role"),
        ({"password": "short"}, "password"),
    ],
)
def test_bad_account_input_is_refused_naming_the_field(db, values, field):
    with db.write() as session:
        make_user(session, email="taken@example.org")
        coordinator = make_actor(session, Role.COORDINATOR)
        arguments = {"email": "new@example.org", "name": "New", "role": "mentor", "password": "long enough"} | values
        with pytest.raises(ValidationFailed) as refused:
            create_user(session, coordinator, **arguments)
    assert refused.value.field == field


def test_coordinator_cannot_deactivate_themselves(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        with pytest.raises(PermissionDenied):
            set_user_active(session, coordinator, coordinator.id, active=False)


def test_changing_own_password_needs_the_current_one(db):
    with db.write() as session:
        founder = make_actor(session, password="first password")
        assert change_own_password(session, founder, "wrong", "second password") == "The current password is not right."
        assert change_own_password(session, founder, "first password", "second password") is None
        assert verify_password(session.get(User, founder.id).password_hash, "second password")


def test_language_is_stored_on_the_account(db):
    with db.write() as session:
        founder = make_actor(session)
        updated = set_own_language(session, founder, "en")
        assert updated.language == "en"
        with pytest.raises(ValidationFailed):
            set_own_language(session, founder, "xx")


def test_cohort_cannot_end_before_it_starts_and_slugs_are_unique(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        cohort = create_cohort(session, coordinator, name="Printemps 2027 — Molenbeek")
        assert cohort.slug == "printemps-2027-molenbeek"
        with pytest.raises(ValidationFailed):
            create_cohort(session, coordinator, name="Printemps 2027 — Molenbeek")
        with pytest.raises(ValidationFailed):
            create_cohort(
                session, coordinator, name="Later", starts_on=dt.date(2027, 3, 1), ends_on=dt.date(2027, 2, 1)
            )


def test_founder_updates_own_profile_and_the_change_is_audited(db):
    with db.write() as session:
        founder_user = make_user(session)
        make_startup(session, slug="ours", founders=[founder_user])
        founder = Actor.of(founder_user)
    with db.write() as session:
        update_startup_profile(
            session,
            founder,
            "ours",
            StartupProfile(name="Ours", tagline="Café <b>& more</b>", stage="traction", website="HTTPS://ours.example"),
        )
    with db.read() as session:
        startup = session.scalar(select(Startup).where(Startup.slug == "ours"))
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "update"))
    assert startup.tagline == "Café <b>& more</b>" and startup.stage is Stage.TRACTION
    assert startup.website == "https://ours.example"  # the scheme in the one form the bundle contract takes
    assert entry.actor_id == founder.id and entry.record_key == "ours"


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        (StartupProfile(name=""), "name"),
        (StartupProfile(name="X", stage="unicorn"), "stage"),
        (StartupProfile(name="X", website="javascript:alert(1)"), "website"),
        (StartupProfile(name="X", website="data:text/html,<b>x</b>"), "website"),
        (StartupProfile(name="X", website="https://a.org\nhttps://b.org"), "website"),
        (StartupProfile(name="X", contact_email="nope"), "contact_email"),
        (StartupProfile(name="X", tagline="x" * 201), "tagline"),
        (StartupProfile(name="X\x07"), "name"),
    ],
)
def test_bad_profile_input_is_refused(db, profile, field):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        make_startup(session, slug="ours")
        with pytest.raises(ValidationFailed) as refused:
            update_startup_profile(session, coordinator, "ours", profile)
    assert refused.value.field == field


def test_only_a_founder_account_can_join_a_founding_team(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        make_user(session, Role.MENTOR, email="mentor@example.org")
        create_startup(session, coordinator, StartupProfile(name="Souk Direct"))
        with pytest.raises(ValidationFailed):
            add_founder(session, coordinator, "souk-direct", "mentor@example.org")
        with pytest.raises(ValidationFailed):
            add_founder(session, coordinator, "souk-direct", "nobody@example.org")


def test_audit_log_lists_newest_first(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        create_cohort(session, coordinator, name="First")
        create_cohort(session, coordinator, name="Second")
        entries = list_audit_entries(session, coordinator)
    assert [entry.record_key for entry in entries[:2]] == ["second", "first"]


def test_people_are_listed_coordinators_first_then_mentors_then_founders(db):
    with db.write() as session:
        make_user(session, Role.FOUNDER, display_name="Aaron")
        make_user(session, Role.MENTOR, display_name="Zoe")
        coordinator = make_actor(session, Role.COORDINATOR, display_name="Nadia")
        listed = [user.role for user in list_users(session, coordinator)]
    assert listed == [Role.COORDINATOR, Role.MENTOR, Role.FOUNDER]
