"""Share links: made by founders, opened by a token alone, revoked at once; every slide's visible time counted once."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from incubator.accounts.actors import Actor
from incubator.core.errors import PermissionDenied, ValidationFailed
from incubator.core.vocabulary import Role
from incubator.db.models import ShareLink, utc_now
from incubator.sharing.documents import shared_pdf
from incubator.sharing.links import (
    PasscodeNeeded,
    ShareClosed,
    ShareRequest,
    closed_message,
    create_share_link,
    open_shared,
    revoke_share_link,
)
from incubator.sharing.views import (
    SLIDE_CAP_SECONDS,
    first_shown,
    hide_view,
    share_reports,
    show_slide,
    show_view,
    start_view,
)
from tests.factories import make_startup, make_user

SYSTEM = Actor.command_line()
T0 = dt.datetime(2026, 12, 4, 10, 0, 0, tzinfo=dt.UTC)


@pytest.fixture
def team(db):
    with db.write() as session:
        founder = make_user(session, Role.FOUNDER, password="a founder's password")
        other = make_user(session, Role.FOUNDER, password="another founder's password")
        mentor = make_user(session, Role.MENTOR, password="a mentor's password")
        make_startup(session, founders=[founder], mentors=[mentor], slug="velo", name="Velo Voisins")
        make_startup(session, founders=[other], slug="souk", name="Souk Direct")
        return Actor.of(founder), Actor.of(other), Actor.of(mentor)


def _share(db, actor, slug="velo", **values):
    with db.write() as session:
        return create_share_link(session, actor, slug, ShareRequest(**{"viewer_name": "Ann Investor", **values}))


def test_a_founder_shares_the_link_opens_only_that_startup_and_revoking_closes_it(db, team):
    founder, other, mentor = team
    issued = _share(db, founder, organisation="Brussels Angels")
    with db.read() as session:
        stored = session.get(ShareLink, issued.link_id)
        assert stored.token_hash != issued.token and issued.token not in str(vars(stored))
    shared = open_shared(db, issued.token, "203.0.113.9")
    assert (shared.slug, shared.title, shared.viewer_name) == ("velo", "Velo Voisins", "Ann Investor")
    with db.write() as session, pytest.raises(PermissionDenied):
        revoke_share_link(session, other, issued.link_id)  # another startup's founder
    with db.write() as session, pytest.raises(PermissionDenied):
        create_share_link(session, mentor, "velo", ShareRequest("Mentor's friend"))
    with db.write() as session:
        revoke_share_link(session, founder, issued.link_id)
    with pytest.raises(ShareClosed) as closed:
        open_shared(db, issued.token, "203.0.113.9")
    assert str(closed.value) == closed_message()


def test_unknown_tampered_expired_and_revoked_tokens_get_the_same_answer(db, team):
    founder, _other, _mentor = team
    expired = _share(db, founder, expires_on=dt.date(2026, 12, 10))
    revoked = _share(db, founder)
    with db.write() as session:
        revoke_share_link(session, founder, revoked.link_id)
    good = _share(db, founder)
    later = dt.datetime(2026, 12, 11, 9, 0, tzinfo=dt.UTC)
    answers = set()
    tampered = good.token[:-1] + ("A" if good.token[-1] != "A" else "B")
    tokens = (expired.token, revoked.token, tampered, "not a token at all", "x" * 500, None)
    for number, token in enumerate(tokens):
        with pytest.raises(ShareClosed) as closed:
            open_shared(db, token, f"198.51.100.{number}", now=later)
        answers.add(str(closed.value))
    assert answers == {closed_message()}
    assert open_shared(db, expired.token, "198.51.100.99", now=dt.datetime(2026, 12, 10, 23, 0, tzinfo=dt.UTC)).link_id


def test_a_client_that_guesses_is_slowed_and_the_passcode_is_asked(db, team):
    founder, _other, _mentor = team
    issued = _share(db, founder, passcode="tulip 42")
    with pytest.raises(PasscodeNeeded):
        open_shared(db, issued.token, "192.0.2.1")
    assert open_shared(db, issued.token, "192.0.2.1", passcode="tulip 42").link_id == issued.link_id
    for _guess in range(3):
        with pytest.raises(ShareClosed):
            open_shared(db, "A" * 43, "192.0.2.66", now=T0)
    with pytest.raises(ShareClosed) as slowed:
        open_shared(db, issued.token, "192.0.2.66", passcode="tulip 42", now=T0)
    assert "Try again in" in str(slowed.value)  # even the right token waits, from a guessing client
    assert open_shared(db, issued.token, "192.0.2.7", passcode="tulip 42", now=T0).link_id == issued.link_id


@pytest.mark.parametrize(
    ("request_values", "fault"),
    [({"viewer_name": " "}, "cannot be empty"), ({"opens": "booklet"}, "is not something a link opens"),
     ({"expires_on": dt.date(2000, 1, 1)}, "already past"), ({"passcode": "abc"}, "4 to 100"),
     ({"email": "not an email"}, "email")],
)  # fmt: skip
def test_a_bad_request_makes_no_link_and_says_what_is_wrong_in_one_line(db, team, request_values, fault):
    founder, _other, _mentor = team
    with db.write() as session, pytest.raises(ValidationFailed) as refused:
        create_share_link(session, founder, "velo", ShareRequest(**{"viewer_name": "Ann", **request_values}))
    assert fault in str(refused.value) and "\n" not in str(refused.value) and len(str(refused.value)) < 300
    with db.read() as session:
        assert session.query(ShareLink).count() == 0


def test_visible_seconds_per_slide_are_counted_once_capped_and_not_while_hidden(db, team):
    founder, _other, _mentor = team
    shared = open_shared(db, _share(db, founder).token, "192.0.2.1")
    view = start_view(db, shared, now=T0 - dt.timedelta(seconds=3))  # the page takes three seconds to draw
    first_shown(db, shared, view, now=T0)
    assert start_view(db, shared, view.key, now=T0).key == view.key  # a rerun or reconnect: the same view
    first_shown(db, shared, view, now=T0 + dt.timedelta(seconds=1))  # a rerun draws it again: it still counts from T0
    at = view
    at = show_slide(db, shared, at, 2, now=T0 + dt.timedelta(seconds=7))
    again = show_slide(db, shared, view, 2, now=T0 + dt.timedelta(seconds=8))  # the first change, sent twice
    assert again.changes == at.changes
    at = hide_view(db, shared, at, now=T0 + dt.timedelta(seconds=10))
    at = show_view(db, shared, at, now=T0 + dt.timedelta(seconds=70))  # a minute in another tab
    at = show_slide(db, shared, at, 3, now=T0 + dt.timedelta(seconds=75))
    at = show_slide(db, shared, at, 4, now=T0 + dt.timedelta(hours=2))  # a tab left open over lunch
    with db.read() as session:
        (report,) = share_reports(session, founder, "velo")
    assert report.views == 1 and report.seconds_by_slide == {1: 7.0, 2: 8.0, 3: SLIDE_CAP_SECONDS}
    assert report.completion(6) == 0.5


def test_a_view_key_of_another_link_opens_a_new_view_and_reports_stay_with_their_startup(db, team):
    founder, other, _mentor = team
    mine = open_shared(db, _share(db, founder).token, "192.0.2.1")
    theirs = open_shared(db, _share(db, other, "souk").token, "192.0.2.1")
    view = start_view(db, theirs, now=T0)
    assert start_view(db, mine, view.key, now=T0).key != view.key
    with db.read() as session:
        assert [r.views for r in share_reports(session, founder, "velo")] == [1]
        with pytest.raises(PermissionDenied):
            share_reports(session, founder, "souk")


def test_a_download_names_its_viewer_on_every_page(db, team):
    founder, _other, _mentor = team
    shared = open_shared(db, _share(db, founder, organisation="Brussels Angels", opens="onepager").token, "192.0.2.1")
    with db.read() as session:
        data = shared_pdf(session, shared, dt.date(2026, 12, 4))
    pages = PdfReader(io.BytesIO(data)).pages
    assert all("Shared with Ann Investor, Brussels Angels, 4 Dec 2026" in page.extract_text() for page in pages)


# Each example opens a link of its own, so sharing the database between examples is safe.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80), st.text(max_size=80), st.sampled_from(["deck", "onepager", "Deck", "", "x"]))
def test_any_request_makes_a_link_exactly_as_asked_or_is_refused_whole(db, team, name, organisation, opens):
    founder, _other, _mentor = team
    with db.read() as session:
        before = session.query(ShareLink).count()
    try:
        with db.write() as session:
            issued = create_share_link(session, founder, "velo", ShareRequest(name, organisation, opens=opens))
    except ValidationFailed as refused:
        assert "\n" not in str(refused) and len(str(refused)) < 300
        with db.read() as session:
            assert session.query(ShareLink).count() == before
        return
    assert open_shared(db, issued.token, "192.0.2.200", now=utc_now()).opens == opens


def test_a_coordinator_shares_a_demo_days_booklet_and_a_founder_may_not(db):
    from incubator.exchange.demo import load_demo
    from incubator.judging.events import list_events
    from incubator.sharing.links import create_booklet_link
    from incubator.sharing.views import booklet_share_reports

    with db.write() as session:
        load_demo(session)
        event = next(event for event in list_events(session, SYSTEM) if event.pitches)
        slug, name = event.slug, event.name
        founder = Actor.of(make_user(session, Role.FOUNDER, password="a founder's password"))
        with pytest.raises(PermissionDenied):
            create_booklet_link(session, founder, slug, ShareRequest("Ann"))
        issued = create_booklet_link(session, SYSTEM, slug, ShareRequest("Ann Investor", organisation="Angels"))
    shared = open_shared(db, issued.token, "192.0.2.1")
    assert (shared.opens, shared.slug, shared.title) == ("booklet", slug, name)
    with db.read() as session:
        pages = PdfReader(io.BytesIO(shared_pdf(session, shared, dt.date(2026, 12, 4)))).pages
        (report,) = booklet_share_reports(session, SYSTEM, slug)
    assert len(pages) > 2 and all("Shared with Ann Investor, Angels" in page.extract_text() for page in pages)
    assert (report.viewer_name, report.opens) == ("Ann Investor", "booklet")
    with db.write() as session:
        revoke_share_link(session, SYSTEM, issued.link_id)
    with pytest.raises(ShareClosed):
        open_shared(db, issued.token, "192.0.2.1")


def test_a_tab_left_open_on_a_withdrawn_link_records_nothing_more(db, team):
    founder, _other, _mentor = team
    issued = _share(db, founder)
    shared = open_shared(db, issued.token, "192.0.2.1")
    view = start_view(db, shared, now=T0)
    first_shown(db, shared, view, now=T0)
    view = show_slide(db, shared, view, 2, now=T0 + dt.timedelta(seconds=5))
    with db.write() as session:
        revoke_share_link(session, founder, issued.link_id)
    assert show_slide(db, shared, view, 3, now=T0 + dt.timedelta(seconds=9)) == view
    with db.read() as session:
        (report,) = share_reports(session, founder, "velo")
    assert report.seconds_by_slide == {1: 5.0}
