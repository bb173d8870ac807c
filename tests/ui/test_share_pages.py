"""Sharing through AppTest: a founder makes a link, the investor's page opens by it alone, revoking closes it."""

from __future__ import annotations

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from incubator.accounts.actors import Actor
from incubator.db.models import ShareLink, ShareSlideTime, ShareView
from incubator.sharing.links import ShareRequest, closed_message, create_share_link, revoke_share_link
from tests.ui.conftest import APP, FOUNDER, plain

SLUG = "repair-cafe-online"


def test_a_founder_makes_a_link_sees_it_once_and_withdraws_it(app, demo_db):
    at = app(FOUNDER)
    at.switch_page("pages/share.py").run()
    at.text_input(key=f"share_name_{SLUG}").input("Ann Investor")
    at.text_input(key=f"share_org_{SLUG}").input("Brussels Angels")
    at.button(key=f"FormSubmitter:share_{SLUG}-Make the link").click().run()
    assert not at.exception and not at.error
    (address,) = [code.value for code in at.code]
    assert "/?share=" in address
    with demo_db.read() as session:
        link = session.scalar(select(ShareLink))
        assert link.viewer_name == "Ann Investor" and address.split("share=")[1] not in link.token_hash
    at.run()
    assert not at.code  # shown only once
    at.button(key=f"share_revoke_{link.id}").click().run()
    assert plain(at.success[0].value) == "The link is withdrawn: it no longer opens."
    with demo_db.read() as session:
        assert session.get(ShareLink, link.id).revoked_at is not None


def _investor(token: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["share"] = token
    return at.run()


def test_the_investors_page_shows_the_deck_counts_one_view_and_a_closed_link_says_one_line(demo_db):
    system = Actor.command_line()
    with demo_db.write() as session:
        issued = create_share_link(session, system, SLUG, ShareRequest("Ann Investor", allow_download=False))
    at = _investor(issued.token)
    assert not at.exception and at.title[0].value == "Repair Café Online"
    assert not at.get("download_button")  # this link gives no file: no file is offered at all
    at.button(key="share_next").click().run()
    at.button(key="share_next").click().run()
    at.run()  # a rerun is not a view
    with demo_db.read() as session:
        assert session.query(ShareView).count() == 1
        assert sorted(row.slide for row in session.scalars(select(ShareSlideTime))) == [1, 2]
        assert session.scalar(select(ShareView.current_slide)) == 3
    with demo_db.write() as session:
        revoke_share_link(session, system, issued.link_id)
    closed = _investor(issued.token)
    assert [plain(error.value) for error in closed.error] == [closed_message()]
    assert not closed.image and not closed.get("download_button")
    unknown = _investor("A" * 43)
    assert [plain(error.value) for error in unknown.error] == [closed_message()]


def test_a_coordinator_shares_the_booklet_and_the_investor_pages_through_it(app, demo_db):
    from tests.ui.conftest import COORDINATOR

    at = app(COORDINATOR)
    at.switch_page("pages/share.py").run()
    at.get("button_group")[0].set_value("booklet").run()
    event = at.selectbox(key="share_event").value
    at.text_input(key=f"share_name_event_{event}").input("Demo day guests")
    at.button(key=f"FormSubmitter:share_event_{event}-Make the link").click().run()
    assert not at.exception and not at.error
    (address,) = [code.value for code in at.code]
    investor = _investor(address.split("share=")[1])
    assert not investor.exception and investor.image
    investor.button(key="share_next").click().run()
    assert not investor.exception and investor.image
    with demo_db.read() as session:
        assert session.scalar(select(ShareView.current_slide)) == 2  # the booklet's second page


def test_a_one_pager_link_shows_the_one_pager_and_counts_its_open(demo_db):
    with demo_db.write() as session:
        issued = create_share_link(session, Actor.command_line(), SLUG, ShareRequest("Ann", opens="onepager"))
    at = _investor(issued.token)
    assert not at.exception and len(at.image) == 1 and at.get("download_button")
    at.run()
    with demo_db.read() as session:
        assert session.query(ShareView).count() == 1
