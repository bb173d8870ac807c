"""The one module of `incubator` that imports Streamlit: the cached database, who is signed in, our errors on screen.

Staying signed in: after a sign-in the browser receives a cookie holding a random token
(written by a small script, since Streamlit has no API to set cookies); on every run the
token is looked up in the database, so a reload or a second tab stays signed in, and a
revoked or expired session, or a deactivated account, is signed out at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from incubator import authentication
from incubator.actors import Actor
from incubator.config import database_url, uses_embedded_default
from incubator.db import Database
from incubator.demo import database_is_empty, load_demo
from incubator.errors import IncubatorError, PermissionDenied, ValidationFailed
from incubator.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _, best_language, current_language, set_language
from incubator.i18n import language as i18n_language
from incubator.markup import escape_markdown
from incubator.migrations import upgrade_database
from incubator.models import Role
from incubator.startups import list_visible_startups

T = TypeVar("T")
SESSION_COOKIE = "incubator_session"
_TOKEN_KEY = "_sign_in_token"
_COOKIE_TODO_KEY = "_cookie_to_write"
_FLASH_KEY = "_flash_message"


@st.cache_resource(show_spinner=False)
def _open_database(url: str, load_demo_when_empty: bool) -> Database:
    database = Database.from_url(url)
    upgrade_database(database)
    if load_demo_when_empty:
        with database.write() as session:
            if database_is_empty(session):
                load_demo(session)
    return database


def database() -> Database:
    """Return the app's database, migrated (and, when embedded and empty, filled with the demo cohort)."""
    return _open_database(database_url(), uses_embedded_default())


def _token() -> str | None:
    if _TOKEN_KEY in st.session_state:  # set by sign-in or sign-out in this session: newer than the cookie
        token: str | None = st.session_state[_TOKEN_KEY]
        return token
    return st.context.cookies.get(SESSION_COOKIE)


def current_actor() -> Actor | None:
    """Return who is signed in in this browser, checked against the database on every run."""
    token = _token()
    if not token:
        return None
    with database().read() as session:
        actor = authentication.actor_for_token(session, token)
    if actor is None:
        st.session_state[_TOKEN_KEY] = None
    return actor


SIGN_IN_LANGUAGE_KEY = "sign_in_language"


def apply_language(actor: Actor | None) -> None:
    """Translate this run into the actor's language; before sign-in, the one picked there or the browser's."""
    if actor is not None:
        set_language(actor.language)
    else:
        set_language(st.session_state.get(SIGN_IN_LANGUAGE_KEY) or best_language(st.context.locale))


def reword_streamlit_widgets() -> None:
    """Show the file uploader's own button and size note, which Streamlit draws in English, in the current language."""
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


def complete_sign_in(token: str) -> None:
    """Remember a new sign-in in this session and have the browser keep its cookie."""
    st.session_state[_TOKEN_KEY] = token
    st.session_state[_COOKIE_TODO_KEY] = token


def sign_out() -> None:
    """Revoke this browser's sign-in session and clear its cookie."""
    with database().write() as session:
        authentication.end_sign_in_session(session, _token())
    if single_sign_on_configured() and st.user.is_logged_in:
        st.logout()  # or the provider's sign-in would sign this browser straight back in
    for key in list(st.session_state):
        del st.session_state[key]
    st.session_state[_TOKEN_KEY] = None
    st.session_state[_COOKIE_TODO_KEY] = ""


def write_pending_cookie() -> None:
    """Send the browser the cookie change a sign-in or sign-out asked for, once."""
    token = st.session_state.pop(_COOKIE_TODO_KEY, None)
    if token is None:
        return
    max_age = int(authentication.SIGN_IN_SESSION_LIFETIME.total_seconds()) if token else 0
    # The token is URL-safe base64; json.dumps still quotes it safely for the script.
    script = (
        "<script>(function(){"
        "var secure = window.location.protocol === 'https:' ? '; Secure' : '';"
        f"document.cookie = '{SESSION_COOKIE}=' + {json.dumps(token)}"
        f" + '; Path=/; Max-Age={max_age}; SameSite=Strict' + secure;"
        "})();</script>"
    )
    with st.sidebar:
        st.html(script, unsafe_allow_javascript=True, width=1)


def single_sign_on_configured() -> bool:
    """Tell whether an `[auth]` section in `.streamlit/secrets.toml` turns on OIDC single sign-on."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file at all
        return False


def ensure_app_navigation() -> None:
    """Leave Streamlit's folder-based navigation when a run started in it, and rerun through app.py.

    Our `pages/` folder makes Streamlit's first run after a server start use its old folder
    navigation, which runs the requested page file without app.py and lists every page; Streamlit
    turns that off only once app.py's `st.navigation` has run. A deep link as the first request
    would otherwise skip the sign-in gate (each page still checks its reader, but the menu is wrong).
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def require_actor(*roles: Role) -> Actor:
    """Return the signed-in actor, or stop the page with a message when nobody or the wrong role is signed in."""
    ensure_app_navigation()
    actor = current_actor()
    if actor is None:
        st.warning(_("Please sign in first."))
        st.stop()
    if roles and actor.role not in roles:
        st.error(_("Your account does not give access to this page."))
        st.stop()
    return actor


