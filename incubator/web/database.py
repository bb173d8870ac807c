"""The app's one database handle, opened, migrated and (embedded and empty) filled with the demo once per process.

Opening it also starts the process's e-mail sender when e-mail is on (`mail.sender`).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from incubator.core.config import database_url, demo_language, uses_embedded_default
from incubator.core.i18n import best_language
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.exchange.demo import database_is_empty, load_demo
from incubator.mail.sender import start_background_sender


@st.cache_resource(show_spinner=False)
def _open_database(url: str, load_demo_when_empty: bool, _demo_language: Callable[[], str]) -> Database:
    # Streamlit hashes no argument whose name starts with "_": cached by the URL, and the demo's
    # language is asked for only when a fresh embedded database is filled, by its first visitor
    # (usually the person trying the app), unless INCUBATOR_DEMO_LANGUAGE chose it.
    database = Database.from_url(url)
    upgrade_database(database)
    if load_demo_when_empty:
        with database.write() as session:
            if database_is_empty(session):
                load_demo(session, _demo_language())
    start_background_sender(database)  # with e-mail on: this process's sender (one sends at a time, by lease)
    return database


def database() -> Database:
    """Return the app's database, migrated (and, when embedded and empty, filled with the demo cohort)."""
    return _open_database(
        database_url(), uses_embedded_default(), lambda: demo_language() or best_language(st.context.locale)
    )
