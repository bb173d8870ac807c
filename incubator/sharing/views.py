"""What investors read: each opening of a link, the slide on screen, and the visible seconds each slide got.

The state of a view (slide on screen, since when, how many changes) is kept in the database, so any
replica can serve the next change. A change names the count of changes it follows: sent twice (a
reconnect, a double tap), it is applied once. Time is counted only while the tab is visible, and no
stretch counts for more than SLIDE_CAP_SECONDS (a tab left open over lunch).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, case, func, select, update
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor, require_coordinator
from incubator.core.errors import PermissionDenied
from incubator.core.i18n import _
from incubator.core.tokens import looks_like_a_token, new_token, token_hash
from incubator.db.database import Database
from incubator.db.models import ShareLink, ShareSlideTime, ShareView, utc_now
from incubator.judging.events import get_event
from incubator.sharing.links import Shared, is_open
from incubator.startups.profiles import open_startup

SLIDE_CAP_SECONDS = 120.0


@dataclass(frozen=True)
class ViewState:
    """Where a view stands: its key (kept by the browser), the slide on screen and the changes so far."""

    key: str
    slide: int
    changes: int


def start_view(database: Database, shared: Shared, key: object = None, now: dt.datetime | None = None) -> ViewState:
    """Return this browser's view of the link: the one its key names if it is of this link, else a new one.

    A new view is one more open; a rerun, a reload or a reconnect bringing its key is the same view
    (read, not written: a rerun costs no write).
    """
    with database.read() as session:
        view = _view(session, shared, key)
        if view is not None:
            return ViewState(str(key), view.current_slide, view.changes)
    now = now or utc_now()
    key = new_token()
    with database.write() as session:
        # Not shown yet: the first slide counts from when its page is drawn (`first_shown`).
        session.add(ShareView(link_id=shared.link_id, view_key_hash=token_hash(key), opened_at=now, last_seen_at=now,
                              current_slide=1, shown_since=None, changes=0, downloaded=False))  # fmt: skip
    return ViewState(key, 1, 0)


def _view(session: Session, shared: Shared, key: object) -> ShareView | None:
    if not looks_like_a_token(key):
        return None
    return session.scalar(
        select(ShareView).where(ShareView.view_key_hash == token_hash(key), ShareView.link_id == shared.link_id)
    )


def first_shown(database: Database, shared: Shared, state: ViewState, now: dt.datetime | None = None) -> None:
    """The first slide of a new view is on screen: it counts from now (once; a change after it is a change)."""
    if state.changes:
        return
    with database.write() as session:
        session.execute(
            update(ShareView)
            .where(ShareView.view_key_hash == token_hash(state.key), ShareView.link_id == shared.link_id,
                   ShareView.changes == 0, ShareView.shown_since.is_(None))
            .values(shown_since=now or utc_now())
            .execution_options(synchronize_session=False)
        )  # fmt: skip


def show_slide(
    database: Database, shared: Shared, state: ViewState, slide: int, now: dt.datetime | None = None
) -> ViewState:
    """Move the view to `slide`, adding the visible time of the slide it leaves; applied once per change."""
    return _change(database, shared, state, slide, visible=True, now=now or utc_now())


def hide_view(database: Database, shared: Shared, state: ViewState, now: dt.datetime | None = None) -> ViewState:
    """The tab went out of sight: the slide on screen stops counting (its time so far is added)."""
    return _change(database, shared, state, state.slide, visible=False, now=now or utc_now())


def show_view(database: Database, shared: Shared, state: ViewState, now: dt.datetime | None = None) -> ViewState:
    """The tab is in sight again: the slide on screen counts from now."""
    return _change(database, shared, state, state.slide, visible=True, now=now or utc_now())


def _change(database: Database, shared: Shared, state: ViewState, slide: int, *, visible: bool,
            now: dt.datetime) -> ViewState:  # fmt: skip
    with database.write() as session:
        view = _view(session, shared, state.key)
        if view is None or view.changes != state.changes:  # not this link's view, or a change already applied
            return state if view is None else ViewState(state.key, view.current_slide, view.changes)
        if not is_open(session.get(ShareLink, shared.link_id), now.date()):
            return state  # a tab still open on a link closed since records nothing more
        left, since = view.current_slide, view.shown_since
        claimed = session.execute(
            update(ShareView)
            .where(ShareView.id == view.id, ShareView.changes == state.changes)
            .values(changes=state.changes + 1, current_slide=slide, shown_since=now if visible else None,
                    last_seen_at=now)
            .execution_options(synchronize_session=False)
        )  # fmt: skip
        if getattr(claimed, "rowcount", 0) != 1:  # another server applied this change first
            return state
        if since is not None:
            _add_seconds(session, view.id, left, min(max((now - since).total_seconds(), 0.0), SLIDE_CAP_SECONDS))
        return ViewState(state.key, slide, state.changes + 1)


def _add_seconds(session: Session, view_id: int, slide: int, seconds: float) -> None:
    row = session.get(ShareSlideTime, (view_id, slide))
    if row is None:
        session.add(ShareSlideTime(view_id=view_id, slide=slide, seconds=seconds))
    else:
        row.seconds += seconds


def record_download(database: Database, shared: Shared, state: ViewState) -> None:
    """Note that this view downloaded the document (the link allowed it: the caller checked)."""
    with database.write() as session:
        view = _view(session, shared, state.key)
        if view is not None:
            view.downloaded = True


@dataclass(frozen=True)
class LinkReport:
    """One link as its sender sees it: for whom, what, and what was read."""

    link_id: int
    viewer_name: str
    organisation: str
    opens: str
    allow_download: bool
    expires_on: dt.date | None
    revoked: bool
    created_at: dt.datetime
    views: int = 0
    last_seen: dt.datetime | None = None
    downloaded: bool = False
    seconds_by_slide: dict[int, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        """Every visible second of every view of the link."""
        return sum(self.seconds_by_slide.values())

    def completion(self, slide_count: int) -> float:
        """The share of the deck's slides that were shown at all (0 to 1)."""
        seen = sum(1 for slide, seconds in self.seconds_by_slide.items() if seconds > 0 and slide <= slide_count)
        return seen / slide_count if slide_count else 0.0