def show_error(error: IncubatorError) -> None:
    """Show one of our errors as a friendly message."""
    # Messages quote what people typed: never let it act as Markdown.
    message = escape_markdown(str(error))
    if isinstance(error, PermissionDenied):
        st.error(message, icon=":material/lock:")
    elif isinstance(error, ValidationFailed):
        st.error(message, icon=":material/edit_note:")
    else:
        st.error(message, icon=":material/error:")


@contextmanager
def writing() -> Iterator[object]:
    """Run a write transaction for a page; our errors are shown (and the transaction rolled back).

    Usage: `with ui.writing() as session: ...`. Code after the block runs only on success;
    check `ui.last_write_failed()` to tell.
    """
    st.session_state["_last_write_failed"] = True
    try:
        with database().write() as session:
            yield session
        st.session_state["_last_write_failed"] = False
    except IncubatorError as error:
        show_error(error)


def last_write_failed() -> bool:
    """Tell whether the last `writing()` block was refused."""
    return bool(st.session_state.get("_last_write_failed", False))


def flash(message: str) -> None:
    """Show `message` as a success note on the next run (after st.rerun)."""
    st.session_state[_FLASH_KEY] = message


def show_flash() -> None:
    """Show the success note left by `flash`, once."""
    message = st.session_state.pop(_FLASH_KEY, None)
    if message:
        st.success(escape_markdown(message), icon=":material/check_circle:")


def forget_widgets(*keys: str) -> None:
    """Clear the given widgets, so a form that was saved starts empty on the next run."""
    for key in keys:
        st.session_state.pop(key, None)


def choose_startup(actor: Actor) -> str:
    """Let the actor pick one of the startups they may see (remembered in the URL); stop the page if there is none."""
    with database().read() as session:
        visible = {startup.slug: startup.name for startup in list_visible_startups(session, actor)}
    if not visible:
        st.info(
            _("You are not on a startup's team yet. A coordinator adds you to your startup.")
            if actor.role is Role.FOUNDER
            else _("No startup is assigned to you yet.")
        )
        st.stop()
    wanted = st.query_params.get("startup")
    if len(visible) == 1:
        slug = next(iter(visible))
    else:
        index = list(visible).index(wanted) if wanted in visible else 0
        options = list(visible)
        chosen = st.selectbox(
            _("Startup"), options, index=index, format_func=lambda option: visible[option], key="startup_slug"
        )
        slug = str(chosen)
    st.query_params["startup"] = slug
    return slug


def in_current_language(build: Callable[[], T]) -> Callable[[], T]:
    """Wrap a deferred job (such as a download's data) so it runs in this run's language, on any thread."""
    return in_language(current_language(), build)


def document_language(key: str, where: Any = st) -> str:
    """Let the reader pick the language of a document to download (their own by default); return its code."""
    chosen = where.selectbox(
        _("Language of the document"), SUPPORTED_LANGUAGES, index=SUPPORTED_LANGUAGES.index(current_language()),
        format_func=LANGUAGE_NAMES.get, key=key,
    )  # fmt: skip
    return str(chosen)


def in_language(language: str, build: Callable[[], T]) -> Callable[[], T]:
    """Wrap a deferred job (such as a download's data) so it runs in `language`, on any thread."""

    def run() -> T:
        with i18n_language(language):
            return build()

    return run


_GUARD_SCRIPT = """<script>(function(){
  if (!window.__incubatorGuard) {
    window.__incubatorGuard = true;
    document.addEventListener('input', function (event) {
      if (event.target && event.target.matches('textarea, input[type=text]')) { window.__incubatorTyping = true; }
    }, true);
    window.addEventListener('beforeunload', function (event) {
      if (window.__incubatorUnsaved || window.__incubatorTyping) { event.preventDefault(); event.returnValue = ''; }
    });
  }
  window.__incubatorUnsaved = UNSAVED; window.__incubatorTyping = false; /* run RUN */
})();</script>"""


def guard_unsaved_changes(unsaved: bool) -> None:
    """Make the browser ask before a reload or close discards edits this run has not saved.

    Text typed since the last run counts too (the script listens for typing); each run then says
    whether the server holds unsaved edits. The run number makes each run's script new, so it runs.
    """
    run = st.session_state["_guard_run"] = st.session_state.get("_guard_run", 0) + 1
    script = _GUARD_SCRIPT.replace("UNSAVED", "true" if unsaved else "false").replace("RUN", str(run))
    st.html(script, unsafe_allow_javascript=True, width=1)
