"""The cohort dashboard: which startups move and which have stalled (coordinators: a cohort; mentors: theirs)."""

import streamlit as st

from incubator import web
from incubator.core.csv_files import csv_download
from incubator.core.formatting import date_input_pattern, format_share
from incubator.core.i18n import _, ngettext
from incubator.core.labels import stage_label
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role, Stage
from incubator.progress.dashboard import DEFAULT_STALE_DAYS, cohort_dashboard
from incubator.progress.milestones import apply_plan, list_plans, load_plan
from incubator.reports.charts import milestones_done_chart, stage_distribution_chart
from incubator.reports.journey import visible_paths
from incubator.startups.cohorts import list_cohorts
from incubator.web.journey_view import path_summary

actor = web.require_actor(Role.COORDINATOR, Role.MENTOR)
st.title(_("Cohort dashboard"))
web.show_flash()

cohort_slug = None
if actor.is_coordinator:
    with web.database().read() as session:
        cohorts = {cohort.slug: cohort.name for cohort in list_cohorts(session, actor)}
    if not cohorts:
        st.info(_("There is no cohort yet."))
        st.stop()
    cohort_slug = str(
        st.selectbox(_("Cohort"), list(cohorts), format_func=lambda key: cohorts[key], key="board_cohort")
    )
stale_days = st.number_input(
    _("Flag a startup after this many days without a metric update or mentor feedback"),
    min_value=1, max_value=365, value=DEFAULT_STALE_DAYS, step=1, key="stale_days",
)  # fmt: skip

with web.database().read() as session:
    board = cohort_dashboard(session, actor, cohort_slug, int(stale_days))
    paths = visible_paths(session, actor)

flags = {
    row.slug: " · ".join(
        flag
        for flag, raised in ((_("no update"), row.no_recent_update), (_("no feedback"), row.no_recent_feedback))
        if raised
    )
    for row in board.rows
}
rows = [
    {
        _("Startup"): row.name,
        _("Stage"): stage_label(row.stage),
        _("Path"): path_summary(paths[row.slug]) if row.slug in paths else "—",
        _("Milestones done"): format_share(row.share_done) if row.share_done is not None else "—",
        _("Overdue"): row.overdue,
        _("Metrics last updated"): row.last_metric,
        _("Latest feedback"): row.last_feedback,
        _("Flags"): flags[row.slug],
    }
    for row in board.rows
]
# Startups to look at first, by name, above the table: a flags column was the one cut off at 1366 px.
flagged = [f"{escape_markdown(row.name)} ({flags[row.slug]})" for row in board.rows if flags[row.slug]]
if flagged:
    st.warning(
        _("Needs attention: {startups}").format(startups="; ".join(flagged)),
        icon=":material/flag:",
    )
# Real dates, so the columns sort by date; shown day first, as the reader's language writes them.
dates = {
    name: st.column_config.DateColumn(format=date_input_pattern())
    for name in (_("Metrics last updated"), _("Latest feedback"))
}
st.dataframe(
    rows, hide_index=True, width="stretch", placeholder="—",
    column_config=dates | {_("Flags"): None},
)  # fmt: skip
dashboard_csv = csv_download(list(rows[0]) if rows else [], [list(row.values()) for row in rows])
st.download_button(
    _("Download as CSV"), web.prepared_download(dashboard_csv),
    file_name=f"dashboard-{cohort_slug or 'mine'}.csv",
    mime="text/csv", icon=":material/download:", disabled=not rows, key="dashboard_csv", on_click="ignore",
)  # fmt: skip

left, right = st.columns(2)
with left:
    st.header(_("Stages"))
    counts = {stage_label(stage): sum(1 for row in board.rows if row.stage is stage) for stage in Stage}
    st.altair_chart(stage_distribution_chart(counts), width="stretch")
with right:
    st.header(_("Milestones done over time"))
    if board.done_dates:
        st.altair_chart(milestones_done_chart(board.done_dates), width="stretch")
    else:
        st.caption(_("No milestone is done yet."))

if actor.is_coordinator and cohort_slug:
    with st.form("apply_plan"):
        plans = {name: load_plan(name)[0] for name in list_plans()}
        plan = st.selectbox(_("Apply a milestone plan to every startup of this cohort"), list(plans),
                            format_func=lambda key: plans[key], key="plan_name")  # fmt: skip
        if st.form_submit_button(_("Apply the plan")):
            if added := web.act(apply_plan, cohort_slug, str(plan)):
                added_text = ngettext(
                    "{count} milestone added (steps a startup already had were skipped).",
                    "{count} milestones added (steps a startup already had were skipped).",
                    added.value,
                )
                web.flash(added_text.format(count=added.value))
                st.rerun()
