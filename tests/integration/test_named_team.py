"""Founders name team members who have no account; the one-pager and the deck's team slide show them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incubator.accounts.actors import Actor
from incubator.core.errors import PermissionDenied, ValidationFailed
from incubator.core.vocabulary import Role
from incubator.deck.versions import deck_sources
from incubator.reports.investor_summary import investor_summary
from incubator.startups.teams import MOST_NAMED_MEMBERS, NamedMember, named_members, set_named_members
from tests.factories import make_startup, make_user

SYSTEM = Actor.command_line()


@pytest.fixture
def team(db):
    with db.write() as session:
        founder = make_user(session, Role.FOUNDER, password="a founder's password", display_name="Zoé Founder")
        mentor = make_user(session, Role.MENTOR, password="a mentor's password")
        make_startup(session, founders=[founder], mentors=[mentor], slug="crew", name="Crew")
        return Actor.of(founder), Actor.of(mentor)


def test_a_founder_names_members_the_one_pager_and_deck_show_them_after_the_founders(db, team):
    founder, _mentor = team
    typed = [NamedMember(" Karim Designer ", "Design, part time"), NamedMember("", ""), NamedMember("Lina", "")]
    with db.write() as session:
        assert set_named_members(session, founder, "crew", typed) == [
            NamedMember("Karim Designer", "Design, part time"), NamedMember("Lina", "")
        ]  # fmt: skip
    with db.read() as session:
        assert [m.name for m in named_members(session, founder, "crew")] == ["Karim Designer", "Lina"]
        assert investor_summary(session, SYSTEM, "crew").team == [
            "Zoé Founder", "Karim Designer (Design, part time)", "Lina"
        ]  # fmt: skip
        sources, _version = deck_sources(session, founder, "crew")
    assert sources["team"].splitlines() == ["Zoé Founder", "Karim Designer (Design, part time)", "Lina"]


def test_a_mentor_may_not_name_the_team(db, team):
    _founder, mentor = team
    with db.write() as session, pytest.raises(PermissionDenied):
        set_named_members(session, mentor, "crew", [NamedMember("Intruder")])
    with db.read() as session:
        assert named_members(session, SYSTEM, "crew") == []


@pytest.mark.parametrize(
    ("members", "where"),
    [
        ([NamedMember("Ok"), NamedMember("", "designer")], "Team member 2: the name cannot be empty."),
        ([NamedMember("Lina"), NamedMember("lina ")], "Team member 2: lina is named twice."),
        ([NamedMember("x" * 101)], "Team member 1 · Name is 101 characters long; the limit is 100."),
        ([NamedMember("Bad\x07name")], "Team member 1 · Name contains invisible control characters."),
        ([NamedMember(f"P{n}") for n in range(MOST_NAMED_MEMBERS + 1)], "at most 12 people"),
    ],
)
def test_a_bad_row_changes_nothing_and_says_which_row(db, team, members, where):
    founder, _mentor = team
    with db.write() as session:
        set_named_members(session, founder, "crew", [NamedMember("Kept", "CTO")])
    with db.write() as session, pytest.raises(ValidationFailed) as refused:
        set_named_members(session, founder, "crew", members)
    assert where in str(refused.value) and len(str(refused.value)) < 300 and "\n" not in str(refused.value)
    with db.read() as session:
        assert named_members(session, founder, "crew") == [NamedMember("Kept", "CTO")]


# Each example sets the team back to one member first, so sharing the database between examples is safe.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.text(max_size=120), st.text(max_size=120)), max_size=14))
def test_any_typed_table_is_kept_exactly_or_refused_whole(db, team, rows):
    founder, _mentor = team
    with db.write() as session:
        set_named_members(session, founder, "crew", [NamedMember("Before")])
    members = [NamedMember(name, role) for name, role in rows]
    try:
        with db.write() as session:
            kept = set_named_members(session, founder, "crew", members)
    except ValidationFailed as refused:
        assert len(str(refused)) < 300 and "\n" not in str(refused)
        kept = [NamedMember("Before")]
    with db.read() as session:
        assert named_members(session, founder, "crew") == kept
