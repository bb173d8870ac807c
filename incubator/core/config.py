"""Settings from the environment: the database (`DATABASE_URL` or the embedded file), the proxy, the demo's language."""

from __future__ import annotations

import os
from pathlib import Path

from incubator.core.i18n import SUPPORTED_LANGUAGES

PROJECT_ROOT = Path(__file__).resolve().parents[2]
EMBEDDED_DATABASE_PATH = PROJECT_ROOT / "data" / "incubator.sqlite3"


def embedded_database_url() -> str:
    """Return the URL of the embedded SQLite file, creating its folder."""
    EMBEDDED_DATABASE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{EMBEDDED_DATABASE_PATH}"


def database_url(override: str | None = None) -> str:
    """Return the database URL: `override`, else `DATABASE_URL`, else the embedded file."""
    return override or os.environ.get("DATABASE_URL") or embedded_database_url()


def uses_embedded_default(override: str | None = None) -> bool:
    """Tell whether no database was chosen, so the embedded file (and its demo data) is used."""
    return not (override or os.environ.get("DATABASE_URL"))


def trusts_proxy_headers() -> bool:
    """Tell whether `INCUBATOR_BEHIND_PROXY=1`: a reverse proxy sets X-Real-IP and X-Forwarded-Proto truthfully.

    Only then are those headers believed; without a proxy in front, any browser could send them.
    """
    return os.environ.get("INCUBATOR_BEHIND_PROXY", "") == "1"


def demo_language() -> str | None:
    """Return `INCUBATOR_DEMO_LANGUAGE`, the language of the demo cohort's texts, or None when it is not set.

    A value that is not a supported language is refused with one line wherever the demo is
    loaded, rather than quietly loading English.
    """
    chosen = os.environ.get("INCUBATOR_DEMO_LANGUAGE", "").strip()
    if not chosen:
        return None
    if chosen not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"INCUBATOR_DEMO_LANGUAGE must be one of {', '.join(SUPPORTED_LANGUAGES)}, not {chosen[:20]!r}"
        )
    return chosen
