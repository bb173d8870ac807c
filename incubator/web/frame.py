"""The app's frame: page set-up, the sign-in gate, and the menu built from the signed-in person's role.

Streamlit's first run after a server start finds our `pages/` folder and runs a deep-linked page
file directly, without app.py (its old folder navigation). Streamlit's own menu is switched off in
`.streamlit/config.toml`, so nothing is ever listed by it; and a page that finds itself outside the
frame runs the frame instead, which routes to the same page through `st.navigation` and the gate.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from incubator.accounts.actors import Actor
from incubator.core.config import PROJECT_ROOT
from incubator.core.i18n import _
from incubator.core.labels import role_label
from incubator.core.vocabulary import Role
from incubator.web.accessibility import assist_assistive_technology
from incubator.web.language import apply_language, reword_streamlit_widgets
from incubator.web.signed_in import current_actor, show_why_signed_out, sign_out, write_pending_cookie

PAGES_DIR = PROJECT_ROOT / "pages"
_inside_the_frame: ContextVar[bool] = ContextVar("inside_the_app_frame", default=False)


@contextmanager
def _routing_a_page() -> Iterator[None]:
    token = _inside_the_frame.set(True)
    try:
        yield
    finally:
        _inside_the_frame.reset(token)


def require_frame() -> None:
    """Run the app's frame instead (and through it this page), when Streamlit started this page outside it."""
    if not _inside_the_frame.get():  # started by Streamlit's folder navigation: go through the gate
        run_app()
        st.stop()


def require_actor(*roles: Role) -> Actor:
    """Return the signed-in actor, or stop the page with a message when nobody or the wrong role is signed in.

    The role is checked before anything else, so a page of another role never runs, in the frame or not.
    """
    actor = current_actor()
    if actor is not None and roles and actor.role not in roles:
        apply_language(actor)
        st.error(_("Your account does not give access to this page."))
        st.stop()
    require_frame()
    if actor is None:
        st.warning(_("Please sign in first."))
        st.stop()
    return actor


def run_app() -> None:
    """Draw the frame and run the page the URL asks for, among those the signed-in person's role may open."""
    st.set_page_config(page_title="Incubator", page_icon=":material/rocket_launch:", layout="wide")
    actor = current_actor()
    apply_language(actor)
    reword_streamlit_widgets()
    assist_assistive_technology()
    if st.query_params.get("share") is not None:  # a share link: its page alone, whoever opens it
        shared = st.Page(
            PAGES_DIR / "shared.py", title=_("Shared document"), icon=":material/visibility:", default=True
        )
        navigation = st.navigation([shared], position="hidden")
    elif actor is None:
        navigation = st.navigation(_sign_in_pages(), position="hidden")
        show_why_signed_out()
    else:
        pages = _pages_for(actor.role)
        navigation = st.navigation(pages, position="hidden")
        with st.sidebar:
            for page in pages:
                st.page_link(page)
            st.divider()
            st.caption(_("Signed in as"))
            st.text(f"{actor.name} · {role_label(actor.role)}")
            st.button(_("Sign out"), key="sign_out", on_click=sign_out, icon=":material/logout:")
    write_pending_cookie()
    with _routing_a_page():
        navigation.run()


def _sign_in_pages() -> list[st.Page]:
    """Return the sign-in page, at the app's root and at the address of every page: a deep link signs in first.

    After the sign-in the address is unchanged, so the rerun opens the page that was asked for.
    """
    every_address = sorted({page.url_path for role in Role for page in _pages_for(role)})
    sign_in = PAGES_DIR / "sign_in.py"
    title, icon = _("Sign in"), ":material/login:"
    return [
        st.Page(sign_in, title=title, icon=icon, default=True),
        *(st.Page(sign_in, title=title, icon=icon, url_path=address) for address in every_address),
    ]


# Each role's pages, by address, in menu order (tests/e2e/test_accessibility.py opens every one of them).
ROLE_PAGES: dict[Role, tuple[str, ...]] = {
    Role.FOUNDER: ("startup", "idea", "canvas", "deck", "milestones", "traction", "mentoring", "results", "share",
                   "account"),
    Role.MENTOR: ("my-startups", "dashboard", "startup", "idea", "canvas", "deck", "milestones", "traction",
                  "mentoring", "judge", "account"),
    Role.COORDINATOR: ("cohorts", "dashboard", "people", "startup", "idea", "canvas", "milestones", "traction",
                       "mentoring", "events", "leaderboard", "share", "exports", "settings", "account"),
}  # fmt: skip


def _pages_for(role: Role) -> list[st.Page]:
    profile_title = _("My startup") if role is Role.FOUNDER else _("Startup profile")
    pages = {  # address: (file, title, Material icon)
        "startup": ("startup.py", profile_title, "rocket_launch"),
        "idea": ("idea.py", _("Idea"), "emoji_objects"),
        "canvas": ("canvas.py", _("Lean canvas"), "dashboard"),
        "deck": ("deck.py", _("Pitch deck"), "slideshow"),
        "milestones": ("milestones.py", _("Milestones"), "flag"),
        "traction": ("metrics.py", _("Traction"), "trending_up"),
        "mentoring": ("mentoring.py", _("Mentoring"), "forum"),
        "dashboard": ("dashboard.py", _("Cohort dashboard"), "monitoring"),
        "account": ("account.py", _("My account"), "person"),
        "results": ("results.py", _("Pitch results"), "emoji_events"),
        "share": ("share.py", _("Share with investors"), "share"),
        "my-startups": ("my_startups.py", _("My startups"), "groups"),
        "judge": ("judge.py", _("Score pitches"), "how_to_vote"),
        "cohorts": ("cohorts.py", _("Cohorts"), "school"),
        "people": ("people.py", _("People"), "badge"),
        "events": ("events.py", _("Pitch events"), "event"),
        "leaderboard": ("leaderboard.py", _("Leaderboard"), "leaderboard"),
        "exports": ("exports.py", _("Exports"), "ios_share"),
        "settings": ("settings.py", _("Settings"), "settings"),
    }
    # An absolute path: the frame also runs when Streamlit started a page file as its main script.
    return [
        st.Page(PAGES_DIR / pages[address][0], title=pages[address][1], icon=f":material/{pages[address][2]}:",
                url_path=address)
        for address in ROLE_PAGES[role]
    ]  # fmt: skip
