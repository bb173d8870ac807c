"""Password hashing with argon2id, at parameters chosen for many sign-ins at once.

argon2-cffi's defaults (64 MiB, t=3, p=4) took 157 ms a hash on our 2-core machines and
40 sign-ins at once needed 2.5 GB; OWASP's minimum for argon2id (19 MiB, t=2, p=1) takes
about 31 ms and 40 at once fit in under 1 GB. Hashes made with other parameters are
rehashed at the next successful sign-in.
"""

from __future__ import annotations

import unicodedata
from contextlib import suppress
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from incubator.core.errors import ValidationFailed
from incubator.core.i18n import _

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, salt_len=16, type=Type.ID)


def _normalise(password: str) -> bytes:
    # "café" typed on two keyboards may arrive as NFC or NFD: hash one form only.
    return unicodedata.normalize("NFC", password).encode("utf-8")


def check_password_rules(password: str) -> None:
    """Raise ValidationFailed when `password` is too short or too long."""
    length = len(unicodedata.normalize("NFC", password))
    if length < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            _("The password needs at least {count} characters.").format(count=MIN_PASSWORD_LENGTH), field="password"
        )
    if length > MAX_PASSWORD_LENGTH:
        raise ValidationFailed(
            _("The password may have at most {count} characters.").format(count=MAX_PASSWORD_LENGTH), field="password"
        )


def hash_password(password: str) -> str:
    """Return the argon2id hash of `password`, after checking the password rules."""
    check_password_rules(password)
    return _hasher.hash(_normalise(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    """Tell whether `password` matches `password_hash`; a missing or broken hash never matches."""
    if not password_hash:
        # Spend the same time as a real check, so a missing account cannot be told apart by timing.
        _burn_time()
        return False
    try:
        return _hasher.verify(password_hash, _normalise(password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Tell whether `password_hash` was made with other parameters than ours."""
    return _hasher.check_needs_rehash(password_hash)


@cache
def _dummy_hash() -> str:
    return _hasher.hash(b"a password nobody has")


def _burn_time() -> None:
    with suppress(VerificationError):
        _hasher.verify(_dummy_hash(), b"not the password")
