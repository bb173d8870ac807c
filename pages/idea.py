"""The idea page: a founder's first answers, each with a prompt and an example; mentors and coordinators read it."""

import streamlit as st

from incubator import web
from incubator.canvas.ideas import save_idea
from incubator.canvas.screen import idea_screen
from incubator.canvas.template import idea_questions
from incubator.core.i18n import _
from incubator.core.markup import escape_markdown
from incubator.core.vocabulary import IDEA_FIELDS

actor = web.require_actor()
st.title(_("Your idea"))
web.show_flash()
slug = web.choose_startup(actor)

screen = web.read(idea_screen, slug)
saved, may_edit = screen.answers, screen.may_edit

st.write(
    _(
        "Start here. Answer in your own words: there are no wrong answers, and you can change them at any time. "
        "Your answers fill in the first boxes of your lean canvas."
    )
)


def widget_key(field: str) -> str:
    return f"idea::{slug}::{field}"


for question in idea_questions():
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(question.title)}**")
        st.caption(escape_markdown(question.prompt))
        if may_edit:
            key = widget_key(question.field)
            if key not in st.session_state:
                st.session_state[key] = saved[question.field]
            st.text_area(
                question.title, key=key, height=110, placeholder=_("For example: ") + question.example,
                label_visibility="collapsed", persist_state="session",
            )  # fmt: skip
        else:
            st.text(saved[question.field] or _("Not written yet."))

if may_edit:
    answers = {field: st.session_state[widget_key(field)] for field in IDEA_FIELDS}
    left, right = st.columns([1, 3], vertical_alignment="center")
    if left.button(_("Save the idea"), type="primary", key="save_idea", icon=":material/save:"):
        if web.act(save_idea, slug, answers):
            web.flash(_("Your idea is saved. Next step: the lean canvas."))
            st.rerun()
    if answers != saved:
        right.caption(_("You have unsaved changes."))
    st.page_link("pages/canvas.py", label=_("Go on to the lean canvas"), icon=":material/arrow_forward:")
