"""The judge's scoring sheet on a phone: one pitch a screen, redrawn alone (a fragment) at every tap.

A tap reruns only this sheet: the callback re-checks who is signed in and saves the one score
(`web.act`), then the sheet is drawn from what is stored. The stored scores are read once per full
run and then kept up to date by the callbacks' own successful saves, so a tap costs one upsert and
no other query. What the buttons show is what is stored: a tap that was not saved is undone on the
screen, and a tap the browser still holds when it reconnects (its server was lost before the tap
arrived) is saved then, with its confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.judging.rubrics import Criterion, Rubric
from incubator.judging.scoring import JudgeSheet, declare_conflict, record_score
from incubator.web.signed_in import leave_fragment_if_signed_out
from incubator.web.writes import act

# Large tap targets with an unmistakable chosen state; the bar of the previous/next buttons stays in reach.
SHEET_STYLE = """<style>
.st-key-judge_sheet [data-testid="stButtonGroup"] button { min-height: 48px; min-width: 48px; font-size: 1.15rem; }
.st-key-judge_sheet [data-testid="stButtonGroup"] button[aria-checked="true"] {
  background: #0f766e; border-color: #0f766e; color: #ffffff; font-weight: 700; }
.st-key-judge_sheet [data-testid="stButtonGroup"] button[aria-checked="true"] p { color: #ffffff; font-weight: 700; }
[data-testid="stLayoutWrapper"]:has(> .st-key-judge_nav) { position: sticky; bottom: 0; z-index: 5; }
.st-key-judge_nav { background: var(--background-color, #ffffff); padding: 0.5rem 0;
  border-top: 1px solid rgba(49, 51, 63, 0.2); }
.st-key-judge_nav button { min-height: 48px; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 3.5rem; }
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.6rem; padding-bottom: 0.25rem; }
  [data-testid="stMainBlockContainer"] h2 { font-size: 1.35rem; padding: 0.25rem 0 0 0; }
}
</style>"""


@dataclass
class StoredScores:
    """This judge's stored scores of one event, as read at the last full run and changed by saves since."""

    sheet: JudgeSheet
    values: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, sheet: JudgeSheet) -> StoredScores:
        values = {key: (int(value), comment) for key, (value, comment) in sheet.scores.items()}
        return cls(sheet, values)

    def scored(self, pitch: str, rubric: Rubric) -> int:
        """Count the criteria of `pitch` that are scored."""
        return sum(1 for criterion in rubric.criteria if (pitch, criterion.name) in self.values)

    def complete(self, pitch: str, rubric: Rubric) -> bool:
        """Tell whether every criterion of `pitch` is scored."""
        return self.scored(pitch, rubric) == len(rubric.criteria)


def _keys(event: str, pitch: str, criterion: str) -> tuple[str, str]:
    return f"score::{event}::{pitch}::{criterion}", f"comment::{event}::{pitch}::{criterion}"


def _stored(event: str) -> StoredScores:
    stored: StoredScores = st.session_state[f"judge::{event}::stored"]
    return stored


def keep_stored_scores(event: str, sheet: JudgeSheet) -> None:
    """Remember what is stored for this judge and event, as just read from the database."""
    st.session_state[f"judge::{event}::stored"] = StoredScores.of(sheet)


def _save(event: str, pitch: str, criterion: Criterion, value: int | None, comment: str) -> bool:
    """Save one score as whoever is signed in now; on success remember it and confirm the tap by name."""
    if value is None:
        return False
    if not act(record_score, event, pitch, criterion.name, value, comment):
        return False
    _stored(event).values[(pitch, criterion.name)] = (value, comment)
    st.toast(_("Saved: {criterion} = {value}").format(criterion=criterion.title, value=value), icon=":material/check:")
    return True


def _on_tap(event: str, pitch: str, criterion: Criterion) -> None:
    score_key, comment_key = _keys(event, pitch, criterion.name)
    value = st.session_state.get(score_key)
    comment = str(st.session_state.get(comment_key) or "")
    if not _save(event, pitch, criterion, None if value is None else int(value), comment):
        # Not saved (or a tap that only unchose): show what is stored again, never a choice that is not.
        st.session_state[score_key] = _stored(event).values.get((pitch, criterion.name), (None, ""))[0]


