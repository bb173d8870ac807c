"""Share with investors: a link per investor to a deck or one-pager (or, for coordinators, a demo day's booklet),
and what each one read."""

import datetime as dt
import io
from collections.abc import Callable

import pandas as pd
import segno
import streamlit as st

from incubator import web
from incubator.core.formatting import date_input_pattern, format_day, format_moment, format_share
from incubator.core.i18n import _, ngettext
from incubator.core.markup import escape_markdown
from incubator.deck.versions import deck_for_export
from incubator.judging.events import list_events
from incubator.sharing.links import (
    BOOKLET,
    IssuedShare,
    ShareRequest,
    create_booklet_link,
    create_share_link,
    revoke_share_link,
    share_address,
)
from incubator.sharing.views import LinkReport, booklet_share_reports, share_reports
from incubator.web.writes import Done

actor = web.require_actor()
st.title(_("Share with investors"))
web.show_flash()

WHAT = {"deck": _("The pitch deck"), "onepager": _("The one-pager"), BOOKLET: _("The demo-day booklet")}


def _form(key: str, opens: list[str], expanded: bool) -> ShareRequest | None:
    """Draw the new link's form; return what was asked when it is sent."""
    with st.expander(_("A new link"), expanded=expanded), st.form(f"share_{key}", clear_on_submit=False):
        name_column, organisation_column = st.columns(2)
        viewer = name_column.text_input(_("Shared with"), max_chars=200, key=f"share_name_{key}",
                                        placeholder=_("The investor's name, or a group"))  # fmt: skip
        organisation = organisation_column.text_input(_("Organisation"), max_chars=200, key=f"share_org_{key}")
        email = st.text_input(_("Their email (optional)"), key=f"share_email_{key}")
        what_column, expiry_column = st.columns(2)
        what = what_column.radio(_("The link opens"), opens, format_func=WHAT.__getitem__, key=f"share_what_{key}",
                                 horizontal=True)  # fmt: skip
        expires = expiry_column.date_input(_("Last day it opens (optional)"), value=None, min_value=dt.date.today(),
                                           key=f"share_expires_{key}", format=date_input_pattern())  # fmt: skip
        allow = st.checkbox(_("Allow downloading the PDF (with their name on every page)"), value=True,
                            key=f"share_download_{key}")  # fmt: skip
        send = st.checkbox(_("Send the link to their email"), value=True, key=f"share_send_{key}",
                           help=_("Only with an email above, and when the app sends e-mail."))  # fmt: skip
        passcode = st.text_input(_("Passcode (optional)"), type="password", key=f"share_passcode_{key}",
                                 help=_("Give it to them apart from the link: the page asks for it."))  # fmt: skip
        if st.form_submit_button(_("Make the link"), type="primary", icon=":material/link:"):
            return ShareRequest(viewer, organisation, email, str(what), bool(allow), expires, passcode, bool(send))
    return None


def _made(key: str, done: IssuedShare, email: str) -> None:
    st.session_state[f"share_new_{key}"] = share_address(done.token, web.app_address())
    st.session_state[f"share_sent_{key}"] = email.strip() if done.emailed else ""
    web.forget_widgets(*(f"share_{part}_{key}" for part in ("name", "org", "email", "passcode")))
    st.rerun()


def _new_address(key: str) -> None:
    address = st.session_state.pop(f"share_new_{key}", None)
    if not address:
        return
    # Shown once: only its hash is kept.
    st.success(_("The link is made. Copy it now: it is shown only this once."), icon=":material/check:")
    if sent_to := st.session_state.pop(f"share_sent_{key}", ""):
        st.info(_("It is on its way to {email} too.").format(email=sent_to), icon=":material/mail:")
    st.code(address, language=None, wrap_lines=True)
    picture = io.BytesIO()
    segno.make(address, error="m").save(picture, kind="png", scale=6, border=2)
    st.image(picture.getvalue(), width=220, caption=_("The same link as a QR code"))


def _line(report: LinkReport) -> str:
    who = ", ".join(part for part in (report.viewer_name, report.organisation) if part)
    if report.revoked:
        state = _("withdrawn")
    elif report.expires_on is not None and report.expires_on < dt.date.today():
        state = _("expired")
    else:
        state = _("open until {day}").format(day=format_day(report.expires_on)) if report.expires_on else _("open")
    return f"**{escape_markdown(who)}** · {WHAT[report.opens]} · {state}"


def _reports(reports: list[LinkReport], pages: int) -> None:
    st.header(_("Links and what was read"))
    if not reports:
        st.caption(_("No link yet."))
    for report in reports:
        with st.container(border=True, key=f"share_link_{report.link_id}"):
            st.markdown(_line(report))
            opened = ngettext("{count} open", "{count} opens", report.views).format(count=report.views)
            facts = [opened, _("last seen {moment}").format(moment=format_moment(report.last_seen))]
            if report.opens == "deck":
                facts.append(_("{share} of the slides seen").format(share=format_share(report.completion(pages))))
            facts.append(_("{seconds} s in all").format(seconds=round(report.total_seconds)))
            facts.append(_("downloaded") if report.downloaded else _("not downloaded"))
            st.caption(" · ".join(facts))
            if report.seconds_by_slide:
                chart = pd.DataFrame({_("Slide"): [str(slide) for slide in report.seconds_by_slide],
                                      _("Seconds"): list(report.seconds_by_slide.values())})  # fmt: skip
                st.bar_chart(chart, x=_("Slide"), y=_("Seconds"), height=180)
                # The same seconds in words, for whoever cannot see the chart.
                st.caption(" · ".join(_("slide {number}: {seconds} s").format(number=slide, seconds=round(seconds))
                                      for slide, seconds in report.seconds_by_slide.items()))  # fmt: skip
            if not report.revoked and st.button(_("Withdraw the link"), key=f"share_revoke_{report.link_id}",
                                                icon=":material/link_off:"):  # fmt: skip
                if web.act(revoke_share_link, report.link_id):
                    web.flash(_("The link is withdrawn: it no longer opens."))
                    st.rerun()


def _share(
    key: str, opens: list[str], reports: list[LinkReport], create: Callable[[ShareRequest], Done[IssuedShare] | None]
) -> None:
    request = _form(key, opens, expanded=not reports)
    if request is not None and (done := create(request)):
        _made(key, done.value, request.email)
    _new_address(key)


booklets = actor.is_coordinator and st.segmented_control(
    _("What to share"), ["startup", BOOKLET], default="startup", key="share_subject", required=True,
    format_func=lambda subject: _("A startup's documents") if subject == "startup" else _("A demo day's booklet"),
) == BOOKLET  # fmt: skip
if booklets:
    events = {event.slug: event.name for event in web.read(list_events)}
    if not events:
        st.info(_("There is no pitch event yet."))
        st.stop()
    event = str(st.selectbox(_("Pitch event"), list(events), format_func=events.__getitem__, key="share_event"))
    reports = web.read(booklet_share_reports, event)
    _share(f"event_{event}", [BOOKLET], reports,
           lambda request: web.act(create_booklet_link, event, request))  # fmt: skip
    _reports(reports, pages=0)
else:
    slug = web.choose_startup(actor)
    reports = web.read(share_reports, slug)
    _share(slug, ["deck", "onepager"], reports, lambda request: web.act(create_share_link, slug, request))
    # The share of slides seen counts against the deck as it stands (its draft before the first save).
    _reports(reports, len(web.read(deck_for_export, slug).slides))
