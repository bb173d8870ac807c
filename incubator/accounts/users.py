"""People's accounts: create, list, deactivate, and change one's own language or password."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.accounts.devices import forget_devices
from incubator.accounts.passwords import hash_password, verify_password
from incubator.accounts.throttling import record_failure, record_throttle, required_wait, throttled_message
from incubator.core.errors import NotFound, PermissionDenied, ValidationFailed
from incubator.core.fields import clean_email, clean_text, normalise_email
from incubator.core.i18n import SUPPORTED_LANGUAGES, _
from incubator.core.vocabulary import Role
from incubator.db.models import SignInSession, User, utc_now


def find_user_by_email(session: Session, email: str) -> User | None:
    """Return the account with `email` (any case), or None."""
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def create_user(
    session: Session,
    actor: Actor,
    *,
    email: str,
    name: str,
    role: Role | str,
    password: str | None = None,
    language: str = "en",
) -> User:
    """Create an account; coordinators (and the command line) only. Raises ValidationFailed on bad input."""
    require_coordinator(actor)
    clean = clean_email(email)
    display_name = clean_text(name, "name", _("Name"), required=True)
    try:
        role = Role(role)
    except ValueError:
        raise ValidationFailed(_("“{value}” is not a role.").format(value=role), field="role") from None
    if language not in SUPPORTED_LANGUAGES:
        raise ValidationFailed(_("“{value}” is not a supported language.").format(value=language), field="language")
    if find_user_by_email(session, clean) is not None:
        raise ValidationFailed(
            _("An account with the email {email} already exists.").format(email=clean), field="email"
        )
    user = User(
        email=clean,
        display_name=display_name,
        role=role,
        password_hash=hash_password(password) if password is not None else None,
        language=language,
        is_active=True,
        failed_sign_ins=0,
    )
    session.add(user)
    session.flush()
    record_change(session, actor, "create", "user", clean, role=role.value)
    return user


def list_users(session: Session, actor: Actor) -> list[User]:
    """Return every account, coordinators first, then by name; coordinators only."""
    require_coordinator(actor)
    role_order = case({Role.COORDINATOR: 0, Role.MENTOR: 1, Role.FOUNDER: 2}, value=User.role)
    return list(session.scalars(select(User).order_by(role_order, User.display_name)))


def _get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(_("This account does not exist."))
    return user


def set_user_active(session: Session, actor: Actor, user_id: int, active: bool) -> User:
    """Deactivate (signing them out everywhere) or reactivate an account; coordinators only."""
    require_coordinator(actor)
    user = _get_user(session, user_id)
    if user.id == actor.id and not active:
        raise PermissionDenied(_("You cannot deactivate your own account."))
    user.is_active = active
    if not active:
        revoke_all_sign_in_sessions(session, user.id)
    record_change(session, actor, "activate" if active else "deactivate", "user", user.email)
    return user


def set_user_password(session: Session, actor: Actor, user_id: int, new_password: str) -> None:
    """Give an account a new password (for example after a forgotten one); coordinators only."""
    require_coordinator(actor)
    user = _get_user(session, user_id)
    user.password_hash = hash_password(new_password)
    user.failed_sign_ins = 0
    user.locked_until = None
    revoke_all_sign_in_sessions(session, user.id)
    forget_devices(session, user.id)
    record_change(session, actor, "reset_password", "user", user.email)


def change_own_password(
    session: Session, actor: Actor, current_password: str, new_password: str, *, client: str = "",
    keep_token_hash: str | None = None,
) -> str | None:  # fmt: skip
    """Change the actor's own password after checking the current one; return None, or why it was refused.

    Refusals are returned, not raised, so that what they store commits: a wrong current password
    counts as a failed sign-in, and a try too soon after failed ones is throttled and logged. A change
    signs the account out of every other browser: every sign-in session but the one whose token hash
    is `keep_token_hash` is revoked.
    """
    user = _get_user(session, actor.id)
    wait = required_wait(session, user.email, client)
    if wait:
        record_throttle(session, user.email, client, wait)
        return throttled_message(wait)
    if not verify_password(user.password_hash, current_password):
        record_failure(session, user.email, client)
        return _("The current password is not right.")
    user.password_hash = hash_password(new_password)
    revoke_all_sign_in_sessions(session, user.id, keep_token_hash=keep_token_hash)
    forget_devices(session, user.id)
    record_change(session, actor, "change_password", "user", user.email)
    return None


def sign_out_everywhere(session: Session, actor: Actor, *, keep_token_hash: str | None = None) -> None:
    """Sign the actor's account out of every browser but the one whose token hash is `keep_token_hash`."""
    revoke_all_sign_in_sessions(session, actor.id, keep_token_hash=keep_token_hash)
    forget_devices(session, actor.id)
    record_change(session, actor, "sign_out_everywhere", "user", actor.email)


def set_own_notices(session: Session, actor: Actor, *, comments: bool, sessions: bool) -> None:
    """Store which notices the actor gets by e-mail: mentors' comments, logged sessions (both off: none)."""
    user = _get_user(session, actor.id)
    user.notify_comments, user.notify_sessions = comments, sessions
    record_change(session, actor, "set_notices", "user", user.email, comments=comments, sessions=sessions)


@dataclass(frozen=True)
class NoticeChoices:
    """Which notices a person gets by e-mail, and whether e-mail is on at all."""

    comments: bool
    sessions: bool


def own_notices(session: Session, actor: Actor) -> NoticeChoices:
    """Return which notices the actor gets by e-mail."""
    user = _get_user(session, actor.id)
    return NoticeChoices(user.notify_comments, user.notify_sessions)


def set_own_language(session: Session, actor: Actor, language: str) -> Actor:
    """Store the language the actor reads the app in; returns the updated actor."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValidationFailed(_("“{value}” is not a supported language.").format(value=language), field="language")
    session.execute(update(User).where(User.id == actor.id).values(language=language))
    return Actor(id=actor.id, email=actor.email, name=actor.name, role=actor.role, language=language)


def revoke_all_sign_in_sessions(
    session: Session, user_id: int, now: dt.datetime | None = None, *, keep_token_hash: str | None = None
) -> None:
    """Sign an account out of every browser (but the one whose token hash is `keep_token_hash`, if given)."""
    query = update(SignInSession).where(SignInSession.user_id == user_id, SignInSession.revoked_at.is_(None))
    if keep_token_hash is not None:
        query = query.where(SignInSession.token_hash != keep_token_hash)
    session.execute(query.values(revoked_at=now or utc_now()))
