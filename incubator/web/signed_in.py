"""Who is signed in in this browser: the session cookie, sign-in and sign-out, and the page gate.

Staying signed in: after a sign-in the browser receives a cookie holding a random token
(written by a small script, since Streamlit has no API to set cookies); on every run, and again
at every write, the token is looked up in the database, so a reload or a second tab stays signed
in, and a revoked or expired session, or a deactivated account, is signed out at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar
from urllib.parse import urlsplit

import streamlit as st
from sqlalchemy.orm import Session

from incubator.accounts import authentication
from incubator.accounts.actors import Actor
from incubator.accounts.devices import DEVICE_COOKIE, DEVICE_LIFETIME, trust_device
from incubator.core.config import trusts_proxy_headers
from incubator.core.errors import IncubatorError, SignedOut
from incubator.core.i18n import _
from incubator.core.tokens import token_hash
from incubator.web.database import database
from incubator.web.messages import show_error

P = ParamSpec("P")
T = TypeVar("T")
SESSION_COOKIE = "incubator_session"
TOKEN_KEY = "_sign_in_token"
_COOKIE_TODO_KEY = "_cookie_to_write"
_DEVICE_TODO_KEY = "_device_cookie_to_write"


def session_token() -> str | None:
    """Return this browser's sign-in token: the one set in this session, else the cookie's."""
    if TOKEN_KEY in st.session_state:  # set by sign-in or sign-out in this session: newer than the cookie
        token: str | None = st.session_state[TOKEN_KEY]
        return token
    return st.context.cookies.get(SESSION_COOKIE)


def this_session_hash() -> str | None:
    """Return what the database keeps of this browser's sign-in token (to keep it when signing out others)."""
    token = session_token()
    return token_hash(token) if token else None


def client_address() -> str:
    """Return the address this browser connects from, as Streamlit sees it (behind a proxy: see the README)."""
    forwarded = st.context.headers.get("X-Real-IP") if trusts_proxy_headers() else None
    address = forwarded or st.context.ip_address
    return address.strip() if isinstance(address, str) else ""  # none when there is no browser (AppTest)


def actor_now(session: Session) -> Actor | None:
    """Return who is signed in at this moment, looked up in `session`; forget a token that no longer holds."""
    token = session_token()
    if not token:
        return None
    actor = authentication.actor_for_token(session, token)
    if actor is None:
        st.session_state[TOKEN_KEY] = None
    return actor


_SIGNED_OUT_MID_TASK_KEY = "_signed_out_mid_task"


def leave_fragment_if_signed_out() -> None:
    """In a fragment: when a write just found this browser signed out, run the whole page (its gate) again.

    A fragment's rerun does not pass the frame's sign-in gate; the gate then shows why the page left.
    """
    if TOKEN_KEY in st.session_state and st.session_state[TOKEN_KEY] is None:
        say_signed_out_on_the_sign_in_form()
        st.rerun(scope="app")


def say_signed_out_on_the_sign_in_form() -> None:
    """Have the sign-in form say that a write was refused because the sign-in had ended (for quiet callbacks)."""
    st.session_state[_SIGNED_OUT_MID_TASK_KEY] = True


def show_why_signed_out() -> None:
    """Say once, on the sign-in form, that a write was refused because the sign-in had ended."""
    if st.session_state.pop(_SIGNED_OUT_MID_TASK_KEY, False):
        st.error(_("You are signed out: sign in again to save this."), icon=":material/lock:")


def current_actor() -> Actor | None:
    """Return who is signed in in this browser, checked against the database."""
    with database().read() as session:
        return actor_now(session)


def read(query: Callable[Concatenate[Session, Actor, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run `query(session, actor, ...)` in one read transaction as whoever is signed in now.

    Stops the page with a message when nobody is signed in or the query raises one of our errors.
    """
    try:
        with database().read() as session:
            actor = actor_now(session)
            if actor is None:
                raise SignedOut(_("Please sign in first."))
            return query(session, actor, *args, **kwargs)
    except IncubatorError as error:
        show_error(error)
        st.stop()


def app_address() -> str:
    """Return the app's root as this browser sees it (scheme, host and Streamlit's base path), never a page's path.

    Links are made on it only when `INCUBATOR_URL` is not set (`core.addresses`).
    """
    url = urlsplit(st.context.url or "")
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{url.scheme}://{url.netloc}" + (f"/{base}" if base else "") if url.scheme and url.netloc else ""


def complete_sign_in(token: str) -> None:
    """Remember a new sign-in in this session and have the browser keep its cookie, and trust this browser."""
    st.session_state[TOKEN_KEY] = token
    st.session_state[_COOKIE_TODO_KEY] = token
    with database().write() as session:
        actor = authentication.actor_for_token(session, token)
        if actor is not None:
            st.session_state[_DEVICE_TODO_KEY] = trust_device(session, actor, device_token())


def device_token() -> str | None:
    """Return this browser's device token (set after an earlier sign-in here), if it has one."""
    return st.context.cookies.get(DEVICE_COOKIE)


def sign_out() -> None:
    """Revoke this browser's sign-in session and clear its cookie."""
    with database().write() as session:
        authentication.end_sign_in_session(session, session_token())
    if single_sign_on_configured() and st.user.is_logged_in:
        st.logout()  # or the provider's sign-in would sign this browser straight back in
    for key in list(st.session_state):
        del st.session_state[key]
    st.session_state[TOKEN_KEY] = None
    st.session_state[_COOKIE_TODO_KEY] = ""


def write_pending_cookie() -> None:
    """Send the browser the cookie changes a sign-in or sign-out asked for, once."""
    token = st.session_state.pop(_COOKIE_TODO_KEY, None)
    device = st.session_state.pop(_DEVICE_TODO_KEY, None)
    cookies = []
    if token is not None:
        cookies.append((SESSION_COOKIE, token, authentication.SIGN_IN_SESSION_LIFETIME if token else None))
    if device is not None:  # kept through sign-outs: it says this browser signed in here before
        cookies.append((DEVICE_COOKIE, device, DEVICE_LIFETIME))
    if not cookies:
        return
    # The tokens are URL-safe base64; json.dumps still quotes them safely for the script.
    setters = "".join(
        f"document.cookie = '{name}=' + {json.dumps(value)}"
        f" + '; Path=/; Max-Age={int(lifetime.total_seconds()) if lifetime else 0}; SameSite=Strict' + secure;"
        for name, value, lifetime in cookies
    )
    script = (
        "<script>(function(){"
        "var secure = window.location.protocol === 'https:' ? '; Secure' : '';"
        f"{setters}"
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
