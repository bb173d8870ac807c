"""The lean canvas page's parts: the boxes in the standard layout, their drafts between runs, comments, conflicts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from incubator.canvas.comments import resolve_canvas_comment
from incubator.canvas.diff import compare_canvases
from incubator.canvas.hints import is_blank
from incubator.canvas.template import CanvasBox, CanvasTemplate
from incubator.canvas.versions import CanvasSnapshot
from incubator.core.fields import LONG_TEXT_LIMIT
from incubator.core.formatting import format_day, format_number
from incubator.core.i18n import _
from incubator.core.markup import diff_html, escape_markdown
from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.db.models import CanvasComment
from incubator.web.writes import act

# A box is never shorter than a few lines, so an empty one shows its example whole; it grows with its text.
# A title's "?" stays beside the title, which wraps in its own box, never alone on a line of its own.
# On a phone the columns dissolve and the boxes stack in the filling order (1. Customer segments first).
CANVAS_STYLE = (
    """<style>
.st-key-canvas-boxes textarea { min-height: 7.5rem; }
.st-key-canvas-boxes [data-testid="stMarkdownContainer"] p { overflow-wrap: anywhere; }
.st-key-canvas-boxes [data-testid="stMarkdownContainer"] p:has([data-testid="stTooltipIcon"]) {
  display: flex; align-items: baseline; gap: 0.3rem;
}
@media (max-width: 640px) {
  .st-key-canvas-boxes [data-testid="stLayoutWrapper"], .st-key-canvas-boxes [data-testid="stHorizontalBlock"],
  .st-key-canvas-boxes [data-testid="stColumn"],
  .st-key-canvas-boxes [data-testid="stColumn"] > [data-testid="stVerticalBlock"] { display: contents; }
"""
    + "".join(f"  .st-key-canvas-box-{order} {{ order: {order}; }}\n" for order in range(1, 10))
    + """}
