"""One startup's profile: read by everyone who may see it, changed by its founders and coordinators."""

import streamlit as st

from incubator import web
from incubator.accounts.users import list_users
from incubator.core.fields import is_web_address
from incubator.core.formatting import format_money
from incubator.core.i18n import _
from incubator.core.labels import role_label, stage_label
from incubator.core.markup import escape_markdown, mail_link
from incubator.core.vocabulary import Role, Stage
from incubator.reports.document_files import onepager_pdf
from incubator.reports.journey import StepName, founder_path
from incubator.startups.asks import get_ask
from incubator.startups.profiles import StartupProfile, open_startup, update_startup_profile
from incubator.startups.teams import MOST_NAMED_MEMBERS, NamedMember, named_members, set_named_members, set_team_member
from incubator.web.ask_form import ask_form
from incubator.web.journey_view import show_path

actor = web.require_actor()
st.title(_("My startup") if actor.role is Role.FOUNDER else _("Startup profile"))
web.show_flash()

slug = web.choose_startup(actor)

access = web.read(open_startup, slug)
startup, may_edit, may_edit_ask = access.startup, access.may_edit_profile, access.may_edit_work

st.header(escape_markdown(startup.name))
if startup.tagline:
    st.text(startup.tagline)
show_path(web.read(founder_path, slug), here=StepName.ONE_PAGER, for_founder=actor.role is Role.FOUNDER)
facts = (
    (_("Stage"), stage_label(startup.stage)),
    (_("Sector"), startup.sector or "—"),
    (_("Cohort"), startup.cohort.name if startup.cohort else "—"),
)
# The contact gets two shares of the row: an email address is one long word, and broken it reads wrong.
*fact_columns, contact_column = st.columns([1] * len(facts) + [2])
for column, (label, value) in zip(fact_columns, facts, strict=True):
    column.caption(label)
    column.text(value)
contact_column.caption(_("Contact"))
if startup.contact_email:
    contact_column.markdown(mail_link(startup.contact_email))
else:
    contact_column.text("—")
named = web.read(named_members, slug)
team = st.columns(2)
with team[0]:
    st.markdown("**" + _("Team") + "**")
    for person in startup.founders:
        st.text(f"{person.display_name} <{person.email}>")
    for member in named:
        st.text(f"{member.name} · {member.role}" if member.role else member.name)
with team[1]:
    st.markdown("**" + _("Mentors") + "**")
    for person in startup.mentors:
        st.text(f"{person.display_name} <{person.email}>")
if is_web_address(startup.website):
    st.link_button(_("Website"), startup.website, icon=":material/open_in_new:")

if may_edit:
    with st.expander(_("Edit the profile"), expanded=False), st.form(f"profile_{slug}"):
        name = st.text_input(_("Name"), value=startup.name, max_chars=200, key=f"name_{slug}")
        tagline = st.text_input(
            _("Tagline"),
            value=startup.tagline,
            max_chars=200,
            key=f"tagline_{slug}",
            help=_("One sentence an investor remembers: what you do, for whom."),
        )
        sector = st.text_input(_("Sector"), value=startup.sector, max_chars=200, key=f"sector_{slug}")
        stages = list(Stage)
        stage = st.selectbox(
            _("Stage"), stages, index=stages.index(startup.stage), format_func=stage_label, key=f"stage_{slug}"
        )
        website = st.text_input(_("Website"), value=startup.website, key=f"website_{slug}", placeholder="https://")
        contact = st.text_input(_("Contact email"), value=startup.contact_email, key=f"contact_{slug}")
        if st.form_submit_button(_("Save the profile"), type="primary"):
            profile = StartupProfile(
                name=name, tagline=tagline, sector=sector, stage=stage, website=website, contact_email=contact
            )
            if web.act(update_startup_profile, slug, profile):
                web.flash(_("The profile is saved."))
                st.rerun()

if may_edit:
    with st.expander(_("Team members without an account"), expanded=False), st.form(f"named_team_{slug}"):
        st.caption(_("Name the people who build the startup with you but do not sign in here; "
                     "the one-pager and the deck's team slide show them after the founders."))  # fmt: skip
        rows = min(MOST_NAMED_MEMBERS, len(named) + 2)
        typed = []
        for row in range(rows):
            member = named[row] if row < len(named) else NamedMember("")
            name_column, role_column = st.columns(2)
            typed.append(
                NamedMember(
                    name_column.text_input(_("Name"), value=member.name, max_chars=100, key=f"named_{slug}_{row}"),
                    role_column.text_input(
                        _("Role"), value=member.role, max_chars=100, key=f"named_role_{slug}_{row}",
                        placeholder=_("e.g. designer, part time"),
                    ),
                )
            )  # fmt: skip
        if st.form_submit_button(_("Save the team"), type="primary") and web.act(set_named_members, slug, typed):
            web.flash(_("The team is updated."))
            web.forget_widgets(*(f"named_{slug}_{row}" for row in range(rows)),
                               *(f"named_role_{slug}_{row}" for row in range(rows)))  # fmt: skip
            st.rerun()

summary_key = f"onepager_scores_{slug}"
with_scores = actor.is_coordinator and st.toggle(_("Show mentors' scores in the summary"), value=False, key=summary_key)


language_column, button_column = st.columns([1, 2], vertical_alignment="bottom")
summary_language = web.document_language(f"onepager_language_{slug}", language_column)
button_column.download_button(
    _("Download the one-page investor summary"),
    data=web.download_in(summary_language, onepager_pdf, slug, include_scores=bool(with_scores)),
    file_name=f"{slug}-investor-summary.pdf", mime="application/pdf", icon=":material/picture_as_pdf:",
    key=f"onepager_{slug}", on_click="ignore",
)  # fmt: skip

st.divider()
st.markdown("**" + _("The ask") + "**")
ask = web.read(get_ask, slug)
if not may_edit_ask:
    if ask.amount is None and not ask.use_of_funds:
        st.caption(_("No ask written yet."))
    else:
        amount = format_money(ask.amount, ask.currency) if ask.amount is not None else "—"
        st.text(" · ".join(part for part in (amount, ask.instrument) if part))
        st.text(ask.use_of_funds)
else:
    ask_form(slug, ask, key=f"ask_{slug}")

if actor.is_coordinator:
    st.divider()
    st.markdown("**" + _("Team and mentors") + "**")
    columns = st.columns(2)
    with columns[0], st.form(f"team_{slug}"):
        # People are picked, never typed again: founders and mentors with an account, by name.
        people = {user.email: user for user in web.read(list_users) if user.role is not Role.COORDINATOR}
        email = st.selectbox(
            _("Founder or mentor"), list(people), index=None, key=f"team_email_{slug}",
            format_func=lambda key: f"{people[key].display_name} <{key}> · {role_label(people[key].role)}",
            placeholder=_("Type a name or an email"),
        )  # fmt: skip
        add, remove = st.columns(2)
        adding = add.form_submit_button(_("Add"), icon=":material/person_add:")
        removing = remove.form_submit_button(_("Remove"), icon=":material/person_remove:")
        if (adding or removing) and email is None:
            st.error(_("Choose a person first."))
        elif (adding or removing) and email and web.act(set_team_member, slug, email, people[email].role,
                                                        member=adding):  # fmt: skip
            web.flash(_("The team is updated."))
            web.forget_widgets(f"team_email_{slug}")
            st.rerun()
