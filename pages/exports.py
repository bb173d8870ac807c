"""Coordinator's exports: CSV files for spreadsheets, and the whole incubator as a bundle, out and in."""

import streamlit as st

from incubator import ui
from incubator.bundle_export import bundle_to_json, export_bundle
from incubator.bundle_import import import_bundle
from incubator.bundle_schema import parse_bundle
from incubator.csv_exports import metrics_csv, milestones_csv, scores_csv, startups_csv
from incubator.errors import IncubatorError
from incubator.i18n import _
from incubator.models import Role

actor = ui.require_actor(Role.COORDINATOR)
st.title(_("Exports and imports"))
ui.show_flash()

st.subheader(_("Spreadsheets"))
st.caption(_("CSV files in UTF-8 with a header row; they open with accents intact in spreadsheet programs."))
downloads = (
    (_("Startups"), "startups.csv", startups_csv),
    (_("Milestones"), "milestones.csv", milestones_csv),
    (_("Metric values"), "metrics.csv", metrics_csv),
    (_("Scores"), "scores.csv", scores_csv),
)
for column, (label, file_name, build) in zip(st.columns(len(downloads)), downloads, strict=True):

    def _data(build=build) -> bytes:
        with ui.database().read() as session:
            return build(session, actor)

    column.download_button(label, data=ui.in_current_language(_data), file_name=file_name, mime="text/csv",
                           icon=":material/table:", key=f"csv_{file_name}")  # fmt: skip

st.subheader(_("Bundle"))
st.caption(_("Everything in the shared bundle format, to move data to another incubator or tool. Never any password."))


def _bundle() -> bytes:
    with ui.database().read() as session:
        return bundle_to_json(export_bundle(session, actor)).encode("utf-8")


st.download_button(_("Download the bundle"), data=ui.in_current_language(_bundle), file_name="incubator-bundle.json",
                   mime="application/json", icon=":material/download:", key="bundle_download")  # fmt: skip

with st.form("bundle_upload"):
    upload = st.file_uploader(_("Import a bundle (checked whole: one problem and nothing is imported)"), type=["json"])
    if st.form_submit_button(_("Import"), icon=":material/upload:"):
        if upload is None:
            st.error(_("Choose a file first."))
        else:
            try:
                document = parse_bundle(upload.getvalue())
                with ui.database().write() as session:
                    report = import_bundle(session, actor, document)
            except IncubatorError as error:
                ui.show_error(error)
            else:
                ui.flash(_("Imported: {summary}").format(summary=report.summary()))
                st.rerun()
