"""The investor's page, opened by a share link alone: the deck slide by slide (or the one-pager), and its file.

Nothing of the app shows around it, and it reads nothing but what the link opens. The view's place
(which slide, since when) is kept by the server; the browser keeps only its view key in the address.
"""

import streamlit as st

from incubator import web
from incubator.accounts.actors import Actor
from incubator.core.errors import IncubatorError
from incubator.core.i18n import _, pgettext
from incubator.core.markup import escape_markdown
from incubator.db.models import utc_now
from incubator.deck.preview import slide_png
from incubator.deck.printout import DeckPrint
from incubator.sharing.documents import booklet_pdf, pages_png, shared_deck, shared_onepager_png, shared_pdf
from incubator.sharing.links import (
    BOOKLET,
    PasscodeNeeded,
    ShareClosed,
    Shared,
    closed_message,
    open_shared,
    still_open,
)
from incubator.sharing.views import (
    ViewState,
    first_shown,
    hide_view,
    record_download,
    show_slide,
    show_view,
    start_view,
)
from incubator.web.deck_editor import slide_words
from incubator.web.signed_in import client_address

SLIDE_WIDTH = 1280
BOOKLET_WIDTH = 1240  # an A4 page, about as wide as a slide
# The tab's visibility, told to the server by two hidden buttons: a slide in a hidden tab does not count.
VISIBILITY_SCRIPT = """<script>
(() => {
  if (window.__incubatorVisibility) return;
  window.__incubatorVisibility = true;
  document.addEventListener('visibilitychange', () => {
    const key = document.visibilityState === 'hidden' ? 'share_hidden' : 'share_visible';
    const button = document.querySelector(`.st-key-${key} button`);
    if (button) button.click();
  });
})();
</script>
<style>.st-key-share_hidden, .st-key-share_visible { display: none; }</style>"""

token = st.query_params.get("share", "")
passcode = st.session_state.get("share_passcode")
opened = st.session_state.get("share_opened")
try:
    if opened is not None and opened[0] == token:  # let in by the door before, in this session: still open?
        shared = opened[1]
        if not still_open(web.database(), shared):
            st.session_state.pop("share_opened", None)
            raise ShareClosed(closed_message())
    else:
        shared = open_shared(web.database(), token, client_address(), passcode)
        st.session_state["share_opened"] = (token, shared)
except PasscodeNeeded as needed:
    st.title(_("A document shared with you"))
    with st.form("share_passcode_form"):
        typed = st.text_input(_("Passcode"), type="password", key="share_passcode_typed")
        if st.form_submit_button(_("Open"), type="primary"):
            st.session_state["share_passcode"] = typed
            st.rerun()
    if passcode:
        st.error(str(needed))
    else:
        st.info(str(needed))
    st.stop()
except IncubatorError as closed:
    st.title(_("A document shared with you"))
    st.error(str(closed))
    st.stop()


def _state(link: Shared) -> ViewState:
    # This session's view; else the one the address names (a reload, or a reconnect to another server).
    state = start_view(web.database(), link, st.session_state.get("share_view") or st.query_params.get("view"))
    st.session_state["share_view"] = st.query_params["view"] = state.key
    return state


def _go(link: Shared, state: ViewState, slide: int) -> None:
    show_slide(web.database(), link, state, slide)


def _hidden(link: Shared, state: ViewState) -> None:
    hide_view(web.database(), link, state)


def _visible(link: Shared, state: ViewState) -> None:
    show_view(web.database(), link, state)


def _downloaded(link: Shared, state: ViewState) -> None:
    record_download(web.database(), link, state)


st.title(escape_markdown(shared.title))
st.caption(_("Shared with {viewer}").format(viewer=escape_markdown(
    ", ".join(part for part in (shared.viewer_name, shared.organisation) if part))))  # fmt: skip


