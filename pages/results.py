"""Founder's pitch results: once published, their own averages per criterion and the judges' comments, unnamed."""

import streamlit as st

from incubator import web
from incubator.core.formatting import format_number
from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role
from incubator.judging.events import list_events
from incubator.judging.results import published_result
from incubator.judging.rubrics import get_rubric
from incubator.startups.profiles import list_visible_startups

actor = web.require_actor(Role.FOUNDER)
st.title(_("Pitch results"))

with web.database().read() as session:
    events = list_events(session, actor)
    mine = {startup.slug for startup in list_visible_startups(session, actor)}
if not events:
    st.info(_("Your startup has not pitched at an event yet."))
    st.stop()

for event in events:
    with st.container(border=True):
        st.header(escape_markdown(event.name))
        if not event.results_published:
            st.caption(_("The results are not published yet."))
            continue
        for pitch in event.pitches:
            if pitch.startup.slug not in mine:
                continue
            with web.database().read() as session:
                result = published_result(session, actor, event.slug, pitch.startup.slug)
            st.markdown(f"**{escape_markdown(pitch.startup.name)}**")
            scale = get_rubric(event.rubric).maximum
            st.dataframe(
                [
                    {_("Criterion"): name, _("Average"): _("{value} / {maximum}").format(
                        value=format_number(round(value, 1)), maximum=scale)}
                    for name, value in result.criterion_means.items()
                ],
                hide_index=True,
            )  # fmt: skip
            if result.comments:
                st.caption(_("The judges' comments (without their names):"))
                for criterion, comment in result.comments:
                    st.text(f"{criterion}: {comment}")
            else:
                st.caption(_("The judges left no comment."))
