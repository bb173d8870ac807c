"""Every write acts as whoever is signed in at the moment of the write: a page drawn for someone who has since
been signed out or deactivated stores nothing when clicked, in callbacks and forms alike."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select, update
from streamlit.testing.v1 import AppTest

from incubator.accounts.users import revoke_all_sign_in_sessions
from incubator.db.models import ActionItem, AuditEntry, Idea, Score, User
from tests.ui.conftest import COORDINATOR, FOUNDER, MENTOR, plain

DEMO_DAY = "demo-day-autumn-2026"


def _founder_ticks_an_action_item(at: AppTest) -> None:
    at.checkbox[0].check().run()


def _judge_taps_a_score(at: AppTest) -> None:
    at.get("button_group")[0].set_value(2).run()


def _founder_saves_the_idea(at: AppTest) -> None:
    at.text_area(key="idea::repair-cafe-online::problem").input("Written in a stale tab.")
    at.button(key="save_idea").click().run()


def _coordinator_creates_an_account(at: AppTest) -> None:
    at.text_input(key="new_account_name").input("Stale Tab")
    at.text_input(key="new_account_email").input("stale@example.org")
    at.button(key="FormSubmitter:new_account-Invite").click().run()


def _judge_page(at: AppTest) -> None:
    at.switch_page("pages/judge.py").run()
    at.selectbox(key="judge_event").select(DEMO_DAY).run()


ACTIONS: dict[str, tuple[str, Callable[[AppTest], None], Callable[[AppTest], None]]] = {
    "tick an action item (callback)": (FOUNDER, lambda at: at.switch_page("pages/mentoring.py").run(),
                                       _founder_ticks_an_action_item),
    "score a pitch (callback)": (MENTOR, _judge_page, _judge_taps_a_score),
    "save the idea (button)": (FOUNDER, lambda at: at.switch_page("pages/idea.py").run(), _founder_saves_the_idea),
    "create an account (form)": (COORDINATOR, lambda at: at.switch_page("pages/people.py").run(),
                                 _coordinator_creates_an_account),
}  # fmt: skip


def _stored(database) -> tuple[int, ...]:
    with database.read() as session:
        return (
            session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            session.scalar(select(func.count()).select_from(Score)) or 0,
            session.scalar(select(func.count()).where(ActionItem.done.is_(True))) or 0,
            session.scalar(select(func.count()).select_from(User)) or 0,
            hash(tuple(session.scalars(select(Idea.problem)).all())),
        )


def _sign_out_everywhere(database, email: str) -> None:
    with database.write() as session:
        user_id = session.scalar(select(User.id).where(User.email == email))
        revoke_all_sign_in_sessions(session, user_id)


def _deactivate(database, email: str) -> None:
    with database.write() as session:
        session.execute(update(User).where(User.email == email).values(is_active=False))


@pytest.mark.parametrize("ends", [_sign_out_everywhere, _deactivate], ids=["signed out", "deactivated"])
@pytest.mark.parametrize("action", list(ACTIONS))
def test_a_click_after_the_session_ended_stores_nothing(app, demo_db, action, ends):
    email, open_page, act = ACTIONS[action]
    at = app(email)
    open_page(at)
    assert not at.exception
    before = _stored(demo_db)
    ends(demo_db, email)
    act(at)
    assert not at.exception
    assert _stored(demo_db) == before, f"{action} was stored for an account that is {ends.__name__}"
    # The person is told, and meets the sign-in form again.
    shown = [plain(element.value) for element in [*at.error, *at.warning]]
    assert [title.value for title in at.title] == ["Welcome to the incubator"], shown
    if "callback" in action:  # a callback runs before the page: it says why nothing was saved
        assert any("signed out" in text for text in shown), shown


def test_the_same_click_with_a_live_session_is_stored(app, demo_db):
    at = app(MENTOR)
    _judge_page(at)
    before = _stored(demo_db)
    _judge_taps_a_score(at)
    assert _stored(demo_db) != before
