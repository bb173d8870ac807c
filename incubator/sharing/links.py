"""Share links: made by a startup's founders (or a coordinator) for one investor or a group, revoked at once.

A link's token is random and shown once; the database keeps its hash. The public door `open_shared`
answers an unknown, expired, revoked or malformed token in the same words, after the same floor of
time, and slows a client that keeps guessing like a password guesser.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.accounts.audit import record_change
from incubator.accounts.passwords import hash_password, verify_password
from incubator.accounts.throttling import record_failure, required_wait, throttled_message
from incubator.core.addresses import link_with
from incubator.core.errors import IncubatorError, NotFound, PermissionDenied, ValidationFailed
from incubator.core.fields import clean_email, clean_text, excerpt
from incubator.core.i18n import _
from incubator.core.tokens import looks_like_a_token, new_token, token_hash
from incubator.db.database import Database
from incubator.db.models import PitchEvent, ShareLink, Startup, utc_now
from incubator.db.settings import incubator_name
from incubator.judging.events import get_event
from incubator.mail.outbox import queue_message
from incubator.startups.profiles import open_startup

OPENS = ("deck", "onepager")  # what a startup's link opens; an event's opens its booklet
BOOKLET = "booklet"
# Every answer of the door takes at least this long: what a lookup costs never tells a guesser anything.
DOOR_FLOOR_SECONDS = 0.05
# Guesses are counted, like failed passwords, under one name for all links.
_GUESSES = "share-link"
PASSCODE_LIMIT = 100


class ShareClosed(IncubatorError):
    """The link does not open (unknown, expired, revoked, or a guess): said in one line, the same for all."""


class PasscodeNeeded(IncubatorError):
    """The link is good but asks for its passcode (or the passcode typed is wrong)."""


@dataclass(frozen=True)
class ShareRequest:
    """What a new link opens and for whom."""

    viewer_name: str
    organisation: str = ""
    email: str = ""
    opens: str = "deck"
    allow_download: bool = True
    expires_on: dt.date | None = None
    passcode: str = ""
    send_by_email: bool = False  # to `email`, through the outbox, when e-mail is on


@dataclass(frozen=True)
class IssuedShare:
    """A new link: its token (shown once, never stored), its record's id, and whether it was e-mailed."""

    link_id: int
    token: str
    emailed: bool = False


@dataclass(frozen=True)
class Shared:
    """What an open link lets its viewer see: one startup's document or one event's booklet, and whom it names.

    `slug` and `title` are the startup's, or for a booklet the event's.
    """

    link_id: int
    slug: str
    title: str
    viewer_name: str
    organisation: str
    opens: str
    allow_download: bool


def share_address(token: str, seen_at: str = "") -> str:
    """Return the address a link's token opens (on the public address, as every link the app makes)."""
    return link_with({"share": token}, seen_at)


def read_expiry(text: str) -> dt.date:
    """Read an expiry date written exactly YYYY-MM-DD (a real day), or raise ValidationFailed saying so."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValidationFailed(_("--expires takes a date written YYYY-MM-DD, not “{value}”.").format(
            value=excerpt(text)), field="expires_on")  # fmt: skip
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationFailed(_("--expires: {value} is not a day of the calendar.").format(value=text),
                               field="expires_on") from None  # fmt: skip


def closed_message() -> str:
    """The one answer for every link that does not open."""
    return _("This link does not open (it may have expired or been withdrawn). Ask whoever sent it for a new one.")


def create_share_link(
    session: Session, actor: Actor, slug: str, request: ShareRequest, today: dt.date | None = None
) -> IssuedShare:
    """Make a link to a startup's deck or one-pager; its founders and coordinators only."""
    access = open_startup(session, actor, slug)
    if not access.may_edit_profile:
        raise PermissionDenied(_("Only the startup's founders and coordinators share its documents."))
    clean = _clean_request(request, today or utc_now().date())
    return _issue(
        session, actor, clean, ShareLink(startup_id=access.startup.id), ("startup", slug, access.startup.name)
    )


def create_booklet_link(
    session: Session, actor: Actor, event_slug: str, request: ShareRequest, today: dt.date | None = None
) -> IssuedShare:
    """Make a link to a pitch event's demo-day booklet (every pitch's one-pager); coordinators only."""
    require_coordinator(actor)
    event = get_event(session, actor, event_slug)
    clean = _clean_request(replace(request, opens=BOOKLET), today or utc_now().date(), opens=(BOOKLET,))
    return _issue(session, actor, clean, ShareLink(event_id=event.id),
                  ("event", event_slug, event.name))  # fmt: skip


def _issue(
    session: Session, actor: Actor, clean: ShareRequest, link: ShareLink, subject: tuple[str, str, str]
) -> IssuedShare:
    kind, slug, title = subject
    token = new_token()
    link.token_hash, link.made_by_id = token_hash(token), None if actor.is_system else actor.id
    link.viewer_name, link.organisation, link.email = clean.viewer_name, clean.organisation, clean.email
    link.opens, link.allow_download, link.expires_on = clean.opens, clean.allow_download, clean.expires_on
    link.passcode_hash = hash_password(clean.passcode) if clean.passcode else None
    session.add(link)
    session.flush()
    record_change(session, actor, "share", kind, slug, link=link.id, opens=clean.opens)
    message = None
    if clean.send_by_email and clean.email:  # written with the link: both commit, or neither
        message = queue_message(
            session, kind="share", recipient=clean.email, name=clean.viewer_name, language=actor.language,
            values={"link": share_address(token), "startup": title,
                    "sender": actor.name if not actor.is_system else incubator_name(session)},
        )  # fmt: skip
    return IssuedShare(link.id, token, emailed=message is not None)


