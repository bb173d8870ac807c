"""Milestones to read (mentors and coordinators): every title and description whole, unlike a table's cells."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from incubator.core.formatting import format_day
from incubator.core.i18n import _
from incubator.core.labels import milestone_status_label
from incubator.core.markup import escape_markdown
from incubator.db.models import Milestone
from incubator.progress.rules import is_overdue

STATUS_ICONS = {
    "planned": ":material/radio_button_unchecked:",
    "in_progress": ":material/play_circle:",
    "done": ":material/check_circle:",
    "blocked": ":material/block:",
    "dropped": ":material/do_not_disturb_on:",
}


def show_milestone_list(milestones: Sequence[Milestone], today: dt.date) -> None:
    """List the milestones in due order: status, title, dates, then the description as written."""
    if not milestones:
        st.info(_("No milestones yet."), icon=":material/flag:")
        return
    for milestone in milestones:
        with st.container(border=True, gap=None):
            st.markdown(f"{STATUS_ICONS[milestone.status.value]} **{escape_markdown(milestone.title)}**")
            st.caption(" · ".join(_facts(milestone, today)))
            if milestone.description:
                st.text(milestone.description)


def _facts(milestone: Milestone, today: dt.date) -> list[str]:
    facts = [milestone_status_label(milestone.status)]
    if milestone.due:
        facts.append(_("due {day}").format(day=format_day(milestone.due)))
    if milestone.done_on:
        facts.append(_("done on {day}").format(day=format_day(milestone.done_on)))
    if is_overdue(milestone.status, milestone.due, today):
        facts.append(_("overdue"))
    return facts
