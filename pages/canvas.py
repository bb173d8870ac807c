"""The lean canvas: founders fill it in with guidance and save versions; mentors read and comment; anyone who
may see it compares versions and downloads the PDF."""

import streamlit as st

from incubator import ui
from incubator.canvas_comments import (
    add_canvas_comment,
    list_all_canvas_comments,
    list_canvas_comments,
    resolve_canvas_comment,
)
from incubator.canvas_diff import compare_canvases
from incubator.canvas_export import canvas_file_name, canvas_print
from incubator.canvas_hints import filled_boxes, hints_for_canvas, is_blank
from incubator.canvas_pdf import build_canvas_pdf
from incubator.canvas_template import CanvasBox, canvas_template
from incubator.canvases import (
    CanvasSnapshot,
    canvas_for_editing,
    list_canvas_versions,
    restore_canvas_version,
    save_canvas,
)
from incubator.errors import IncubatorError, NothingChanged, StaleEdit
from incubator.fields import LONG_TEXT_LIMIT
from incubator.formatting import format_day, format_moment, format_number
from incubator.i18n import _
from incubator.labels import version_note_label
from incubator.markup import diff_html, escape_markdown
from incubator.models import CANVAS_FIELDS
from incubator.permissions import can_edit_startup_work, is_founder_of, is_mentor_of
from incubator.startups import get_startup

actor = ui.require_actor()
template = canvas_template()
st.title(template.title)
ui.show_flash()
slug = ui.choose_startup(actor)

with ui.database().read() as session:
    startup = get_startup(session, actor, slug)
    may_edit = can_edit_startup_work(session, actor, startup)
    may_comment = is_mentor_of(session, actor, startup)
    sees_comments = may_comment or is_founder_of(session, actor, startup)
    versions = [CanvasSnapshot.of(version) for version in list_canvas_versions(session, actor, slug)]
    editing = canvas_for_editing(session, actor, slug)

by_number = {version.number: version for version in versions}
KEY = f"canvas::{slug}"  # widget and state keys of this startup's canvas


def draft_key(field: str) -> str:
    return f"{KEY}::{field}"


def drafts() -> dict[str, str]:
    return {field: st.session_state.get(draft_key(field), "") for field in CANVAS_FIELDS}


def load_on_next_run(fields: dict[str, str], version: int) -> None:
    """Ask the next run to put this text in the boxes (a box cannot change once drawn in this run)."""
    st.session_state[f"{KEY}::load"] = (dict(fields), version)


def load_into_form(fields: dict[str, str], version: int) -> None:
    for field in CANVAS_FIELDS:
        st.session_state[draft_key(field)] = fields.get(field, "")
    st.session_state[f"{KEY}::base"] = dict(fields)
    st.session_state[f"{KEY}::seen"] = version


def layout(render_box) -> None:
    """Draw the boxes in the standard lean canvas layout, calling render_box(box) in each place."""
    columns = st.columns(5, gap="small")
    for column, positions in zip(
        columns,
        (["top-1"], ["top-2-upper", "top-2-lower"], ["top-3"], ["top-4-upper", "top-4-lower"], ["top-5"]),
        strict=True,
    ):
        with column:
            for position in positions:
                render_box(template.at(position))
    for column, position in zip(st.columns(2, gap="small"), ["bottom-left", "bottom-right"], strict=True):
        with column:
            render_box(template.at(position))


def comments_on(box: CanvasBox, comments: list) -> None:
    for comment in (comment for comment in comments if comment.box in box.fields):
        with st.container(border=True):
            author = comment.author.display_name if comment.author else _("a former mentor")
            state = _("resolved") if comment.resolved_at else _("open")
            st.caption(
                f":material/forum: {escape_markdown(author)} · {format_day(comment.created_at.date())} · {state}"
            )
            st.text(comment.body)
            if (
                may_edit
                and comment.resolved_at is None
                and st.button(_("Mark resolved"), key=f"resolve_{comment.id}", icon=":material/check:")
            ):
                with ui.writing() as session:
                    resolve_canvas_comment(session, actor, slug, comment.id)
                if not ui.last_write_failed():
                    st.rerun()


def editable_box(box: CanvasBox, hints: dict[str, list[str]], comments: list, guidance: bool) -> None:
    with st.container(border=True):
        st.markdown(f"**{box.order}. {escape_markdown(box.title)}**", help=box.prompt)
        if guidance:
            st.caption(escape_markdown(box.prompt))
        for field, label, example, height in (
            (box.field, box.title, box.example, 150),
            (box.sub_field, box.sub_title, box.sub_example, 80),
        ):
            if field is None:
                continue
            if field != box.field:
                st.markdown(f"**{escape_markdown(label)}**", help=box.sub_prompt)
                if guidance:
                    st.caption(escape_markdown(box.sub_prompt))
            text = st.text_area(
                label, key=draft_key(field), height=height, placeholder=_("For example: ") + example,
                label_visibility="collapsed", persist_state="session",
            )  # fmt: skip
            if len(text) > LONG_TEXT_LIMIT * 0.9:
                over = len(text) > LONG_TEXT_LIMIT
                count = f"{format_number(len(text))} / {format_number(LONG_TEXT_LIMIT)}"
                st.caption(f":red[{count}]" if over else count)
            for message in hints.get(field, []):
                st.caption(f":material/lightbulb: {escape_markdown(message)}")
        if is_blank(st.session_state.get(draft_key(box.field))):
            st.caption(_("Still to explore"))
        comments_on(box, comments)


