"""The pitch deck: drafted from the canvas, edited slide by slide, rehearsed against the clock, and downloaded."""

import time
from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from incubator import web
from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.deck.drafting import Slide, is_out_of_date, over_word_budget
from incubator.deck.files import build_deck_pdf, build_pptx
from incubator.deck.outlines import load_outlines
from incubator.deck.printout import DeckPrint
from incubator.deck.versions import (
    Deck,
    deck_for_export,
    deck_sources,
    draft_new_deck,
    latest_deck,
    redraft_slide,
    save_deck,
)
from incubator.reports.charts import with_traction_chart
from incubator.reports.investor_summary import investor_summary
from incubator.reports.onepager_pdf import build_onepager
from incubator.startups.profiles import open_startup

actor = web.require_actor()
st.title(_("Pitch deck"))
web.show_flash()
slug = web.choose_startup(actor)
outlines, problems = load_outlines()
for problem in problems:
    st.warning(escape_markdown(_("A deck outline could not be read: {problem}").format(problem=problem)))

with web.database().read() as session:
    may_edit = open_startup(session, actor, slug).may_edit_work
    saved = latest_deck(session, actor, slug)
    sources, canvas_version = deck_sources(session, actor, slug)
KEY = f"deck::{slug}"

if may_edit and (saved is None or st.toggle(_("Start again from an outline"), key=f"{KEY}::restart")):
    with st.form(f"{KEY}::outline"):
        outline = st.selectbox(
            _("Outline"), list(outlines), format_func=lambda key: outlines[key].title, key=f"{KEY}::outline_name"
        )
        if st.form_submit_button(_("Draft the deck from my canvas"), type="primary", icon=":material/auto_awesome:"):
            with web.database().read() as session:
                st.session_state[f"{KEY}::draft"] = draft_new_deck(session, actor, slug, str(outline))
            st.session_state[f"{KEY}::gen"] = st.session_state.get(f"{KEY}::gen", 0) + 1
            st.session_state.pop(f"{KEY}::restart", None)
            st.rerun()

deck: Deck | None = st.session_state.get(f"{KEY}::draft") or saved
if deck is None:
    st.info(_("No deck yet.") if may_edit else _("The founders have not saved a deck yet."))
    st.stop()
deck_outline = outlines.get(deck.outline)
budgets = [slide.word_budget for slide in deck_outline.slides] if deck_outline else []
seconds = [slide.seconds for slide in deck_outline.slides] if deck_outline else []

edit_tab, rehearse_tab = st.tabs([_("Slides"), _("Rehearse")])


def _field_key(index: int, part: str) -> str:
    return f"{KEY}::{st.session_state.get(f'{KEY}::gen', 0)}::{index}::{part}"


def _typed_slides(current: Deck) -> list[Slide]:
    """The slides with what the founder has typed so far (widget values live in the session)."""
    return [
        replace(
            slide,
            title=st.session_state.get(_field_key(index, "title"), slide.title),
            body=st.session_state.get(_field_key(index, "body"), slide.body),
            notes=st.session_state.get(_field_key(index, "notes"), slide.notes),
        )
        for index, slide in enumerate(current.slides)
    ]


def _restructure(current: Deck, change: Callable[[list[Slide]], list[Slide]]) -> None:
    """Apply a change to the typed slides and draw fresh widgets (their keys change with the generation)."""
    slides = change(_typed_slides(current))
    st.session_state[f"{KEY}::gen"] = st.session_state.get(f"{KEY}::gen", 0) + 1
    st.session_state[f"{KEY}::draft"] = replace(current, slides=slides)


def _move_up(current: Deck, index: int) -> None:
    _restructure(current, lambda slides: [*slides[: index - 1], slides[index], slides[index - 1], *slides[index + 1 :]])


def _remove(current: Deck, index: int) -> None:
    _restructure(current, lambda slides: [slide for number, slide in enumerate(slides) if number != index])


def _add(current: Deck) -> None:
    _restructure(current, lambda slides: [*slides, Slide(_("New slide"))])


def _redraft(current: Deck, index: int) -> None:
    with web.database().read() as session:
        fresh = redraft_slide(session, actor, slug, current.slides[index])
    _restructure(current, lambda slides: [fresh if number == index else slide for number, slide in enumerate(slides)])


