"""Sign-in page: email and password, single sign-on when configured, and the demo accounts while they exist."""

import streamlit as st

from incubator import web
from incubator.accounts.authentication import sign_in_with_password, sign_in_with_single_sign_on
from incubator.accounts.invitations import accept_invitation_link, open_invitation
from incubator.core.errors import IncubatorError
from incubator.core.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _, current_language
from incubator.core.labels import role_label
from incubator.core.markup import escape_markdown
from incubator.exchange.demo import DEMO_PASSWORD, demo_accounts_present

web.require_frame()
title_column, language_column = st.columns([4, 1], vertical_alignment="bottom")
language_column.selectbox(
    _("Language"), SUPPORTED_LANGUAGES, index=SUPPORTED_LANGUAGES.index(current_language()),
    format_func=lambda code: LANGUAGE_NAMES[code], key=web.SIGN_IN_LANGUAGE_KEY,
)  # fmt: skip
title_column.title(_("Welcome to the incubator"))
st.write(_("Sign in to work on your startup, follow the teams you mentor, or run your cohorts."))


# Single sign-on first: back from the provider, an invited person is signed in (their invitation used up).
if web.single_sign_on_configured() and st.user.is_logged_in:
    try:
        email_claim = st.user.get("email")
        token = sign_in_with_single_sign_on(web.database(), email_claim if isinstance(email_claim, str) else None)
        web.complete_sign_in(token)
        st.rerun()
    except IncubatorError as error:
        web.show_error(error)
        st.button(_("Use another account"), on_click=st.logout)

invitation = st.query_params.get("invitation")
if invitation:
    # An invitation link: the person chooses their own password (or uses single sign-on), and is signed in.
    try:
        with web.database().read() as session:
            invited = open_invitation(session, invitation)
    except IncubatorError as error:
        web.show_error(error)
    else:
        st.header(_("Welcome, {name}").format(name=escape_markdown(invited.display_name)))
        st.write(_("You are invited as {role}. Choose your password to start.").format(role=role_label(invited.role)))
        with st.form("accept_invitation", border=True):
            st.text_input(_("Email"), value=invited.email, disabled=True)
            new_password = st.text_input(
                _("Choose a password (at least 10 characters)"), type="password", autocomplete="new-password"
            )
            again = st.text_input(_("The same password again"), type="password", autocomplete="new-password")
            accepted = st.form_submit_button(_("Save my password and start"), type="primary", icon=":material/check:")
        if accepted:
            if new_password != again:
                st.error(_("The two passwords differ."))
            else:
                try:
                    token = accept_invitation_link(web.database(), invitation, new_password, current_language())
                except IncubatorError as error:
                    web.show_error(error)
                else:
                    web.complete_sign_in(token)
                    st.query_params.clear()
                    st.rerun()
        if web.single_sign_on_configured():
            st.caption(_("Or sign in with single sign-on, with this same email."))
            st.button(_("Sign in with single sign-on"), on_click=st.login, icon=":material/key:", key="invited_sso")
        st.stop()

with st.form("sign_in", border=True):
    email = st.text_input(_("Email"), key="sign_in_email", autocomplete="email")
    password = st.text_input(_("Password"), type="password", key="sign_in_password", autocomplete="current-password")
    submitted = st.form_submit_button(_("Sign in"), type="primary", icon=":material/login:")

if submitted:
    try:
        _actor, token = sign_in_with_password(
            web.database(), email, password, client=web.client_address(), device=web.device_token()
        )
    except IncubatorError as error:
        web.show_error(error)
    else:
        web.complete_sign_in(token)
        st.rerun()

if web.single_sign_on_configured():
    st.button(_("Sign in with single sign-on"), on_click=st.login, icon=":material/key:")

with web.database().read() as session:
    demo_accounts = demo_accounts_present(session)
if demo_accounts:
    with st.expander(_("Trying the demo? Use one of these accounts"), expanded=True):
        st.write(_("Every demo account has the password: {password}").format(password=DEMO_PASSWORD))
        st.dataframe(
            [
                {_("Email"): account.email, _("Name"): account.name, _("Role"): role_label(account.role)}
                for account in demo_accounts
            ],
            hide_index=True,
            width="stretch",
        )
