"""Scoring pitches: a judge scores each criterion of each pitch, in order, on a phone if need be.

Every tap is saved at once, so a reload or a lost connection loses nothing; judges never see each
other's scores.
"""

import streamlit as st

from incubator import web
from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role, ScoringState
from incubator.judging.events import list_events
from incubator.judging.rubrics import get_rubric
from incubator.judging.scoring import declare_conflict, judge_sheet, record_score

actor = web.require_actor(Role.MENTOR)
st.title(_("Score pitches"))

with web.database().read() as session:
    events = {event.slug: event for event in list_events(session, actor)}
if not events:
    st.info(_("You are not a judge of any event yet."))
    st.stop()
names = {slug: event.name for slug, event in events.items()}
event_slug = str(
    st.selectbox(_("Event"), list(names), format_func=lambda slug: names[slug], key="judge_event")
    if len(names) > 1
    else next(iter(names))
)
event = events[event_slug]
rubric = get_rubric(event.rubric)
with web.database().read() as session:
    sheet = judge_sheet(session, actor, event_slug)

if event.scoring is ScoringState.DRAFT:
    st.info(_("Scoring has not opened yet. The coordinator opens it on the day."), icon=":material/schedule:")
elif event.scoring is ScoringState.CLOSED:
    st.warning(_("Scoring is closed: your scores are final."), icon=":material/lock:")
scoring_open = event.scoring is ScoringState.OPEN

done, total = sheet.scored_count(len(rubric.criteria)), sheet.to_score
st.progress(done / total if total else 1.0, text=_("{done} of {total} scored").format(done=done, total=total))
st.caption(_("Blind judging: you see only your own scores."))
if not sheet.pitches:
    st.info(_("No pitch is scheduled yet."))
    st.stop()

pitch_names = dict(sheet.pitches)
order = [slug for slug, _name in sheet.pitches]
position_key = f"judge::{event_slug}::position"
startup = str(
    st.selectbox(
        _("Pitch"),
        order,
        format_func=lambda slug: f"{order.index(slug) + 1}. {pitch_names[slug]}",
        key=position_key,
    )
)


def _move(current: str, step: int) -> None:
    st.session_state[position_key] = order[(order.index(current) + step) % len(order)]


back, forward = st.columns(2)
back.button(_("Previous pitch"), on_click=_move, args=(startup, -1), icon=":material/arrow_back:", width="stretch")
forward.button(_("Next pitch"), on_click=_move, args=(startup, 1), icon=":material/arrow_forward:", width="stretch")

st.subheader(escape_markdown(pitch_names[startup]))
if saved := st.session_state.pop("_score_saved", None):
    st.toast(_("Saved: {criterion}").format(criterion=saved), icon=":material/check:")


def _save(event: str, pitch: str, criterion: str) -> None:
    """Save one criterion as soon as it changes (a widget callback, before the page is drawn again)."""
    value = st.session_state.get(f"score::{event}::{pitch}::{criterion}")
    comment = st.session_state.get(f"comment::{event}::{pitch}::{criterion}", "")
    if value is None:
        return
    if web.act(record_score, event, pitch, criterion, int(value), comment or ""):
        st.session_state["_score_saved"] = criterion


if startup in sheet.conflicts:
    st.info(_("You declared a conflict of interest for this startup: you do not score it."), icon=":material/block:")
    st.stop()

levels = list(range(rubric.minimum, rubric.maximum + 1))
for criterion in rubric.criteria:
    score_key = f"score::{event_slug}::{startup}::{criterion.name}"
    comment_key = f"comment::{event_slug}::{startup}::{criterion.name}"
    stored_value, stored_comment = sheet.scores.get((startup, criterion.name), (None, ""))
    # What the buttons show is what is stored: a redraw that lost a tap shows the stored score again.
    if (st.session_state.get(score_key) is None and stored_value is not None) or score_key not in st.session_state:
        st.session_state[score_key] = int(stored_value) if stored_value is not None else None
    if comment_key not in st.session_state:
        st.session_state[comment_key] = stored_comment
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(criterion.title)}** · {escape_markdown(criterion.description)}")
        chosen = st.segmented_control(
            criterion.title, levels, key=score_key, on_change=_save, args=(event_slug, startup, criterion.name),
            disabled=not scoring_open, label_visibility="collapsed", width="stretch",
        )  # fmt: skip
        if chosen is not None:
            st.caption(escape_markdown(f"{chosen}: {rubric.level_description(criterion, int(chosen))}"))
        with st.expander(_("What each level means"), expanded=chosen is None):
            for value in levels:
                st.caption(escape_markdown(f"{value}: {rubric.level_description(criterion, value)}"))
        st.text_input(
            _("Comment (optional)"), key=comment_key, on_change=_save, args=(event_slug, startup, criterion.name),
            disabled=not scoring_open, max_chars=500,
        )  # fmt: skip
        if chosen is None and st.session_state.get(comment_key):
            # Never stuck: a comment typed before the score waits in the box and is saved with the tap.
            st.caption(_("Choose a score: your comment is saved with it."))

if (
    scoring_open
    and st.button(_("I have a conflict of interest with this startup"), key=f"conflict::{event_slug}::{startup}")
    and web.act(declare_conflict, event_slug, startup)
):
    st.rerun()
