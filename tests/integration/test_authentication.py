"""Signing in with a password, locking out, sign-in sessions and single sign-on, on both databases."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from incubator.accounts import authentication
from incubator.accounts.actors import Actor
from incubator.accounts.authentication import (
    LOCK_OUT_FOR,
    MAX_FAILED_SIGN_INS,
    SIGN_IN_SESSION_LIFETIME,
    actor_for_single_sign_on,
    actor_for_token,
    end_sign_in_session,
    sign_in_with_password,
    start_sign_in_session,
)
from incubator.accounts.passwords import needs_rehash
from incubator.accounts.users import set_user_active
from incubator.core.errors import SignInFailed
from incubator.core.vocabulary import Role
from incubator.db.models import SignInSession, User, utc_now
from tests.factories import make_actor, make_user

PASSWORD = "correct horse"


def _make_founder(db, **overrides) -> User:
    with db.write() as session:
        return make_user(session, Role.FOUNDER, password=PASSWORD, **overrides)


def test_right_password_signs_in_and_the_token_finds_the_person(db):
    founder = _make_founder(db)
    actor, token = sign_in_with_password(db, founder.email.upper(), PASSWORD)
    assert actor.id == founder.id
    with db.read() as session:
        assert actor_for_token(session, token) == actor


def test_wrong_password_and_unknown_email_get_the_same_message(db):
    founder = _make_founder(db)
    with pytest.raises(SignInFailed) as wrong_password:
        sign_in_with_password(db, founder.email, "wrong password")
    with pytest.raises(SignInFailed) as unknown_email:
        sign_in_with_password(db, "nobody@example.org", PASSWORD)
    assert str(wrong_password.value) == str(unknown_email.value)


def test_password_typed_in_another_unicode_form_still_matches(db):
    nfc = unicodedata.normalize("NFC", "café au lait")
    nfd = unicodedata.normalize("NFD", "café au lait")
    assert nfc != nfd
    with db.write() as session:
        founder = make_user(session, password=nfc)
    actor, _token = sign_in_with_password(db, founder.email, nfd)
    assert actor.id == founder.id


def test_repeated_failures_lock_the_account_even_for_the_right_password(db):
    founder = _make_founder(db)
    for _attempt in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInFailed):
            sign_in_with_password(db, founder.email, "wrong password")
    with pytest.raises(SignInFailed):
        sign_in_with_password(db, founder.email, PASSWORD)
    with db.read() as session:
        assert session.get(User, founder.id).locked_until is not None


def test_a_locked_account_opens_again_after_the_lock_out(db):
    founder = _make_founder(db)
    later = utc_now() + LOCK_OUT_FOR + dt.timedelta(seconds=1)
    with db.write() as session:
        for _attempt in range(MAX_FAILED_SIGN_INS):
            assert authentication.check_password_sign_in(session, founder.email, "wrong") is None
        assert authentication.check_password_sign_in(session, founder.email, PASSWORD) is None
        assert authentication.check_password_sign_in(session, founder.email, PASSWORD, now=later) is not None


def test_failures_below_the_limit_are_forgotten_after_a_success(db):
    founder = _make_founder(db)
    for _attempt in range(MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(SignInFailed):
            sign_in_with_password(db, founder.email, "wrong")
    sign_in_with_password(db, founder.email, PASSWORD)
    with db.read() as session:
        assert session.get(User, founder.id).failed_sign_ins == 0


def test_deactivated_account_cannot_sign_in(db):
    founder = _make_founder(db, is_active=False)
    with pytest.raises(SignInFailed):
        sign_in_with_password(db, founder.email, PASSWORD)


def test_hash_made_with_old_parameters_is_replaced_at_sign_in(db):
    old_hash = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)
    founder = _make_founder(db)
    with db.write() as session:
        session.get(User, founder.id).password_hash = old_hash
    sign_in_with_password(db, founder.email, PASSWORD)
    with db.read() as session:
        new_hash = session.get(User, founder.id).password_hash
    assert new_hash != old_hash and not needs_rehash(new_hash)


def test_signed_out_token_no_longer_works(db):
    founder = _make_founder(db)
    _actor, token = sign_in_with_password(db, founder.email, PASSWORD)
    with db.write() as session:
        end_sign_in_session(session, token)
    with db.read() as session:
        assert actor_for_token(session, token) is None


def test_expired_token_no_longer_works(db):
    with db.write() as session:
        actor = make_actor(session)
        token = start_sign_in_session(session, actor)
    with db.read() as session:
        assert (
            actor_for_token(session, token, now=utc_now() + SIGN_IN_SESSION_LIFETIME + dt.timedelta(minutes=1)) is None
        )
        assert actor_for_token(session, "made-up-token") is None
        assert actor_for_token(session, None) is None


def test_deactivating_an_account_ends_its_sessions(db):
    with db.write() as session:
        coordinator = make_actor(session, Role.COORDINATOR)
        founder = make_actor(session)
        token = start_sign_in_session(session, founder)
    with db.write() as session:
        set_user_active(session, coordinator, founder.id, active=False)
    with db.read() as session:
        assert actor_for_token(session, token) is None
        assert session.scalar(select(SignInSession.revoked_at)) is not None


def test_the_database_keeps_only_a_hash_of_the_token(db):
    with db.write() as session:
        token = start_sign_in_session(session, make_actor(session))
    with db.read() as session:
        stored = session.scalar(select(SignInSession.token_hash))
    assert token not in stored and len(stored) == 64


def test_single_sign_on_maps_the_email_to_the_account_and_its_role(db):
    with db.write() as session:
        mentor = make_user(session, Role.MENTOR, email="pieter@example.org")
    with db.read() as session:
        actor = actor_for_single_sign_on(session, "Pieter@Example.org")
    assert actor == Actor.of(mentor)
    assert actor.role is Role.MENTOR


@pytest.mark.parametrize("email", ["stranger@example.org", None, ""])
def test_single_sign_on_without_a_matching_account_is_refused(db, email):
    with db.read() as session, pytest.raises(SignInFailed):
        actor_for_single_sign_on(session, email)


def test_single_sign_on_refuses_a_deactivated_account(db):
    with db.write() as session:
        make_user(session, Role.MENTOR, email="gone@example.org", is_active=False)
    with db.read() as session, pytest.raises(SignInFailed):
        actor_for_single_sign_on(session, "gone@example.org")
