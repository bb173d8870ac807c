"""The demo cohort loaded in French or Dutch, from the command line and on a first start."""

from __future__ import annotations

import sys

from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from incubator.cli import EXIT_BAD_INPUT, EXIT_OK, main
from incubator.core import config
from incubator.db.database import Database
from incubator.db.models import Cohort, MentoringSession, MetricValue, Startup
from tests.ui.conftest import APP


def _taglines(url: str) -> set[str]:
    database = Database.from_url(url)
    with database.read() as session:
        taglines = set(session.scalars(select(Startup.tagline)))
    database.dispose()
    return taglines


def test_the_demo_loads_in_french_and_again_in_french_changes_nothing(capsys, db_url):
    assert main(["demo", "--db", db_url, "--lang", "fr"]) == EXIT_OK
    assert "Livraison à vélo cargo le jour même pour les commerces bruxellois." in _taglines(db_url)
    assert "startups\u202f: 6 créations" in capsys.readouterr().out  # the summary in the chosen language
    assert main(["demo", "--db", db_url, "--lang", "fr"]) == EXIT_OK
    assert "startups\u202f: 0 créations, 0 mises à jour, 6 sans changement" in capsys.readouterr().out


def test_loading_the_demo_in_a_second_language_is_refused_and_changes_nothing(capsys, db_url):
    assert main(["demo", "--db", db_url, "--lang", "nl"]) == EXIT_OK
    capsys.readouterr()
    database = Database.from_url(db_url)
    with database.read() as session:
        before = [session.scalar(select(func.count()).select_from(model)) for model in (MetricValue, MentoringSession)]
    assert main(["demo", "--db", db_url]) == EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and len(error) < 300
    assert "already loaded in Dutch" in error and "empty database" in error
    with database.read() as session:
        after = [session.scalar(select(func.count()).select_from(model)) for model in (MetricValue, MentoringSession)]
        assert session.scalar(select(Cohort.name)) == "Najaar 2026"
    database.dispose()
    assert before == after


def test_the_environment_chooses_the_demo_language_and_a_wrong_one_stops_with_one_line(capsys, monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    monkeypatch.setenv("INCUBATOR_DEMO_LANGUAGE", "klingon")
    assert main(["demo", "--db", url]) == EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "INCUBATOR_DEMO_LANGUAGE must be one of en, fr, nl" in error
    assert not (tmp_path / "demo.sqlite3").exists()
    monkeypatch.setenv("INCUBATOR_DEMO_LANGUAGE", "nl")
    assert main(["demo", "--db", url]) == EXIT_OK
    assert "Levering met de bakfiets op dezelfde dag voor Brusselse winkels." in _taglines(url)


def test_a_first_start_fills_the_embedded_database_in_the_chosen_language(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("INCUBATOR_DEMO_LANGUAGE", "nl")
    monkeypatch.setattr(config, "EMBEDDED_DATABASE_PATH", tmp_path / "data" / "incubator.sqlite3")
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "Boek in twee klikken een vrijwillige hersteller bij jou in de buurt." in _taglines(config.database_url())


def test_without_a_setting_the_first_visitors_browser_language_chooses(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("INCUBATOR_DEMO_LANGUAGE", raising=False)
    monkeypatch.setattr(config, "EMBEDDED_DATABASE_PATH", tmp_path / "data" / "incubator.sqlite3")
    # AppTest cannot set the browser's locale: stand in for a browser that asks for fr-BE.
    # (`incubator.web.database` is also the name of the function the package exports: take the module.)
    monkeypatch.setattr(sys.modules["incubator.web.database"], "best_language", lambda locale: "fr")
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert "Réserve un réparateur bénévole près de chez toi en deux clics." in _taglines(config.database_url())
