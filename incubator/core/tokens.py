"""Random tokens handed to browsers (sign-in cookies, device cookies, one-time links) and what is kept of them.

A token is 32 random bytes in URL-safe base64; the database keeps only its SHA-256, so a copy of
the database opens nothing. Anything a browser sends is checked for the shape first: a cookie or
a link is whatever the client chose to send.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from typing import TypeGuard

_TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{20,128}$")


def new_token() -> str:
    """Return a new random token (URL-safe, 43 characters)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """Return the SHA-256 of a token: what the database keeps of it."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def looks_like_a_token(value: object) -> TypeGuard[str]:
    """Tell whether `value` has the shape of a token we make (anything else is not looked up at all)."""
    return isinstance(value, str) and _TOKEN_SHAPE.match(value) is not None
