"""A whole cohort in one step: a pasted table of people becomes accounts, startups, teams, invitations, or nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from incubator.accounts.invitations import accept_invitation
from incubator.core.vocabulary import Role
from incubator.db.models import Invitation, Startup, User
from incubator.exchange.people_table import TableRefused, enrol_people, read_people_table
from tests.factories import make_actor, make_cohort, make_user

PASTE = (
    "name\temail\trole\tstartup\n"
    "Zoé Martin\tzoe@example.org\tfounder\tKitchen Share\n"
    "Omar Benali\tomar@example.org\tfondateur\tKitchen Share\n"
    "Sara De Smet\tsara@example.org\tmentor\tKitchen Share\n"
)


def _counts(session) -> tuple[int, int, int]:
    return (
        session.scalar(select(func.count()).select_from(User)),
        session.scalar(select(func.count()).select_from(Startup)),
        session.scalar(select(func.count()).select_from(Invitation)),
    )


def test_a_pasted_cohort_makes_accounts_one_startup_its_team_and_an_invitation_each(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        cohort = make_cohort(session)
        done = enrol_people(session, coordinator, cohort.slug, PASTE)
    assert [issued.email for issued in done.invitations] == ["zoe@example.org", "omar@example.org", "sara@example.org"]
    assert done.startups_created == ["Kitchen Share"]
    with db.read() as session:
        startup = session.scalar(select(Startup).where(Startup.slug == "kitchen-share"))
        assert startup.cohort.slug == cohort.slug
        assert {user.email for user in startup.founders} == {"zoe@example.org", "omar@example.org"}
        assert [user.email for user in startup.mentors] == ["sara@example.org"]
    with db.write() as session:  # each link works for its own person
        accept_invitation(session, done.invitations[1].token, "a long password here", "fr")


def test_one_bad_row_saves_nothing_and_every_bad_row_is_named(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        cohort = make_cohort(session)
        before = _counts(session)
    bad = (
        PASTE
        + "No Email\t\tfounder\tX\nZoé again\tZOE@example.org\tfounder\tKitchen Share\nBob\tbob@example.org\tboss\t\n"
    )
    with db.write() as session, pytest.raises(TableRefused) as refused:
        enrol_people(session, coordinator, cohort.slug, bad)
    assert [(problem.row, problem.column) for problem in refused.value.problems] == [
        (5, "email"), (6, "email"), (7, "role")
    ]  # fmt: skip
    assert "this email is also on row 2" in str(refused.value)
    with db.read() as session:
        assert _counts(session) == before


def test_existing_people_and_startups_are_matched_never_doubled(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        cohort = make_cohort(session)
        make_user(session, Role.FOUNDER, email="zoe@example.org", password="her own password")
        enrol_people(session, coordinator, cohort.slug, PASTE)
    with db.write() as session:
        again = enrol_people(session, coordinator, cohort.slug, PASTE)
    assert again.startups_created == [] and "zoe@example.org" in again.already_signing_in
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Startup)) == 1
        assert session.scalar(select(func.count()).select_from(User).where(User.email == "zoe@example.org")) == 1


def test_a_person_of_another_role_or_a_startup_of_another_cohort_is_refused(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        cohort, other = make_cohort(session), make_cohort(session)
        make_user(session, Role.MENTOR, email="zoe@example.org")
        enrol_people(
            session, coordinator, other.slug, "name,email,role,startup\nAli,ali@example.org,founder,Kitchen Share"
        )
    with db.write() as session, pytest.raises(TableRefused) as refused:
        enrol_people(session, coordinator, cohort.slug, PASTE)
    assert [(problem.row, problem.column) for problem in refused.value.problems][:2] == [(2, "role"), (2, "startup")]


@pytest.mark.parametrize(
    ("content", "fault"),
    [
        ("email;name\nx@y.be;X", "the first row must name"),
        ("name,email,role,startup\n", "nobody in it"),
        (b"\xff\xfe" + "name\temail\trole\tstartup\nA\ta@b.be\tmentor\t\n".encode("utf-16-le"), None),
        (b"name,email,role,startup\n\xc3(,a@b.be,mentor,", "not UTF-8"),
        ('name,email,role,startup\n"A,a@b.be,mentor,', None),
    ],
)
def test_the_door_reads_spreadsheet_files_and_refuses_the_rest_in_one_line(content, fault):
    if fault is None:
        try:
            read_people_table(content)
        except TableRefused as refused:
            assert len(str(refused).splitlines()) == 1 and len(str(refused)) < 300
        return
    with pytest.raises(TableRefused, match=fault) as refused:
        read_people_table(content)
    assert len(str(refused.value)) < 300


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300) | st.binary(max_size=300))
def test_any_input_is_read_or_refused_with_row_messages_never_a_crash(content):
    try:
        rows = read_people_table(content)
    except TableRefused as refused:
        assert refused.problems and all(problem.row >= 1 for problem in refused.problems)
    else:
        assert rows and all(row.email and row.name for row in rows)
