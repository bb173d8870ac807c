"""Mentoring sessions: mentors log what they told a team and the actions agreed; founders read them and tick actions."""

import datetime as dt

import pandas as pd
import streamlit as st

from incubator import web
from incubator.core.formatting import date_input_pattern, format_day
from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.mentoring.sessions import ActionItemDraft, log_session, mentoring_screen, set_action_item_done

actor = web.require_actor()
st.title(_("Mentoring"))
web.show_flash()
slug = web.choose_startup(actor)

screen = web.read(mentoring_screen, slug)
logs, may_log, may_tick = screen.sessions, screen.may_log, screen.may_tick

if may_log:
    with st.expander(_("Log a session"), expanded=not logs, icon=":material/edit_note:"), st.form(f"log_{slug}"):
        held_on = st.date_input(_("Date"), value=dt.date.today(), key=f"log_date_{slug}", format=date_input_pattern())
        notes = st.text_area(
            _("What did you talk about, and what did you advise?"), key=f"log_notes_{slug}", height=140
        )
        st.caption(_("Action items: what the team will do, who does it, and by when."))
        items = st.data_editor(
            pd.DataFrame({"text": [""], "owner": [""], "due": [None]}).astype({"due": "datetime64[ns]"}),
            num_rows="dynamic", hide_index=True, width="stretch", key=f"log_items_{slug}",
            column_config={
                "text": st.column_config.TextColumn(_("Action"), max_chars=200, width="large"),
                "owner": st.column_config.TextColumn(_("Who"), max_chars=200),
                "due": st.column_config.DateColumn(_("Due"), format=date_input_pattern()),
            },
        )  # fmt: skip
        if st.form_submit_button(_("Save the session"), type="primary"):
            drafts = [
                ActionItemDraft(
                    text=str(row["text"] or ""), owner=str(row["owner"] or ""),
                    due=row["due"].date() if pd.notna(row["due"]) else None,
                )
                for _index, row in items.iterrows()
            ]  # fmt: skip
            if web.act(log_session, slug, held_on, notes, drafts):
                web.flash(_("The session is logged; the founders see it now."))
                web.forget_widgets(f"log_notes_{slug}", f"log_items_{slug}")
                st.rerun()

if not logs:
    st.info(_("No mentoring session is logged yet."))


def _tick(item_id: int, key: str) -> None:
    web.act(set_action_item_done, item_id, bool(st.session_state[key]))


for logged in logs:
    with st.container(border=True):
        mentor = logged.mentor.display_name if logged.mentor else _("a former mentor")
        st.markdown(f"**{format_day(logged.held_on)}** · {escape_markdown(mentor)}")
        st.text(logged.notes)
        for item in logged.action_items:
            details = " · ".join(part for part in (item.owner, format_day(item.due, "")) if part)
            key = f"item_{item.id}"
            st.checkbox(
                escape_markdown(item.text + (f" ({details})" if details else "")), value=item.done, key=key,
                on_change=_tick, args=(item.id, key), disabled=not may_tick,
            )  # fmt: skip
