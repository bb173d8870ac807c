"""Invitations instead of passwords: a coordinator invites, the person opens a one-time link and picks a password.

The link carries a random token; the database keeps only its SHA-256, so a copy of the database lets
nobody in. A link works once, for 7 days, until revoked, and only for an active account; inviting
someone again revokes their earlier links. Nobody ever sees or chooses another person's password. With
single sign-on configured, the person signs in with it instead, and that uses their invitation up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.accounts.authentication import start_sign_in_session
from incubator.accounts.passwords import hash_password
from incubator.accounts.users import create_user, find_user_by_email, revoke_all_sign_in_sessions
from incubator.core.addresses import link_with
from incubator.core.errors import IncubatorError, ValidationFailed
from incubator.core.fields import clean_email
from incubator.core.i18n import SUPPORTED_LANGUAGES, _
from incubator.core.tokens import new_token, token_hash
from incubator.core.vocabulary import Role
from incubator.db.database import Database
from incubator.db.models import Invitation, User, utc_now
from incubator.mail.outbox import queue_message

INVITATION_LIFETIME = dt.timedelta(days=7)
MINIMUM_PASSWORD_LENGTH = 10


class InvitationRefused(IncubatorError):
    """The link cannot be used: unknown, expired, used, revoked, or its account deactivated."""


@dataclass(frozen=True)
class IssuedInvitation:
    """A fresh invitation: its token (shown once, never stored) and who it is for."""

    token: str
    email: str
    name: str
    role: Role
    emailed: bool = False  # its link is also on its way by e-mail (e-mail is on)

    @property
    def link(self) -> str:
        """Return the address that opens the invitation."""
        return invitation_link(self.token)

    def link_on(self, seen_at: str) -> str:
        """Return the link on INCUBATOR_URL, else on the app's address as the coordinator's browser shows it."""
        return invitation_link(self.token, seen_at)


@dataclass(frozen=True)
class PendingInvitation:
    """An invitation not used yet, as a coordinator sees it (never its token)."""

    id: int
    email: str
    name: str
    role: Role
    expires_at: dt.datetime
    expired: bool


def invitation_link(token: str, seen_at: str = "") -> str:
    """Return the link of an invitation token (see `core.addresses` for the address it is made on)."""
    return link_with({"invitation": token}, seen_at)


def invite_person(
    session: Session, actor: Actor, *, email: str, name: str, role: Role | str, language: str = "en",
    now: dt.datetime | None = None,
) -> IssuedInvitation:  # fmt: skip
    """Invite someone by email: make their account if there is none yet, and a link; coordinators only.

    An account that already has a password (or is deactivated) is not invited: its owner signs in, or a
    coordinator reactivates it first.
    """
    require_coordinator(actor)
    user = find_user_by_email(session, clean_email(email))
    if user is None:
        user = create_user(session, actor, email=email, name=name, role=role, language=language)
    elif user.role.value != str(getattr(role, "value", role)):  # never a quiet change of what they may do
        raise ValidationFailed(
            _("{email} already has an account as another role.").format(email=user.email), field="role"
        )
    elif user.password_hash is not None:
        raise ValidationFailed(
            _("{email} already has an account with a password: they can sign in.").format(email=user.email),
            field="email",
        )
    elif not user.is_active:
        raise ValidationFailed(
            _("The account of {email} is deactivated: reactivate it first.").format(email=user.email), field="email"
        )
    return _issue(session, actor, user, now or utc_now())


def invite_again(session: Session, actor: Actor, user_id: int, now: dt.datetime | None = None) -> IssuedInvitation:
    """A forgotten password: clear it, sign the account out everywhere, and make a new link; coordinators only.

    The coordinator never learns nor sets the new password: the person chooses it with the link.
    """
    require_coordinator(actor)
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise ValidationFailed(_("Only an active account can be invited again."))
    if user.id == actor.id:
        raise ValidationFailed(_("Change your own password under “My account”."))
    user.password_hash = None
    revoke_all_sign_in_sessions(session, user.id)
    return _issue(session, actor, user, now or utc_now(), mail="password-reset")


def _issue(session: Session, actor: Actor, user: User, now: dt.datetime, mail: str = "invitation") -> IssuedInvitation:
    """Make the link, and (with e-mail on) its message `mail` in the same transaction: both commit or neither."""
    _revoke_pending(session, user.id, now)
    token = new_token()
    session.add(
        Invitation(
            token_hash=token_hash(token), user_id=user.id, invited_by_id=None if actor.is_system else actor.id,
            created_at=now, expires_at=now + INVITATION_LIFETIME,
        )
    )  # fmt: skip
    record_change(session, actor, "invite", "user", user.email)
    message = queue_message(
        session, kind=mail, recipient=user.email, name=user.display_name, language=user.language, user_id=user.id,
        values={"link": invitation_link(token), "count": INVITATION_LIFETIME.days},
    )  # fmt: skip
    return IssuedInvitation(token, user.email, user.display_name, user.role, emailed=message is not None)


def _revoke_pending(session: Session, user_id: int, now: dt.datetime) -> None:
    session.execute(
        update(Invitation)
        .where(Invitation.user_id == user_id, Invitation.used_at.is_(None), Invitation.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def open_invitation(session: Session, token: str, now: dt.datetime | None = None) -> User:
    """Return the account an invitation link is for, or raise InvitationRefused saying why it cannot be used."""
    invitation = session.scalar(select(Invitation).where(Invitation.token_hash == token_hash(str(token))))
    now = now or utc_now()
    if invitation is None:
        raise InvitationRefused(_("This invitation link is not valid. Ask your coordinator for a new one."))
    if invitation.used_at is not None:
        raise InvitationRefused(_("This invitation link was already used. Sign in with your email and password."))
    if invitation.revoked_at is not None:
        raise InvitationRefused(_("This invitation link was withdrawn. Ask your coordinator for a new one."))
    if invitation.expires_at <= now:
        raise InvitationRefused(_("This invitation link has expired. Ask your coordinator for a new one."))
    if not invitation.user.is_active:
        raise InvitationRefused(_("This account is deactivated. Ask your coordinator."))
    return invitation.user


def accept_invitation_link(database: Database, token: str, password: str, language: str) -> str:
    """Accept an invitation from its page: check, hash the password outside any transaction, then store.

    Like signing in, this service owns its transactions, so the slow hash never holds the write lock.
    """
    _check_choice(password, language)
    with database.read() as session:
        open_invitation(session, token)
    password_hash = hash_password(password)
    with database.write() as session:
        return _accept(session, token, password_hash, language, utc_now())


def accept_invitation(
    session: Session, token: str, password: str, language: str, now: dt.datetime | None = None
) -> str:
    """Set the invited person's password and language, use the link up, and return a new sign-in token."""
    _check_choice(password, language)
    return _accept(session, token, hash_password(password), language, now or utc_now())


