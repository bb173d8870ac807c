"""The addresses of the links the app makes (invitations, password resets, shared decks, calls for applications).

Every link is made on one address: the `INCUBATOR_URL` setting when it is set (what a deployment
behind a proxy must set, so that no link depends on the host a browser happened to use), else the
app's address as the coordinator's browser shows it, else the local default. A link is always the
app's root with its query (`https://incubator.example.org/?invitation=…`), never the page it was made on.
"""

from __future__ import annotations

import os
from urllib.parse import urlencode, urlsplit

from incubator.core.errors import ValidationFailed

PUBLIC_ADDRESS_SETTING = "INCUBATOR_URL"
DEFAULT_ADDRESS = "http://localhost:8501"


def public_address() -> str | None:
    """Return `INCUBATOR_URL` without its trailing slash, or None when it is not set.

    Raises ValidationFailed, in one line, when it is not an http(s) address with a host and no query.
    """
    setting = os.environ.get(PUBLIC_ADDRESS_SETTING, "").strip()
    if not setting:
        return None
    parts = urlsplit(setting)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValidationFailed(
            f"{PUBLIC_ADDRESS_SETTING} must be an http:// or https:// address with no query, not {setting[:80]!r}",
            field=PUBLIC_ADDRESS_SETTING,
        )
    return setting.rstrip("/")


def link_with(query: dict[str, str], seen_at: str = "") -> str:
    """Return the link to the app's root with `query`, on `INCUBATOR_URL`, else `seen_at`, else the local default."""
    address = public_address() or seen_at.strip().rstrip("/") or DEFAULT_ADDRESS
    return f"{address}/?{urlencode(query)}"


def page_link(page: str, seen_at: str = "") -> str:
    """Return the link to one of the app's pages (`canvas`, `mentoring`), on the same address as every link."""
    address = public_address() or seen_at.strip().rstrip("/") or DEFAULT_ADDRESS
    return f"{address}/{page}"
