"""Invitations: a one-time link, stored hashed, that expires, is used once, can be withdrawn, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from incubator.accounts.authentication import actor_for_token, sign_in_with_password, sign_in_with_single_sign_on
from incubator.accounts.invitations import (
    INVITATION_LIFETIME,
    InvitationRefused,
    accept_invitation,
    invite_person,
    open_invitation,
    pending_invitations,
    revoke_invitation,
)
from incubator.accounts.users import set_user_active
from incubator.core.errors import PermissionDenied, ValidationFailed
from incubator.core.vocabulary import Role
from incubator.db.models import Invitation, User, utc_now
from tests.factories import make_actor, make_user

PASSWORD = "a long new password"


def _invite(db, email: str = "zoe@example.org", when: dt.datetime | None = None):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        issued = invite_person(session, coordinator, email=email, name="Zoé Martin", role="founder", now=when)
    return coordinator, issued


def test_an_invited_person_chooses_a_password_and_language_and_is_signed_in(db):
    _coordinator, issued = _invite(db)
    assert issued.link.endswith(f"/?invitation={issued.token}")
    with db.read() as session:
        assert open_invitation(session, issued.token).display_name == "Zoé Martin"
    with db.write() as session:
        session_token = accept_invitation(session, issued.token, PASSWORD, "fr")
    with db.read() as session:
        actor = actor_for_token(session, session_token)
    assert actor is not None and actor.email == "zoe@example.org" and actor.language == "fr"
    signed_in, _token = sign_in_with_password(db, "zoe@example.org", PASSWORD)
    assert signed_in.id == actor.id


def test_the_token_is_never_stored_in_clear(db):
    _coordinator, issued = _invite(db)
    with db.read() as session:
        tables = [name for (name,) in session.execute(select(Invitation.__table__.c.token_hash))]
        dump = " ".join(
            str(value)
            for table in ("invitations", "users", "audit_entries")
            for row in session.execute(text(f"SELECT * FROM {table}"))
            for value in row
        )
    assert issued.token not in dump and len(tables) == 1 and tables[0] != issued.token


def test_a_link_works_once(db):
    _coordinator, issued = _invite(db)
    with db.write() as session:
        accept_invitation(session, issued.token, PASSWORD, "en")
    with db.write() as session, pytest.raises(InvitationRefused, match="already used"):
        accept_invitation(session, issued.token, "another password!", "en")
    signed_in, _token = sign_in_with_password(db, "zoe@example.org", PASSWORD)  # the first password stands
    assert signed_in.email == "zoe@example.org"


def test_a_link_expires_after_seven_days(db):
    then = utc_now() - INVITATION_LIFETIME - dt.timedelta(minutes=1)
    _coordinator, issued = _invite(db, when=then)
    with db.write() as session, pytest.raises(InvitationRefused, match="expired"):
        accept_invitation(session, issued.token, PASSWORD, "en")
    with db.read() as session:
        assert session.scalar(select(User.password_hash).where(User.email == "zoe@example.org")) is None


def test_a_withdrawn_link_and_an_earlier_link_of_a_new_invitation_no_longer_work(db):
    coordinator, first = _invite(db)
    with db.write() as session:
        second = invite_person(session, coordinator, email="ZOE@example.org", name="Zoé Martin", role="founder")
    with db.write() as session, pytest.raises(InvitationRefused, match="withdrawn"):
        accept_invitation(session, first.token, PASSWORD, "en")
    with db.read() as session:
        [pending] = pending_invitations(session, coordinator)
    with db.write() as session:
        revoke_invitation(session, coordinator, pending.id)
    with db.write() as session, pytest.raises(InvitationRefused, match="withdrawn"):
        accept_invitation(session, second.token, PASSWORD, "en")
    with db.read() as session:
        assert pending_invitations(session, coordinator) == []
        assert session.scalar(select(User.id).where(User.email == "zoe@example.org")) is not None  # one account


def test_a_link_for_a_deactivated_account_is_refused(db):
    coordinator, issued = _invite(db)
    with db.write() as session:
        user_id = session.scalar(select(User.id).where(User.email == "zoe@example.org"))
        set_user_active(session, coordinator, user_id, False)
    with db.write() as session, pytest.raises(InvitationRefused, match="deactivated"):
        accept_invitation(session, issued.token, PASSWORD, "en")
    with db.write() as session, pytest.raises(ValidationFailed, match="deactivated"):
        invite_person(session, coordinator, email="zoe@example.org", name="Zoé", role="founder")


def test_unknown_and_malformed_links_are_refused_alike(db):
    with db.read() as session:
        for token in ("", "x" * 43, "../../etc/passwd", "\u0000"):
            with pytest.raises(InvitationRefused, match="not valid"):
                open_invitation(session, token)


def test_a_short_password_is_refused_and_the_link_still_works(db):
    _coordinator, issued = _invite(db)
    with db.write() as session, pytest.raises(ValidationFailed, match="at least 10"):
        accept_invitation(session, issued.token, "short", "en")
    with db.write() as session:
        accept_invitation(session, issued.token, PASSWORD, "nl")


def test_someone_with_a_password_is_not_invited_and_only_coordinators_invite(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        founder = make_user(session, Role.FOUNDER, password="their own password")
        mentor = make_actor(session, Role.MENTOR)
    with db.write() as session, pytest.raises(ValidationFailed, match="can sign in"):
        invite_person(session, coordinator, email=founder.email, name="X", role="founder")
    with db.write() as session, pytest.raises(PermissionDenied):
        invite_person(session, mentor, email="new@example.org", name="New", role="founder")


def test_signing_in_with_single_sign_on_uses_the_invitation_up(db):
    coordinator, issued = _invite(db)
    sign_in_with_single_sign_on(db, "zoe@example.org")
    with db.read() as session:
        assert pending_invitations(session, coordinator) == []
    with db.write() as session, pytest.raises(InvitationRefused, match="already used"):
        accept_invitation(session, issued.token, PASSWORD, "en")


def test_two_browsers_accepting_one_link_at_once_use_it_once(db):
    import threading

    from incubator.accounts.invitations import accept_invitation_link

    _coordinator, issued = _invite(db)
    outcomes: list[str] = []

    def accept(password: str) -> None:
        try:
            accept_invitation_link(db, issued.token, password, "en")
            outcomes.append("accepted")
        except InvitationRefused:
            outcomes.append("refused")

    threads = [threading.Thread(target=accept, args=(f"password number {n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "refused", "refused", "refused"]
    with db.read() as session:
        used = select(func.count()).select_from(Invitation).where(Invitation.used_at.is_not(None))
        assert session.scalar(used) == 1


def test_inviting_an_existing_account_as_another_role_is_refused(db):
    coordinator, _issued = _invite(db)
    with db.write() as session, pytest.raises(ValidationFailed, match="another role"):
        invite_person(session, coordinator, email="zoe@example.org", name="Zoé Martin", role="mentor")
    with db.read() as session:
        assert session.scalar(select(User.role).where(User.email == "zoe@example.org")) is Role.FOUNDER
