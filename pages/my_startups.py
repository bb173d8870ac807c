"""Mentor's home: the startups assigned to them, at a glance."""

import streamlit as st

from incubator import web
from incubator.core.formatting import date_input_pattern
from incubator.core.i18n import _
from incubator.core.labels import stage_label
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role
from incubator.mentoring.sessions import latest_session_dates
from incubator.startups.profiles import list_visible_startups

actor = web.require_actor(Role.MENTOR)
st.title(_("My startups"))

with web.database().read() as session:
    startups = list_visible_startups(session, actor)
    last_sessions = latest_session_dates(session, actor)

if not startups:
    st.info(_("No startup is assigned to you yet. A coordinator assigns mentors to startups."))
    st.stop()

st.dataframe(
    [
        {
            _("Startup"): startup.name,
            _("Tagline"): startup.tagline,
            _("Stage"): stage_label(startup.stage),
            _("Cohort"): startup.cohort.name if startup.cohort else "",
            _("Founders"): ", ".join(founder.display_name for founder in startup.founders),
            _("Last session"): last_sessions.get(startup.slug),
            _("Last change"): startup.updated_at.date(),
        }
        for startup in startups
    ],
    hide_index=True,
    width="stretch",
    # Real dates, so the columns sort by date; shown day first, as the reader's language writes them.
    column_config={
        name: st.column_config.DateColumn(format=date_input_pattern()) for name in (_("Last session"), _("Last change"))
    },
)
st.caption(_("Open a startup's profile:"))
for startup in startups:
    st.page_link(
        "pages/startup.py",
        label=escape_markdown(startup.name),
        icon=":material/arrow_forward:",
        query_params={"startup": startup.slug},
    )
