"""Coordinator's home: the cohorts, their startups, and forms to add both."""

import streamlit as st

from incubator import web
from incubator.accounts.invitations import IssuedInvitation, revoke_invitation
from incubator.core.csv_files import csv_download
from incubator.core.formatting import date_input_pattern, format_day
from incubator.core.i18n import _, ngettext
from incubator.core.labels import role_label, stage_label
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role, Stage
from incubator.db.models import Startup
from incubator.exchange.people_table import enrol_people, enrol_person
from incubator.reports.to_do import coordinator_to_do
from incubator.startups.cohorts import create_cohort, list_cohorts
from incubator.startups.profiles import StartupProfile, create_startup, list_visible_startups

actor = web.require_actor(Role.COORDINATOR)
st.title(_("Cohorts"))
web.show_flash()

with web.database().read() as session:
    cohorts = list_cohorts(session, actor)
    without_cohort = [startup for startup in list_visible_startups(session, actor) if startup.cohort is None]


def _needs_you_now() -> None:
    to_do = web.read(coordinator_to_do)
    if not (to_do.not_started or to_do.stuck or to_do.invitations):
        return
    st.header(_("Needs you now"))
    if to_do.not_started:
        st.markdown(escape_markdown(_("Not started yet: {names}").format(names=", ".join(to_do.not_started))))
    if to_do.stuck:
        st.markdown(escape_markdown(_("No news for three weeks (no metric, no session): {names}").format(
            names=", ".join(to_do.stuck))))  # fmt: skip
    if to_do.invitations:
        unused = len(to_do.invitations)
        heading = ngettext("{count} invitation not used yet", "{count} invitations not used yet", unused)
        with st.expander(heading.format(count=unused), icon=":material/mail:"):
            for invitation in to_do.invitations:
                line, button = st.columns([4, 1], vertical_alignment="center")
                state = _("expired") if invitation.expired else _("valid until {date}").format(
                    date=format_day(invitation.expires_at.date()))  # fmt: skip
                line.markdown(escape_markdown(f"{invitation.name} · {invitation.email} · {state}"))
                if button.button(_("Withdraw"), key=f"revoke_invitation_{invitation.id}", icon=":material/block:"):
                    if web.act(revoke_invitation, invitation.id):
                        web.flash(_("The invitation of {email} is withdrawn.").format(email=invitation.email))
                        st.rerun()


_ENROLMENT_KEY = "cohorts::last_enrolment"  # the links just made: shown until the coordinator leaves the page
_EMAILED_KEY = "cohorts::last_enrolment_emailed"


def _add_people(cohort_slugs: dict[str, str]) -> None:
    """Invite one person with their startup, or a whole table: accounts, startups, teams, invitations in one step."""
    opened = not any(cohort.startups for cohort in cohorts)
    with st.expander(_("Add people to a cohort"), icon=":material/group_add:", expanded=opened):
        if not cohort_slugs:
            st.info(_("Create a cohort first, below."))
            return
        chosen = st.selectbox(_("Cohort"), list(cohort_slugs), format_func=lambda slug: cohort_slugs[slug],
                              key="enrol_cohort")  # fmt: skip
        one_tab, table_tab = st.tabs([_("One person"), _("A table of people")])
        with one_tab, st.form("enrol_person"):
            name_column, email_column = st.columns(2)
            name = name_column.text_input(_("Name"), key="enrol_name", max_chars=200)
            email = email_column.text_input(_("Email"), key="enrol_email")
            role_column, startup_column = st.columns(2)
            role = role_column.selectbox(_("Role"), [Role.FOUNDER, Role.MENTOR], format_func=role_label,
                                         key="enrol_role") or Role.FOUNDER  # fmt: skip
            startup = startup_column.text_input(_("Startup (made if new)"), key="enrol_startup", max_chars=200)
            if st.form_submit_button(_("Invite"), type="primary", icon=":material/send:"):
                done = web.act(enrol_person, str(chosen), name=name, email=email, role=role, startup=startup)
                if done:
                    _remember(done.value.invitations)
                    web.forget_widgets("enrol_name", "enrol_email", "enrol_startup")
                    st.rerun()
        with table_tab, st.form("enrol_people"):
            pasted = st.text_area(
                _("People, one a row: name, email, role, startup (copy the columns from a spreadsheet)"),
                key="enrol_table", height=180,
                placeholder="\t".join([_("name"), _("email"), _("role"), _("startup")]) + "\n"
                + "\t".join(["Zoé Martin", "zoe@taalbrug.be", role_label(Role.FOUNDER), "Taalbrug"]),
            )  # fmt: skip
            uploaded = st.file_uploader(_("Or a CSV file with those columns"), type=["csv", "tsv", "txt"])
            if st.form_submit_button(_("Add them and make their invitations"), type="primary"):
                content = uploaded.getvalue() if uploaded is not None else pasted
                done_table = web.act(enrol_people, str(chosen), content)
                if done_table:
                    _remember(done_table.value.invitations)
                    web.forget_widgets("enrol_table")
                    st.rerun()
    _show_links()


