"""Entry point: page set-up, the sign-in gate, and navigation built from the signed-in person's role."""

import streamlit as st

from incubator import ui
from incubator.i18n import _
from incubator.labels import role_label
from incubator.models import Role

st.set_page_config(page_title="Incubator", page_icon=":material/rocket_launch:", layout="wide")

actor = ui.current_actor()
ui.apply_language(actor)
ui.reword_streamlit_widgets()


def _pages_for(role: Role) -> list[st.Page]:
    idea = st.Page("pages/idea.py", title=_("Idea"), icon=":material/emoji_objects:", url_path="idea")
    canvas = st.Page("pages/canvas.py", title=_("Lean canvas"), icon=":material/dashboard:", url_path="canvas")
    account = st.Page("pages/account.py", title=_("My account"), icon=":material/person:", url_path="account")
    profile_title = _("My startup") if role is Role.FOUNDER else _("Startup profile")
    profile = st.Page("pages/startup.py", title=profile_title, icon=":material/rocket_launch:", url_path="startup")
    mentoring = st.Page("pages/mentoring.py", title=_("Mentoring"), icon=":material/forum:", url_path="mentoring")
    deck = st.Page("pages/deck.py", title=_("Pitch deck"), icon=":material/slideshow:", url_path="deck")
    milestones = st.Page("pages/milestones.py", title=_("Milestones"), icon=":material/flag:", url_path="milestones")
    traction = st.Page("pages/metrics.py", title=_("Traction"), icon=":material/trending_up:", url_path="traction")
    dashboard = st.Page(
        "pages/dashboard.py", title=_("Cohort dashboard"), icon=":material/monitoring:", url_path="dashboard"
    )
    if role is Role.FOUNDER:
        results = st.Page(
            "pages/results.py", title=_("Pitch results"), icon=":material/emoji_events:", url_path="results"
        )
        return [profile, idea, canvas, deck, milestones, traction, mentoring, results, account]
    if role is Role.MENTOR:
        home = st.Page("pages/my_startups.py", title=_("My startups"), icon=":material/groups:", url_path="my-startups")
        judge = st.Page("pages/judge.py", title=_("Score pitches"), icon=":material/how_to_vote:", url_path="judge")
        return [home, dashboard, profile, idea, canvas, deck, milestones, traction, mentoring, judge, account]
    cohorts = st.Page("pages/cohorts.py", title=_("Cohorts"), icon=":material/school:", url_path="cohorts")
    people = st.Page("pages/people.py", title=_("People"), icon=":material/badge:", url_path="people")
    events = st.Page("pages/events.py", title=_("Pitch events"), icon=":material/event:", url_path="events")
    board = st.Page(
        "pages/leaderboard.py", title=_("Leaderboard"), icon=":material/leaderboard:", url_path="leaderboard"
    )
    exports = st.Page("pages/exports.py", title=_("Exports"), icon=":material/ios_share:", url_path="exports")
    return [
        cohorts,
        dashboard,
        people,
        profile,
        idea,
        canvas,
        milestones,
        traction,
        mentoring,
        events,
        board,
        exports,
        account,
    ]


if actor is None:
    navigation = st.navigation([st.Page("pages/sign_in.py", title=_("Sign in"), icon=":material/login:", default=True)])
else:
    # Expanded: Streamlit's own "View more" link cannot be translated, and a dozen pages fit the sidebar.
    navigation = st.navigation(_pages_for(actor.role), expanded=True)
    with st.sidebar:
        st.caption(_("Signed in as"))
        st.text(f"{actor.name} · {role_label(actor.role)}")
        st.button(_("Sign out"), key="sign_out", on_click=ui.sign_out, icon=":material/logout:")

ui.write_pending_cookie()
navigation.run()
