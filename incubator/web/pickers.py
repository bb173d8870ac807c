"""Pickers several pages share: which startup a page is about."""

from __future__ import annotations

import streamlit as st

from incubator.accounts.actors import Actor
from incubator.core.i18n import _
from incubator.core.vocabulary import Role
from incubator.startups.profiles import list_visible_startups
from incubator.web.database import database


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
