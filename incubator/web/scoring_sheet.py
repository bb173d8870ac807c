"""The judge's scoring sheet on a phone: one pitch a screen, redrawn alone (a fragment) at every tap.

A tap reruns only this sheet: the callback re-checks who is signed in and saves the one score
(`act_passing`), then the sheet is drawn from what is stored. The stored scores are read once per full
run and then kept up to date by the callbacks' own successful saves, so a tap costs one upsert and
no other query. What the buttons show is what is stored: a tap that was not saved is undone on the
screen, and a tap the browser still holds when it reconnects (its server was lost before the tap
arrived) is saved then, with its confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from incubator.core.errors import IncubatorError, SignedOut
from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.judging.rubrics import Criterion, Rubric
from incubator.judging.scoring import JudgeSheet, declare_conflict, record_score
from incubator.web.messages import show_error
from incubator.web.signed_in import leave_fragment_if_signed_out, say_signed_out_on_the_sign_in_form
from incubator.web.writes import act_passing

# Large tap targets with an unmistakable chosen state; on a phone the previous/next bar stays in reach.
SHEET_STYLE = """<style>
.st-key-judge_sheet [data-testid="stButtonGroup"] button { min-height: 48px; min-width: 48px; font-size: 1.15rem; }
.st-key-judge_sheet [data-testid="stButtonGroup"] button[aria-checked="true"] {
  background: #0f766e; border-color: #0f766e; color: #ffffff; font-weight: 700; }
.st-key-judge_sheet [data-testid="stButtonGroup"] button[aria-checked="true"] p { color: #ffffff; font-weight: 700; }
.st-key-judge_bar { background: var(--background-color, #ffffff); padding: 0.25rem 0 0.5rem 0; gap: 0.25rem;
  border-top: 1px solid rgba(49, 51, 63, 0.2); }
.st-key-judge_bar [data-testid="stCaptionContainer"] p { white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; min-height: 1.25rem; margin: 0; }
.st-key-judge_nav button { min-height: 48px; }
.st-key-judge_sheet [data-testid="stWidgetLabel"] p { font-weight: 600; }
/* On a phone the whole sheet of a six-criteria rubric fits one screen above the bar, so no button ever
   sits under the bar until the judge scrolls (and then the focused one is scrolled clear of it). */
@media (max-width: 640px) {
  [data-testid="stLayoutWrapper"]:has(> .st-key-judge_bar) { position: sticky; bottom: 0; z-index: 5; }
  [data-testid="stMainBlockContainer"] { padding-top: 4rem; }  /* clear of the 3.75rem header */
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.5rem; padding: 0 0 0.4rem 0; }
  [data-testid="stMainBlockContainer"] h2 { font-size: 1.3rem; padding: 0; }
  [data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
  .st-key-judge_sheet { gap: 0.25rem !important; }
  .st-key-judge_sheet [data-testid="stWidgetLabel"] { margin-bottom: 0.125rem; min-height: 1.25rem; }
  /* One line a criterion, even with the chosen level's meaning (all of it shows with the levels). */
  .st-key-judge_sheet [data-testid="stWidgetLabel"] p { white-space: nowrap; overflow: hidden;
    text-overflow: ellipsis; }
  /* The label is a flex row: without this its text would widen it past the screen instead of ending in "…". */
  .st-key-judge_sheet [data-testid="stWidgetLabel"] > * { min-width: 0; max-width: 100%; }
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


_OUTCOME_KEY = "judge::outcome"  # what the last callback did, shown by the sheet it reruns
_CONFIRMED_KEY = "judge::confirmed"  # the last save's confirmation and its number, said in the bar


def _save(event: str, pitch: str, criterion: Criterion, value: int | None, comment: str) -> bool:
    """Save one score as whoever is signed in now; on success remember it and say which tap was saved.

    Runs in widget callbacks, which must draw nothing in a fragment (Streamlit would put it at the top of
    the page): the confirmation or the refusal is kept for the sheet to show.
    """
    if value is None:
        return False
    try:
        done = act_passing((IncubatorError,), record_score, event, pitch, criterion.name, value, comment)
    except SignedOut:
        say_signed_out_on_the_sign_in_form()  # the next run, whole or this sheet's, leads there
        return False
    except IncubatorError as error:
        st.session_state[_OUTCOME_KEY] = error
        return False
    if done is None:
        return False
    _stored(event).values[(pitch, criterion.name)] = (value, comment)
    st.session_state[_OUTCOME_KEY] = _("Saved: {criterion} = {value}").format(criterion=criterion.title, value=value)
    return True


def _show_outcome() -> None:
    outcome = st.session_state.pop(_OUTCOME_KEY, None)
    if isinstance(outcome, IncubatorError):
        show_error(outcome)
    elif outcome:
        # Said in the bar under the judge's thumb, never over the title or the pitch picker as a toast was.
        number = st.session_state.get(_CONFIRMED_KEY, (0, ""))[0] + 1
        st.session_state[_CONFIRMED_KEY] = (number, outcome)


def _status_line(complete: bool) -> None:
    """Draw the bar's one line: the last save's confirmation, else whether the pitch is fully scored.

    Each confirmation is a new element (its key has the save's number), so a screen reader and a test
    see every one, even two with the same words.
    """
    number, confirmed = st.session_state.get(_CONFIRMED_KEY, (0, ""))
    all_scored = _("Every criterion of this pitch is scored.") if complete else ""
    words = " · ".join(part for part in (confirmed, all_scored) if part)
    with st.container(key=f"judge_saved_{number}"):
        st.caption(escape_markdown(words) or " ")


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
    # Plain text, no Markdown: Streamlit names the group with the label as written (it would read out "**").
    label = escape_markdown(criterion.title)
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
        _show_outcome()
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


def pitch_overview(stored: StoredScores, rubric: Rubric, order: list[str]) -> str:
    """Say which pitches (by their place) are done, started, not started, or in conflict."""
    states: dict[str, list[int]] = {"done": [], "started": [], "new": [], "conflict": []}
    for place, slug in enumerate(order, start=1):
        if slug in stored.sheet.conflicts:
            states["conflict"].append(place)
        elif stored.complete(slug, rubric):
            states["done"].append(place)
        else:
            states["started" if stored.scored(slug, rubric) else "new"].append(place)
    labels = {"done": _("Done: {places}"), "started": _("Started: {places}"), "new": _("Not started: {places}"),
              "conflict": _("Conflict: {places}")}  # fmt: skip
    return " · ".join(labels[state].format(places=_places(places)) for state, places in states.items() if places)


def _places(places: list[int]) -> str:
    """Write places as runs: [1, 2, 3, 5] is "1–3, 5"."""
    runs: list[list[int]] = []
    for place in places:
        if runs and place == runs[-1][-1] + 1:
            runs[-1].append(place)
        else:
            runs.append([place])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)


def _declare_conflict(event: str, pitch: str) -> None:
    try:
        done = act_passing((IncubatorError,), declare_conflict, event, pitch)
    except IncubatorError as error:
        st.session_state[_OUTCOME_KEY] = error
        return
    if done:
        stored = _stored(event)
        stored.sheet.conflicts.add(pitch)
        for key in [key for key in stored.values if key[0] == pitch]:
            del stored.values[key]


def _move(position_key: str, order: list[str], current: str, step: int) -> None:
    st.session_state[position_key] = order[(order.index(current) + step) % len(order)]
    number, _confirmed = st.session_state.get(_CONFIRMED_KEY, (0, ""))
    st.session_state[_CONFIRMED_KEY] = (number, "")  # a save of the pitch left behind is not this pitch's


@st.fragment
def scoring_sheet(event: str, rubric: Rubric, scoring_open: bool) -> None:
    """Draw one pitch's criteria, its header and the previous/next bar; a tap reruns only this."""
    _show_outcome()  # first: a refusal because the sign-in ended is then said by the sign-in form instead
    leave_fragment_if_signed_out()
    stored = _stored(event)
    pitches = stored.sheet.pitches
    order = [slug for slug, _name in pitches]
    position_key = f"judge::{event}::position"
    if st.session_state.get(position_key) not in order:
        to_score = [slug for slug in order if slug not in stored.sheet.conflicts and not stored.complete(slug, rubric)]
        st.session_state[position_key] = (to_score or order)[0]
    names = dict(pitches)
    # The labels never change while judging: Streamlit knows a choice by its label, and a label that changed
    # under a tap (say, a progress count) made it lose the judge's place. Progress is said below instead.
    pitch = str(
        st.selectbox(_("Pitch"), order, key=position_key, label_visibility="collapsed",
                     format_func=lambda slug: f"{order.index(slug) + 1}. {names[slug]}")
    )  # fmt: skip
    st.markdown(f"## {escape_markdown(names[pitch])}")
    progress = _("Pitch {place} of {count} · {scored} of {total} criteria scored").format(
        place=order.index(pitch) + 1, count=len(order), scored=stored.scored(pitch, rubric), total=len(rubric.criteria)
    )
    st.caption(f"{escape_markdown(progress)}  \n{escape_markdown(pitch_overview(stored, rubric, order))}")
    # The levels' descriptions and the comment boxes open on demand: a screen of six criteria stays short,
    # and a tap redraws few elements (each costs the server about half a millisecond).
    details = st.toggle(_("Show what each level means, and comments"), key="judge_details")
    with st.container(key="judge_sheet"):
        if pitch in stored.sheet.conflicts:
            st.info(_("You declared a conflict of interest for this startup: you do not score it."))
        else:
            for criterion in rubric.criteria:
                _score_buttons(event, pitch, rubric, criterion, scoring_open, details)
            if scoring_open and details:
                st.button(_("I have a conflict of interest with this startup"), key=f"conflict::{event}::{pitch}",
                          on_click=_declare_conflict, args=(event, pitch))  # fmt: skip
    with st.container(key="judge_bar"):
        _status_line(pitch not in stored.sheet.conflicts and stored.complete(pitch, rubric))
        with st.container(key="judge_nav", horizontal=True):
            st.button(_("Previous"), key="judge_previous", on_click=_move, args=(position_key, order, pitch, -1),
                      icon=":material/arrow_back:", width="stretch")  # fmt: skip
            st.button(_("Next pitch"), key="judge_next", on_click=_move, args=(position_key, order, pitch, 1),
                      icon=":material/arrow_forward:", width="stretch", type="primary")  # fmt: skip
