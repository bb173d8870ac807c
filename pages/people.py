"""Coordinator's list of accounts: create them, deactivate or reactivate them, set a new password."""

import streamlit as st

from incubator import web
from incubator.accounts.audit import list_audit_entries
from incubator.accounts.users import create_user, list_users, set_user_active, set_user_password
from incubator.core.formatting import format_moment
from incubator.core.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _, current_language
from incubator.core.labels import role_label
from incubator.core.vocabulary import Role

actor = web.require_actor(Role.COORDINATOR)
st.title(_("People"))
web.show_flash()

with web.database().read() as session:
    users = list_users(session, actor)
    activity = list_audit_entries(session, actor, limit=200)

st.dataframe(
    [
        {
            _("Name"): user.display_name,
            _("Email"): user.email,
            _("Role"): role_label(user.role),
            _("Active"): user.is_active,
            _("Can sign in with a password"): user.password_hash is not None,
        }
        for user in users
    ],
    hide_index=True,
    width="stretch",
)

left, right = st.columns(2)
with left, st.form("new_account"):
    st.markdown("**" + _("New account") + "**")
    name = st.text_input(_("Name"), key="new_account_name", max_chars=200)
    email = st.text_input(_("Email"), key="new_account_email")
    role = st.selectbox(_("Role"), list(Role), format_func=role_label, key="new_account_role") or Role.FOUNDER
    language = st.selectbox(
        _("Language"), SUPPORTED_LANGUAGES, index=SUPPORTED_LANGUAGES.index(current_language()),
        format_func=lambda code: LANGUAGE_NAMES[code], key="new_account_language",
    ) or current_language()  # fmt: skip
    password = st.text_input(
        _("First password"),
        type="password",
        key="new_account_password",
        help=_("Give it to the person in private; they can change it under “My account”."),
    )
    if st.form_submit_button(_("Create the account"), type="primary"):
        if web.act(create_user, email=email, name=name, role=role, password=password, language=language):
            web.flash(_("Account created for {email}.").format(email=email.strip().lower()))
            web.forget_widgets("new_account_name", "new_account_email", "new_account_password")
            st.rerun()

with right, st.form("manage_account"):
    st.markdown("**" + _("Manage an account") + "**")
    labels = {user.id: f"{user.display_name} <{user.email}>" for user in users}
    chosen = st.selectbox(
        _("Account"), list(labels), format_func=lambda user_id: labels[user_id], key="manage_account_id"
    )
    new_password = st.text_input(_("New password (optional)"), type="password", key="manage_account_password")
    columns = st.columns(3)
    deactivate = columns[0].form_submit_button(_("Deactivate"))
    reactivate = columns[1].form_submit_button(_("Reactivate"))
    reset = columns[2].form_submit_button(_("Set password"))
    if (
        (deactivate or reactivate or reset)
        and chosen is not None
        and (
            web.act(set_user_password, chosen, new_password)
            if reset
            else web.act(set_user_active, chosen, bool(reactivate))
        )
    ):
        web.flash(_("The account is updated."))
        web.forget_widgets("manage_account_password")
        st.rerun()

with st.expander(_("Recent activity"), icon=":material/history:"):
    st.dataframe(
        [
            {
                _("When"): format_moment(entry.at),
                _("Who"): entry.actor.display_name if entry.actor else _("command line or system"),
                _("Action"): entry.action,
                _("Record"): f"{entry.record_type} {entry.record_key}",
                _("Details"): entry.details,
            }
            for entry in activity
        ],
        hide_index=True,
        width="stretch",
    )
