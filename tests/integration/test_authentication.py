"""Signing in with a password, throttling, sign-in sessions and single sign-on, on both databases."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from incubator.accounts.actors import Actor
from incubator.accounts.authentication import (
    SIGN_IN_SESSION_LIFETIME,
    actor_for_single_sign_on,
    actor_for_token,
    end_sign_in_session,
    sign_in_with_password,
    start_sign_in_session,
    token_hash,
)
from incubator.accounts.devices import trust_device
from incubator.accounts.passwords import needs_rehash
from incubator.accounts.throttling import FREE_TRIES, record_failure, required_wait, wait_after
from incubator.accounts.users import change_own_password, set_user_active, sign_out_everywhere
from incubator.core.errors import SignInFailed, SignInThrottled
from incubator.core.vocabulary import Role
from incubator.db.models import AuditEntry, SignInFailure, SignInSession, TrustedDevice, User, utc_now
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


def test_repeated_failures_slow_down_that_client_but_the_owner_elsewhere_still_signs_in(db):
    founder = _make_founder(db)
    for _attempt in range(FREE_TRIES):
        with pytest.raises(SignInFailed) as failed:
            sign_in_with_password(db, founder.email, "wrong password", client="203.0.113.9")
        assert not isinstance(failed.value, SignInThrottled)
    with pytest.raises(SignInThrottled, match=r"Try again in \d+ s\."):
        sign_in_with_password(db, founder.email, PASSWORD, client="203.0.113.9")  # even the right one must wait
    actor, _token = sign_in_with_password(db, founder.email, PASSWORD, client="198.51.100.7")  # the owner's phone
    assert actor.id == founder.id


def test_anyone_locking_an_account_for_good_is_impossible_the_right_password_works_after_the_wait(db):
    founder = _make_founder(db)
    with db.write() as session:
        for minutes_ago in (14, 13, 12, 11, 10):
            record_failure(session, founder.email, "203.0.113.9", now=utc_now() - dt.timedelta(minutes=minutes_ago))
    with db.read() as session:
        assert required_wait(session, founder.email, "203.0.113.9") == dt.timedelta(0)  # 2**2 s passed long ago
    actor, _token = sign_in_with_password(db, founder.email, PASSWORD, client="203.0.113.9")
    assert actor.id == founder.id


def test_each_throttled_try_is_in_the_audit_log_and_unknown_emails_are_throttled_alike(db):
    for _attempt in range(FREE_TRIES):
        with pytest.raises(SignInFailed):
            sign_in_with_password(db, "nobody@example.org", "guess", client="203.0.113.9")
    with pytest.raises(SignInThrottled):
        sign_in_with_password(db, "nobody@example.org", "guess", client="203.0.113.9")
    with db.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "throttle")).all()
    assert [(entry.record_key, entry.actor_id) for entry in entries] == [("nobody@example.org", None)]
    assert '"client": "203.0.113.9"' in entries[0].details and '"by": "system"' in entries[0].details


def test_the_waits_grow_with_each_failure_and_stop_growing(db):
    now = utc_now()
    assert wait_after([now] * (FREE_TRIES - 1), FREE_TRIES, now) == dt.timedelta(0)
    waits = [wait_after([now] * count, FREE_TRIES, now).total_seconds() for count in range(FREE_TRIES, FREE_TRIES + 5)]
    assert waits == [1, 2, 4, 8, 16]
    assert wait_after([now] * 40, FREE_TRIES, now) == dt.timedelta(minutes=15)


def test_failures_are_forgotten_after_a_right_password(db):
    founder = _make_founder(db)
    for _attempt in range(FREE_TRIES - 1):
        with pytest.raises(SignInFailed):
            sign_in_with_password(db, founder.email, "wrong", client="203.0.113.9")
    sign_in_with_password(db, founder.email, PASSWORD, client="203.0.113.9")
    with db.read() as session:
        assert session.scalars(select(SignInFailure).where(SignInFailure.email == founder.email)).all() == []


def test_a_wrong_current_password_on_my_account_counts_as_a_failed_sign_in(db):
    founder = _make_founder(db)
    actor = Actor.of(founder)
    for _attempt in range(FREE_TRIES):
        with db.write() as session:
            refused = change_own_password(session, actor, "wrong", "new password 1", client="203.0.113.9")
            assert refused == "The current password is not right."
    with db.write() as session:
        refused = change_own_password(session, actor, PASSWORD, "new password 1", client="203.0.113.9")
    assert refused is not None and refused.startswith("Too many failed tries")
    with db.read() as session:
        assert session.scalars(select(AuditEntry).where(AuditEntry.action == "throttle")).all() != []


def test_changing_ones_password_signs_out_every_other_browser(db):
    founder = _make_founder(db)
    _actor, here = sign_in_with_password(db, founder.email, PASSWORD)
    _actor, elsewhere = sign_in_with_password(db, founder.email, PASSWORD)
    with db.write() as session:
        assert (
            change_own_password(
                session, Actor.of(founder), PASSWORD, "a new password", keep_token_hash=token_hash(here)
            )
            is None
        )
    with db.read() as session:
        assert actor_for_token(session, here) is not None
        assert actor_for_token(session, elsewhere) is None


def test_signing_out_everywhere_else_keeps_only_this_browser(db):
    founder = _make_founder(db)
    _actor, here = sign_in_with_password(db, founder.email, PASSWORD)
    _actor, elsewhere = sign_in_with_password(db, founder.email, PASSWORD)
    with db.write() as session:
        sign_out_everywhere(session, Actor.of(founder), keep_token_hash=token_hash(here))
    with db.read() as session:
        assert actor_for_token(session, here) is not None and actor_for_token(session, elsewhere) is None


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


HUB = "203.0.113.7"  # one public address for the whole coding school


def _trusted_browser(db, email: str) -> str:
    actor, _token = sign_in_with_password(db, email, PASSWORD, client=HUB)
    with db.write() as session:
        return trust_device(session, actor, None)


def _thirty_wrong_passwords_from(db, email: str, client: str, device: str | None = None) -> None:
    for _ in range(30):
        with pytest.raises(SignInFailed):  # wrong, or throttled: SignInThrottled is a SignInFailed
            sign_in_with_password(db, email, "a guess", client=client, device=device)


def test_the_owner_in_a_browser_that_signed_in_before_passes_the_slow_down_of_a_shared_address(db):
    owner = _make_founder(db)
    device = _trusted_browser(db, owner.email)
    _thirty_wrong_passwords_from(db, owner.email, HUB)
    with pytest.raises(SignInThrottled):  # a new browser at the hub is still slowed
        sign_in_with_password(db, owner.email, PASSWORD, client=HUB)
    actor, token = sign_in_with_password(db, owner.email, PASSWORD, client=HUB, device=device)
    assert actor.email == owner.email and token


def test_a_device_token_helps_only_the_account_it_signed_in_to(db):
    owner, other = _make_founder(db), _make_founder(db)
    device = _trusted_browser(db, owner.email)
    _thirty_wrong_passwords_from(db, other.email, HUB)
    with pytest.raises(SignInThrottled):
        sign_in_with_password(db, other.email, PASSWORD, client=HUB, device=device)


@pytest.mark.parametrize("device", ["not-a-token", "A" * 43, "", None, "x" * 500])
def test_an_unknown_or_malformed_device_token_is_an_untrusted_browser(db, device):
    owner = _make_founder(db)
    _thirty_wrong_passwords_from(db, owner.email, HUB)
    with pytest.raises(SignInThrottled):
        sign_in_with_password(db, owner.email, PASSWORD, client=HUB, device=device)


def test_a_trusted_device_that_guesses_is_slowed_on_its_own(db):
    owner = _make_founder(db)
    device = _trusted_browser(db, owner.email)
    _thirty_wrong_passwords_from(db, owner.email, HUB, device=device)
    with pytest.raises(SignInThrottled):
        sign_in_with_password(db, owner.email, PASSWORD, client=HUB, device=device)
    sign_in_with_password(db, owner.email, PASSWORD, client="198.51.100.1")  # its address is not slowed by it


def test_changing_the_password_forgets_the_trusted_devices(db):
    owner = _make_founder(db)
    device = _trusted_browser(db, owner.email)
    with db.write() as session:
        assert change_own_password(session, Actor.of(session.get(User, owner.id)), PASSWORD, "a new password!") is None
        assert session.scalar(select(TrustedDevice).where(TrustedDevice.user_id == owner.id)) is None
        assert trust_device(session, Actor.of(session.get(User, owner.id)), device) != device


def test_a_trusted_browser_keeps_its_token_and_the_database_only_its_hash(db):
    owner = _make_founder(db)
    device = _trusted_browser(db, owner.email)
    with db.write() as session:
        assert trust_device(session, Actor.of(session.get(User, owner.id)), device) == device
        stored = session.scalars(select(TrustedDevice.token_hash)).all()
    assert device not in stored and len(stored) == 1
