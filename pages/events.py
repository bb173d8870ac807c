"""Coordinator's pitch events: create one, set its pitches in order and its judges, open and close scoring, publish."""

import streamlit as st

from incubator import web
from incubator.accounts.users import list_users
from incubator.core.formatting import date_input_pattern, format_day
from incubator.core.i18n import _, current_language, ngettext
from incubator.core.i18n import language as in_language
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import Role, ScoringState
from incubator.judging.events import create_event, list_events, publish_results, set_lineup, set_scoring
from incubator.judging.room import scoring_room
from incubator.judging.rubrics import load_rubrics
from incubator.reports.investor_summary import event_booklet
from incubator.reports.onepager_pdf import build_booklet
from incubator.startups.cohorts import list_cohorts
from incubator.startups.profiles import list_visible_startups

actor = web.require_actor(Role.COORDINATOR)
st.title(_("Pitch events"))
web.show_flash()

with web.database().read() as session:
    events = list_events(session, actor)
    startups = {startup.slug: startup.name for startup in list_visible_startups(session, actor)}
    mentors = {user.email: user.display_name for user in list_users(session, actor) if user.role is Role.MENTOR}
    cohorts = {cohort.slug: cohort.name for cohort in list_cohorts(session, actor)}
rubrics, rubric_problems = load_rubrics()
for problem in rubric_problems:
    st.warning(escape_markdown(_("A rubric file could not be read: {problem}").format(problem=problem)))

STATE_LABELS = {ScoringState.DRAFT: _("not open yet"), ScoringState.OPEN: _("open"), ScoringState.CLOSED: _("closed")}

with st.expander(_("New event"), expanded=not events, icon=":material/add:"), st.form("new_event"):
    name = st.text_input(_("Name"), key="new_event_name", placeholder=_("Demo day, spring 2027"))
    date = st.date_input(_("Date"), value=None, key="new_event_date", format=date_input_pattern())
    cohort = st.selectbox(
        _("Cohort"), [None, *cohorts], format_func=lambda slug: cohorts.get(slug, _("None")), key="new_event_cohort"
    )
    rubric = st.selectbox(
        _("Rubric"), list(rubrics), key="new_event_rubric", format_func=lambda key: rubrics[key].title
    )
    if st.form_submit_button(_("Create the event"), type="primary"):
        if web.act(create_event, name=name, date=date, cohort_slug=cohort, rubric=rubric):
            web.flash(_("Event “{name}” created.").format(name=name.strip()))
            web.forget_widgets("new_event_name", "new_event_date")
            st.rerun()

if not events:
    st.stop()

by_slug = {event.slug: event for event in events}
slug = str(st.selectbox(_("Event"), list(by_slug), format_func=lambda key: by_slug[key].name, key="event_slug"))
event = by_slug[slug]
st.caption(
    escape_markdown(
        _("{date} · rubric {rubric} · scoring {state}").format(
            date=format_day(event.date),
            state=STATE_LABELS[event.scoring],
            rubric=rubrics[event.rubric].title if event.rubric in rubrics else event.rubric,
        )
    )
)

# Before the day the line-up is the work; once scoring opens, the room view below matters more.
lineup = st.expander(_("Pitches and judges"), expanded=event.scoring is ScoringState.DRAFT, icon=":material/groups:")
with lineup, st.form(f"lineup_{slug}"):
    pitches = st.multiselect(
        _("Pitches, in order (the order you pick them in)"), list(startups),
        default=[pitch.startup.slug for pitch in event.pitches], format_func=lambda key: startups[key],
        key=f"pitches_{slug}",
    )  # fmt: skip
    judges = st.multiselect(
        _("Judges"), list(mentors), default=[judge.email for judge in event.judges],
        format_func=lambda email: f"{mentors[email]} <{email}>", key=f"judges_{slug}",
    )  # fmt: skip
    if st.form_submit_button(_("Save pitches and judges")) and web.act(set_lineup, slug, pitches, judges):
        web.flash(_("Pitches and judges are saved."))
        st.rerun()


