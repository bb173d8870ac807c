"""The app's one database handle, opened, migrated and (embedded and empty) filled with the demo once per process."""

from __future__ import annotations

import streamlit as st

from incubator.core.config import database_url, uses_embedded_default
from incubator.db.database import Database
from incubator.db.migrations import upgrade_database
from incubator.exchange.demo import database_is_empty, load_demo


@st.cache_resource(show_spinner=False)
def _open_database(url: str, load_demo_when_empty: bool) -> Database:
    database = Database.from_url(url)
    upgrade_database(database)
    if load_demo_when_empty:
        with database.write() as session:
            if database_is_empty(session):
                load_demo(session)
    return database


def database() -> Database:
    """Return the app's database, migrated (and, when embedded and empty, filled with the demo cohort)."""
    return _open_database(database_url(), uses_embedded_default())
