"""One startup's profile: read by everyone who may see it, changed by its founders and coordinators."""

import streamlit as st

from incubator import ui
from incubator.asks import AskText, get_ask, save_ask
from incubator.errors import IncubatorError
from incubator.fields import is_web_address
from incubator.formatting import format_money
from incubator.i18n import _
from incubator.investor_summary import investor_summary, with_traction_chart
from incubator.labels import role_label, stage_label
from incubator.markup import escape_markdown
from incubator.models import Role, Stage
from incubator.onepager_pdf import build_onepager
from incubator.permissions import can_edit_startup_profile, can_edit_startup_work
from incubator.startups import (
    StartupProfile,
    add_founder,
    assign_mentor,
    get_startup,
    remove_founder,
    unassign_mentor,
    update_startup_profile,
)

actor = ui.require_actor()
st.title(_("My startup") if actor.role is Role.FOUNDER else _("Startup profile"))
ui.show_flash()

slug = ui.choose_startup(actor)

try:
    with ui.database().read() as session:
        startup = get_startup(session, actor, slug)
        may_edit = can_edit_startup_profile(session, actor, startup)
except IncubatorError as error:
    ui.show_error(error)
    st.stop()

st.subheader(escape_markdown(startup.name))
if startup.tagline:
    st.text(startup.tagline)
facts = (
    (_("Stage"), stage_label(startup.stage)),
    (_("Sector"), startup.sector or "—"),
    (_("Cohort"), startup.cohort.name if startup.cohort else "—"),
    (_("Contact"), startup.contact_email or "—"),
)
for column, (label, value) in zip(st.columns(len(facts)), facts, strict=True):
    column.caption(label)
    column.text(value)
team = st.columns(2)
with team[0]:
    st.markdown("**" + _("Founders") + "**")
    for person in startup.founders:
        st.text(f"{person.display_name} <{person.email}>")
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
            with ui.writing() as session:
                update_startup_profile(session, actor, slug, profile)
            if not ui.last_write_failed():
                ui.flash(_("The profile is saved."))
                st.rerun()

summary_key = f"onepager_scores_{slug}"
with_scores = actor.is_coordinator and st.toggle(_("Show mentors' scores in the summary"), value=False, key=summary_key)


def _summary_pdf() -> bytes:
    with ui.database().read() as session:
        page = investor_summary(session, actor, slug, include_scores=bool(with_scores))
    return build_onepager(with_traction_chart(page))


language_column, button_column = st.columns([1, 2], vertical_alignment="bottom")
summary_language = ui.document_language(f"onepager_language_{slug}", language_column)
button_column.download_button(
    _("Download the one-page investor summary"), data=ui.in_language(summary_language, _summary_pdf),
    file_name=f"{slug}-investor-summary.pdf", mime="application/pdf", icon=":material/picture_as_pdf:",
    key=f"onepager_{slug}",
)  # fmt: skip

st.divider()
st.markdown("**" + _("The ask") + "**")
with ui.database().read() as session:
    ask = get_ask(session, actor, slug)
    may_edit_ask = can_edit_startup_work(session, actor, get_startup(session, actor, slug))
if not may_edit_ask:
    if ask.amount is None and not ask.use_of_funds:
        st.caption(_("No ask written yet."))
    else:
        amount = format_money(ask.amount, ask.currency) if ask.amount is not None else "—"
        st.text(" · ".join(part for part in (amount, ask.instrument) if part))
        st.text(ask.use_of_funds)
else:
    with st.form(f"ask_{slug}"):
        amount_column, currency_column, instrument_column = st.columns([2, 1, 2])
        amount = amount_column.number_input(
            _("Amount"), min_value=0.0, value=ask.amount, step=1000.0, key=f"ask_amount_{slug}", placeholder="40000"
        )
        currency = currency_column.text_input(
            _("Currency"), value=ask.currency, max_chars=3, key=f"ask_currency_{slug}"
        )
        instrument = instrument_column.text_input(
            _("Instrument"), value=ask.instrument, max_chars=200, key=f"ask_instrument_{slug}",
            placeholder=_("Grant, loan, equity, convertible note…"),
        )  # fmt: skip
        use_of_funds = st.text_area(_("Use of funds"), value=ask.use_of_funds, key=f"ask_use_{slug}")
        if st.form_submit_button(_("Save the ask")):
            with ui.writing() as session:
                save_ask(session, actor, slug, AskText(amount, currency, instrument, use_of_funds))
            if not ui.last_write_failed():
                ui.flash(_("The ask is saved."))
                st.rerun()

if actor.is_coordinator:
    st.divider()
    st.markdown("**" + _("Team and mentors") + "**")
    columns = st.columns(2)
    with columns[0], st.form(f"team_{slug}"):
        email = st.text_input(_("Email of a founder or mentor"), key=f"team_email_{slug}")
        role = st.radio(
            _("As"), [Role.FOUNDER, Role.MENTOR], format_func=role_label, horizontal=True, key=f"team_role_{slug}"
        )
        add, remove = st.columns(2)
        adding = add.form_submit_button(_("Add"), icon=":material/person_add:")
        removing = remove.form_submit_button(_("Remove"), icon=":material/person_remove:")
        if adding or removing:
            with ui.writing() as session:
                if role is Role.FOUNDER:
                    (add_founder if adding else remove_founder)(session, actor, slug, email)
                else:
                    (assign_mentor if adding else unassign_mentor)(session, actor, slug, email)
            if not ui.last_write_failed():
                ui.flash(_("The team is updated."))
                ui.forget_widgets(f"team_email_{slug}")
                st.rerun()