def prepare_booklet(language: str) -> None:
    """Draw the event's booklet in `language` and keep it for the download button below."""
    with st.status(_("Preparing the booklet: one page per pitch…"), expanded=False) as progress:
        with web.database().read() as session, in_language(language):
            booklet = event_booklet(session, actor, slug)
        progress.update(label=_("Drawing {count} pages…").format(count=len(booklet.pages) + 2))
        with in_language(language):
            st.session_state[f"booklet_pdf_{slug}_{language}"] = build_booklet(booklet)
        progress.update(label=_("The booklet is ready."), state="complete")


@st.fragment(run_every=5 if event.scoring is ScoringState.OPEN else None)
def scoring_room_view() -> None:
    """The room while scoring runs: how many criteria each judge has scored of each pitch, refreshed every 5 s."""
    room = web.read(scoring_room, slug)
    if not room.judges or not room.pitches:
        return
    st.header(_("Who has scored what"))
    if event.scoring is ScoringState.OPEN:
        st.caption(_("Criteria scored by each judge for each pitch; this view refreshes every 5 seconds."))

    def cell(judge: str, pitch: str) -> str:
        count = room.progress(judge, pitch)
        if count is None:
            return _("conflict")
        if count == room.criteria:
            return f"✓ {count}/{room.criteria}"
        return f"{count}/{room.criteria}" if count else "–"

    st.dataframe(
        [{_("Judge"): name, **{pitch_name: cell(email, pitch) for pitch, pitch_name in room.pitches}}
         for email, name in room.judges],
        hide_index=True, width="stretch",
    )  # fmt: skip
    behind = room.behind()
    if not behind:
        st.success(_("Every judge has scored every pitch."), icon=":material/task_alt:")
    else:
        waiting = ", ".join(
            ngettext("{name} ({count} criterion left)", "{name} ({count} criteria left)", count).format(
                name=name, count=count
            )
            for name, count in behind
        )
        st.caption(escape_markdown(_("Still scoring: {judges}").format(judges=waiting)))


booklet_key = f"booklet_language_{slug}"
# One row that wraps, each button as wide as its words (equal thirds cut the Dutch "publish" label).
actions = st.container(horizontal=True, key="event-actions")
transitions = (
    (ScoringState.OPEN, _("Open scoring"), ":material/play_arrow:", event.scoring is not ScoringState.OPEN),
    (ScoringState.CLOSED, _("Close scoring"), ":material/stop:", event.scoring is ScoringState.OPEN),
)
for state, label, icon, enabled in transitions:
    if actions.button(label, key=f"{state.value}_{slug}", icon=icon, disabled=not enabled):
        if web.act(set_scoring, slug, state):
            if state is ScoringState.CLOSED:  # the results, in one step: the final board and the booklet
                prepare_booklet(str(st.session_state.get(booklet_key, current_language())))
                web.flash(_("Scoring is closed. The final leaderboard is ready, and so is the booklet below."))
            else:
                web.flash(_("Scoring is {state}.").format(state=STATE_LABELS[state]))
            st.rerun()
published = event.results_published
if actions.button(
    _("Results published") if published else _("Publish results to founders"), key=f"publish_{slug}",
    disabled=published or event.scoring is not ScoringState.CLOSED, icon=":material/campaign:",
):  # fmt: skip
    if web.act(publish_results, slug):
        web.flash(_("Results are published: each founder now sees their own averages and comments."))
        st.rerun()
st.page_link(
    "pages/leaderboard.py", label=_("Open the leaderboard"), icon=":material/leaderboard:", query_params={"event": slug}
)
scoring_room_view()

language_column, button_column = st.columns([1, 2], vertical_alignment="bottom")
booklet_language = web.document_language(booklet_key, language_column)
if button_column.button(_("Prepare the demo-day booklet (PDF)"), key=f"booklet_{slug}", icon=":material/menu_book:"):
    prepare_booklet(booklet_language)
if f"booklet_pdf_{slug}_{booklet_language}" in st.session_state:
    st.download_button(
        _("Download the booklet"),
        web.prepared_download(st.session_state[f"booklet_pdf_{slug}_{booklet_language}"]),
        file_name=f"{slug}-{booklet_language}-booklet.pdf",
        mime="application/pdf", icon=":material/download:", key=f"booklet_download_{slug}", on_click="ignore",
)  # fmt: skip
