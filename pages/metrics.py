"""Traction metrics: define them, enter values one at a time or by CSV, and see each one's chart and growth."""

import datetime as dt

import streamlit as st

from incubator import web
from incubator.core.formatting import date_input_pattern, format_day, format_growth, format_number
from incubator.core.i18n import _, ngettext
from incubator.core.markup import escape_markdown
from incubator.progress.csv_values import VALUE_LIMIT
from incubator.progress.metrics import define_metric, import_metric_csv, list_metrics, metric_series, record_value
from incubator.progress.rules import month_over_month_growth
from incubator.reports.charts import metric_chart
from incubator.startups.profiles import open_startup

actor = web.require_actor()
st.title(_("Traction"))
web.show_flash()
slug = web.choose_startup(actor)

with web.database().read() as session:
    metrics = list_metrics(session, actor, slug)
    series = metric_series(session, actor, slug)
    may_edit = open_startup(session, actor, slug).may_edit_work

units = {metric.name: metric.unit for metric in metrics}
if not metrics:
    st.info(_("No metric yet. Pick the few numbers that show progress, such as bookings per week."))
for metric in metrics:
    points = series.get(metric.name, [])
    with st.container(border=True):
        if points:
            st.altair_chart(metric_chart(points, metric.name, metric.unit), width="stretch")
            growth = month_over_month_growth(points)
            latest_day, latest = points[-1]
            st.caption(
                escape_markdown(
                    _("Latest: {value} {unit} on {date}").format(
                        value=format_number(latest), unit=metric.unit, date=format_day(latest_day)
                    )
                    + (
                        " · " + _("month over month: {growth}").format(growth=format_growth(growth))
                        if growth is not None
                        else ""
                    )
                )
            )
        else:
            st.markdown(f"**{escape_markdown(metric.name)}**")
            st.caption(_("No value yet."))

if may_edit:
    left, right = st.columns(2)
    with left, st.form(f"value_{slug}"):
        st.markdown("**" + _("Add a value") + "**")
        name = st.selectbox(_("Metric"), list(units), key=f"value_metric_{slug}", disabled=not units)
        on_date = st.date_input(_("Date"), value=dt.date.today(), key=f"value_date_{slug}", format=date_input_pattern())
        value = st.number_input(
            _("Value"),
            value=None,
            min_value=-VALUE_LIMIT,
            max_value=VALUE_LIMIT,
            key=f"value_number_{slug}",
            placeholder="0",
        )
        if st.form_submit_button(_("Add"), disabled=not units):
            if value is None:
                st.error(_("Please enter a value."))
            else:
                if web.act(record_value, slug, str(name), on_date, float(value)):
                    web.flash(_("Saved."))
                    st.rerun()
    with right, st.form(f"metric_{slug}"):
        st.markdown("**" + _("Track a new metric") + "**")
        new_name = st.text_input(_("Name"), key=f"metric_name_{slug}", max_chars=200, placeholder=_("Bookings"))
        unit = st.text_input(_("Unit"), key=f"metric_unit_{slug}", max_chars=20, placeholder=_("per week, €, %"))
        negative = st.checkbox(_("May be negative (such as profit)"), key=f"metric_negative_{slug}")
        if st.form_submit_button(_("Add the metric")):
            if web.act(define_metric, slug, new_name, unit, negative):
                web.flash(_("You now track “{name}”.").format(name=new_name.strip()))
                web.forget_widgets(f"metric_name_{slug}", f"metric_unit_{slug}")
                st.rerun()
    with st.form(f"csv_{slug}"):
        st.markdown("**" + _("Upload values from a CSV file") + "**")
        st.caption(
            _(
                "Columns: metric, date, value. Save it from Excel as “CSV UTF-8”: comma-separated with 1234.5 and "
                "2027-03-31, or semicolon-separated as French and Dutch Excel write it, with 1234,5 and 31/03/2027. "
                "One bad row and nothing is saved: every problem is listed."
            )
        )
        upload = st.file_uploader(_("CSV file"), type=["csv", "txt", "tsv"], key=f"csv_file_{slug}")
        if st.form_submit_button(_("Save the values from the file"), type="primary", icon=":material/upload_file:"):
            if upload is None:
                st.error(_("Choose a file first."))
            else:
                if count := web.act(import_metric_csv, slug, upload.getvalue()):
                    web.flash(
                        ngettext("{count} value saved.", "{count} values saved.", count.value).format(count=count.value)
                    )
                    st.rerun()