def _clean_request(request: ShareRequest, today: dt.date, opens: tuple[str, ...] = OPENS) -> ShareRequest:
    if request.opens not in opens:
        raise ValidationFailed(
            _("“{value}” is not something a link opens: {choices}.").format(
                value=excerpt(request.opens), choices=", ".join(opens)
            ),
            field="opens",
        )
    if request.expires_on is not None and request.expires_on < today:
        raise ValidationFailed(_("The expiry date {date} is already past.").format(date=request.expires_on.isoformat()),
                               field="expires_on")  # fmt: skip
    passcode = request.passcode.strip()
    if passcode and not 4 <= len(passcode) <= PASSCODE_LIMIT:
        raise ValidationFailed(_("A passcode has 4 to {limit} characters.").format(limit=PASSCODE_LIMIT),
                               field="passcode")  # fmt: skip
    return ShareRequest(
        viewer_name=clean_text(request.viewer_name, "viewer_name", _("Shared with"), required=True),
        organisation=clean_text(request.organisation, "organisation", _("Organisation")),
        email=clean_email(request.email, "email") if request.email.strip() else "",
        opens=request.opens, allow_download=bool(request.allow_download), expires_on=request.expires_on,
        passcode=passcode, send_by_email=bool(request.send_by_email),
    )  # fmt: skip


def revoke_share_link(session: Session, actor: Actor, link_id: int) -> None:
    """Close a link at once; its startup's founders and coordinators (an event's: coordinators) only."""
    link = session.get(ShareLink, link_id)
    if link is None:
        raise NotFound(_("There is no such link."))
    if link.startup_id is not None:
        startup = session.get(Startup, link.startup_id)
        if startup is None or not open_startup(session, actor, startup.slug).may_edit_profile:
            raise PermissionDenied(_("Only the startup's founders and coordinators share its documents."))
        subject = ("startup", startup.slug)
    else:
        require_coordinator(actor)
        event = session.get(PitchEvent, link.event_id)
        subject = ("event", event.slug if event else "")
    if link.revoked_at is None:
        link.revoked_at = utc_now()
        record_change(session, actor, "unshare", *subject, link=link.id)


def open_shared(
    database: Database, token: object, client: str, passcode: str | None = None, now: dt.datetime | None = None
) -> Shared:
    """The public door: return what `token` opens, or raise ShareClosed (or PasscodeNeeded) in one line.

    Unknown, malformed, expired and revoked tokens take the same path and the same floor of time; each
    one (and each wrong passcode) is counted against the client, in its own transaction, before the answer.
    """
    started = time.monotonic()
    try:
        with database.write() as session:
            outcome = _open(session, token, client, passcode, now or utc_now())
        if isinstance(outcome, IncubatorError):
            raise outcome
        return outcome
    finally:
        time.sleep(max(0.0, DOOR_FLOOR_SECONDS - (time.monotonic() - started)))


def still_open(database: Database, shared: Shared, now: dt.datetime | None = None) -> bool:
    """Tell whether a link this browser already opened is still open (not withdrawn, not expired).

    For the reruns of a page whose link the door already let through: no guess, so no floor of time.
    """
    with database.read() as session:
        return is_open(session.get(ShareLink, shared.link_id), (now or utc_now()).date())


def is_open(link: ShareLink | None, today: dt.date) -> bool:
    """Tell whether a link opens today: it exists, is not withdrawn, and its last day is not past."""
    return link is not None and link.revoked_at is None and (link.expires_on is None or link.expires_on >= today)


def _open(
    session: Session, token: object, client: str, passcode: str | None, now: dt.datetime
) -> Shared | IncubatorError:
    wait = required_wait(session, _GUESSES, client, now)
    if wait > dt.timedelta(0):
        return ShareClosed(throttled_message(wait))
    well_formed = looks_like_a_token(token)
    digest = token_hash(token if isinstance(token, str) and well_formed else "not a token")
    link = session.scalar(select(ShareLink).where(ShareLink.token_hash == digest))
    if link is None or not is_open(link, now.date()):
        record_failure(session, _GUESSES, client, now)
        return ShareClosed(closed_message())
    if link.passcode_hash is not None:
        if not passcode:
            return PasscodeNeeded(_("This link asks for the passcode its sender gave you."))
        if not verify_password(link.passcode_hash, passcode):
            record_failure(session, _GUESSES, client, now)
            return PasscodeNeeded(_("That is not the passcode of this link."))
    subject = session.get(Startup, link.startup_id) if link.startup_id else session.get(PitchEvent, link.event_id)
    if subject is None:  # a link goes with its startup or event (ON DELETE CASCADE); said like any closed link
        return ShareClosed(closed_message())
    return Shared(link.id, subject.slug, subject.name, link.viewer_name, link.organisation, link.opens,
                  link.allow_download)  # fmt: skip
