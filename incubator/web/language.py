"""The language of each run: the reader's, Streamlit's own English reworded, and downloads in a chosen language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from incubator.accounts.actors import Actor
from incubator.core.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _, best_language, current_language, set_language
from incubator.core.i18n import language as i18n_language

T = TypeVar("T")
SIGN_IN_LANGUAGE_KEY = "sign_in_language"


def apply_language(actor: Actor | None) -> None:
    """Translate this run into the actor's language; before sign-in, the one picked there or the browser's."""
    if actor is not None:
        set_language(actor.language)
    else:
        set_language(st.session_state.get(SIGN_IN_LANGUAGE_KEY) or best_language(st.context.locale))


def reword_streamlit_widgets() -> None:
    """Show the file uploader's own button and size note, which Streamlit draws in English, in the current language.

    Streamlit's typing hints ("Press Enter to submit form") are English only and, on a phone, sit over
    the end of what is typed: they are hidden in every language; every form has its own button.
    """
    st.html('<style>[data-testid="InputInstructions"] { display: none; }</style>')
    if current_language() == "en":
        return
    # Streamlit offers no parameter for these texts (streamlit/streamlit#13500): swap them in with CSS.
    button, limit = _("Upload"), _("At most {size} MB a file").format(size=st.get_option("server.maxUploadSize"))
    uploader = '[data-testid="stFileUploaderDropzone"]'
    st.html(
        "<style>"
        f'{uploader} button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}'
        f'{uploader} button [data-testid="stMarkdownContainer"] p::after {{ content: {css_string(button)};'
        " font-size: 0.875rem; }"
        f'{uploader} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}'
        f'{uploader} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {css_string(limit)};'
        " font-size: 0.875rem; }"
        "</style>"
    )


def css_string(text: str) -> str:
    """Return `text` as a CSS string literal, escaping all but letters, digits and ' .,-' so nothing can end it."""
    escaped = (char if char.isalnum() or char in " .,-" else f"\\{ord(char):x} " for char in text)
    return '"' + "".join(escaped) + '"'


def in_current_language(build: Callable[[], T]) -> Callable[[], T]:
    """Wrap a deferred job (such as a download's data) so it runs in this run's language, on any thread."""
    return in_language(current_language(), build)


def in_language(language: str, build: Callable[[], T]) -> Callable[[], T]:
    """Wrap a deferred job (such as a download's data) so it runs in `language`, on any thread."""

    def run() -> T:
        with i18n_language(language):
            return build()

    return run


def document_language(key: str, where: Any = st) -> str:
    """Let the reader pick the language of a document to download (their own by default); return its code."""
    chosen = where.selectbox(
        _("Language of the document"), SUPPORTED_LANGUAGES, index=SUPPORTED_LANGUAGES.index(current_language()),
        format_func=LANGUAGE_NAMES.get, key=key,
    )  # fmt: skip
    return str(chosen)
