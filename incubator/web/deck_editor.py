"""The deck page's editor: a strip of slide pictures, the chosen slide large beside its fields, and slide moves.

Every picture is the slide's page of the deck PDF (`deck.preview`), drawn from what the founder has typed
so far, so the screen shows what the download will be. Moves, copies and deletions change the draft in
the session (saved with the deck), and a deletion can be undone until the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import streamlit as st

from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.deck.drafting import Slide, is_ask_slide, is_out_of_date, over_word_budget
from incubator.deck.outlines import slide_prompt
from incubator.deck.preview import slide_png
from incubator.deck.printout import DeckPrint
from incubator.deck.versions import Deck
from incubator.startups.ask_text import AskText
from incubator.web.ask_form import ask_form

THUMBNAIL_WIDTH, LARGE_WIDTH = 240, 960
PER_ROW = 6


@dataclass(frozen=True)
class DeckEditor:
    """One startup's deck draft on the page: its widget keys, the typed slides, and the moves."""

    key: str  # the page's prefix for this startup
    deck: Deck
    may_edit: bool

    @property
    def deck_slug(self) -> str:
        """Return the startup's slug (the key is `deck::<slug>`)."""
        return self.key.split("::", 1)[1]

    def field_key(self, index: int, part: str) -> str:
        return f"{self.key}::{st.session_state.get(f'{self.key}::gen', 0)}::{index}::{part}"

    def typed(self) -> list[Slide]:
        """The slides with what the founder has typed so far (kept in the session between runs)."""
        return [self._typed_slide(index, slide) for index, slide in enumerate(self.deck.slides)]

    def _typed_slide(self, index: int, slide: Slide) -> Slide:
        parts = ("title", "body", "notes")
        typed = {part: st.session_state.get(self.field_key(index, part), getattr(slide, part)) for part in parts}
        return replace(slide, **typed)

    @property
    def selected(self) -> int:
        return min(int(st.session_state.get(f"{self.key}::selected", 0)), len(self.deck.slides) - 1)

    def select(self, index: int) -> None:
        st.session_state[f"{self.key}::selected"] = index

    def change(self, change: Callable[[list[Slide]], list[Slide]], selected: int) -> None:
        """Apply a change to the typed slides and draw fresh fields (their keys change with the generation)."""
        slides = change(self.typed())
        st.session_state[f"{self.key}::gen"] = st.session_state.get(f"{self.key}::gen", 0) + 1
        st.session_state[f"{self.key}::draft"] = replace(self.deck, slides=slides)
        self.select(max(0, min(selected, len(slides) - 1)))

    def move(self, index: int, to: int) -> None:
        def moved(slides: list[Slide]) -> list[Slide]:
            slide = slides.pop(index)
            slides.insert(to, slide)
            return slides

        self.change(moved, to)

    def duplicate(self, index: int) -> None:
        self.change(lambda slides: [*slides[: index + 1], slides[index], *slides[index + 1 :]], index + 1)

    def delete(self, index: int) -> None:
        st.session_state[f"{self.key}::deleted"] = (index, self.typed()[index])
        self.change(lambda slides: [slide for number, slide in enumerate(slides) if number != index], index)

    def undo_delete(self) -> None:
        index, slide = st.session_state.pop(f"{self.key}::deleted")
        self.change(lambda slides: [*slides[:index], slide, *slides[index:]], index)

    def add(self) -> None:
        self.change(lambda slides: [*slides, Slide(_("New slide"))], len(self.deck.slides))


def slide_words(slide: Slide) -> str:
    """Say a slide's picture in words, for screen readers: its title, then its bullets."""
    bullets = [line.strip().removeprefix("- ") for line in slide.body.splitlines() if line.strip()]
    return ". ".join([slide.title, *bullets])


def slide_marks(slide: Slide, budget: int, sources: dict[str, str], canvas_version: int) -> list[str]:
    """Say what needs a look on a slide: over its word budget, or drawn from canvas boxes that changed since."""
    marks = []
    if not slide.body.strip():
        marks.append(_("to write"))
    if over_word_budget(slide, budget):
        marks.append(_("over its {budget}-word budget").format(budget=budget))
    if is_out_of_date(slide, sources, canvas_version):
        marks.append(_("the canvas changed since this slide was drafted"))
    return marks


# Slides are white pages: a thin frame shows their edge, and the chosen one is framed in the accent.
_STRIP_STYLE = """<style>
[class*="st-key-deck-thumb-"] img, .st-key-deck-large img {{ border: 1px solid #9aa5b1; border-radius: 4px; }}
.st-key-deck-thumb-{chosen} img {{ outline: 3px solid #0f766e; outline-offset: 1px; }}
@media (max-width: 640px) {{  /* on a phone the strip scrolls sideways instead of stacking six screens */
  .st-key-deck-strip [data-testid="stHorizontalBlock"] {{ flex-wrap: nowrap !important; overflow-x: auto; }}
  .st-key-deck-strip [data-testid="stColumn"] {{ flex: 0 0 42% !important; min-width: 42% !important; }}
}}
</style>"""


