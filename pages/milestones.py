"""Milestones: founders keep their plan in a table; everyone who may see the startup sees the timeline."""

import datetime as dt

import pandas as pd
import streamlit as st

from incubator import web
from incubator.core.formatting import date_input_pattern
from incubator.core.i18n import _
from incubator.core.labels import milestone_status_label
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import MilestoneStatus
from incubator.progress.milestones import MilestoneDraft, list_milestones, save_milestones
from incubator.progress.rules import is_overdue
from incubator.reports.charts import milestone_timeline_chart
from incubator.startups.profiles import open_startup
from incubator.web.milestone_list import show_milestone_list

actor = web.require_actor()
st.title(_("Milestones"))
web.show_flash()
slug = web.choose_startup(actor)
today = dt.date.today()

with web.database().read() as session:
    milestones = list_milestones(session, actor, slug)
    may_edit = open_startup(session, actor, slug).may_edit_work

overdue = [milestone.title for milestone in milestones if is_overdue(milestone.status, milestone.due, today)]
if overdue:
    st.warning(_("Overdue: {titles}").format(titles=escape_markdown(", ".join(overdue))), icon=":material/alarm:")

timeline = [(m.title, m.due, m.status.value, milestone_status_label(m.status)) for m in milestones]
if any(due for _title, due, _status, _label in timeline):
    st.altair_chart(milestone_timeline_chart(timeline, today), width="stretch")

if not may_edit:  # readers get every text whole; the table below is the founders' editor
    show_milestone_list(milestones, today)
    st.stop()

statuses = [status.value for status in MilestoneStatus]
table = pd.DataFrame(
    [
        {"id": m.id, "title": m.title, "due": m.due, "status": m.status.value, "done_on": m.done_on,
         "overdue": "⚠" if is_overdue(m.status, m.due, today) else "", "description": m.description}
        for m in milestones
    ],
    columns=["id", "title", "due", "status", "done_on", "overdue", "description"],
).astype({"due": "datetime64[ns]", "done_on": "datetime64[ns]"})  # fmt: skip
columns = {
    "id": None,
    # Widths that add up to less than the table at 1280 px, so Description is never pushed off the right edge.
    "title": st.column_config.TextColumn(_("Milestone"), required=True, max_chars=200, width=250),
    "due": st.column_config.DateColumn(_("Due"), format=date_input_pattern()),
    "status": st.column_config.SelectboxColumn(
        _("Status"),
        options=statuses,
        required=True,
        default="planned",
        format_func=lambda status: milestone_status_label(str(status)),
    ),
    "done_on": st.column_config.DateColumn(_("Done on"), format=date_input_pattern()),
    "overdue": st.column_config.TextColumn(_("Overdue"), disabled=True, width="small"),
    "description": st.column_config.TextColumn(_("Description"), max_chars=5000, width=180),
}
st.caption(
    _(
        "Add a row for a new milestone; select rows and press Delete to remove them; double-click a cell to see"
        " or change all of its text. Then save."
    )
)
edited = st.data_editor(
    table,
    column_config=columns,
    hide_index=True,
    num_rows="dynamic",
    width="stretch",
    key=f"milestones::{slug}",
    placeholder="",  # an empty date is an empty cell, not "None"
)


def _date(value: object) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(str(value)).date()


if st.button(_("Save the milestones"), type="primary", key=f"save_milestones::{slug}", icon=":material/save:"):
    drafts = [
        MilestoneDraft(
            title=str(row["title"] or "") if not pd.isna(row["title"]) else "",
            description=str(row["description"]) if not pd.isna(row["description"]) else "",
            due=_date(row["due"]), status=str(row["status"] or "planned"), done_on=_date(row["done_on"]),
            id=int(row["id"]) if not pd.isna(row["id"]) else None,
        )
        for _index, row in edited.iterrows()
    ]  # fmt: skip
    if web.act(save_milestones, slug, drafts):
        web.flash(_("The milestones are saved."))
        web.forget_widgets(f"milestones::{slug}")
        st.rerun()
