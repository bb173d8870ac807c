"""The pages around e-mail: the coordinator's settings (on or off, retry, withdraw), People's unreachable
addresses, and the notices each person chooses on My account."""

from __future__ import annotations

from sqlalchemy import select, update

from incubator.db.models import OutboxMessage, User
from incubator.mail.outbox import queue_message
from tests.mail_server import mail_environment
from tests.ui.conftest import COORDINATOR, FOUNDER, plain


def _settings_page(app):
    at = app(COORDINATOR)
    at.switch_page("pages/settings.py").run()
    assert not at.exception
    return at


def test_settings_say_e_mail_is_off_without_a_mail_server(app, monkeypatch):
    monkeypatch.delenv("INCUBATOR_SMTP_HOST", raising=False)
    at = _settings_page(app)
    assert plain(at.info[0].value).startswith("E-mail is off: people get their links from you")


def test_settings_name_a_wrong_setting(app, monkeypatch):
    mail_environment(monkeypatch, 2525)
    monkeypatch.setenv("INCUBATOR_SMTP_TLS", "ssl")
    at = _settings_page(app)
    assert "INCUBATOR_SMTP_TLS must be none, starttls or tls" in plain(at.error[0].value)


def test_a_failed_message_is_sent_again_or_withdrawn_from_the_settings(app, demo_db, monkeypatch):
    mail_environment(monkeypatch, 2525)
    with demo_db.write() as session:
        for number in range(2):
            message = queue_message(
                session,
                kind="notice",
                recipient=f"p{number}@example.org",
                name="P",
                language="en",
                values={"summary": f"News {number}", "link": "https://x.example"},
            )
            message.state, message.last_error = "failed", "550 5.1.1 No such user here"  # fmt: skip
    at = _settings_page(app)
    assert plain(at.success[0].value).startswith("E-mail is on: server 127.0.0.1:2525 (none), messages from MolenGeek")
    assert len(at.selectbox(key="outbox_message_id").options) == 2
    at.button(key="FormSubmitter:outbox_message-Send it again").click().run()
    at.selectbox(key="outbox_message_id").select_index(1)
    at.button(key="FormSubmitter:outbox_message-Withdraw it").click().run()
    assert not at.exception
    with demo_db.read() as session:
        states = dict(session.execute(select(OutboxMessage.recipient, OutboxMessage.state)).all())
    assert sorted(states.values()) == ["queued", "withdrawn"]


def test_the_incubator_is_renamed_in_the_settings_and_a_blank_name_is_refused(app, demo_db):
    at = _settings_page(app)
    at.text_input(key="incubator_name").input("MolenGeek Incubator")
    at.button(key="FormSubmitter:incubator_name-Save the name").click().run()
    assert at.text_input(key="incubator_name").value == "MolenGeek Incubator"
    at.text_input(key="incubator_name").input("   ")
    at.button(key="FormSubmitter:incubator_name-Save the name").click().run()
    assert "cannot be empty" in plain(at.error[0].value)


def test_people_names_the_addresses_the_mail_server_refused(app, demo_db):
    with demo_db.write() as session:
        session.execute(update(User).where(User.email == FOUNDER).values(email_unreachable="550 5.1.1 No such user"))
    at = app(COORDINATOR)
    at.switch_page("pages/people.py").run()
    warning = plain(at.warning[0].value)
    assert warning.startswith("E-mail does not reach these addresses")
    assert FOUNDER in warning and "550 5.1.1 No such user" in warning


def test_a_founder_turns_the_notices_off_on_my_account(app, demo_db):
    at = app(FOUNDER)
    at.switch_page("pages/account.py").run()
    at.toggle(key="notice_comments").set_value(False)
    at.toggle(key="notice_sessions").set_value(False)
    at.button(key="FormSubmitter:notices-Save the notices").click().run()
    assert not at.exception
    with demo_db.read() as session:
        user = session.scalars(select(User).where(User.email == FOUNDER)).one()
    assert (user.notify_comments, user.notify_sessions) == (False, False)
