"""Signing in and out through the app, and the pages each role is offered."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from incubator.exchange.demo import DEMO_PASSWORD
from tests.ui.conftest import APP, COORDINATOR, FOUNDER, MENTOR, plain


def _sign_in(at: AppTest, email: str, password: str) -> AppTest:
    at.text_input(key="sign_in_email").input(email)
    at.text_input(key="sign_in_password").input(password)
    return at.button(key="FormSubmitter:sign_in-Sign in").click().run()


def _sidebar_texts(at: AppTest) -> list[str]:
    return [text.value for text in at.sidebar.text]


def test_sign_in_page_shows_the_demo_accounts_while_they_exist(app):
    at = app()
    assert not at.exception
    assert at.title[0].value == "Welcome to the incubator"
    shown = at.dataframe[0].value
    assert FOUNDER in set(shown["Email"]) and COORDINATOR in set(shown["Email"])
    assert any(DEMO_PASSWORD in markdown.value for markdown in at.markdown)


def test_wrong_password_shows_one_message_and_keeps_the_email(app):
    at = _sign_in(app(), FOUNDER, "not the password")
    assert not at.exception
    assert "do not match an active account" in plain(at.error[0].value)
    assert at.text_input(key="sign_in_email").value == FOUNDER
    assert at.title[0].value == "Welcome to the incubator"


def test_founder_signs_in_and_lands_on_their_startup(app):
    at = _sign_in(app(), FOUNDER, DEMO_PASSWORD)
    assert not at.exception
    assert at.title[0].value == "My startup"
    assert at.header[0].value == "Repair Café Online"
    assert "Yasmine Ouali · founder" in _sidebar_texts(at)


@pytest.mark.parametrize(
    ("email", "home", "allowed", "refused"),
    [
        (FOUNDER, "My startup", ["pages/account.py"], ["pages/people.py", "pages/cohorts.py", "pages/my_startups.py"]),
        (MENTOR, "My startups", ["pages/startup.py", "pages/account.py"], ["pages/people.py", "pages/cohorts.py"]),
        (COORDINATOR, "Cohorts", ["pages/people.py", "pages/startup.py", "pages/account.py"], ["pages/my_startups.py"]),
    ],
)
def test_each_role_reaches_its_pages_and_no_others(app, email, home, allowed, refused):
    at = app(email)
    assert not at.exception
    assert at.title[0].value == home
    for page in allowed:
        at.switch_page(page).run()
        assert not at.exception and not at.error, page
    for page in refused:
        # Not in the role's navigation; running the page file anyway meets the page's own check.
        direct = AppTest.from_file(str(APP).replace("app.py", page), default_timeout=30)
        direct.session_state["_sign_in_token"] = at.session_state["_sign_in_token"]
        direct.run()
        assert [plain(error.value) for error in direct.error] == ["Your account does not give access to this page."], (
            page
        )


def test_a_page_file_run_outside_the_app_frame_shows_the_sign_in_form_and_nothing_of_the_page(demo_db):
    # As Streamlit's folder navigation does on a server's first run: the page file is the main script.
    at = AppTest.from_file(APP.replace("app.py", "pages/people.py"), default_timeout=30).run()
    assert not at.exception
    assert [title.value for title in at.title] == ["Welcome to the incubator"]
    assert at.text_input(key="sign_in_email") is not None
    assert not [page for page in at.sidebar.get("page_link")], "no page is listed before sign-in"


def test_sign_out_returns_to_the_sign_in_page_and_the_token_stops_working(app):
    at = app(FOUNDER)
    token = at.session_state["_sign_in_token"]
    at.sidebar.button(key="sign_out").click().run()
    assert at.title[0].value == "Welcome to the incubator"
    again = AppTest.from_file(APP, default_timeout=30)
    again.session_state["_sign_in_token"] = token
    again.run()
    assert again.title[0].value == "Welcome to the incubator"


def test_single_sign_on_maps_the_provider_email_to_the_account(app):
    at = AppTest.from_file(APP, default_timeout=30)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32}
    at.user = {"is_logged_in": True, "email": MENTOR.upper(), "name": "Pieter"}
    at.run()
    assert not at.exception
    assert at.title[0].value == "My startups"


def test_single_sign_on_with_an_unknown_email_is_refused_clearly(app):
    at = AppTest.from_file(APP, default_timeout=30)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32}
    at.user = {"is_logged_in": True, "email": "stranger@example.org"}
    at.run()
    assert not at.exception
    assert "no active account uses the email stranger@example.org" in plain(at.error[0].value)