def _check_choice(password: str, language: str) -> None:
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise ValidationFailed(
            _("Choose a password of at least {count} characters.").format(count=MINIMUM_PASSWORD_LENGTH),
            field="password",
        )
    if language not in SUPPORTED_LANGUAGES:
        raise ValidationFailed(_("“{value}” is not a supported language.").format(value=language), field="language")


def _accept(session: Session, token: str, password_hash: str, language: str, now: dt.datetime) -> str:
    user = open_invitation(session, token, now)  # again, inside the write: the link may have gone meanwhile
    # Used once even when two browsers send the form at the same moment: only one update finds it unused.
    used = session.execute(
        update(Invitation)
        .where(Invitation.token_hash == token_hash(token))
        .where(Invitation.used_at.is_(None), Invitation.revoked_at.is_(None))
        .values(used_at=now)
    )
    if used.rowcount != 1:  # type: ignore[attr-defined]
        raise InvitationRefused(_("This invitation link was already used. Sign in with your email and password."))
    user.password_hash = password_hash
    user.language = language
    actor = Actor.of(user)
    record_change(session, actor, "accept_invitation", "user", user.email)
    return start_sign_in_session(session, actor, method="invitation", now=now)


def revoke_invitation(session: Session, actor: Actor, invitation_id: int) -> None:
    """Withdraw an invitation so its link no longer works; coordinators only."""
    require_coordinator(actor)
    invitation = session.get(Invitation, invitation_id)
    if invitation is None or invitation.used_at is not None:
        raise ValidationFailed(_("This invitation is no longer open."))
    invitation.revoked_at = invitation.revoked_at or utc_now()
    record_change(session, actor, "revoke_invitation", "user", invitation.user.email)


def pending_invitations(session: Session, actor: Actor, now: dt.datetime | None = None) -> list[PendingInvitation]:
    """Return the invitations not used nor withdrawn, oldest first; coordinators only."""
    require_coordinator(actor)
    now = now or utc_now()
    rows = session.scalars(
        select(Invitation)
        .where(Invitation.used_at.is_(None), Invitation.revoked_at.is_(None))
        .order_by(Invitation.created_at, Invitation.id)
    )
    return [
        PendingInvitation(row.id, row.user.email, row.user.display_name, row.user.role, row.expires_at,
                          row.expires_at <= now)
        for row in rows
    ]  # fmt: skip
