"""The pitch deck: drafted from the canvas, edited slide by slide, rehearsed against the clock, and downloaded."""

from dataclasses import replace

import streamlit as st

from incubator import web
from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.deck.drafting import is_out_of_date, with_the_ask
from incubator.deck.outlines import load_outlines
from incubator.deck.preview import slide_png
from incubator.deck.printout import DeckPrint
from incubator.deck.versions import (
    Deck,
    deck_sources,
    draft_new_deck,
    latest_deck,
    redraft_slide,
    save_deck,
)
from incubator.reports.charts import with_traction_chart
from incubator.reports.document_files import deck_file, onepager_pdf
from incubator.reports.investor_summary import investor_summary
from incubator.startups.profiles import open_startup
from incubator.web.deck_editor import (
    LARGE_WIDTH,
    DeckEditor,
    deleted_banner,
    slide_fields,
    slide_marks,
    slide_words,
    thumbnail_strip,
)
from incubator.web.rehearsal import rehearse

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

# Stateful tabs: a rerun (a moved slide, a rehearsal step by arrow key) keeps the tab the founder is on.
edit_tab, rehearse_tab = st.tabs([_("Slides"), _("Rehearse")], key=f"{KEY}::tab", on_change="rerun")
editor = DeckEditor(KEY, deck, may_edit)
summary = with_traction_chart(web.read(investor_summary, slug))  # the name and chart every slide shows
typed = with_the_ask(editor.typed() if may_edit else deck.slides, sources)  # the one ask, as the one-pager says it
document = DeckPrint(summary.name, typed, summary.chart_png, summary.incubator_name)


def _redraft(index: int) -> None:
    with web.database().read() as session:
        fresh = redraft_slide(session, actor, slug, editor.deck.slides[index])
    editor.change(lambda slides: [fresh if number == index else slide for number, slide in enumerate(slides)], index)


with edit_tab:
    if f"{KEY}::draft" in st.session_state:
        st.info(_("These changes are not saved yet."), icon=":material/edit_note:")
    deleted_banner(editor)
    marks = [
        slide_marks(slide, budgets[index] if index < len(budgets) else 60, sources, canvas_version)
        for index, slide in enumerate(typed)
    ]
    thumbnail_strip(editor, document, marks)
    chosen = editor.selected
    picture, fields = st.columns([3, 2])
    picture.container(key="deck-large").image(
        slide_png(document, chosen, LARGE_WIDTH), width="stretch", alt=slide_words(typed[chosen])
    )
    picture.caption(f"{chosen + 1} / {len(typed)}")
    with fields:
        if may_edit:
            slide_fields(
                editor,
                chosen,
                marks[chosen],
                is_out_of_date(typed[chosen], sources, canvas_version),
                _redraft,
                ask=summary.ask,  # read once with the summary above
            )
        else:
            st.markdown(f"**{escape_markdown(typed[chosen].title)}**")
            st.text(typed[chosen].body)
            if typed[chosen].notes:
                st.caption(escape_markdown(typed[chosen].notes))
    if may_edit:
        st.button(_("Add a slide"), key=f"{KEY}::add", icon=":material/add:", on_click=editor.add)
        note = st.text_input(_("Note for this version (optional)"), key=f"{KEY}::note", max_chars=500)
        if st.button(_("Save a new version"), type="primary", key=f"{KEY}::save", icon=":material/save:"):
            to_save = replace(deck, slides=editor.typed())
            if number := web.act(save_deck, slug, to_save, saved.version if saved else 0, note):
                st.session_state.pop(f"{KEY}::draft", None)
                st.session_state.pop(f"{KEY}::deleted", None)
                st.session_state[f"{KEY}::gen"] = st.session_state.get(f"{KEY}::gen", 0) + 1
                web.flash(_("Saved as version {number}.").format(number=number.value))
                st.rerun()

with rehearse_tab:
    rehearse(KEY, document, seconds)


if saved is not None:
    # One row that wraps: each button as wide as its words (four equal columns cut the French labels at 1280 px).
    downloads = st.container(horizontal=True, vertical_alignment="bottom", key="deck-downloads")
    deck_language = web.document_language(f"{KEY}::language", downloads.container(width=240))
    downloads.download_button(
        _("Download as PowerPoint"), data=web.download_in(deck_language, deck_file, slug, "pptx"), on_click="ignore",
        file_name=f"{slug}-deck.pptx",
        icon=":material/slideshow:", key=f"{KEY}::pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
    )  # fmt: skip
    downloads.download_button(
        _("Download as PDF"), data=web.download_in(deck_language, deck_file, slug, "pdf"),
        file_name=f"{slug}-deck.pdf", mime="application/pdf",
        icon=":material/picture_as_pdf:", key=f"{KEY}::pdf", on_click="ignore",
    )  # fmt: skip
    # The next and last step of the path: the one-pager, drawn from the canvas, the deck's traction and the ask.
    downloads.download_button(
        _("Download the one-pager"), data=web.download_in(deck_language, onepager_pdf, slug),
        file_name=f"{slug}-investor-summary.pdf", mime="application/pdf", icon=":material/description:",
        key=f"{KEY}::onepager", on_click="ignore",
    )  # fmt: skip
    if may_edit:
        st.page_link("pages/startup.py", label=_("Write the ask for your one-pager"), icon=":material/arrow_forward:")
