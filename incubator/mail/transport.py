"""Talking to the mail server: one SMTP connection a batch, and every failure sorted into try-again or refused.

The rest of the wing sees only `Transport.send(message, recipient)` and two errors, so a test can
put a real local SMTP server (aiosmtpd) or any other transport behind it.

    MailFailed
    ├── TemporaryFailure     the server is away or said 4xx: try again later
    └── PermanentFailure     the server said 5xx; `address_refused` when it refused the recipient
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from types import TracebackType
from typing import Protocol

from incubator.db.models import OutboxMessage
from incubator.mail.settings import MailSettings
from incubator.mail.templates import one_line

TIMEOUT_SECONDS = 30
REASON_LIMIT = 300


class MailFailed(Exception):
    """A message could not be handed to the mail server; the message is the server's reason, one line."""


class TemporaryFailure(MailFailed):
    """The server is unreachable or answered 4xx: the message is tried again later."""


class PermanentFailure(MailFailed):
    """The server answered 5xx; `address_refused` tells whether it refused the recipient's address."""

    def __init__(self, reason: str, *, address_refused: bool) -> None:
        super().__init__(reason)
        self.address_refused = address_refused


class Transport(Protocol):
    """Something that hands one message at a time to a mail server."""

    def send(self, message: EmailMessage, recipient: str) -> None: ...

    def close(self) -> None: ...


def _reason(code: int, text: bytes | str) -> str:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return one_line(f"{code} {said}")[:REASON_LIMIT]


def composed(row: OutboxMessage, settings: MailSettings) -> EmailMessage:
    """Return the e-mail of an outbox row, its header fields encoded by the standard library (no injection)."""
    message = EmailMessage(policy=SMTP)
    message["From"] = Address(display_name=one_line(settings.from_name), addr_spec=settings.from_address)
    message["To"] = Address(display_name=one_line(row.recipient_name), addr_spec=row.recipient)
    message["Subject"] = one_line(row.subject)
    message["Date"] = format_datetime(row.created_at)
    message["Message-ID"] = row.message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(row.text_body)
    message.add_alternative(row.html_body, subtype="html")
    message["Content-Language"] = row.language  # after the content: setting it clears the Content-* fields
    return message


class SmtpTransport:
    """SMTP with the settings' TLS mode and login, connecting on the first message and again after a drop."""

    def __init__(self, settings: MailSettings) -> None:
        self.settings = settings
        self._connection: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpTransport:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        try:
            if settings.tls == "tls":
                connection: smtplib.SMTP = smtplib.SMTP_SSL(
                    settings.host, settings.port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context()
                )
            else:
                connection = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
                if settings.tls == "starttls":
                    connection.starttls(context=ssl.create_default_context())
            if settings.user:
                connection.login(settings.user, settings.password)
        except smtplib.SMTPAuthenticationError as error:
            raise TemporaryFailure(_reason(error.smtp_code, error.smtp_error)) from None
        except (OSError, smtplib.SMTPException) as error:
            reason = one_line(f"cannot reach {settings.host}:{settings.port}: {error}")[:REASON_LIMIT]
            raise TemporaryFailure(reason) from None
        return connection

    def send(self, message: EmailMessage, recipient: str) -> None:
        """Hand `message` to the server for `recipient`; raise TemporaryFailure or PermanentFailure if it fails."""
        if self._connection is None:
            self._connection = self._connect()
        try:
            self._connection.send_message(message, from_addr=self.settings.from_address, to_addrs=[recipient])
        except smtplib.SMTPRecipientsRefused as error:
            code, text = next(iter(error.recipients.values()))
            self._fail(code, text, address=True)
        except smtplib.SMTPResponseException as error:
            self._fail(error.smtp_code, error.smtp_error, address=False)
        except (OSError, smtplib.SMTPException) as error:  # a dropped connection: reconnect next time
            self._drop()
            raise TemporaryFailure(one_line(f"the connection failed: {error}")[:REASON_LIMIT]) from None

    def _fail(self, code: int, text: bytes | str, *, address: bool) -> None:
        if code >= 500:
            raise PermanentFailure(_reason(code, text), address_refused=address)
        if code in (421,):  # the server closes the connection
            self._drop()
        raise TemporaryFailure(_reason(code, text))

    def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(OSError):
                connection.close()

    def close(self) -> None:
        """End the connection politely, if there is one."""
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.quit()
            except (OSError, smtplib.SMTPException):
                connection.close()
