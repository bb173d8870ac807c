"""Coordinator's settings: the incubator's name, and e-mail (on or off, and the outbox with retry and withdraw)."""

import streamlit as st

from incubator import web
from incubator.core.formatting import format_moment
from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role
from incubator.settings.naming import current_incubator_name, rename_incubator
from incubator.settings.outbox import outbox_view, retry_message, withdraw_message

web.require_actor(Role.COORDINATOR)
st.title(_("Settings"))
web.show_flash()

with st.form("incubator_name"):
    name = st.text_input(
        _("Name of the incubator"),
        value=web.read(current_incubator_name),
        max_chars=80,
        key="incubator_name",
        help=_("Shown in every e-mail the app sends and on every document it makes."),
    )
    if st.form_submit_button(_("Save the name"), type="primary") and web.act(rename_incubator, name):
        web.flash(_("The name is saved."))
        st.rerun()

st.header(_("E-mail"))
view = web.read(outbox_view)
STATE_LABELS = {"queued": _("waiting"), "sending": _("being sent"), "sent": _("sent"), "failed": _("failed"),
                "withdrawn": _("withdrawn")}  # fmt: skip
if view.problem:
    st.error(_("E-mail is off: a setting is wrong. {problem}").format(problem=escape_markdown(view.problem)),
             icon=":material/error:")  # fmt: skip
elif view.settings is None:
    st.info(
        _("E-mail is off: people get their links from you, to copy and send. To send them by e-mail, set "
          "INCUBATOR_SMTP_HOST and INCUBATOR_MAIL_FROM where the app runs (README, E-mail)."),
        icon=":material/mail_lock:",
    )  # fmt: skip
else:
    mail = view.settings
    login = _(", signed in as {user}").format(user=mail.user) if mail.user else ""
    said = _("E-mail is on: server {host}:{port} ({tls}{login}), messages from {sender}.").format(
        host=mail.host, port=mail.port, tls=mail.tls, login=login, sender=f"{mail.from_name} <{mail.from_address}>"
    )
    st.success(escape_markdown(said), icon=":material/mark_email_read:")
st.text(" · ".join(_("{state}: {count}").format(state=STATE_LABELS[state], count=count)
                   for state, count in view.counts.items()))  # fmt: skip

if view.messages:
    st.dataframe(
        [
            {
                _("To"): message.recipient,
                _("Subject"): message.subject,
                _("State"): STATE_LABELS[message.state],
                _("Tries"): message.attempts,
                _("Written"): format_moment(message.created_at),
                _("Server's answer"): message.last_error,
            }
            for message in view.messages
        ],
        hide_index=True,
        width="stretch",
    )
    failed = {message.id: message for message in view.messages if message.state in ("failed", "queued")}
    if failed:
        with st.form("outbox_message"):
            chosen = st.selectbox(
                _("A message not sent"), list(failed), key="outbox_message_id",
                format_func=lambda message_id: f"{failed[message_id].recipient} · {failed[message_id].subject}",
            )  # fmt: skip
            actions = st.container(horizontal=True)
            retry = actions.form_submit_button(_("Send it again"), icon=":material/refresh:")
            withdraw = actions.form_submit_button(_("Withdraw it"), icon=":material/block:")
            if retry and chosen is not None and web.act(retry_message, chosen):
                web.flash(_("The message is queued again."))
                st.rerun()
            if withdraw and chosen is not None and web.act(withdraw_message, chosen):
                web.flash(_("The message is withdrawn: it is never sent."))
                st.rerun()
else:
    st.caption(_("No message yet."))
