"""Coordinator's list of accounts: invite people, deactivate or reactivate them, send a new link for a lost password."""

import streamlit as st

from incubator import web
from incubator.accounts.audit import list_audit_entries
from incubator.accounts.invitations import IssuedInvitation, invite_again, invite_person
from incubator.accounts.users import list_users, set_user_active
from incubator.core.formatting import format_moment
from incubator.core.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _, current_language
from incubator.core.labels import role_label
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role

actor = web.require_actor(Role.COORDINATOR)
st.title(_("People"))
web.show_flash()

with web.database().read() as session:
    users = list_users(session, actor)
    activity = list_audit_entries(session, actor, limit=200)

unreachable = [user for user in users if user.email_unreachable]
if unreachable:
    st.warning(
        _("E-mail does not reach these addresses: the mail server refused them. Check them with the person.")
        + "".join(f"\n- {escape_markdown(user.display_name)} · {escape_markdown(user.email)} · "
                  f"{escape_markdown(user.email_unreachable)}" for user in unreachable),
        icon=":material/unsubscribe:",
    )  # fmt: skip

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

_LINK_KEY = "people::last_link"  # the link just made, shown until the coordinator leaves the page


def _show_link(issued: IssuedInvitation) -> None:
    st.session_state[_LINK_KEY] = (issued.name, issued.link_on(web.app_address()), issued.emailed)
    st.rerun()


left, right = st.columns(2)
with left, st.form("new_account"):
    st.markdown("**" + _("Invite someone") + "**")
    name = st.text_input(_("Name"), key="new_account_name", max_chars=200)
    email = st.text_input(_("Email"), key="new_account_email")
    role = st.selectbox(_("Role"), list(Role), format_func=role_label, key="new_account_role") or Role.FOUNDER
    language = st.selectbox(
        _("Language"), SUPPORTED_LANGUAGES, index=SUPPORTED_LANGUAGES.index(current_language()),
        format_func=lambda code: LANGUAGE_NAMES[code], key="new_account_language",
    ) or current_language()  # fmt: skip
    st.caption(_("They get a one-time link to choose their own password; nobody else ever knows it."))
    if st.form_submit_button(_("Invite"), type="primary", icon=":material/send:"):
        if issued := web.act(invite_person, email=email, name=name, role=role, language=language):
            web.forget_widgets("new_account_name", "new_account_email")
            _show_link(issued.value)

with right, st.form("manage_account"):
    st.markdown("**" + _("Manage an account") + "**")
    labels = {user.id: f"{user.display_name} <{user.email}>" for user in users}
    chosen = st.selectbox(
        _("Account"), list(labels), format_func=lambda user_id: labels[user_id], key="manage_account_id"
    )
    columns = st.columns(3)
    deactivate = columns[0].form_submit_button(_("Deactivate"))
    reactivate = columns[1].form_submit_button(_("Reactivate"))
    again = columns[2].form_submit_button(_("New link"), help=_("For a forgotten password: the old one stops working."))
    if (deactivate or reactivate) and chosen is not None and web.act(set_user_active, chosen, bool(reactivate)):
        web.flash(_("The account is updated."))
        st.rerun()
    if again and chosen is not None and (issued_again := web.act(invite_again, chosen)):
        _show_link(issued_again.value)

if link := st.session_state.get(_LINK_KEY):
    name, address, emailed = link
    said = (_("An e-mail with this link is on its way to {name}. It works once, for 7 days.") if emailed
            else _("Send this link to {name}: it works once, for 7 days."))  # fmt: skip
    st.success(said.format(name=escape_markdown(name)), icon=":material/mark_email_read:")
    st.code(address, language=None, wrap_lines=True)

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