def thumbnail_strip(editor: DeckEditor, document: DeckPrint, marks: list[list[str]]) -> None:
    """Draw every slide small, numbered, its marks said in words, and a row of numbers to choose one."""
    st.html(_STRIP_STYLE.format(chosen=editor.selected))
    strip = st.container(key="deck-strip")
    for start in range(0, len(document.slides), PER_ROW):
        for offset, column in enumerate(strip.columns(PER_ROW, gap="small")):
            index = start + offset
            if index >= len(document.slides):
                break
            alt = _("Slide {number}: {title}").format(number=index + 1, title=document.slides[index].title)
            column.container(key=f"deck-thumb-{index}").image(
                slide_png(document, index, THUMBNAIL_WIDTH), width="stretch", alt=alt
            )
            caption = f"{index + 1} · {document.slides[index].title}"
            if marks[index]:
                caption += " · ⚠ " + "; ".join(marks[index])
            column.caption(escape_markdown(caption))
    choice = st.segmented_control(
        _("Slide"), list(range(len(document.slides))), format_func=lambda index: str(index + 1),
        key=f"{editor.key}::choose::{st.session_state.get(f'{editor.key}::gen', 0)}", default=editor.selected,
    )  # fmt: skip
    if choice is not None and choice != editor.selected:
        editor.select(int(choice))
        st.rerun()


def slide_fields(
    editor: DeckEditor, index: int, marks: list[str], stale: bool, redraft: Callable[[int], None],
    ask: AskText | None = None,
) -> None:  # fmt: skip
    """Draw the chosen slide's fields, what needs a look, and the moves: up, down, to a place, copy, delete.

    An empty text shows its outline's prompt greyed inside the field: guidance, never stored.
    """
    slide, count = editor.typed()[index], len(editor.deck.slides)
    prompt = slide_prompt(editor.deck.outline, editor.deck.slides[index].title, first=index == 0)
    st.text_input(_("Title"), value=slide.title, key=editor.field_key(index, "title"), max_chars=200,
                  persist_state="session")  # fmt: skip
    if index == 0:  # the title layout: what the investor sees first is the name, never a word like "Welcome"
        st.caption(_("The first slide shows your startup's name, large, with the text below as its one-liner; "
                     "its title is only the slide's name in this list."))  # fmt: skip
    if is_ask_slide(slide) and ask is not None:  # the one ask: the same record as the one-pager's
        st.caption(_("This slide says your ask: write it once here, and the one-pager and your profile say it too."))
        ask_form(editor.deck_slug, ask, key=f"{editor.key}::ask")
    else:
        st.text_area(_("Text (one bullet per line)"), value=slide.body, key=editor.field_key(index, "body"),
                     height="content", persist_state="session", placeholder=prompt or None)  # fmt: skip
    st.text_area(_("Speaker notes"), value=slide.notes, key=editor.field_key(index, "notes"), height="content",
                 persist_state="session")  # fmt: skip
    for mark in marks:
        st.caption(f":orange[⚠ {escape_markdown(mark)}]")
    up, down = st.columns(2)
    copy, delete = st.columns(2)
    up.button(_("Up"), key=f"{editor.key}::up", icon=":material/arrow_upward:", disabled=index == 0,
              on_click=editor.move, args=(index, index - 1), width="stretch")  # fmt: skip
    down.button(_("Down"), key=f"{editor.key}::down", icon=":material/arrow_downward:", disabled=index == count - 1,
                on_click=editor.move, args=(index, index + 1), width="stretch")  # fmt: skip
    copy.button(_("Duplicate"), key=f"{editor.key}::copy", icon=":material/content_copy:",
                on_click=editor.duplicate, args=(index,), width="stretch")  # fmt: skip
    delete.button(_("Delete"), key=f"{editor.key}::delete", icon=":material/delete:", disabled=count == 1,
                  on_click=editor.delete, args=(index,), width="stretch")  # fmt: skip
    place, go = st.columns([2, 1], vertical_alignment="bottom")
    to = place.number_input(_("Move to place"), min_value=1, max_value=count, value=index + 1, step=1,
                            key=f"{editor.key}::{st.session_state.get(f'{editor.key}::gen', 0)}::to")  # fmt: skip
    go.button(_("Move"), key=f"{editor.key}::move", on_click=editor.move, args=(index, int(to) - 1),
              disabled=int(to) - 1 == index, width="stretch")  # fmt: skip
    if stale:
        st.button(_("Redraft from the canvas"), key=f"{editor.key}::redraft", icon=":material/refresh:",
                  on_click=redraft, args=(index,))  # fmt: skip


def deleted_banner(editor: DeckEditor) -> None:
    """Say which slide was just deleted, with the button that brings it back."""
    deleted = st.session_state.get(f"{editor.key}::deleted")
    if deleted is None:
        return
    message, button = st.columns([4, 1], vertical_alignment="center")
    message.info(
        escape_markdown(_("Slide “{title}” deleted.").format(title=deleted[1].title)), icon=":material/delete:"
    )
    button.button(_("Undo"), key=f"{editor.key}::undo", icon=":material/undo:", on_click=editor.undo_delete)