def _remember(invitations: list[IssuedInvitation]) -> None:
    st.session_state[_ENROLMENT_KEY] = [
        (issued.name, issued.email, role_label(issued.role), issued.link_on(web.app_address()))
        for issued in invitations
    ]
    st.session_state[_EMAILED_KEY] = any(issued.emailed for issued in invitations)


def _show_links() -> None:
    made = st.session_state.get(_ENROLMENT_KEY)
    if made:
        if st.session_state.get(_EMAILED_KEY):
            said = ngettext("{count} invitation made and on its way by e-mail. The link works once, for 7 days.",
                            "{count} invitations made and on their way by e-mail. Each link works once, for 7 days.",
                            len(made))  # fmt: skip
        else:
            said = ngettext("{count} invitation made. Send the person their link: it works once, for 7 days.",
                            "{count} invitations made. Send each person their link: it works once, for 7 days.",
                            len(made))  # fmt: skip
        st.success(said.format(count=len(made)), icon=":material/mark_email_read:")
        for name, email, _role, link in made:
            st.markdown(f"**{escape_markdown(name)}** · {escape_markdown(email)}")
            st.code(link, language=None, wrap_lines=True)
        st.download_button(
            _("Download the links (CSV)"),
            web.prepared_download(csv_download([_("Name"), _("Email"), _("Role"), _("Link")], made)),
            file_name="invitations.csv", mime="text/csv", icon=":material/download:", on_click="ignore",
)  # fmt: skip


def _startup_rows(startups: list[Startup]) -> list[dict[str, str]]:
    return [
        {
            _("Startup"): startup.name,
            _("Stage"): stage_label(startup.stage),
            _("Founders"): ", ".join(person.display_name for person in startup.founders),
            _("Mentors"): ", ".join(person.display_name for person in startup.mentors),
        }
        for startup in startups
    ]


_needs_you_now()
_add_people({cohort.slug: cohort.name for cohort in cohorts})
if not cohorts:
    st.info(_("There is no cohort yet. Create the first one below."))
for cohort in cohorts:
    dates = " – ".join(format_day(day) for day in (cohort.starts_on, cohort.ends_on) if day)
    with st.container(border=True):
        st.header(escape_markdown(cohort.name))
        if dates:
            st.caption(dates)
        if cohort.startups:
            st.dataframe(_startup_rows(cohort.startups), hide_index=True, width="stretch")
            st.caption(_("Open a startup's profile:"))
            link_columns = st.columns(3)
            for index, startup in enumerate(cohort.startups):
                link_columns[index % 3].page_link(
                    "pages/startup.py",
                    label=escape_markdown(startup.name),
                    icon=":material/arrow_forward:",
                    query_params={"startup": startup.slug},
                )
        else:
            st.caption(_("No startup in this cohort yet."))
if without_cohort:
    with st.container(border=True):
        st.header(_("Not in a cohort"))
        st.dataframe(_startup_rows(without_cohort), hide_index=True, width="stretch")

left, right = st.columns(2)
with left, st.form("new_cohort"):
    st.markdown("**" + _("New cohort") + "**")
    cohort_name = st.text_input(_("Name"), key="new_cohort_name", max_chars=200, placeholder=_("Spring 2027"))
    starts_on = st.date_input(_("Starts on"), value=None, key="new_cohort_starts", format=date_input_pattern())
    ends_on = st.date_input(_("Ends on"), value=None, key="new_cohort_ends", format=date_input_pattern())
    if st.form_submit_button(_("Create the cohort"), type="primary"):
        if web.act(create_cohort, name=cohort_name, starts_on=starts_on, ends_on=ends_on):
            web.flash(_("Cohort “{name}” created.").format(name=cohort_name.strip()))
            web.forget_widgets("new_cohort_name", "new_cohort_starts", "new_cohort_ends")
            st.rerun()

with right, st.form("new_startup"):
    st.markdown("**" + _("New startup") + "**")
    startup_name = st.text_input(_("Name"), key="new_startup_name", max_chars=200)
    tagline = st.text_input(_("Tagline"), key="new_startup_tagline", max_chars=200)
    cohort_names = {cohort.slug: cohort.name for cohort in cohorts}
    cohort_slug = st.selectbox(
        _("Cohort"),
        [*cohort_names, None],  # the newest cohort first: a new startup usually joins it
        format_func=lambda slug: cohort_names.get(slug, _("None")),
        key="new_startup_cohort",
    )
    stage = st.selectbox(_("Stage"), list(Stage), format_func=stage_label, key="new_startup_stage")
    if st.form_submit_button(_("Create the startup"), type="primary"):
        profile = StartupProfile(name=startup_name, tagline=tagline, stage=stage or Stage.IDEA)
        if web.act(create_startup, profile, cohort_slug=cohort_slug):
            web.flash(_("Startup “{name}” created.").format(name=startup_name.strip()))
            web.forget_widgets("new_startup_name", "new_startup_tagline")
            st.rerun()
