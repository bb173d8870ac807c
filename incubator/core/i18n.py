"""The one translation function, `_`, and the language it translates into.

Catalogs are gettext files compiled by Babel under `incubator/locale/`. The language is
held in a context variable: the UI sets it from the signed-in user at the top of every
script run, the command line from `--lang`, so services can translate their messages too.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parents[1] / "locale"
DOMAIN = "messages"
DEFAULT_LANGUAGE = "en"
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "fr", "nl")
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "nl": "Nederlands"}

_current_language: ContextVar[str] = ContextVar("current_language", default=DEFAULT_LANGUAGE)


@cache
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return _catalog(_current_language.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message whose wording depends on `count`."""
    return _catalog(_current_language.get()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """Return `message` translated as it is meant in `context` (one English word, two meanings)."""
    return _catalog(_current_language.get()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it yet (module-level labels)."""
    return message


def current_language() -> str:
    """Return the language messages are translated into now."""
    return _current_language.get()


def set_language(language: str | None) -> None:
    """Translate into `language` from now on in this context; unknown languages fall back to English."""
    _current_language.set(language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE)


@contextmanager
def language(language: str | None) -> Iterator[None]:
    """Translate into `language` inside the block, then restore the previous language."""
    token = _current_language.set(language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE)
    try:
        yield
    finally:
        _current_language.reset(token)


def best_language(accept: str | None) -> str:
    """Pick the supported language that best matches a browser locale such as 'fr-BE'."""
    if not accept:
        return DEFAULT_LANGUAGE
    for tag in accept.replace("_", "-").split(","):
        primary = tag.split(";")[0].strip().split("-")[0].lower()
        if primary in SUPPORTED_LANGUAGES:
            return primary
    return DEFAULT_LANGUAGE