def readonly_box(box: CanvasBox, fields: dict[str, str], comments: list) -> None:
    with st.container(border=True):
        st.markdown(f"**{box.order}. {escape_markdown(box.title)}**", help=box.prompt)
        for field, label in ((box.field, ""), (box.sub_field, box.sub_title)):
            if field is None:
                continue
            if label:
                st.markdown(f"**{escape_markdown(label)}**")
            if is_blank(fields.get(field)):
                st.caption(_("Still to explore"))
            else:
                st.text(fields[field])
        comments_on(box, comments)


def comments_for(number: int) -> list:
    if not sees_comments or not number:
        return []
    with ui.database().read() as session:
        return list_canvas_comments(session, actor, slug, number)


def save(fields: dict[str, str], note: str) -> None:
    seen = st.session_state[f"{KEY}::seen"]
    try:
        with ui.database().write() as session:
            version = save_canvas(session, actor, slug, fields, seen, note=note)
            number = version.number
    except StaleEdit as error:
        st.session_state[f"{KEY}::conflict"] = error.current
        # The founder has now been shown the newer version: the next save may go on top of it.
        st.session_state[f"{KEY}::seen"] = error.current.number if error.current else seen
        st.rerun()  # the comparison is drawn above the save button
    except NothingChanged as error:
        st.info(str(error), icon=":material/info:")
        return
    except IncubatorError as error:
        ui.show_error(error)
        return
    st.session_state.pop(f"{KEY}::conflict", None)
    st.session_state[f"{KEY}::base"] = dict(fields)
    st.session_state[f"{KEY}::seen"] = number
    ui.forget_widgets(f"{KEY}::note")
    ui.flash(_("Saved as version {number}.").format(number=number))
    st.rerun()


def show_conflict(theirs: CanvasSnapshot, mine: dict[str, str]) -> None:
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
            title = escape_markdown(template.field_title(change.field))
            left.caption(title)
            left.html(diff_html(change.pieces, show="old"))
            right.caption(title)
            right.html(diff_html(change.pieces, show="new"))
    if st.button(_("Use their version instead of mine"), key=f"{KEY}::take_theirs"):
        load_on_next_run(theirs.fields, theirs.number)
        st.session_state.pop(f"{KEY}::conflict", None)
        st.rerun()


canvas_tab, history_tab = st.tabs([_("Canvas"), _("History and comparison")])

with canvas_tab:
    main_fields = [box.field for box in template.boxes]
    if may_edit:
        if f"{KEY}::load" in st.session_state:
            load_into_form(*st.session_state.pop(f"{KEY}::load"))
        if f"{KEY}::seen" not in st.session_state:
            load_into_form(editing.fields, editing.version)
        unsaved = drafts() != st.session_state[f"{KEY}::base"]
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
                load_into_form(newest.fields, newest.number)
        current = drafts()
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
        guidance = st.toggle(_("Show the questions for each box"), value=filled < len(main_fields), key=f"{KEY}::guide")
        layout(lambda box: editable_box(box, hints, comments, guidance))
        conflict = st.session_state.get(f"{KEY}::conflict")
        if conflict is not None:
            show_conflict(conflict, current)
        note_column, save_column = st.columns([3, 1], vertical_alignment="bottom")
        note = note_column.text_input(
            _("Note for this version (optional)"), key=f"{KEY}::note", max_chars=500,
            placeholder=_("Why did you change it? For example: pivot to municipalities as customers"),
        )  # fmt: skip
        if save_column.button(_("Save a new version"), type="primary", key=f"{KEY}::save", icon=":material/save:"):
            save(current, note)
        if unsaved:
            st.caption(_("You have unsaved changes."))
        ui.guard_unsaved_changes(unsaved)
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
        layout(lambda box: readonly_box(box, snapshot.fields, comments))
        if may_comment:
            with st.form(f"{KEY}::comment", clear_on_submit=False):
                st.markdown("**" + _("Comment on a box of version {number}").format(number=shown) + "**")
                box_field = st.selectbox(
                    _("Box"), [box.field for box in template.in_filling_order()],
                    format_func=template.field_title, key=f"{KEY}::comment_box",
                )  # fmt: skip
                body = st.text_area(_("Your comment"), key=f"{KEY}::comment_body", max_chars=2000)
                if st.form_submit_button(_("Add the comment"), icon=":material/add_comment:"):
                    with ui.writing() as session:
                        add_canvas_comment(session, actor, slug, shown, box_field, body)
                    if not ui.last_write_failed():
                        ui.flash(_("Your comment is added. The founders see it beside the box."))
                        ui.forget_widgets(f"{KEY}::comment_body")
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
            with ui.database().read() as session:
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
                try:
                    with ui.database().write() as session:
                        restored = restore_canvas_version(
                            session, actor, slug, to_restore, by_number[numbers[0]].number
                        )
                        restored_fields, restored_number = restored.boxes(), restored.number
                except IncubatorError as error:
                    ui.show_error(error)
                else:
                    load_on_next_run(restored_fields, restored_number)
                    ui.flash(
                        _("Version {old} is restored as version {new}.").format(old=to_restore, new=restored_number)
                    )
                    st.rerun()

pdf_version = None if may_edit else st.session_state.get(f"{KEY}::view")  # the version on screen


def _canvas_pdf() -> bytes:
    # Read inside the job: the box titles come from the template in the document's language.
    with ui.database().read() as session:
        return build_canvas_pdf(canvas_print(session, actor, slug, pdf_version))


with ui.database().read() as session:
    shown_version = canvas_print(session, actor, slug, pdf_version).version
language_column, button_column = st.columns([1, 2], vertical_alignment="bottom")
pdf_language = ui.document_language(f"{KEY}::pdf_language", language_column)
button_column.download_button(
    _("Download the canvas as PDF"),
    data=ui.in_language(pdf_language, _canvas_pdf),
    file_name=canvas_file_name(slug, shown_version),
    mime="application/pdf",
    icon=":material/picture_as_pdf:",
    key=f"{KEY}::pdf",
)