with edit_tab:
    if f"{KEY}::draft" in st.session_state:
        st.info(_("These changes are not saved yet."), icon=":material/edit_note:")
    for index, slide in enumerate(deck.slides):
        with st.container(border=True):
            budget = budgets[index] if index < len(budgets) else 60
            typed = _typed_slides(deck)[index] if may_edit else slide
            flags = []
            if over_word_budget(typed, budget):
                flags.append(_("over its {budget}-word budget").format(budget=budget))
            stale = is_out_of_date(slide, sources, canvas_version)
            if stale:
                flags.append(_("the canvas changed since this slide was drafted"))
            st.markdown(f"**{index + 1}.** " + (f":orange[{escape_markdown(' · '.join(flags))}]" if flags else ""))
            if not may_edit:
                st.markdown(f"**{escape_markdown(slide.title)}**")
                st.text(slide.body)
                continue
            st.text_input(_("Title"), value=slide.title, key=_field_key(index, "title"), max_chars=200)
            st.text_area(_("Text (one bullet per line)"), value=slide.body, key=_field_key(index, "body"))
            st.text_area(_("Speaker notes"), value=slide.notes, key=_field_key(index, "notes"), height=80)
            buttons = st.columns(3)
            buttons[0].button(_("Up"), key=f"{KEY}::up::{index}", disabled=index == 0, icon=":material/arrow_upward:",
                              on_click=_move_up, args=(deck, index))  # fmt: skip
            buttons[1].button(_("Remove"), key=f"{KEY}::remove::{index}", icon=":material/delete:",
                              on_click=_remove, args=(deck, index), disabled=len(deck.slides) == 1)  # fmt: skip
            if stale:
                buttons[2].button(
                    _("Redraft from the canvas"), key=f"{KEY}::redraft::{index}", icon=":material/refresh:",
                    on_click=_redraft, args=(deck, index),
                )  # fmt: skip
    if may_edit:
        st.button(_("Add a slide"), key=f"{KEY}::add", icon=":material/add:", on_click=_add, args=(deck,))
        note = st.text_input(_("Note for this version (optional)"), key=f"{KEY}::note", max_chars=500)
        if st.button(_("Save a new version"), type="primary", key=f"{KEY}::save", icon=":material/save:"):
            to_save = replace(deck, slides=_typed_slides(deck))
            if number := web.act(save_deck, slug, to_save, saved.version if saved else 0, note):
                st.session_state.pop(f"{KEY}::draft", None)
                st.session_state[f"{KEY}::gen"] = st.session_state.get(f"{KEY}::gen", 0) + 1
                web.flash(_("Saved as version {number}.").format(number=number.value))
                st.rerun()

with rehearse_tab:
    total = st.number_input(_("Total time for the pitch, in seconds"), min_value=30, max_value=3600,
                            value=sum(seconds) or 180, step=15, key=f"{KEY}::total")  # fmt: skip
    budgets_seconds = [total * share / (sum(seconds) or 1) for share in seconds] or [
        total / max(len(deck.slides), 1)
    ] * len(deck.slides)
    position = st.session_state.setdefault(f"{KEY}::at", 0)
    position = min(position, len(deck.slides) - 1)
    controls = st.columns(3)
    if controls[0].button(_("Start the clock"), key=f"{KEY}::start", icon=":material/timer:"):
        st.session_state[f"{KEY}::started"] = time.monotonic()
        st.session_state[f"{KEY}::slide_started"] = time.monotonic()
        st.session_state[f"{KEY}::at"] = position = 0
    if controls[1].button(_("Previous slide"), key=f"{KEY}::previous", disabled=position == 0):
        st.session_state[f"{KEY}::at"] = position = position - 1
        st.session_state[f"{KEY}::slide_started"] = time.monotonic()
    if controls[2].button(_("Next slide"), key=f"{KEY}::next", disabled=position >= len(deck.slides) - 1):
        st.session_state[f"{KEY}::at"] = position = position + 1
        st.session_state[f"{KEY}::slide_started"] = time.monotonic()
    slide = deck.slides[position]
    with st.container(border=True):
        st.header(escape_markdown(slide.title))
        for line in slide.body.splitlines():
            st.markdown(f"### {escape_markdown(line.removeprefix('- '))}")
        if slide.notes:
            st.caption(escape_markdown(slide.notes))

    @st.fragment(run_every=1 if f"{KEY}::started" in st.session_state else None)
    def clock() -> None:
        started = st.session_state.get(f"{KEY}::started")
        if started is None:
            st.caption(_("Press “Start the clock” when you begin."))
            return
        elapsed = time.monotonic() - started
        on_slide = time.monotonic() - st.session_state.get(f"{KEY}::slide_started", started)
        slide_budget = budgets_seconds[min(st.session_state.get(f"{KEY}::at", 0), len(budgets_seconds) - 1)]
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


def _document() -> DeckPrint:
    with web.database().read() as session:
        current = deck_for_export(session, actor, slug)
        summary = with_traction_chart(investor_summary(session, actor, slug))
    return DeckPrint(summary.name, current.slides, summary.chart_png)


def _one_pager() -> bytes:
    with web.database().read() as session:
        page = investor_summary(session, actor, slug)
    return build_onepager(with_traction_chart(page))


if saved is not None:
    language_column, left, right, last = st.columns(4, vertical_alignment="bottom")
    deck_language = web.document_language(f"{KEY}::language", language_column)
    pptx = web.in_language(deck_language, lambda: build_pptx(_document()))
    pdf = web.in_language(deck_language, lambda: build_deck_pdf(_document()))
    left.download_button(_("Download as PowerPoint"), data=pptx, on_click="ignore",
                         file_name=f"{slug}-deck.pptx", icon=":material/slideshow:", key=f"{KEY}::pptx",
                         mime="application/vnd.openxmlformats-officedocument.presentationml.presentation")  # fmt: skip
    right.download_button(_("Download as PDF"), data=pdf,
                          file_name=f"{slug}-deck.pdf", mime="application/pdf", icon=":material/picture_as_pdf:",
                          key=f"{KEY}::pdf", on_click="ignore")  # fmt: skip
    # The next and last step of the path: the one-pager, drawn from the canvas, the deck's traction and the ask.
    last.download_button(_("Download the one-pager"), data=web.in_language(deck_language, _one_pager),
                         file_name=f"{slug}-investor-summary.pdf", mime="application/pdf",
                         icon=":material/description:", key=f"{KEY}::onepager", on_click="ignore")  # fmt: skip
    if may_edit:
        st.page_link("pages/startup.py", label=_("Write the ask for your one-pager"), icon=":material/arrow_forward:")
