"""Coordinator's exports: CSV files for spreadsheets, and the whole incubator as a bundle, out and in."""

import streamlit as st

from incubator import web
from incubator.core.i18n import _
from incubator.core.vocabulary import Role
from incubator.exchange.bundle_export import bundle_file
from incubator.exchange.bundle_import import import_bundle_file
from incubator.exchange.csv_exports import metrics_csv, milestones_csv, scores_csv, startups_csv

web.require_actor(Role.COORDINATOR)
st.title(_("Exports and imports"))
web.show_flash()

st.header(_("Spreadsheets"))
st.caption(_("CSV files in UTF-8 with a header row; they open with accents intact in spreadsheet programs."))
downloads = (
    (_("Startups"), "startups.csv", startups_csv),
    (_("Milestones"), "milestones.csv", milestones_csv),
    (_("Metric values"), "metrics.csv", metrics_csv),
    (_("Scores"), "scores.csv", scores_csv),
)
for column, (label, file_name, build) in zip(st.columns(len(downloads)), downloads, strict=True):
    column.download_button(label, data=web.download(build), file_name=file_name, mime="text/csv",
                           icon=":material/table:", key=f"csv_{file_name}", on_click="ignore")  # fmt: skip

st.header(_("Bundle"))
st.caption(_("Everything in the shared bundle format, to move data to another incubator or tool. Never any password."))


st.download_button(_("Download the bundle"), data=web.download(bundle_file), file_name="incubator-bundle.json",
                   mime="application/json", icon=":material/download:", key="bundle_download",
                   on_click="ignore")  # fmt: skip

with st.form("bundle_upload"):
    upload = st.file_uploader(_("Import a bundle (checked whole: one problem and nothing is imported)"), type=["json"])
    if st.form_submit_button(_("Import"), icon=":material/upload:"):
        if upload is None:
            st.error(_("Choose a file first."))
        else:
            if report := web.act(import_bundle_file, upload.getvalue()):
                web.flash(_("Imported: {summary}").format(summary=report.value.summary()))
                st.rerun()