def _score_buttons(
    event: str, pitch: str, rubric: Rubric, criterion: Criterion, scoring_open: bool, details: bool
) -> None:
    score_key, comment_key = _keys(event, pitch, criterion.name)
    stored_value, stored_comment = _stored(event).values.get((pitch, criterion.name), (None, ""))
    levels = list(range(rubric.minimum, rubric.maximum + 1))
    fresh = score_key not in st.session_state
    if not fresh and st.session_state[score_key] != stored_value:
        st.session_state[score_key] = stored_value
    if comment_key not in st.session_state:
        st.session_state[comment_key] = stored_comment
    # The label says what the chosen level means: no element more to draw (a key's widget keeps its id).
    label = f"**{escape_markdown(criterion.title)}**"
    shown = st.session_state[score_key] if not fresh else stored_value
    if shown is not None:
        label += f" · {escape_markdown(f'{shown}: {rubric.level_description(criterion, int(shown))}')}"
    chosen = st.segmented_control(
        label, levels, key=score_key, default=stored_value if fresh else None,
        on_change=_on_tap, args=(event, pitch, criterion), disabled=not scoring_open, width="stretch",
    )  # fmt: skip
    # The browser kept a tap its previous server never saved (that server was lost before the tap arrived).
    # If that save is refused, its error shows, and the next redraw shows what is stored.
    if fresh and scoring_open and chosen is not None and chosen != stored_value:
        _save(event, pitch, criterion, int(chosen), str(st.session_state.get(comment_key) or ""))
    if details:
        # One element for the whole text: every element drawn is work at every tap.
        level_lines = "".join(
            f"\n- {escape_markdown(f'{value}: {rubric.level_description(criterion, value)}')}" for value in levels
        )
        st.caption(f"{escape_markdown(criterion.description)}\n{level_lines}")
        st.text_input(
            _("Comment (optional)"), key=comment_key, on_change=_on_tap, args=(event, pitch, criterion),
            disabled=not scoring_open, max_chars=500,
        )  # fmt: skip
        if chosen is None and st.session_state.get(comment_key):
            # Never stuck: a comment typed before the score waits in the box and is saved with the tap.
            st.caption(_("Choose a score: your comment is saved with it."))


def pitch_label(stored: StoredScores, rubric: Rubric, pitches: list[tuple[str, str]], pitch: str) -> str:
    """Return how a pitch is listed: its place, name and how far this judge has scored it."""
    names = dict(pitches)
    place = [slug for slug, _name in pitches].index(pitch) + 1
    if pitch in stored.sheet.conflicts:
        return _("{place}. {name} · conflict").format(place=place, name=names[pitch])
    if stored.complete(pitch, rubric):
        return _("{place}. {name} · done").format(place=place, name=names[pitch])
    return _("{place}. {name} · {scored} of {total}").format(
        place=place, name=names[pitch], scored=stored.scored(pitch, rubric), total=len(rubric.criteria)
    )


def _declare_conflict(event: str, pitch: str) -> None:
    if act(declare_conflict, event, pitch):
        stored = _stored(event)
        stored.sheet.conflicts.add(pitch)
        for key in [key for key in stored.values if key[0] == pitch]:
            del stored.values[key]


def _move(position_key: str, order: list[str], current: str, step: int) -> None:
    st.session_state[position_key] = order[(order.index(current) + step) % len(order)]


@st.fragment
def scoring_sheet(event: str, rubric: Rubric, scoring_open: bool) -> None:
    """Draw one pitch's criteria, its header and the previous/next bar; a tap reruns only this."""
    leave_fragment_if_signed_out()
    stored = _stored(event)
    pitches = stored.sheet.pitches
    order = [slug for slug, _name in pitches]
    position_key = f"judge::{event}::position"
    if st.session_state.get(position_key) not in order:
        to_score = [slug for slug in order if slug not in stored.sheet.conflicts and not stored.complete(slug, rubric)]
        st.session_state[position_key] = (to_score or order)[0]
    pitch = str(
        st.selectbox(_("Pitch"), order, key=position_key, label_visibility="collapsed",
                     format_func=lambda slug: pitch_label(stored, rubric, pitches, slug))
    )  # fmt: skip
    done = sum(1 for slug in order if stored.complete(slug, rubric))
    st.markdown(f"## {escape_markdown(dict(pitches)[pitch])}")
    st.caption(
        _("Pitch {place} of {count} · {scored} of {total} criteria scored · {done} of {count} pitches done").format(
            place=order.index(pitch) + 1, count=len(order), scored=stored.scored(pitch, rubric),
            total=len(rubric.criteria), done=done,
        )
    )  # fmt: skip
    # The levels' descriptions and the comment boxes open on demand: a screen of six criteria stays short,
    # and a tap redraws few elements (each costs the server about half a millisecond).
    details = st.toggle(_("Show what each level means, and comments"), key="judge_details")
    with st.container(key="judge_sheet"):
        if pitch in stored.sheet.conflicts:
            st.info(_("You declared a conflict of interest for this startup: you do not score it."))
        else:
            for criterion in rubric.criteria:
                _score_buttons(event, pitch, rubric, criterion, scoring_open, details)
            if stored.complete(pitch, rubric):
                st.success(_("Every criterion of this pitch is scored."), icon=":material/task_alt:")
            if scoring_open and details:
                st.button(_("I have a conflict of interest with this startup"), key=f"conflict::{event}::{pitch}",
                          on_click=_declare_conflict, args=(event, pitch))  # fmt: skip
    with st.container(key="judge_nav", horizontal=True):
        st.button(_("Previous"), key="judge_previous", on_click=_move, args=(position_key, order, pitch, -1),
                  icon=":material/arrow_back:", width="stretch")  # fmt: skip
        st.button(_("Next pitch"), key="judge_next", on_click=_move, args=(position_key, order, pitch, 1),
                  icon=":material/arrow_forward:", width="stretch", type="primary")  # fmt: skip
