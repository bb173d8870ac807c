"""A real SMTP server for the tests (aiosmtpd on a free local port) that keeps what it receives.

It can refuse chosen recipients for good (550), be stopped and started again on the same port,
and run a callback when a message's data has arrived but before it answers 250 (to kill a sender
at the worst moment).
"""

from __future__ import annotations

import email
import email.policy
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.e2e.servers import free_port


@dataclass
class Received:
    """One message as the server got it."""

    sender: str
    recipients: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class MailServer:
    """The test's SMTP server: `received` in order of arrival, `refused` addresses answered 550."""

    port: int
    received: list[Received] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)
    on_data: Callable[[Received], None] | None = None
    _controller: Controller | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.lower() in self.refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        received = Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content))
        with self._lock:
            self.received.append(received)
        if self.on_data is not None:
            self.on_data(received)
        return "250 Message accepted for delivery"

    def start(self) -> None:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def message_ids(self) -> list[str]:
        with self._lock:
            return [str(item.message["Message-ID"]) for item in self.received]


@contextmanager
def running_mail_server() -> Iterator[MailServer]:
    server = MailServer(free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def mail_environment(monkeypatch: pytest.MonkeyPatch, port: int) -> dict[str, str]:
    """Turn e-mail on for this test: the settings pointing at the test's server (no TLS on the loopback)."""
    settings = {
        "INCUBATOR_SMTP_HOST": "127.0.0.1",
        "INCUBATOR_SMTP_PORT": str(port),
        "INCUBATOR_SMTP_TLS": "none",
        "INCUBATOR_MAIL_FROM": "MolenGeek Incubator <incubator@molengeek.example>",
        "INCUBATOR_URL": "https://incubator.example.org",
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    return settings