def share_reports(session: Session, actor: Actor, slug: str) -> list[LinkReport]:
    """Return every link of a startup with what was read, newest first; its founders and coordinators only."""
    access = open_startup(session, actor, slug)
    if not access.may_edit_profile:
        raise PermissionDenied(_("Only the startup's founders and coordinators share its documents."))
    return _reports(session, ShareLink.startup_id == access.startup.id)


def booklet_share_reports(session: Session, actor: Actor, event_slug: str) -> list[LinkReport]:
    """Return every link to a pitch event's booklet with what was read, newest first; coordinators only."""
    require_coordinator(actor)
    return _reports(session, ShareLink.event_id == get_event(session, actor, event_slug).id)


def _reports(session: Session, which: ColumnElement[bool]) -> list[LinkReport]:
    links = session.scalars(select(ShareLink).where(which).order_by(ShareLink.id.desc())).all()
    ids = [link.id for link in links]
    views = {
        link_id: (count, last, bool(downloaded))
        for link_id, count, last, downloaded in session.execute(
            select(ShareView.link_id, func.count(), func.max(ShareView.last_seen_at),
                   func.max(case((ShareView.downloaded, 1), else_=0)))
            .where(ShareView.link_id.in_(ids)).group_by(ShareView.link_id)
        )
    }  # fmt: skip
    seconds: dict[int, dict[int, float]] = {}
    for link_id, slide, total in session.execute(
        select(ShareView.link_id, ShareSlideTime.slide, func.sum(ShareSlideTime.seconds))
        .join(ShareSlideTime, ShareSlideTime.view_id == ShareView.id)
        .where(ShareView.link_id.in_(ids)).group_by(ShareView.link_id, ShareSlideTime.slide)
    ):  # fmt: skip
        seconds.setdefault(link_id, {})[slide] = float(total)
    return [
        LinkReport(
            link.id, link.viewer_name, link.organisation, link.opens, link.allow_download, link.expires_on,
            link.revoked_at is not None, link.created_at, *views.get(link.id, (0, None, False)),
            dict(sorted(seconds.get(link.id, {}).items())),
        )
        for link in links
    ]  # fmt: skip
