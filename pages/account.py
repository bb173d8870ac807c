"""My account: the language I read the app in, my password, and signing out of other browsers."""

import streamlit as st

from incubator import web
from incubator.accounts.users import (
    change_own_password,
    own_notices,
    set_own_language,
    set_own_notices,
    sign_out_everywhere,
)
from incubator.core.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _
from incubator.core.i18n import language as in_language
from incubator.core.labels import role_label
from incubator.core.vocabulary import Role

actor = web.require_actor()
st.title(_("My account"))
web.show_flash()
st.text(f"{actor.name} <{actor.email}> · {role_label(actor.role)}")

with st.form("language"):
    language = st.selectbox(
        _("Language"),
        list(SUPPORTED_LANGUAGES),
        index=list(SUPPORTED_LANGUAGES).index(actor.language) if actor.language in SUPPORTED_LANGUAGES else 0,
        format_func=lambda code: LANGUAGE_NAMES[code],
        key="account_language",
    )
    if st.form_submit_button(_("Save the language")) and web.act(set_own_language, language or actor.language):
        with in_language(language or actor.language):  # said in the language just chosen, as the page will be
            web.flash(_("Saved. The app now speaks your language."))
        st.rerun()

with st.form("password"):
    current = st.text_input(
        _("Current password"), type="password", key="account_current_password", autocomplete="current-password"
    )
    new = st.text_input(_("New password"), type="password", key="account_new_password", autocomplete="new-password")
    if st.form_submit_button(_("Change the password")) and (
        changed := web.act(
            change_own_password, current, new, client=web.client_address(), keep_token_hash=web.this_session_hash()
        )
    ):
        if changed.value is None:
            web.flash(_("Your password is changed. Every other browser is signed out."))
            web.forget_widgets("account_current_password", "account_new_password")
            st.rerun()
        st.error(changed.value, icon=":material/edit_note:")

if actor.role is Role.FOUNDER:  # the notices are a founder's: a mentor's comment, a logged session
    with st.form("notices"):
        st.markdown("**" + _("Notices by e-mail") + "**")
        chosen = web.read(own_notices)
        comments = st.toggle(_("When a mentor comments on our canvas"), value=chosen.comments, key="notice_comments")
        sessions = st.toggle(_("When a mentor logs a session with action items"), value=chosen.sessions,
                             key="notice_sessions")  # fmt: skip
        st.caption(_("Turn both off and you get no notices. When many come in one day, they come as one daily digest."))
        if st.form_submit_button(_("Save the notices")) and web.act(
            set_own_notices, comments=bool(comments), sessions=bool(sessions)
        ):
            web.flash(_("Saved. You get the notices you chose."))
            st.rerun()

with st.container(border=True):
    st.markdown("**" + _("Signed in somewhere you should not be?") + "**")
    st.caption(_("Sign out of every other browser and device. This one stays signed in."))
    if st.button(_("Sign out everywhere else"), key="sign_out_everywhere", icon=":material/devices:") and web.act(
        sign_out_everywhere, keep_token_hash=web.this_session_hash()
    ):
        web.flash(_("Every other browser is signed out."))
        st.rerun()
