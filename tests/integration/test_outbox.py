"""The outbox against a real SMTP server: every message arrives once, in its reader's language, nothing lost.

The server is aiosmtpd on a free local port (tests/mail_server.py); the senders are this process
or `python -m incubator outbox run` processes, killed at the worst moment where the test says so.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, update

from incubator.accounts.actors import Actor
from incubator.accounts.invitations import invite_again, invite_person
from incubator.core.vocabulary import Role
from incubator.db.database import Database
from incubator.db.models import OutboxMessage, User, utc_now
from incubator.mail.outbox import queue_message
from incubator.mail.sender import new_holder, send_due
from tests.factories import make_user
from tests.mail_server import MailServer, mail_environment, running_mail_server

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COORDINATOR = Actor.command_line()


@pytest.fixture
def mail(monkeypatch: pytest.MonkeyPatch) -> Iterator[MailServer]:
    with running_mail_server() as server:
        mail_environment(monkeypatch, server.port)
        yield server


def _queue(db: Database, count: int, prefix: str = "person") -> list[str]:
    with db.write() as session:
        messages = [
            queue_message(session, kind="notice", recipient=f"{prefix}{number}@example.org", name=f"Person {number}",
                          language="en", values={"summary": f"News {number}", "link": "https://x.example/"})
            for number in range(count)
        ]  # fmt: skip
        return [message.message_id for message in messages if message is not None]


def _states(db: Database) -> Counter[str]:
    with db.read() as session:
        return Counter(session.scalars(select(OutboxMessage.state)))


def _all_due_now(db: Database) -> None:
    """As if the retry delay had passed."""
    with db.write() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.state == "queued").values(next_attempt_at=utc_now()))


def test_without_mail_settings_an_invitation_writes_no_message(db, monkeypatch):
    monkeypatch.delenv("INCUBATOR_SMTP_HOST", raising=False)
    with db.write() as session:
        issued = invite_person(session, COORDINATOR, email="zoe@example.org", name="Zoé", role=Role.FOUNDER)
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    assert not issued.emailed and "/?invitation=" in issued.link


def test_an_invitation_arrives_with_its_link_subject_and_language(db, mail):
    with db.write() as session:
        issued = invite_person(session, COORDINATOR, email="zoe@example.org", name="Zoé Martin", role=Role.FOUNDER,
                               language="fr")  # fmt: skip
    assert issued.emailed
    report = send_due(db, new_holder())
    assert (report.sent, report.failed) == (1, 0)
    [received] = mail.received
    message = received.message
    assert received.recipients == ["zoe@example.org"]
    assert message["Subject"] == "Votre invitation à Incubator"
    assert message["To"] == "Zoé Martin <zoe@example.org>"
    assert message["From"] == "MolenGeek Incubator <incubator@molengeek.example>"
    assert message["Content-Language"] == "fr"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    link = f"https://incubator.example.org/?invitation={issued.token}"
    assert link in text and f'href="{link}"' in html
    assert "pendant 7 jours" in text and "Bonjour Zoé Martin" in text
    with db.read() as session:
        row = session.scalars(select(OutboxMessage)).one()
    assert (row.state, row.attempts, message["Message-ID"]) == ("sent", 1, row.message_id)


def test_a_new_password_link_is_its_own_message(db, mail):
    with db.write() as session:
        user = make_user(session, Role.FOUNDER, password="an old password", email="lost@example.org", language="nl")
        invite_again(session, COORDINATOR, user.id)
    send_due(db, new_holder())
    assert mail.received[0].message["Subject"] == "Een nieuw wachtwoord voor Incubator"


def test_an_invitation_and_its_message_commit_together_or_not_at_all(db, mail):
    with pytest.raises(RuntimeError), db.write() as session:
        invite_person(session, COORDINATOR, email="zoe@example.org", name="Zoé", role=Role.FOUNDER)
        raise RuntimeError("the transaction fails after the invitation")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
        assert session.scalar(select(User).where(User.email == "zoe@example.org")) is None


def test_the_server_away_for_a_while_then_every_message_arrives_once(db, mail):
    queued, holder = _queue(db, 5), new_holder()
    mail.stop()
    report = send_due(db, holder)
    assert (report.sent, report.retried) == (0, 1)  # the first try failed; the rest wait their turn
    assert _states(db) == Counter(queued=5)
    for _ in range(3):  # still away at the next tries
        _all_due_now(db)
        send_due(db, holder)
    mail.start()
    _all_due_now(db)
    send_due(db, holder)
    assert sorted(mail.message_ids()) == sorted(queued)
    assert _states(db) == Counter(sent=5)


def test_a_permanent_refusal_fails_the_message_and_marks_the_address(db, mail):
    mail.refused.add("gone@example.org")
    with db.write() as session:
        invite_person(session, COORDINATOR, email="gone@example.org", name="Gone", role=Role.FOUNDER)
        invite_person(session, COORDINATOR, email="here@example.org", name="Here", role=Role.FOUNDER)
    report = send_due(db, new_holder())
    assert (report.sent, report.failed) == (1, 1)
    with db.read() as session:
        failed = session.scalars(select(OutboxMessage).where(OutboxMessage.state == "failed")).one()
        gone = session.scalars(select(User).where(User.email == "gone@example.org")).one()
        here = session.scalars(select(User).where(User.email == "here@example.org")).one()
    assert failed.recipient == "gone@example.org" and failed.last_error.startswith("550")
    assert gone.email_unreachable.startswith("550 5.1.1") and here.email_unreachable == ""


def test_a_sent_message_is_never_sent_again(db, mail):
    _queue(db, 3)
    holder = new_holder()
    send_due(db, holder)
    send_due(db, holder)
    with db.write() as session:  # even asked to: a sent row is not due
        session.execute(update(OutboxMessage).values(next_attempt_at=utc_now()))
    send_due(db, holder)
    assert len(mail.received) == 3


def _sender(database_url: str, *args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "incubator", "--db", database_url, "outbox", "run", *args]
    return subprocess.Popen(command, cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_a_sender_killed_between_send_and_mark_sends_that_message_again_once_and_loses_none(db_url, mail):
    db = Database.from_url(db_url)
    queued = _queue(db, 4)
    sender = _sender(db_url, "--lease", "1")
    killed: list[str] = []

    def kill_the_sender_before_it_hears_ok(received) -> None:
        if not killed:  # the first message's data is in; the sender dies before our 250 reaches it
            killed.append(str(received.message["Message-ID"]))
            os.kill(sender.pid, signal.SIGKILL)

    mail.on_data = kill_the_sender_before_it_hears_ok
    sender.wait(timeout=60)
    assert killed and _states(db)["sending"] == 4  # its batch claimed; the first sent, never marked
    time.sleep(1.2)  # its lease runs out
    mail.on_data = None
    again = _sender(db_url, "--once", "--lease", "1")
    assert again.wait(timeout=60) == 0, again.stderr.read() if again.stderr else ""
    arrived = Counter(mail.message_ids())
    assert set(arrived) == set(queued)  # none lost
    assert arrived[killed[0]] == 2 and all(arrived[other] == 1 for other in queued if other != killed[0])
    assert _states(db) == Counter(sent=4)
    db.dispose()


def test_two_senders_at_once_send_each_message_once(db_url, mail):
    db = Database.from_url(db_url)
    queued = _queue(db, 120)
    senders = [_sender(db_url, "--lease", "2") for _ in range(2)]
    try:
        _wait_for(lambda: _states(db)["sent"] == 120)
    finally:
        for sender in senders:
            sender.send_signal(signal.SIGTERM)
        for sender in senders:
            sender.wait(timeout=30)
    assert sorted(mail.message_ids()) == sorted(queued)
    assert [sender.returncode for sender in senders] == [0, 0]
    db.dispose()


def test_outbox_list_prints_each_messages_recipient_subject_state_and_tries(db_url, mail):
    db = Database.from_url(db_url)
    _queue(db, 2)
    printed = subprocess.run([sys.executable, "-m", "incubator", "--db", db_url, "outbox", "list"], cwd=ROOT,
                             capture_output=True, text=True, check=True)  # fmt: skip
    assert printed.stdout.splitlines() == [
        "recipient\tsubject\tstate\tattempts",
        "person1@example.org\tNews 1\tqueued\t0",
        "person0@example.org\tNews 0\tqueued\t0",
    ]
    db.dispose()


def test_outbox_run_with_e_mail_off_says_so_in_one_line(db_url, monkeypatch):
    monkeypatch.delenv("INCUBATOR_SMTP_HOST", raising=False)
    done = subprocess.run([sys.executable, "-m", "incubator", "--db", db_url, "outbox", "run", "--once"], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "E-mail is off" in done.stderr


def _demo_founders_and_mentor(db: Database):
    from incubator.exchange.demo import load_demo

    with db.write() as session:
        load_demo(session)
        mentor = Actor.of(session.scalars(select(User).where(User.email == "pieter@demo.incubator.example")).one())
    return mentor


def _log_a_session(db: Database, mentor: Actor, items: int) -> None:
    import datetime as dt

    from incubator.mentoring.sessions import ActionItemDraft, log_session

    with db.write() as session:
        log_session(session, mentor, "repair-cafe-online", dt.date(2026, 12, 1), "We met.",
                    [ActionItemDraft(f"Item {number}") for number in range(items)])  # fmt: skip


def test_a_logged_session_with_action_items_reaches_each_founder_in_their_language(db, mail):
    mentor = _demo_founders_and_mentor(db)
    with db.write() as session:
        session.execute(update(User).where(User.email == "yasmine@demo.incubator.example").values(language="fr"))
    _log_a_session(db, mentor, items=1)
    _log_a_session(db, mentor, items=0)  # no action item: nobody is told
    send_due(db, new_holder())
    subjects = {item.recipients[0]: item.message["Subject"] for item in mail.received}
    assert subjects["yasmine@demo.incubator.example"] == (
        "Pieter Janssens a noté une séance avec Repair Café Online et 1 action pour l’équipe."
    )
    assert len(subjects) == 2 and all(
        subject == "Pieter Janssens logged a session with Repair Café Online and 1 action item for the team."
        for email, subject in subjects.items() if email != "yasmine@demo.incubator.example"
    )  # fmt: skip


def test_a_mentors_comment_reaches_the_founders_who_want_it_and_nobody_who_turned_it_off(db, mail):
    from incubator.accounts.users import set_own_notices
    from incubator.canvas.comments import add_canvas_comment

    mentor = _demo_founders_and_mentor(db)
    with db.write() as session:
        yasmine = Actor.of(session.scalars(select(User).where(User.email == "yasmine@demo.incubator.example")).one())
        set_own_notices(session, yasmine, comments=False, sessions=True)
        add_canvas_comment(session, mentor, "repair-cafe-online", 1, "problem", "Who told you this?")
    send_due(db, new_holder())
    assert [item.recipients for item in mail.received] == [["lucas@demo.incubator.example"]]
    assert mail.received[0].message["Subject"] == (
        "Pieter Janssens commented on “Problem” in the canvas of Repair Café Online."
    )


def test_many_notices_in_a_day_come_as_one_digest_and_the_next_ones_wait_for_the_next_day(db, mail):
    import datetime as dt

    from incubator.mail.notices import dispatch_notices, notify
    from incubator.mail.settings import mail_settings

    settings = mail_settings()
    with db.write() as session:
        user = make_user(session, Role.FOUNDER, email="busy@example.org", language="nl")
        for number in range(2):
            notify(session, user, "comment", f"Comment {number}", "canvas")
        assert dispatch_notices(session, settings=settings) == 2  # few: each alone
        for number in range(5):
            notify(session, user, "comment", f"More {number}", "canvas")
        assert dispatch_notices(session, settings=settings) == 1  # many: one digest
        notify(session, user, "session", "Later that day", "mentoring")
        assert dispatch_notices(session, settings=settings) == 0  # today's digest is gone: it waits
        assert dispatch_notices(session, settings=settings, now=utc_now() + dt.timedelta(hours=25)) == 1
    send_due(db, new_holder())
    subjects = [item.message["Subject"] for item in mail.received]
    assert subjects == ["Comment 0", "Comment 1", "5 nieuwe berichten in Incubator", "Later that day"]
    digest = mail.received[2].message.get_body(("plain",)).get_content()
    assert all(f"More {number}" in digest for number in range(5))


def test_the_apps_own_sender_stays_off_when_the_deployment_sends_from_cron(db, mail, monkeypatch):
    from incubator.mail.sender import start_background_sender

    monkeypatch.setenv("INCUBATOR_MAIL_SENDER", "off")
    assert start_background_sender(db) is None


def test_a_share_link_sent_to_an_investor_arrives_with_its_address_and_none_unasked(db, mail):
    from incubator.exchange.demo import load_demo
    from incubator.sharing.links import ShareRequest, create_share_link, open_shared

    with db.write() as session:
        load_demo(session)
        founder = Actor.of(session.scalars(select(User).where(User.email == "elif@demo.incubator.example")).one())
        asked = ShareRequest("Ann Investor", email="ann@angels.example", send_by_email=True)
        sent = create_share_link(session, founder, "souk-direct", asked)
        kept = create_share_link(session, founder, "souk-direct", ShareRequest("Bo", email="bo@angels.example"))
    assert sent.emailed and not kept.emailed
    assert send_due(db, new_holder()).sent == 1
    [received] = mail.received
    assert received.recipients == ["ann@angels.example"]
    text = received.message.get_body(("plain",)).get_content()
    link = f"https://incubator.example.org/?share={sent.token}"
    assert link in text and "Souk Direct" in received.message["Subject"] and "Hello Ann Investor" in text
    assert open_shared(db, sent.token, "192.0.2.1").viewer_name == "Ann Investor"
