"""With e-mail on, the app's own sender delivers: a coordinator invites someone on People, the invitation
arrives at a real SMTP server in the invited person's language, and its link signs them in."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from incubator.exchange.demo import DEMO_PASSWORD
from tests.e2e.conftest import demo_database_url, screenshot, sign_in
from tests.e2e.servers import free_port, start_app_server, stop, wait_until_healthy
from tests.mail_server import MailServer, running_mail_server

pytestmark = pytest.mark.e2e


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    with running_mail_server() as server:
        yield server


def _arrived(server: MailServer, count: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while len(server.received) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(server.received) >= count, f"{len(server.received)} of {count} messages arrived"


def test_an_invitation_made_in_the_browser_arrives_by_e_mail_and_its_link_signs_in(browser: Browser, tmp_path,
                                                                                   mail_server):  # fmt: skip
    settings = {
        "INCUBATOR_SMTP_HOST": "127.0.0.1", "INCUBATOR_SMTP_PORT": str(mail_server.port), "INCUBATOR_SMTP_TLS": "none",
        "INCUBATOR_MAIL_FROM": "MolenGeek Incubator <incubator@molengeek.example>",
    }  # fmt: skip
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_app_server(demo_database_url(tmp_path), port, environment=settings | {"INCUBATOR_URL": url})
    try:
        wait_until_healthy(url, server)
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB")
        page = context.new_page()
        page.set_default_timeout(20_000)
        sign_in(page, url, "nadia@demo.incubator.example", DEMO_PASSWORD)
        page.goto(f"{url}/people")
        form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Invite"))
        form.get_by_role("textbox", name="Name").fill("Zoé Martin")
        form.get_by_role("textbox", name="Email").fill("zoe@example.org")
        form.get_by_role("button", name="Invite").click()
        expect(page.get_by_text("An e-mail with this link is on its way to Zoé Martin.")).to_be_visible()
        context.close()

        _arrived(mail_server, 1)
        message = mail_server.received[0].message
        assert message["To"] == "Zoé Martin <zoe@example.org>" and message["Subject"] == "Your invitation to Incubator"
        text = message.get_body(("plain",)).get_content()
        link = next(line for line in text.splitlines() if "/?invitation=" in line).strip()
        assert link.startswith(f"{url}/?invitation=")

        invited = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
        person = invited.new_page()
        person.goto(link)
        expect(person.get_by_role("heading", name="Welcome, Zoé Martin")).to_be_visible()
        screenshot(person, "invitation-from-e-mail-phone")
        invited.close()
    finally:
        stop(server)
