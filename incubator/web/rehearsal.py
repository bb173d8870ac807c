"""Rehearsing a pitch: the real slide full width, "3 / 10", the clock for the pitch and for the slide.

Next and previous answer the arrow keys (and a presentation clicker, which sends them) as well as taps;
on a phone held sideways the slide fills the width.
"""

from __future__ import annotations

import time

import streamlit as st

from incubator.core.i18n import _, pgettext
from incubator.core.markup import escape_markdown
from incubator.deck.preview import slide_png
from incubator.deck.printout import DeckPrint
from incubator.web.deck_editor import slide_words

SLIDE_WIDTH = 1280


def _go(key: str, position: int) -> None:
    st.session_state[f"{key}::at"] = position
    st.session_state[f"{key}::slide_started"] = time.monotonic()


def _start(key: str) -> None:
    st.session_state[f"{key}::started"] = time.monotonic()
    _go(key, 0)


def rehearse(key: str, document: DeckPrint, seconds: list[int]) -> None:
    """Draw the rehearsal of `document`; `seconds` are the outline's time budgets per slide, if any."""
    count = len(document.slides)
    position = min(int(st.session_state.setdefault(f"{key}::at", 0)), count - 1)
    # The slide first, as wide as the screen (a phone held sideways shows it whole), then the controls.
    st.image(slide_png(document, position, SLIDE_WIDTH), width="stretch", alt=slide_words(document.slides[position]))
    back, counter, forward, clock_button = st.columns([1, 1, 1, 1], vertical_alignment="center")
    back.button(pgettext("slide", "Previous"), key=f"{key}::previous", icon=":material/arrow_back:",
                disabled=position == 0, on_click=_go, args=(key, position - 1), shortcut="Left",
                width="stretch")  # fmt: skip
    counter.metric(_("Slide"), f"{position + 1} / {count}")
    forward.button(pgettext("slide", "Next"), key=f"{key}::next", icon=":material/arrow_forward:", type="primary",
                   disabled=position >= count - 1, on_click=_go, args=(key, position + 1), shortcut="Right",
                   width="stretch")  # fmt: skip
    clock_button.button(_("Start the clock"), key=f"{key}::start", icon=":material/timer:", on_click=_start,
                        args=(key,), width="stretch")  # fmt: skip
    notes = document.slides[position].notes
    if notes:
        st.caption(escape_markdown(notes))
    total = st.number_input(_("Total time for the pitch, in seconds"), min_value=30, max_value=3600,
                            value=sum(seconds) or 180, step=15, key=f"{key}::total")  # fmt: skip
    budgets = [total * share / (sum(seconds) or 1) for share in seconds] or [total / max(count, 1)] * count
    _clock(key, float(total), budgets)


def _clock(key: str, total: float, budgets: list[float]) -> None:
    @st.fragment(run_every=1 if f"{key}::started" in st.session_state else None)
    def clock() -> None:
        started = st.session_state.get(f"{key}::started")
        if started is None:
            st.caption(_("Press “Start the clock” when you begin. The arrow keys move between slides."))
            return
        elapsed = time.monotonic() - started
        on_slide = time.monotonic() - st.session_state.get(f"{key}::slide_started", started)
        slide_budget = budgets[min(st.session_state.get(f"{key}::at", 0), len(budgets) - 1)]
        left, right = st.columns(2)
        left.metric(_("Total"), f"{int(elapsed) // 60}:{int(elapsed) % 60:02d}", delta=f"{int(total - elapsed)} s",
                    delta_color="normal" if elapsed <= total else "inverse")  # fmt: skip
        right.metric(_("This slide"), f"{int(on_slide)} s", delta=f"{int(slide_budget - on_slide)} s",
                     delta_color="normal" if on_slide <= slide_budget else "inverse")  # fmt: skip
        if elapsed > total:
            st.error(_("Over time: wrap up now."), icon=":material/alarm:")
        elif on_slide > slide_budget:
            st.warning(_("Over this slide's budget: move on."), icon=":material/timer:")

    clock()
