"""The founder's path drawn on a page: four steps with their state in words and a mark, and one next-step button."""

from __future__ import annotations

import streamlit as st

from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.reports.journey import Path, Step, StepName, StepState

_PAGES = {
    StepName.IDEA: "pages/idea.py",
    StepName.CANVAS: "pages/canvas.py",
    StepName.DECK: "pages/deck.py",
    StepName.ONE_PAGER: "pages/startup.py",
}
# The next step reads as the page's main button: filled with the accent, white text (5.5:1).
_NEXT_STEP_STYLE = """<style>
.st-key-founder_path [data-testid="stPageLink"] a { background: #0f766e; border-radius: 0.5rem;
  padding: 0.5rem 1rem; width: fit-content; }
.st-key-founder_path [data-testid="stPageLink"] a p,
.st-key-founder_path [data-testid="stPageLink"] a span { color: #ffffff; font-weight: 600; }
</style>"""
_MARKS = {StepState.DONE: "✓", StepState.IN_PROGRESS: "◐", StepState.NOT_STARTED: "○"}


def step_title(name: StepName) -> str:
    """Return a step's name as people read it."""
    titles = {StepName.IDEA: _("Idea"), StepName.CANVAS: _("Lean canvas"), StepName.DECK: _("Pitch deck"),
              StepName.ONE_PAGER: _("One-pager")}  # fmt: skip
    return titles[name]


def state_label(state: StepState) -> str:
    """Return a step's state in words (the mark beside it repeats it, never alone)."""
    labels = {
        StepState.DONE: _("Done"),
        StepState.IN_PROGRESS: _("In progress"),
        StepState.NOT_STARTED: _("Not started"),
    }
    return labels[state]


def path_summary(path: Path) -> str:
    """Say a path in one line for a table: "2 of 4 done · next: Pitch deck"."""
    following = path.next_step
    done = _("{done} of {total} done").format(done=path.done, total=len(path.steps))
    return done if following is None else f"{done} · " + _("next: {step}").format(step=step_title(following.name))


def _next_label(step: Step) -> str:
    labels = {
        StepName.IDEA: _("Next step: answer the idea questions"),
        StepName.CANVAS: _("Next step: fill in the lean canvas"),
        StepName.DECK: _("Next step: write your pitch deck"),
        StepName.ONE_PAGER: _("Next step: write the ask, then download your one-pager"),
    }
    return labels[step.name]


def show_path(path: Path, *, here: StepName | None = None, for_founder: bool = True) -> None:
    """Draw the four steps; for a founder, with a button to the next step (unless it is on this page)."""
    st.html(_NEXT_STEP_STYLE)
    with st.container(border=True, key="founder_path"):
        for column, step in zip(st.columns(len(path.steps)), path.steps, strict=True):
            column.markdown(f"**{_MARKS[step.state]} {step_title(step.name)}**")
            column.caption(" · ".join(part for part in (state_label(step.state), step.note) if part))
        following = path.next_step
        if following is None:
            st.markdown(":material/verified: " + _("Every step is done: the one-pager is ready to download below."))
        elif for_founder and following.name is not here:
            st.page_link(_PAGES[following.name], label=_next_label(following), icon=":material/arrow_forward:")
        elif for_founder:
            st.caption(_next_label(following))
        if following is not None and following.missing:
            st.caption(escape_markdown(following.missing))
