"""The app's forms: saved on good input; on bad input a clear message, and what was typed is kept."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from streamlit.testing.v1 import AppTest

from incubator.accounts.actors import Actor
from incubator.core import config
from incubator.core.i18n import language as in_language
from incubator.core.markup import escape_markdown
from incubator.db.models import Cohort, Startup, User
from incubator.startups.teams import NamedMember, named_members
from tests.ui.conftest import APP, COORDINATOR, FOUNDER, plain

SLUG = "repair-cafe-online"


def test_founder_saves_the_profile(app, demo_db):
    at = app(FOUNDER)
    at.text_input(key=f"tagline_{SLUG}").input("Repairs booked in two clicks, in all of Brussels.")
    at.selectbox(key=f"stage_{SLUG}").select_index(2)
    at.button(key=f"FormSubmitter:profile_{SLUG}-Save the profile").click().run()
    assert not at.exception
    assert [plain(success.value) for success in at.success] == ["The profile is saved."]
    with demo_db.read() as session:
        startup = session.scalar(select(Startup).where(Startup.slug == SLUG))
    assert startup.tagline == "Repairs booked in two clicks, in all of Brussels." and startup.stage.value == "mvp"


def test_bad_website_is_refused_and_every_typed_field_is_kept(app, demo_db):
    at = app(FOUNDER)
    at.text_input(key=f"tagline_{SLUG}").input("A new tagline")
    at.text_input(key=f"website_{SLUG}").input("repair.example.org")
    at.button(key=f"FormSubmitter:profile_{SLUG}-Save the profile").click().run()
    assert "must start with https://" in plain(at.error[0].value)
    assert at.text_input(key=f"website_{SLUG}").value == "repair.example.org"
    assert at.text_input(key=f"tagline_{SLUG}").value == "A new tagline"
    with demo_db.read() as session:
        assert session.scalar(select(Startup.tagline).where(Startup.slug == SLUG)) != "A new tagline"


def _invite_on_people(app, name: str, email: str):
    at = app(COORDINATOR)
    at.switch_page("pages/people.py").run()
    at.text_input(key="new_account_name").input(name)
    at.text_input(key="new_account_email").input(email)
    at.button(key="FormSubmitter:new_account-Invite").click().run()
    assert not at.exception
    return at


def test_coordinator_invites_someone_and_gets_a_link_never_a_password(app, demo_db):
    at = _invite_on_people(app, "Sara Haddad", "Sara@Example.org")
    assert plain(at.success[0].value) == "Send this link to Sara Haddad: it works once, for 7 days."
    assert "/?invitation=" in at.code[0].value
    assert at.text_input(key="new_account_name").value == ""
    with demo_db.read() as session:
        user = session.scalar(select(User).where(User.email == "sara@example.org"))
        assert user.display_name == "Sara Haddad" and user.password_hash is None


def test_an_invitation_link_is_made_on_incubator_url_whatever_page_or_host_it_was_made_on(app, monkeypatch):
    monkeypatch.setenv("INCUBATOR_URL", "https://incubator.example.org/")
    at = _invite_on_people(app, "Sara Haddad", "sara@example.org")
    assert at.code[0].value.startswith("https://incubator.example.org/?invitation=")


def test_a_forgotten_password_gets_a_new_link_and_the_old_password_stops(app, demo_db):
    at = app(COORDINATOR)
    at.switch_page("pages/people.py").run()
    with demo_db.read() as session:
        karim = session.scalar(select(User.id).where(User.email == "karim@demo.incubator.example"))
    at.selectbox(key="manage_account_id").set_value(karim)
    at.button(key="FormSubmitter:manage_account-New link").click().run()
    assert not at.exception and "/?invitation=" in at.code[0].value
    with demo_db.read() as session:
        assert session.scalar(select(User.password_hash).where(User.id == karim)) is None


def test_account_with_a_bad_email_is_refused_and_the_form_keeps_its_values(app):
    at = app(COORDINATOR)
    at.switch_page("pages/people.py").run()
    at.text_input(key="new_account_name").input("Sara Haddad")
    at.text_input(key="new_account_email").input("sara at example")
    at.button(key="FormSubmitter:new_account-Invite").click().run()
    assert "is not a valid email address" in plain(at.error[0].value)
    assert at.text_input(key="new_account_name").value == "Sara Haddad"
    assert at.text_input(key="new_account_email").value == "sara at example"


def test_coordinator_creates_a_cohort_and_a_duplicate_is_refused(app, demo_db):
    at = app(COORDINATOR)
    at.text_input(key="new_cohort_name").input("Spring 2027")
    at.button(key="FormSubmitter:new_cohort-Create the cohort").click().run()
    assert plain(at.success[0].value) == "Cohort “Spring 2027” created."
    at.text_input(key="new_cohort_name").input("Spring 2027")
    at.button(key="FormSubmitter:new_cohort-Create the cohort").click().run()
    assert "already exists" in plain(at.error[0].value)
    with demo_db.read() as session:
        assert session.scalar(select(Cohort.name).where(Cohort.slug == "spring-2027")) == "Spring 2027"


def test_coordinator_assigns_a_mentor_from_the_startup_page(app, demo_db):
    at = app(COORDINATOR)
    at.switch_page("pages/startup.py").run()
    at.selectbox(key="startup_slug").select(SLUG).run()
    # Picked from the people who have an account, never typed again; the role comes with the person.
    at.selectbox(key=f"team_email_{SLUG}").set_value("sophie@demo.incubator.example")
    at.button(key=f"FormSubmitter:team_{SLUG}-Add").click().run()
    assert not at.exception and plain(at.success[0].value) == "The team is updated."
    with demo_db.read() as session:
        startup = session.scalar(select(Startup).where(Startup.slug == SLUG))
        assert "sophie@demo.incubator.example" in [mentor.email for mentor in startup.mentors]


def test_changing_the_password_needs_the_current_one(app):
    at = app(FOUNDER)
    at.switch_page("pages/account.py").run()
    at.text_input(key="account_current_password").input("wrong")
    at.text_input(key="account_new_password").input("a brand new password")
    at.button(key="FormSubmitter:password-Change the password").click().run()
    assert plain(at.error[0].value) == "The current password is not right."
    assert at.text_input(key="account_new_password").value == "a brand new password"


def test_first_start_on_the_embedded_default_creates_the_file_with_the_demo(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(config, "EMBEDDED_DATABASE_PATH", tmp_path / "data" / "incubator.sqlite3")
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert (tmp_path / "data" / "incubator.sqlite3").exists()
    assert FOUNDER in set(at.dataframe[0].value["Email"])


def test_a_deployment_on_database_url_starts_empty(monkeypatch, sqlite_url):
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert len(at.dataframe) == 0


def test_markdown_typed_into_a_name_is_shown_as_typed(app, demo_db):
    typed = "**Evil** [click](https://evil.example) ![x](http://127.0.0.1/x.png)"
    at = app(FOUNDER)
    at.text_input(key=f"name_{SLUG}").input(typed)
    at.button(key=f"FormSubmitter:profile_{SLUG}-Save the profile").click().run()
    assert at.header[0].value == escape_markdown(typed)
    assert plain(at.header[0].value) == typed


def test_coordinator_sees_who_did_what_in_the_recent_activity(app):
    at = app(COORDINATOR)
    at.switch_page("pages/people.py").run()
    at.text_input(key="new_account_name").input("Sara Haddad")
    at.text_input(key="new_account_email").input("sara@example.org")
    at.button(key="FormSubmitter:new_account-Invite").click().run()
    activity = at.dataframe[1].value
    done = {(row["Who"], row["Action"], row["Record"]) for _index, row in activity.head(2).iterrows()}
    assert done == {("Nadia El Amrani", "create", "user sara@example.org"),
                    ("Nadia El Amrani", "invite", "user sara@example.org")}  # fmt: skip


def test_founder_saves_the_ask_and_a_bad_currency_keeps_the_form(app, demo_db):
    from incubator.db.models import Ask

    at = app(FOUNDER)
    at.text_input(key=f"ask_{SLUG}_currency").input("E1")
    at.text_input(key=f"ask_{SLUG}_amount").input("50 000")
    at.button(key=f"FormSubmitter:ask_{SLUG}-Save the ask").click().run()
    assert "three-letter code" in plain(at.error[0].value)
    assert at.text_input(key=f"ask_{SLUG}_currency").value == "E1"
    at.text_input(key=f"ask_{SLUG}_currency").input("EUR")
    at.button(key=f"FormSubmitter:ask_{SLUG}-Save the ask").click().run()
    assert plain(at.success[0].value) == "The ask is saved: the deck, the one-pager and the profile say it alike."
    with demo_db.read() as session:
        assert session.scalar(select(Ask.amount).join(Startup).where(Startup.slug == SLUG)) == 50000.0


def test_a_bad_bundle_upload_is_refused_with_its_path_and_changes_nothing(app, demo_db):
    import json

    at = app(COORDINATOR)
    at.switch_page("pages/exports.py").run()
    assert not at.exception
    bad = json.dumps({"format": "incubator-bundle", "version": 1, "cohorts": [{"slug": "Bad Slug", "name": "x"}]})
    at.file_uploader[0].upload("bad.json", bad.encode(), "application/json")
    at.button(key="FormSubmitter:bundle_upload-Import").click().run()
    assert plain(at.error[0].value).startswith("$.cohorts[0].slug:")
    with demo_db.read() as session:
        assert session.scalar(select(Cohort).where(Cohort.name == "x")) is None


def test_a_founder_names_a_team_member_without_an_account_and_a_bad_row_is_refused(app, demo_db):
    at = app(FOUNDER)
    at.switch_page("pages/startup.py").run()
    at.text_input(key=f"named_{SLUG}_0").input("Karim Designer")
    at.text_input(key=f"named_role_{SLUG}_0").input("Design, part time")
    at.text_input(key=f"named_role_{SLUG}_1").input("a role with no name")
    at.button(key=f"FormSubmitter:named_team_{SLUG}-Save the team").click().run()
    assert not at.exception and plain(at.error[0].value) == "Team member 2: the name cannot be empty."
    with demo_db.read() as session:
        assert named_members(session, Actor.command_line(), SLUG) == []
    at.text_input(key=f"named_role_{SLUG}_1").input("")
    at.button(key=f"FormSubmitter:named_team_{SLUG}-Save the team").click().run()
    assert not at.exception and plain(at.success[0].value) == "The team is updated."
    assert "Karim Designer · Design, part time" in [text.value for text in at.text]
    with demo_db.read() as session:
        kept = named_members(session, Actor.command_line(), SLUG)
    assert kept == [NamedMember("Karim Designer", "Design, part time")]


@pytest.mark.parametrize(
    ("language", "shown", "typed", "refused"),
    [("fr", "120\u202f000", "75.000,50", "75,000.50"), ("nl", "120.000", "75.000,50", "75,000.50"),
     ("en", "120,000", "75,000.50", "75.000,50")],
)  # fmt: skip
def test_the_ask_amount_reads_and_is_typed_as_the_reader_writes_numbers(app, demo_db, language, shown, typed, refused):
    from incubator.db.models import Ask

    with demo_db.write() as session:
        session.execute(update(User).where(User.email == FOUNDER).values(language=language))
        ask = session.scalar(select(Ask).join(Startup).where(Startup.slug == SLUG))
        ask.amount = 120000.0
    # AppTest formats the page's selectboxes in the test's own thread: it reads in the founder's language too.
    with in_language(language):
        at = app(FOUNDER)
        at.switch_page("pages/startup.py").run()
        assert at.text_input(key=f"ask_{SLUG}_amount").value == shown
        at.text_input(key=f"ask_{SLUG}_amount").input(refused)
        save = next(button.key for button in at.button if button.key.startswith(f"FormSubmitter:ask_{SLUG}-"))
        at.button(key=save).click().run()
    message = plain(at.error[0].value)
    assert refused in message and "\n" not in message and len(message) < 300
    with demo_db.read() as session:
        assert session.scalar(select(Ask.amount).join(Startup).where(Startup.slug == SLUG)) == 120000.0
    with in_language(language):
        at.text_input(key=f"ask_{SLUG}_amount").input(typed)
        at.button(key=save).click().run()
    assert not at.error
    with demo_db.read() as session:
        assert session.scalar(select(Ask.amount).join(Startup).where(Startup.slug == SLUG)) == 75000.5
