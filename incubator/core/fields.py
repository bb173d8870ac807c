"""Clean and check the values people type: emails, slugs, names and other short text."""

from __future__ import annotations

import re
import unicodedata

from incubator.core.errors import ValidationFailed
from incubator.core.i18n import _

SHORT_TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 5000
# Checked with fullmatch: `$` would let a final newline through ("acme\n").
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_LIMIT = 64
# Deliberately loose: one @, something on both sides, a dot in the domain, no spaces.
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
WEB_ADDRESS_PATTERN = re.compile(r"https?://[^\s/]+(?:/\S*)?")  # lower-case scheme, as the bundle contract asks
EMAIL_LIMIT = 254


EXCERPT_LIMIT = 60


def excerpt(value: object, limit: int = EXCERPT_LIMIT) -> str:
    """Return `value` as text short enough to quote in a one-line message: at most `limit` characters, then "…"."""
    text = " ".join(str(value).split())  # newlines and tabs would break the one line
    return text if len(text) <= limit else text[: limit - 1] + "…"


MESSAGE_LIMIT = 299


def one_line(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """Return `message` on one line of at most `limit` characters: what a door says when it refuses input."""
    return excerpt(message, limit)


# Unicode's control characters (category Cc) are exactly U+0000–U+001F and U+007F–U+009F: a regular
# expression finds them a hundred times faster than asking unicodedata about every character.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINE_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control_characters(text: str, allow_newlines: bool = False) -> bool:
    """Tell whether `text` holds control characters (tabs and newlines allowed on request)."""
    return bool((_CONTROL_BUT_LINE_BREAKS if allow_newlines else _CONTROL).search(text))


def normalise_email(value: str) -> str:
    """Return the form an email is matched and stored in: Unicode NFC, trimmed, case-folded (nothing checked)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", value).strip().casefold())


def clean_email(value: str, field: str = "email") -> str:
    """Return `value` as a normalised, lower-case email address, or raise ValidationFailed."""
    email = normalise_email(value)
    if not email:
        raise ValidationFailed(_("Please enter an email address."), field=field)
    if len(email) > EMAIL_LIMIT or not EMAIL_PATTERN.fullmatch(email) or has_control_characters(email):
        raise ValidationFailed(_("“{value}” is not a valid email address.").format(value=excerpt(value)), field=field)
    return email


def normalise_slug(value: str) -> str:
    """Return the form a slug is matched and stored in: Unicode NFC, trimmed (nothing checked)."""
    return unicodedata.normalize("NFC", value).strip()


def clean_slug(value: str, field: str = "slug") -> str:
    """Return `value` if it is a valid slug (lower-case words joined by hyphens), else raise."""
    slug = normalise_slug(value)
    if not slug or len(slug) > SLUG_LIMIT or not SLUG_PATTERN.fullmatch(slug):
        raise ValidationFailed(
            _("“{value}” is not a valid short name: use lower-case letters, digits and single hyphens.").format(
                value=excerpt(value)
            ),
            field=field,
        )
    return slug


def slugify(name: str) -> str:
    """Turn a display name into a slug: 'Repair Café Online' becomes 'repair-cafe-online'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:SLUG_LIMIT].strip("-")


def clean_web_address(value: str, field: str = "website") -> str:
    """Return `value` trimmed with its scheme in lower case ("HTTPS://x.org" → "https://x.org"), or raise."""
    address = re.sub(r"^https?://", lambda scheme: scheme[0].lower(), value.strip(), flags=re.IGNORECASE)
    if address and not is_web_address(address):
        raise ValidationFailed(_("The website must start with https:// or http://."), field=field)
    return address


def is_web_address(value: str) -> bool:
    """Tell whether `value` is an http(s) address, safe to open as a link (never javascript: or data:)."""
    return bool(WEB_ADDRESS_PATTERN.fullmatch(value.strip()))


def clean_text(
    value: str,
    field: str,
    label: str,
    *,
    limit: int = SHORT_TEXT_LIMIT,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """Return `value` trimmed and NFC-normalised, or raise ValidationFailed naming `label`."""
    text = unicodedata.normalize("NFC", value).strip()
    if required and not text:
        raise ValidationFailed(_("{label} cannot be empty.").format(label=label), field=field)
    if len(text) > limit:
        raise ValidationFailed(
            _("{label} is {length} characters long; the limit is {limit}.").format(
                label=label, length=len(text), limit=limit
            ),
            field=field,
        )
    if has_control_characters(text, allow_newlines=multiline):
        raise ValidationFailed(_("{label} contains invisible control characters.").format(label=label), field=field)
    return text
