"""A phone that reconnects (to the same server, or another replica after one was lost) loses no tap.

These tests speak Streamlit's own websocket protocol, so they send exactly what a reconnecting browser
sends: a rerun carrying the values its widgets hold.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect
from sqlalchemy import select
from streamlit.proto.WidgetStates_pb2 import WidgetState

from incubator.accounts.actors import Actor
from incubator.accounts.authentication import start_sign_in_session
from incubator.db.database import Database
from incubator.db.models import PitchEvent, Score, Startup, User
from tests.e2e.conftest import KEEP_TOASTS, demo_database_url, score_button, settle, sign_in
from tests.e2e.servers import running_app
from tests.e2e.streamlit_client import StreamlitClient

JUDGE = "karim@demo.incubator.example"
DEMO_DAY = "demo-day-autumn-2026"
PROBLEM = f"score::{DEMO_DAY}::greencourier::Problem"


def _token(database: Database) -> str:
    with database.write() as session:
        judge = session.scalar(select(User).where(User.email == JUDGE))
        return start_sign_in_session(session, Actor.of(judge))


def _problem_score(database: Database) -> float | None:
    with database.read() as session:
        return session.scalar(
            select(Score.value)
            .join(User, User.id == Score.judge_id)
            .join(PitchEvent, PitchEvent.id == Score.event_id)
            .join(Startup, Startup.id == Score.startup_id)
            .where(User.email == JUDGE, PitchEvent.slug == DEMO_DAY, Startup.slug == "greencourier",
                   Score.criterion == "Problem")
        )  # fmt: skip


def test_a_tap_the_browser_still_holds_when_it_reconnects_is_saved_and_confirmed(tmp_path: Path):
    database_url = demo_database_url(tmp_path)
    database = Database.from_url(database_url)
    with running_app(database_url) as url:
        cookies = {"incubator_session": _token(database)}
        before = StreamlitClient(url, cookies, "judge")
        before.open()
        widget = before.widgets[PROBLEM]
        before.close()  # the tap was shown chosen, then the connection was lost before it reached a server
        assert _problem_score(database) is None

        held = WidgetState()
        held.id = widget.id
        held.string_array_value.data.append("2")
        after = StreamlitClient(url, cookies, "judge")
        run = after.open([held])  # what the browser sends on reconnecting: its widgets' values
        after.close()
        assert run.toasts == ["Saved: Problem = 2"] and run.errors == []
        assert _problem_score(database) == 2

        fresh = StreamlitClient(url, cookies, "judge")  # a reload holds no value: nothing is saved again
        assert fresh.open().toasts == []
        fresh.close()
    database.dispose()


def test_a_tap_made_while_offline_is_saved_when_the_connection_comes_back_or_shown_not_chosen(
    browser: Browser, tmp_path: Path
):
    database_url = demo_database_url(tmp_path)
    database = Database.from_url(database_url)
    with running_app(database_url) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        context.add_init_script(KEEP_TOASTS)
        page = context.new_page()
        page.set_default_timeout(30_000)
        sign_in(page, url, JUDGE, "demo-incubator")
        page.goto(f"{url}/judge")
        expect(page.get_by_role("heading", name="GreenCourier")).to_be_visible()
        settle(page)
        problem = score_button(page.get_by_test_id("stButtonGroup").nth(0), "4")

        context.set_offline(True)  # the phone loses the network at the back of the room
        page.evaluate("window.__toasts = []")
        problem.dispatch_event("click")  # the judge taps anyway
        page.wait_for_timeout(3_000)
        context.set_offline(False)

        # Either the tap is saved once the connection is back (and confirmed), or it is not shown as chosen.
        expect(page.get_by_test_id("stConnectionStatus")).to_have_count(0, timeout=60_000)
        settle(page)
        page.wait_for_timeout(2_000)
        confirmed = page.evaluate("window.__toasts.some((toast) => toast.includes('Saved: Problem = 4'))")
        shown = problem.get_attribute("aria-checked") == "true"
        stored = _problem_score(database)
        print(f"\noffline tap: confirmed={confirmed}, shown chosen={shown}, stored={stored}")
        assert shown == (stored == 4)  # the screen shows what is stored
        assert confirmed == (stored == 4)  # and says so exactly when it is
        context.close()
    database.dispose()
