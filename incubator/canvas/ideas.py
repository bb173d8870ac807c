"""The idea page: a founder's first answers, which pre-fill the lean canvas."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.canvas.template import IdeaQuestion, idea_questions
from incubator.core.fields import LONG_TEXT_LIMIT, clean_text
from incubator.core.vocabulary import CANVAS_FIELDS, IDEA_FIELDS
from incubator.db.models import Idea, Startup
from incubator.startups.permissions import require_edit_startup_work
from incubator.startups.profiles import get_startup


def get_idea(session: Session, actor: Actor, slug: str) -> dict[str, str]:
    """Return the startup's idea, field by field (empty strings before anything is written)."""
    return idea_of(session, get_startup(session, actor, slug))


def idea_of(session: Session, startup: Startup) -> dict[str, str]:
    """Return an already authorised startup's idea, field by field (empty strings before anything is written)."""
    idea = session.get(Idea, startup.id)
    return {field: getattr(idea, field) if idea else "" for field in IDEA_FIELDS}


def save_idea(session: Session, actor: Actor, slug: str, answers: Mapping[str, str]) -> dict[str, str]:
    """Store the idea; founders of the startup only. Raises ValidationFailed naming a field over its limit."""
    startup = get_startup(session, actor, slug)
    require_edit_startup_work(session, actor, startup)
    titles = {question.field: question.title for question in idea_questions()}
    clean = {
        field: clean_text(answers.get(field, ""), field, titles[field], limit=LONG_TEXT_LIMIT, multiline=True)
        for field in IDEA_FIELDS
    }
    idea = session.get(Idea, startup.id)
    if idea is None:
        idea = Idea(startup_id=startup.id)
        session.add(idea)
    for field, value in clean.items():
        setattr(idea, field, value)
    idea.updated_by_id = actor.id
    record_change(session, actor, "update", "idea", slug)
    return clean


def canvas_start_from_idea(answers: Mapping[str, str], questions: tuple[IdeaQuestion, ...]) -> dict[str, str]:
    """Return a first canvas pre-filled from the idea's answers (problem, customer segments, solution)."""
    start = dict.fromkeys(CANVAS_FIELDS, "")
    for question in questions:
        if question.canvas_field:
            start[question.canvas_field] = answers.get(question.field, "").strip()
    return start
