"""Share a deck or one-pager with investors: a link per investor, and what each one read."""

import datetime as dt
import io

import pandas as pd
import segno
import streamlit as st

from incubator import web
from incubator.core.formatting import date_input_pattern, format_day, format_moment, format_share
from incubator.core.i18n import _, ngettext
from incubator.core.markup import escape_markdown
from incubator.reports.document_files import deck_print
from incubator.sharing.links import ShareRequest, create_share_link, revoke_share_link, share_address
from incubator.sharing.views import LinkReport, share_reports

actor = web.require_actor()
st.title(_("Share with investors"))
web.show_flash()
slug = web.choose_startup(actor)

WHAT = {"deck": _("The pitch deck"), "onepager": _("The one-pager")}
reports = web.read(share_reports, slug)
with st.expander(_("A new link"), expanded=not reports), st.form(f"share_{slug}", clear_on_submit=False):
    name_column, organisation_column = st.columns(2)
    viewer = name_column.text_input(_("Shared with"), max_chars=200, key=f"share_name_{slug}",
                                    placeholder=_("The investor's name, or a group"))  # fmt: skip
    organisation = organisation_column.text_input(_("Organisation"), max_chars=200, key=f"share_org_{slug}")
    email = st.text_input(_("Their email (optional)"), key=f"share_email_{slug}")
    what_column, expiry_column = st.columns(2)
    opens = what_column.radio(_("The link opens"), list(WHAT), format_func=WHAT.__getitem__, key=f"share_what_{slug}",
                              horizontal=True)  # fmt: skip
    expires = expiry_column.date_input(_("Last day it opens (optional)"), value=None, min_value=dt.date.today(),
                                       key=f"share_expires_{slug}", format=date_input_pattern())  # fmt: skip
    allow = st.checkbox(_("Allow downloading the PDF (with their name on every page)"), value=True,
                        key=f"share_download_{slug}")  # fmt: skip
    send = st.checkbox(_("Send the link to their email"), value=True, key=f"share_send_{slug}",
                       help=_("Only with an email above, and when the app sends e-mail."))  # fmt: skip
    passcode = st.text_input(_("Passcode (optional)"), type="password", key=f"share_passcode_{slug}",
                             help=_("Give it to them apart from the link: the page asks for it."))  # fmt: skip
    if st.form_submit_button(_("Make the link"), type="primary", icon=":material/link:"):
        request = ShareRequest(viewer, organisation, email, str(opens), bool(allow), expires, passcode, bool(send))
        if done := web.act(create_share_link, slug, request):
            st.session_state[f"share_new_{slug}"] = share_address(done.value.token, web.app_address())
            st.session_state[f"share_sent_{slug}"] = email.strip() if done.value.emailed else ""
            web.forget_widgets(*(f"share_{part}_{slug}" for part in ("name", "org", "email", "passcode")))
            st.rerun()

new_address = st.session_state.pop(f"share_new_{slug}", None)
if new_address:  # shown once: only its hash is kept
    st.success(_("The link is made. Copy it now: it is shown only this once."), icon=":material/check:")
    if sent_to := st.session_state.pop(f"share_sent_{slug}", ""):
        st.info(_("It is on its way to {email} too.").format(email=sent_to), icon=":material/mail:")
    st.code(new_address, language=None, wrap_lines=True)
    picture = io.BytesIO()
    segno.make(new_address, error="m").save(picture, kind="png", scale=6, border=2)
    st.image(picture.getvalue(), width=220, caption=_("The same link as a QR code"))

with web.database().read() as session:
    slide_count = len(deck_print(session, actor, slug).slides)
st.header(_("Links and what was read"))
if not reports:
    st.caption(_("No link yet."))


def _line(report: LinkReport) -> str:
    who = ", ".join(part for part in (report.viewer_name, report.organisation) if part)
    if report.revoked:
        state = _("withdrawn")
    elif report.expires_on is not None and report.expires_on < dt.date.today():
        state = _("expired")
    else:
        state = _("open until {day}").format(day=format_day(report.expires_on)) if report.expires_on else _("open")
    return f"**{escape_markdown(who)}** · {WHAT[report.opens]} · {state}"


for report in reports:
    with st.container(border=True, key=f"share_link_{report.link_id}"):
        st.markdown(_line(report))
        opened = ngettext("{count} open", "{count} opens", report.views).format(count=report.views)
        facts = [opened, _("last seen {moment}").format(moment=format_moment(report.last_seen))]
        if report.opens == "deck":
            facts.append(_("{share} of the slides seen").format(share=format_share(report.completion(slide_count))))
        facts.append(_("{seconds} s in all").format(seconds=round(report.total_seconds)))
        facts.append(_("downloaded") if report.downloaded else _("not downloaded"))
        st.caption(" · ".join(facts))
        if report.seconds_by_slide:
            chart = pd.DataFrame({_("Slide"): [str(slide) for slide in report.seconds_by_slide],
                                  _("Seconds"): list(report.seconds_by_slide.values())})  # fmt: skip
            st.bar_chart(chart, x=_("Slide"), y=_("Seconds"), height=180)
        if not report.revoked and st.button(_("Withdraw the link"), key=f"share_revoke_{report.link_id}",
                                            icon=":material/link_off:"):  # fmt: skip
            if web.act(revoke_share_link, report.link_id):
                web.flash(_("The link is withdrawn: it no longer opens."))
                st.rerun()
