"""The app's one database handle, opened and migrated once per process; embedded and empty, filled with the demo."""

from __future__ import annotations

import streamlit as st

from incubator.core.config import database_url, demo_language, uses_embedded_default
from incubator.core.i18n import best_language
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.exchange.demo import database_is_empty, load_demo


@st.cache_resource(show_spinner=False)
def _open_database(url: str) -> Database:
    database = Database.from_url(url)
    upgrade_database(database)
    return database


@st.cache_resource(show_spinner=False)
def _fill_with_the_demo_once(url: str, _database: Database, _language: str) -> bool:
    # Cached by the URL alone (Streamlit hashes no argument whose name starts with "_"): the
    # first visitor of a fresh embedded database, usually the person trying the app, picks the
    # demo's language, unless INCUBATOR_DEMO_LANGUAGE chose it.
    with _database.write() as session:
        if not database_is_empty(session):
            return False
        load_demo(session, _language)
    return True


def database() -> Database:
    """Return the app's database, migrated (and, when embedded and empty, filled with the demo cohort)."""
    url = database_url()
    opened = _open_database(url)
    if uses_embedded_default():
        _fill_with_the_demo_once(url, opened, demo_language() or best_language(st.context.locale))
    return opened
