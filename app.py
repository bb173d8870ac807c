"""Entry point: page set-up, the sign-in gate, and navigation built from the signed-in person's role."""

import streamlit as st

from incubator import ui
from incubator.i18n import _
from incubator.labels import role_label
from incubator.models import Role

st.set_page_config(page_title="Incubator", page_icon=":material/rocket_launch:", layout="wide")

actor = ui.current_actor()
ui.apply_language(actor)


def _pages_for(role: Role) -> list[st.Page]:
    account = st.Page("pages/account.py", title=_("My account"), icon=":material/person:", url_path="account")
    if role is Role.FOUNDER:
        return [
            st.Page(
                "pages/startup.py",
                title=_("My startup"),
                icon=":material/rocket_launch:",
                url_path="startup",
                default=True,
            ),
            account,
        ]
    if role is Role.MENTOR:
        return [
            st.Page(
                "pages/my_startups.py",
                title=_("My startups"),
                icon=":material/groups:",
                url_path="my-startups",
                default=True,
            ),
            st.Page(
                "pages/startup.py", title=_("Startup profile"), icon=":material/rocket_launch:", url_path="startup"
            ),
            account,
        ]
    return [
        st.Page("pages/cohorts.py", title=_("Cohorts"), icon=":material/school:", url_path="cohorts", default=True),
        st.Page("pages/people.py", title=_("People"), icon=":material/badge:", url_path="people"),
        st.Page("pages/startup.py", title=_("Startups"), icon=":material/rocket_launch:", url_path="startup"),
        account,
    ]


if actor is None:
    navigation = st.navigation([st.Page("pages/sign_in.py", title=_("Sign in"), icon=":material/login:", default=True)])
else:
    navigation = st.navigation(_pages_for(actor.role))
    with st.sidebar:
        st.caption(_("Signed in as"))
        st.text(f"{actor.name} · {role_label(actor.role)}")
        st.button(_("Sign out"), key="sign_out", on_click=ui.sign_out, icon=":material/logout:")

ui.write_pending_cookie()
navigation.run()
