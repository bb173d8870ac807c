"""The lean canvas: founders fill it in with guidance and save versions; mentors read and comment; anyone who
may see it compares versions and downloads the PDF."""

import streamlit as st

from incubator import web
from incubator.canvas.comments import (
    add_canvas_comment,
    list_all_canvas_comments,
    list_canvas_comments,
)
from incubator.canvas.diff import compare_canvases
from incubator.canvas.export import canvas_file_name, canvas_print
from incubator.canvas.hints import filled_boxes, hints_for_canvas
from incubator.canvas.screen import canvas_screen
from incubator.canvas.template import canvas_template
from incubator.canvas.versions import CanvasSnapshot, restore_canvas_version, save_canvas
from incubator.core.errors import NothingChanged, StaleEdit
from incubator.core.formatting import format_moment
from incubator.core.i18n import _
from incubator.core.labels import version_note_label
from incubator.core.markup import diff_html, escape_markdown
from incubator.db.models import CanvasComment
from incubator.reports.document_files import canvas_pdf
from incubator.web.canvas_boxes import CanvasBoxes

actor = web.require_actor()
template = canvas_template()
st.title(template.title)
web.show_flash()
slug = web.choose_startup(actor)

screen = web.read(canvas_screen, slug)
versions, editing = screen.versions, screen.editing
may_edit, may_comment, sees_comments = screen.may_edit, screen.may_comment, screen.reads_comments

by_number = {version.number: version for version in versions}
boxes = CanvasBoxes(slug, template, may_edit)
KEY = boxes.key  # widget and state keys of this startup's canvas


def comments_for(number: int) -> list[CanvasComment]:
    if not sees_comments or not number:
        return []
    return web.read(list_canvas_comments, slug, number)


def save(fields: dict[str, str], note: str) -> None:
    seen = st.session_state[f"{KEY}::seen"]
    try:
        saved = web.act_passing((StaleEdit, NothingChanged), save_canvas, slug, fields, seen, note=note)
    except StaleEdit as error:
        st.session_state[f"{KEY}::conflict"] = error.current
        # The founder has now been shown the newer version: the next save may go on top of it.
        newer = error.current if isinstance(error.current, CanvasSnapshot) else None
        st.session_state[f"{KEY}::seen"] = newer.number if newer else seen
        st.rerun()  # the comparison is drawn above the save button
    except NothingChanged as error:
        st.info(str(error), icon=":material/info:")
        return
    if not saved:
        return
    number = saved.value.number
    st.session_state.pop(f"{KEY}::conflict", None)
    st.session_state[f"{KEY}::base"] = dict(fields)
    st.session_state[f"{KEY}::seen"] = number
    web.forget_widgets(f"{KEY}::note")
    web.flash(_("Saved as version {number}.").format(number=number))
    st.rerun()


canvas_tab, history_tab = st.tabs([_("Canvas"), _("History and comparison")])

with canvas_tab:
    main_fields = [box.field for box in template.boxes]
    if may_edit:
        if f"{KEY}::load" in st.session_state:
            boxes.load_into_form(*st.session_state.pop(f"{KEY}::load"))
        if f"{KEY}::seen" not in st.session_state:
            boxes.load_into_form(editing.fields, editing.version)
        unsaved = boxes.drafts() != st.session_state[f"{KEY}::base"]
        newest = versions[0] if versions else None
        if newest and newest.number > st.session_state[f"{KEY}::seen"] and f"{KEY}::conflict" not in st.session_state:
            if unsaved:
                st.warning(
                    escape_markdown(
                        _("{name} saved version {number} since you started editing.").format(
                            name=newest.author or _("Someone"), number=newest.number
                        )
                    ),
                    icon=":material/group:",
                )
            else:
                boxes.load_into_form(newest.fields, newest.number)
        current = boxes.drafts()
        st.write(
            _(
                "Fill in the boxes in the numbered order. Leave a box blank until you know what to write: "
                "that is part of the method. It takes about {minutes} minutes."
            ).format(minutes=template.minutes)
        )
        if editing.from_idea and not versions:
            st.info(_("The first boxes come from your idea. Change anything you like."), icon=":material/lightbulb:")
        filled = filled_boxes(current, main_fields)
        st.progress(filled / len(main_fields), text=_("{filled} of {total} boxes filled").format(
            filled=filled, total=len(main_fields)
        ))  # fmt: skip
        hints: dict[str, list[str]] = {}
        for hint in hints_for_canvas(current):
            hints.setdefault(hint.field, []).append(hint.message)
        comments = comments_for(st.session_state[f"{KEY}::seen"])
        guide_column, poster_column = st.columns(2)
        guidance = guide_column.toggle(_("Show the questions for each box"), value=filled < len(main_fields),
                                       key=f"{KEY}::guide")  # fmt: skip
        # The poster: the canvas as it will print, text only; the typed text stays in the boxes meanwhile.
        if poster_column.toggle(_("See it as a poster"), key=f"{KEY}::poster"):
            boxes.layout(lambda box: boxes.readonly_box(box, current, comments))
        else:
            boxes.layout(lambda box: boxes.editable_box(box, hints, comments, guidance))
        conflict = st.session_state.get(f"{KEY}::conflict")
        if conflict is not None:
            boxes.show_conflict(conflict, current)
        note_column, save_column = st.columns([2, 1], vertical_alignment="bottom")  # room for French labels
        note = note_column.text_input(
            _("Note for this version (optional)"), key=f"{KEY}::note", max_chars=500,
            placeholder=_("Why did you change it? For example: pivot to municipalities as customers"),
        )  # fmt: skip
        if save_column.button(_("Save a new version"), type="primary", key=f"{KEY}::save", icon=":material/save:",
                              width="stretch"):  # fmt: skip
            save(current, note)
        if unsaved:
            st.caption(_("You have unsaved changes."))
        web.guard_unsaved_changes(unsaved)
        if versions:
            st.page_link("pages/deck.py", label=_("Go on to the pitch deck"), icon=":material/arrow_forward:")
    elif not versions:
        st.info(_("The founders have not saved a canvas yet."), icon=":material/hourglass_empty:")
    else:
        numbers = [version.number for version in versions]
        shown = st.selectbox(
            _("Version"), numbers, format_func=lambda number: _("Version {number}").format(number=number),
            key=f"{KEY}::view",
        )  # fmt: skip
        snapshot = by_number[shown]
        saved_on = format_moment(snapshot.created_at)
        saved = (
            _("Saved by {name} on {date}").format(name=snapshot.author, date=saved_on)
            if snapshot.author
            else _("Saved on {date}").format(date=saved_on)
        )
        st.caption(escape_markdown(f"{saved} · {version_note_label(snapshot.note)}" if snapshot.note else saved))
        filled = filled_boxes(snapshot.fields, main_fields)
        st.progress(filled / len(main_fields), text=_("{filled} of {total} boxes filled").format(
            filled=filled, total=len(main_fields)
        ))  # fmt: skip
        comments = comments_for(shown)
        boxes.layout(lambda box: boxes.readonly_box(box, snapshot.fields, comments))
        if may_comment:
            with st.form(f"{KEY}::comment", clear_on_submit=False):
                st.markdown("**" + _("Comment on a box of version {number}").format(number=shown) + "**")
                box_field = st.selectbox(
                    _("Box"), [box.field for box in template.in_filling_order()],
                    format_func=template.field_title, key=f"{KEY}::comment_box",
                )  # fmt: skip
                body = st.text_area(_("Your comment"), key=f"{KEY}::comment_body", max_chars=2000)
                if st.form_submit_button(_("Add the comment"), icon=":material/add_comment:"):
                    if web.act(add_canvas_comment, slug, shown, box_field, body):
                        web.flash(_("Your comment is added. The founders see it beside the box."))
                        web.forget_widgets(f"{KEY}::comment_body")
                        st.rerun()
    st.caption(escape_markdown(template.credit))