</style>"""
)


@dataclass(frozen=True)
class CanvasBoxes:
    """One startup's canvas on the page: widget keys, drafts kept between runs, and how each box is drawn."""

    slug: str
    template: CanvasTemplate
    may_edit: bool

    @property
    def key(self) -> str:
        """The prefix of this startup's canvas widgets and state."""
        return f"canvas::{self.slug}"

    def draft_key(self, field: str) -> str:
        return f"{self.key}::{field}"

    def drafts(self) -> dict[str, str]:
        return {field: st.session_state.get(self.draft_key(field), "") for field in CANVAS_FIELDS}

    def load_on_next_run(self, fields: dict[str, str], version: int) -> None:
        """Ask the next run to put this text in the boxes (a box cannot change once drawn in this run)."""
        st.session_state[f"{self.key}::load"] = (dict(fields), version)

    def load_into_form(self, fields: dict[str, str], version: int) -> None:
        for field in CANVAS_FIELDS:
            st.session_state[self.draft_key(field)] = fields.get(field, "")
        st.session_state[f"{self.key}::base"] = dict(fields)
        st.session_state[f"{self.key}::seen"] = version

    def layout(self, render_box: Callable[[CanvasBox], None]) -> None:
        """Draw the boxes in the standard lean canvas layout, calling render_box(box) in each place."""
        st.html(CANVAS_STYLE)
        with st.container(key="canvas-boxes"):
            self._places(render_box)

    def _places(self, render_box: Callable[[CanvasBox], None]) -> None:
        columns = st.columns(5, gap="small")
        for column, positions in zip(
            columns,
            (["top-1"], ["top-2-upper", "top-2-lower"], ["top-3"], ["top-4-upper", "top-4-lower"], ["top-5"]),
            strict=True,
        ):
            with column:
                for position in positions:
                    render_box(self.template.at(position))
        for column, position in zip(st.columns(2, gap="small"), ["bottom-left", "bottom-right"], strict=True):
            with column:
                render_box(self.template.at(position))

    def comments_on(self, box: CanvasBox, comments: Sequence[CanvasComment]) -> None:
        for comment in (comment for comment in comments if comment.box in box.fields):
            with st.container(border=True):
                author = comment.author.display_name if comment.author else _("a former mentor")
                state = _("resolved") if comment.resolved_at else _("open")
                st.caption(
                    f":material/forum: {escape_markdown(author)} · {format_day(comment.created_at.date())} · {state}"
                )
                st.text(comment.body)
                if (
                    self.may_edit
                    and comment.resolved_at is None
                    and st.button(_("Mark resolved"), key=f"resolve_{comment.id}", icon=":material/check:")
                ) and act(resolve_canvas_comment, self.slug, comment.id):
                    st.rerun()

    def editable_box(
        self, box: CanvasBox, hints: dict[str, list[str]], comments: Sequence[CanvasComment], guidance: bool
    ) -> None:
        with st.container(border=True, key=f"canvas-box-{box.order}"):
            st.markdown(f"**{box.order}. {escape_markdown(box.title)}**", help=box.prompt)
            if guidance:
                st.caption(escape_markdown(box.prompt))
            for field, label, example in (
                (box.field, box.title, box.example),
                (box.sub_field, box.sub_title, box.sub_example),
            ):
                if field is None:
                    continue
                if field != box.field:
                    st.markdown(f"**{escape_markdown(label)}**", help=box.sub_prompt)
                    if guidance:
                        st.caption(escape_markdown(box.sub_prompt))
                # As tall as its text: every word stays in view while editing (CANVAS_STYLE sets a floor).
                text = st.text_area(
                    label, key=self.draft_key(field), height="content", placeholder=_("For example: ") + example,
                    label_visibility="collapsed", persist_state="session",
                )  # fmt: skip
                if len(text) > LONG_TEXT_LIMIT * 0.9:
                    over = len(text) > LONG_TEXT_LIMIT
                    count = f"{format_number(len(text))} / {format_number(LONG_TEXT_LIMIT)}"
                    st.caption(f":red[{count}]" if over else count)
                for message in hints.get(field, []):
                    st.caption(f":material/lightbulb: {escape_markdown(message)}")
            if is_blank(st.session_state.get(self.draft_key(box.field))):
                st.caption(_("Still to explore"))
            self.comments_on(box, comments)

    def readonly_box(self, box: CanvasBox, fields: dict[str, str], comments: Sequence[CanvasComment]) -> None:
        with st.container(border=True, key=f"canvas-box-{box.order}"):
            st.markdown(f"**{box.order}. {escape_markdown(box.title)}**", help=box.prompt)
            for field, label in ((box.field, ""), (box.sub_field, box.sub_title)):
                if field is None:
                    continue
                if label:
                    st.markdown(f"**{escape_markdown(label)}**")
                if is_blank(fields.get(field)):
                    st.caption(_("Still to explore"))
                else:  # the poster: the text as written, in the page's font, every line kept
                    st.markdown(escape_markdown(fields[field]).replace("\n", "  \n"))
            self.comments_on(box, comments)

    def show_conflict(self, theirs: CanvasSnapshot, mine: dict[str, str]) -> None:
        who = theirs.author or _("Someone")
        st.error(
            escape_markdown(
                _(
                    "{name} saved version {number} while you were editing, so your save was not stored. "
                    "Nothing is lost: your text is still in the boxes. Compare, keep what you want, and save again."
                ).format(name=who, number=theirs.number)
            ),
            icon=":material/sync_problem:",
        )
        left, right = st.columns(2)
        left.markdown("**" + _("Their version {number}").format(number=theirs.number) + "**")
        right.markdown("**" + _("Your text") + "**")
        for change in compare_canvases(theirs.fields, mine):
            if change.changed:
                left, right = st.columns(2)
                title = escape_markdown(self.template.field_title(change.field))
                left.caption(title)
                left.html(diff_html(change.pieces, show="old"))
                right.caption(title)
                right.html(diff_html(change.pieces, show="new"))
        if st.button(_("Use their version instead of mine"), key=f"{self.key}::take_theirs"):
            self.load_on_next_run(theirs.fields, theirs.number)
            st.session_state.pop(f"{self.key}::conflict", None)
            st.rerun()
