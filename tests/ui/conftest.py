"""AppTest helpers: the app on a fresh SQLite database with the demo cohort, signed in as anyone."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from incubator.accounts.authentication import sign_in_with_password
from incubator.db.database import Database
from incubator.exchange.demo import DEMO_PASSWORD, load_demo

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


class _NavigationOnlyPagesManager(PagesManager):
    """AppTest builds a new PagesManager every run, which sees our `pages/` folder and switches to the
    old folder-based navigation for every run after the first; the real server turns that off once
    `st.navigation` has run. Turn it off every run, as the server does."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def _no_background_sender(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page tests start no mail sender: a thread left behind would send a finished test's outbox later."""
    monkeypatch.setenv("INCUBATOR_MAIL_SENDER", "off")


@pytest.fixture(autouse=True)
def _st_navigation_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_test_module, "PagesManager", _NavigationOnlyPagesManager)


@pytest.fixture
def demo_db(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    database = Database.from_url(sqlite_url)
    with database.write() as session:
        load_demo(session)
    return database


@pytest.fixture
def app(demo_db: Database) -> Callable[..., AppTest]:
    """Return a function that starts the app, signed in as the demo person with `email` (or nobody)."""

    def start(email: str | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        if email:
            _actor, token = sign_in_with_password(demo_db, email, DEMO_PASSWORD)
            at.session_state["_sign_in_token"] = token
        return at.run()

    return start


FOUNDER = "yasmine@demo.incubator.example"  # Repair Café Online, with Lucas
MENTOR = "pieter@demo.incubator.example"  # Repair Café Online and Souk Direct
COORDINATOR = "nadia@demo.incubator.example"


def plain(markdown: str) -> str:
    """Return what a reader sees of escaped Markdown: backslash escapes and word joiners removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "").replace("  \n", "\n")
