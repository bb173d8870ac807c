"""Mentor's home: the startups assigned to them, at a glance."""

import streamlit as st

from incubator import web
from incubator.core.formatting import date_input_pattern, format_day
from incubator.core.i18n import _, ngettext
from incubator.core.labels import stage_label
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role
from incubator.mentoring.sessions import latest_session_dates
from incubator.reports.journey import paths_of
from incubator.reports.to_do import mentor_to_do
from incubator.startups.profiles import list_visible_startups
from incubator.web.journey_view import path_summary

actor = web.require_actor(Role.MENTOR)
st.title(_("My startups"))

with web.database().read() as session:
    startups = list_visible_startups(session, actor)
    last_sessions = latest_session_dates(session, actor)
    to_do = mentor_to_do(session, actor)
    paths = paths_of(session, startups)

st.header(_("Needs you now"))
if to_do.empty:
    st.caption(_("Nothing waits for you: no open comment, every session logged, no scoring left."))
for event_name, left in to_do.scoring:
    scoring = ngettext(
        "Scoring is open at {event}: {count} criterion left to score",
        "Scoring is open at {event}: {count} criteria left to score",
        left,
    ).format(event=event_name, count=left)
    st.page_link("pages/judge.py", icon=":material/how_to_vote:", label=escape_markdown(scoring))
for name, slug, count in to_do.comments:
    st.page_link("pages/canvas.py", icon=":material/forum:", query_params={"startup": slug}, label=escape_markdown(
        ngettext("{startup}: {count} open comment on the canvas", "{startup}: {count} open comments on the canvas",
                 count).format(startup=name, count=count)))  # fmt: skip
for name, slug, last in to_do.sessions_due:
    said = (_("{startup}: no session logged yet") if last is None
            else _("{startup}: last session on {date}")).format(startup=name, date=format_day(last))  # fmt: skip
    st.page_link("pages/mentoring.py", icon=":material/edit_calendar:", query_params={"startup": slug},
                 label=escape_markdown(said))  # fmt: skip

if not startups:
    st.info(_("No startup is assigned to you yet. A coordinator assigns mentors to startups."))
    st.stop()
st.header(_("Your startups"))
# One cohort for all (the usual case): its name is in every row, so the column only pushes the last one off.
cohorts = {startup.cohort.slug if startup.cohort else "" for startup in startups}

st.dataframe(
    [
        {
            _("Startup"): startup.name,
            _("Stage"): stage_label(startup.stage),
            **({_("Cohort"): startup.cohort.name if startup.cohort else ""} if len(cohorts) > 1 else {}),
            _("Founders"): ", ".join(founder.display_name for founder in startup.founders),
            _("Path"): path_summary(paths[startup.id]),
            _("Last session"): last_sessions.get(startup.slug),
            _("Last change"): startup.updated_at.date(),
        }
        for startup in startups
    ],
    hide_index=True,
    width="stretch",
    placeholder="—",
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
