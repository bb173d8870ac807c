"""The mail server, from the environment only (never the database or a log): without a host, e-mail is off.

`INCUBATOR_SMTP_HOST`, `INCUBATOR_SMTP_PORT`, `INCUBATOR_SMTP_TLS` (none, starttls or tls),
`INCUBATOR_SMTP_USER`, `INCUBATOR_SMTP_PASSWORD` and `INCUBATOR_MAIL_FROM` (an address, with a
name as in a From header: `MolenGeek Incubator <incubator@molengeek.example>`). A value that is
wrong is refused in one line naming the setting, rather than read as something else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.utils import parseaddr
from typing import Literal

from incubator.core.addresses import public_address
from incubator.core.errors import ValidationFailed

TLS_MODES = ("none", "starttls", "tls")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "tls": 465}


@dataclass(frozen=True)
class MailSettings:
    """How to reach the mail server and whom messages come from."""

    host: str
    port: int
    tls: Literal["none", "starttls", "tls"]
    user: str
    password: str = field(repr=False)
    from_address: str
    from_name: str

    @property
    def sender_domain(self) -> str:
        """Return the domain of the From address (the right-hand side of every Message-ID)."""
        return self.from_address.rpartition("@")[2] or "localhost"


def _setting(name: str) -> str:
    return os.environ.get(name, "").strip()


def _refused(name: str, why: str) -> ValidationFailed:
    return ValidationFailed(f"{name} {why}", field=name)


def mail_settings() -> MailSettings | None:
    """Return the mail server's settings, or None when `INCUBATOR_SMTP_HOST` is not set (e-mail is off).

    Raises ValidationFailed, in one line naming the setting, when one is set but wrong.
    """
    host = _setting("INCUBATOR_SMTP_HOST")
    if not host:
        return None
    if any(char.isspace() or char in "/@" for char in host) or len(host) > 253:
        raise _refused("INCUBATOR_SMTP_HOST", f"must be a host name or address, not {host[:60]!r}")
    tls = _setting("INCUBATOR_SMTP_TLS") or "starttls"
    if tls not in TLS_MODES:
        raise _refused("INCUBATOR_SMTP_TLS", f"must be none, starttls or tls, not {tls[:20]!r}")
    port_text = _setting("INCUBATOR_SMTP_PORT")
    if port_text and not (
        port_text.isascii() and port_text.isdigit() and not port_text.startswith("0") and int(port_text) < 65536
    ):
        raise _refused("INCUBATOR_SMTP_PORT", f"must be a port number from 1 to 65535, not {port_text[:20]!r}")
    sender = _setting("INCUBATOR_MAIL_FROM")
    if not sender:
        raise _refused("INCUBATOR_MAIL_FROM", "must be set when INCUBATOR_SMTP_HOST is: the address messages come from")
    name, address = parseaddr(sender)
    try:
        Address(display_name=name, addr_spec=address)
    except (ValueError, IndexError):
        address = ""
    if "@" not in address or any(char in sender for char in "\r\n"):
        raise _refused(
            "INCUBATOR_MAIL_FROM", f"must be an address such as 'Name <incubator@example.org>', not {sender[:60]!r}"
        )
    if public_address() is None:
        raise _refused("INCUBATOR_URL", "must be set when e-mail is on: the links in messages are made on it")
    return MailSettings(
        host=host, port=int(port_text) if port_text else DEFAULT_PORTS[tls], tls=tls,  # type: ignore[arg-type]
        user=_setting("INCUBATOR_SMTP_USER"), password=os.environ.get("INCUBATOR_SMTP_PASSWORD", ""),
        from_address=address, from_name=name,
    )  # fmt: skip