@st.cache_data(ttl=60, show_spinner=False, max_entries=200)
def _deck_of(slug: str) -> DeckPrint:
    """The startup's current deck as the slides draw it, shared by every viewer of it for a minute.

    Keyed by the slug the door let through; drawing a deck costs a few hundred milliseconds, and
    a demo day's investors open the same decks at once.
    """
    with web.database().read() as session:
        return shared_deck(session, Actor.app_itself(), slug)


@st.cache_data(ttl=60, show_spinner=False, max_entries=50)
def _booklet_of(event_slug: str) -> list[bytes]:
    """A demo day's booklet as one picture a page, shared by every viewer of it for a minute (slug: the door's)."""
    with web.database().read() as session:
        pictures: list[bytes] = pages_png(booklet_pdf(session, Actor.app_itself(), event_slug), BOOKLET_WIDTH)
    return pictures


def _picture(link: Shared, position: int) -> tuple[int, bytes, str]:
    """Return the number of pages, and page `position` (from 1) as a picture with its words."""
    if link.opens == BOOKLET:
        pages = _booklet_of(link.slug)
        number = min(max(position, 1), len(pages))
        return len(pages), pages[number - 1], _("Page {number} of the booklet").format(number=number)
    document = _deck_of(link.slug)
    number = min(max(position, 1), len(document.slides))
    picture = slide_png(document, number - 1, SLIDE_WIDTH)
    return len(document.slides), picture, slide_words(document.slides[number - 1])


@st.fragment
def _slides(link: Shared) -> None:
    """The slide (or booklet page) and its buttons: a press reruns only this (the link is checked again first)."""
    if not still_open(web.database(), link):
        st.error(closed_message())
        return
    state = _state(link)
    count, picture, words = _picture(link, state.slide)
    position = min(max(state.slide, 1), count)
    st.image(picture, width="stretch", caption=f"{position} / {count}", alt=words)
    back, forward = st.columns(2)
    # No arrow icons: Streamlit already draws the arrow keys these buttons answer to.
    back.button(pgettext("slide", "Previous"), key="share_previous",
                disabled=position <= 1, on_click=_go, args=(link, state, position - 1), shortcut="Left",
                width="stretch")  # fmt: skip
    forward.button(pgettext("slide", "Next"), key="share_next", type="primary",
                   disabled=position >= count, on_click=_go, args=(link, state, position + 1), shortcut="Right",
                   width="stretch")  # fmt: skip
    # Never seen (hidden by the style above): pressed by the page's script when the tab hides and shows again.
    st.button(_("The tab is hidden"), key="share_hidden", on_click=_hidden, args=(link, state))
    st.button(_("The tab is shown again"), key="share_visible", on_click=_visible, args=(link, state))
    st.html(VISIBILITY_SCRIPT, unsafe_allow_javascript=True, width=1)
    first_shown(web.database(), link, state)  # the first slide is drawn: it counts from now


@st.cache_data(ttl=60, show_spinner=False, max_entries=200)
def _onepager_of(slug: str) -> bytes:
    """A startup's one-pager as a picture, shared by every viewer of it for a minute (slug: the door's)."""
    with web.database().read() as session:
        return shared_onepager_png(session, slug, BOOKLET_WIDTH)


if shared.opens in ("deck", BOOKLET):
    _slides(shared)
else:
    _state(shared)  # an open of the one-pager is a view too
    st.image(_onepager_of(shared.slug), width="stretch", alt=_("The one-pager of {name}").format(name=shared.title))

if shared.allow_download:
    st.download_button(
        _("Download the PDF"), key="share_download", icon=":material/download:", mime="application/pdf",
        data=web.shared_download(token, client_address(), passcode,
                                 lambda session, link: shared_pdf(session, link, utc_now().date())),
        file_name=f"{shared.slug}-{shared.opens}.pdf", on_click=_downloaded, args=(shared, _state(shared)),
    )  # fmt: skip
st.caption(_("What this page records: when the link was opened, how long each slide was on screen, and "
             "whether the file was downloaded; nothing else about you."))  # fmt: skip
