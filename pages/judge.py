"""Scoring pitches: a judge scores each criterion of each pitch, in order, one pitch a screen on a phone.

Every tap is saved at once and reruns only the scoring sheet, so a reload or a lost connection loses
nothing; judges never see each other's scores.
"""

import streamlit as st

from incubator import web
from incubator.core.i18n import _
from incubator.core.vocabulary import Role, ScoringState
from incubator.judging.events import list_events
from incubator.judging.rubrics import get_rubric
from incubator.judging.scoring import judge_sheet
from incubator.web.scoring_sheet import SHEET_STYLE, keep_stored_scores, scoring_sheet

actor = web.require_actor(Role.MENTOR)
st.title(_("Score pitches"))
st.html(SHEET_STYLE)

with web.database().read() as session:
    events = {event.slug: event for event in list_events(session, actor)}
if not events:
    st.info(_("You are not a judge of any event yet."))
    st.stop()
names = {slug: event.name for slug, event in events.items()}
event_slug = str(
    st.selectbox(
        _("Event"), list(names), format_func=lambda slug: names[slug], key="judge_event", label_visibility="collapsed"
    )
    if len(names) > 1
    else next(iter(names))
)
event = events[event_slug]
rubric = get_rubric(event.rubric)
sheet = web.read(judge_sheet, event_slug)
keep_stored_scores(event_slug, sheet)

if event.scoring is ScoringState.DRAFT:
    st.info(_("Scoring has not opened yet. The coordinator opens it on the day."), icon=":material/schedule:")
elif event.scoring is ScoringState.CLOSED:
    st.warning(_("Scoring is closed: your scores are final."), icon=":material/lock:")
if not sheet.pitches:
    st.info(_("No pitch is scheduled yet."))
    st.stop()
scoring_sheet(event_slug, rubric, event.scoring is ScoringState.OPEN)
st.caption(_("Blind judging: you see only your own scores."))