with history_tab:
    if not versions:
        st.info(_("No version saved yet."))
    else:
        st.dataframe(
            [
                {
                    _("Version"): version.number,
                    _("Saved"): format_moment(version.created_at),
                    _("By"): version.author or "—",
                    _("Note"): version_note_label(version.note),
                }
                for version in versions
            ],
            hide_index=True,
            width="stretch",
        )
        numbers = [version.number for version in versions]
        left, right = st.columns(2)
        # Keyed by the newest number, so a new save compares the two newest versions again.
        older = left.selectbox(
            _("Compare version"), numbers, index=min(1, len(numbers) - 1), key=f"{KEY}::older::{numbers[0]}"
        )
        newer = right.selectbox(_("with version"), numbers, index=0, key=f"{KEY}::newer::{numbers[0]}")
        changes = compare_canvases(by_number[older].fields, by_number[newer].fields)
        unchanged = [template.field_title(change.field) for change in changes if not change.changed]
        for change in (change for change in changes if change.changed):
            with st.container(border=True):
                st.markdown(f"**{escape_markdown(template.field_title(change.field))}**")
                left, right = st.columns(2)
                left.caption(_("Version {number}").format(number=older))
                left.html(diff_html(change.pieces, show="old"))
                right.caption(_("Version {number}").format(number=newer))
                right.html(diff_html(change.pieces, show="new"))
        if unchanged:
            st.caption(escape_markdown(_("Unchanged: {boxes}").format(boxes=", ".join(unchanged))))
        if sees_comments:
            with web.database().read() as session:
                all_comments = list_all_canvas_comments(session, actor, slug)
            st.markdown("**" + _("Mentors’ comments on every version") + "**")
            if not all_comments:
                st.caption(_("No comment yet."))
            else:
                rows = [
                    {
                        _("Version"): number,
                        _("Box"): template.field_title(comment.box),
                        _("By"): comment.author.display_name if comment.author else "—",
                        _("Comment"): comment.body,
                        _("Resolved"): comment.resolved_at is not None,
                    }
                    for number, comment in all_comments
                ]
                st.dataframe(rows, hide_index=True, width="stretch")
        if may_edit:
            restore_column, button_column = st.columns([3, 1], vertical_alignment="bottom")
            to_restore = restore_column.selectbox(
                _("Restore an old version"), numbers[1:] or numbers, key=f"{KEY}::restore"
            )
            if button_column.button(
                _("Restore as a new version"), key=f"{KEY}::restore_button", icon=":material/restore:"
            ):
                newest_number = by_number[numbers[0]].number
                if restored := web.act(restore_canvas_version, slug, to_restore, newest_number):
                    restored_fields, restored_number = restored.value.boxes(), restored.value.number
                    boxes.load_on_next_run(restored_fields, restored_number)
                    web.flash(
                        _("Version {old} is restored as version {new}.").format(old=to_restore, new=restored_number)
                    )
                    st.rerun()

pdf_version = None if may_edit else st.session_state.get(f"{KEY}::view")  # the version on screen
shown_version = web.read(canvas_print, slug, pdf_version).version
language_column, button_column = st.columns([1, 2], vertical_alignment="bottom")
pdf_language = web.document_language(f"{KEY}::pdf_language", language_column)
button_column.download_button(
    _("Download the canvas as PDF"),
    data=web.download_in(pdf_language, canvas_pdf, slug, pdf_version),
    file_name=canvas_file_name(slug, shown_version),
    mime="application/pdf",
    icon=":material/picture_as_pdf:",
    key=f"{KEY}::pdf",
    on_click="ignore",
)
