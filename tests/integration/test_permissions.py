"""The whole matrix of who may do what: every role against every service, on both databases."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from incubator.accounts import audit
from incubator.accounts import users as accounts
from incubator.accounts.actors import Actor
from incubator.core.errors import NotFound, PermissionDenied
from incubator.core.vocabulary import Role
from incubator.exchange import bundle_export, bundle_import
from incubator.startups import cohorts, teams
from incubator.startups import profiles as startups
from incubator.startups.profiles import StartupProfile
from tests.factories import make_actor, make_cohort, make_startup, make_user


@dataclass
class World:
    coordinator: Actor
    founder: Actor  # founder of "ours"
    other_founder: Actor  # founder of "theirs" only
    mentor: Actor  # mentor of "ours"
    other_mentor: Actor  # mentor of nothing
    ours_id: int


@pytest.fixture
def world(db) -> World:
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        founder = make_user(session, Role.FOUNDER)
        other_founder = make_user(session, Role.FOUNDER)
        mentor = make_user(session, Role.MENTOR)
        other_mentor = make_user(session, Role.MENTOR)
        make_user(session, Role.FOUNDER, email="newfounder@example.org")
        make_user(session, Role.MENTOR, email="newmentor@example.org")
        make_cohort(session, slug="spring")
        ours = make_startup(session, slug="ours", founders=[founder], mentors=[mentor])
        make_startup(session, slug="theirs", founders=[other_founder])
        return World(
            coordinator, Actor.of(founder), Actor.of(other_founder), Actor.of(mentor), Actor.of(other_mentor), ours.id
        )


PROFILE = StartupProfile(name="Ours, renamed", tagline="Better", stage="mvp")

# action name -> the call, given a session, an actor and the world
ACTIONS = {
    "view own startup": lambda s, a, w: startups.get_startup(s, a, "ours"),
    "view startup by id": lambda s, a, w: startups.get_startup_by_id(s, a, w.ours_id),
    "edit startup profile": lambda s, a, w: startups.update_startup_profile(s, a, "ours", PROFILE),
    "create startup": lambda s, a, w: startups.create_startup(s, a, StartupProfile(name="New one")),
    "move startup to cohort": lambda s, a, w: startups.move_startup_to_cohort(s, a, "ours", "spring"),
    "add founder": lambda s, a, w: teams.add_founder(s, a, "ours", "newfounder@example.org"),
    "remove founder": lambda s, a, w: teams.remove_founder(s, a, "ours", "newfounder@example.org"),
    "assign mentor": lambda s, a, w: teams.assign_mentor(s, a, "ours", "newmentor@example.org"),
    "unassign mentor": lambda s, a, w: teams.unassign_mentor(s, a, "ours", "newmentor@example.org"),
    "list cohorts": lambda s, a, w: cohorts.list_cohorts(s, a),
    "create cohort": lambda s, a, w: cohorts.create_cohort(s, a, name="Autumn"),
    "list users": lambda s, a, w: accounts.list_users(s, a),
    "create user": lambda s, a, w: accounts.create_user(s, a, email="x@example.org", name="X", role="mentor"),
    "deactivate user": lambda s, a, w: accounts.set_user_active(s, a, w.other_mentor.id, active=False),
    "reset password": lambda s, a, w: accounts.set_user_password(s, a, w.other_mentor.id, "a new password"),
    "read audit log": lambda s, a, w: audit.list_audit_entries(s, a),
    "export bundle": lambda s, a, w: bundle_export.export_bundle(s, a),
    "import bundle": lambda s, a, w: bundle_import.import_bundle(s, a, {"format": "incubator-bundle", "version": 1}),
}

# Who may do each action; everyone else must be refused with PermissionDenied.
ALLOWED = {
    "view own startup": {"coordinator", "founder", "mentor"},
    "view startup by id": {"coordinator", "founder", "mentor"},
    "edit startup profile": {"coordinator", "founder"},
}
ROLES = ["coordinator", "founder", "other_founder", "mentor", "other_mentor"]


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("who", ROLES)
def test_permission_matrix(db, world, action, who):
    actor = getattr(world, who)
    allowed = who in ALLOWED.get(action, {"coordinator"})
    with db.write() as session:
        if allowed:
            ACTIONS[action](session, actor, world)
        else:
            with pytest.raises(PermissionDenied):
                ACTIONS[action](session, actor, world)


def test_founder_asking_for_a_missing_slug_cannot_tell_it_from_a_forbidden_one(db, world):
    with db.read() as session:
        with pytest.raises(PermissionDenied) as missing:
            startups.get_startup(session, world.founder, "does-not-exist")
        with pytest.raises(PermissionDenied) as forbidden:
            startups.get_startup(session, world.founder, "theirs")
    assert str(missing.value) == str(forbidden.value)


def test_coordinator_is_told_a_missing_startup_does_not_exist(db, world):
    with db.read() as session, pytest.raises(NotFound):
        startups.get_startup(session, world.coordinator, "does-not-exist")


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("coordinator", ["ours", "theirs"]),
        ("founder", ["ours"]),
        ("other_founder", ["theirs"]),
        ("mentor", ["ours"]),
        ("other_mentor", []),
    ],
)
def test_each_role_lists_only_the_startups_it_may_see(db, world, who, expected):
    with db.read() as session:
        visible = startups.list_visible_startups(session, getattr(world, who))
    assert sorted(startup.slug for startup in visible) == expected
