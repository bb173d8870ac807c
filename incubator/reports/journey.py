"""The founder's path, Idea → Lean canvas → Pitch deck → One-pager, each step's state judged from the data.

- Idea: done when the problem, the target customer and the solution are answered; started with any answer.
- Lean canvas: done with at least 6 of its 9 boxes filled; started with one.
- Pitch deck: done once a version is saved with every slide written (none left empty or at a prompt);
  started with any saved version.
- One-pager: drawn from the rest, so what is left to write is the ask: done when the canvas and the deck
  are done and the ask says how much or what for; started once the ask holds anything.
A path is read with four queries for any number of startups (the dashboard shows one per startup).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.canvas.template import canvas_template, idea_questions
from incubator.core.errors import NotFound
from incubator.core.i18n import _, ngettext
from incubator.db.models import Ask, CanvasVersion, Cohort, DeckVersion, Idea, Startup
from incubator.deck.drafting import ASK_SOURCE
from incubator.deck.outlines import prompts_in_every_language
from incubator.startups.profiles import get_startup, list_visible_startups

CANVAS_DONE_AT = 6
IDEA_ESSENTIALS = ("problem", "target_customer", "solution_hypothesis")
IDEA_ANSWERS = (*IDEA_ESSENTIALS, "why_now", "notes")


class StepState(StrEnum):
    """How far a step is."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class StepName(StrEnum):
    """The four steps, in order; each is a page of the app (the one-pager's is the startup's profile)."""

    IDEA = "idea"
    CANVAS = "canvas"
    DECK = "deck"
    ONE_PAGER = "startup"


@dataclass(frozen=True)
class Step:
    """One step of the path: which, its state, a short note ("4 of 9 boxes") and, until done, what is missing."""

    name: StepName
    state: StepState
    note: str = ""
    missing: str = ""


@dataclass(frozen=True)
class Path:
    """A startup's four steps, and the first one not done (None when all are)."""

    steps: tuple[Step, ...]

    @property
    def next_step(self) -> Step | None:
        """Return the first step not done yet."""
        return next((step for step in self.steps if step.state is not StepState.DONE), None)

    @property
    def done(self) -> int:
        """Count the steps done."""
        return sum(step.state is StepState.DONE for step in self.steps)


def founder_path(session: Session, actor: Actor, slug: str) -> Path:
    """Return the path of one startup the actor may see."""
    startup = get_startup(session, actor, slug)
    return paths_of(session, [startup])[startup.id]


def cohort_paths(session: Session, actor: Actor, cohort_slug: str | None = None) -> list[tuple[str, Path]]:
    """Return (slug, path) of every startup the actor may see, in one cohort if `cohort_slug` is given, by name.

    Raises NotFound, in one line, for a cohort that does not exist.
    """
    startups = list_visible_startups(session, actor)
    if cohort_slug is not None:
        if session.scalar(select(Cohort.id).where(Cohort.slug == cohort_slug)) is None:
            raise NotFound(_("There is no cohort “{slug}”.").format(slug=cohort_slug))
        startups = [startup for startup in startups if startup.cohort and startup.cohort.slug == cohort_slug]
    paths = paths_of(session, startups)
    return [(startup.slug, paths[startup.id]) for startup in startups]


def visible_paths(session: Session, actor: Actor) -> dict[str, Path]:
    """Return the path of every startup the actor may see, by slug (the dashboard's column)."""
    startups = list_visible_startups(session, actor)
    paths = paths_of(session, startups)
    return {startup.slug: paths[startup.id] for startup in startups}


def paths_of(session: Session, startups: Sequence[Startup]) -> dict[int, Path]:
    """Return the path of each startup (already checked as visible), by startup id, in four queries."""
    ids = [startup.id for startup in startups]
    ideas = {idea.startup_id: idea for idea in session.scalars(select(Idea).where(Idea.startup_id.in_(ids)))}
    asks = {ask.startup_id: ask for ask in session.scalars(select(Ask).where(Ask.startup_id.in_(ids)))}
    canvases = {version.startup_id: version for version in session.scalars(_latest(CanvasVersion, ids))}
    decks = {version.startup_id: version for version in session.scalars(_latest(DeckVersion, ids))}
    main_fields = [box.field for box in canvas_template().boxes]
    prompts = prompts_in_every_language()
    paths = {}
    for startup_id in ids:
        canvas = _canvas_step(canvases.get(startup_id), main_fields)
        ask = asks.get(startup_id)
        deck = _deck_step(decks.get(startup_id), prompts, _asked(ask))
        steps = (_idea_step(ideas.get(startup_id)), canvas, deck, _one_pager_step(ask, canvas, deck))
        paths[startup_id] = Path(steps)
    return paths


def _latest(model: Any, ids: list[int]) -> Select[Any]:  # CanvasVersion or DeckVersion: the newest of each startup
    newest = (
        select(model.startup_id, func.max(model.number).label("number"))
        .where(model.startup_id.in_(ids))
        .group_by(model.startup_id)
        .subquery()
    )
    return select(model).join(newest, (model.startup_id == newest.c.startup_id) & (model.number == newest.c.number))


def _filled(text: str | None) -> bool:
    return bool(text and text.strip())


def _idea_step(idea: Idea | None) -> Step:
    answered = [field for field in IDEA_ANSWERS if idea is not None and _filled(getattr(idea, field))]
    note = _("{count} of {total} answers").format(count=len(answered), total=len(IDEA_ANSWERS))
    if all(field in answered for field in IDEA_ESSENTIALS):
        return Step(StepName.IDEA, StepState.DONE, note)
    titles = {question.field: question.title for question in idea_questions()}
    unanswered = ", ".join(titles.get(field, field) for field in IDEA_ESSENTIALS if field not in answered)
    missing = _("Still to answer: {questions}.").format(questions=unanswered)
    return Step(StepName.IDEA, StepState.IN_PROGRESS if answered else StepState.NOT_STARTED, note, missing)


def _canvas_step(version: CanvasVersion | None, main_fields: list[str]) -> Step:
    filled = sum(1 for field in main_fields if version is not None and _filled(getattr(version, field)))
    note = _("{filled} of {total} boxes").format(filled=filled, total=len(main_fields))
    if filled >= CANVAS_DONE_AT:
        return Step(StepName.CANVAS, StepState.DONE, note)
    left = CANVAS_DONE_AT - filled
    missing = ngettext(
        "{count} more box to fill in ({done} of the {total} make it done).",
        "{count} more boxes to fill in ({done} of the {total} make it done).",
        left,
    ).format(count=left, done=CANVAS_DONE_AT, total=len(main_fields))
    return Step(StepName.CANVAS, StepState.IN_PROGRESS if filled else StepState.NOT_STARTED, note, missing)


def _deck_step(version: DeckVersion | None, prompts: frozenset[str], asked: bool) -> Step:
    if version is None:
        return Step(StepName.DECK, StepState.NOT_STARTED, missing=_("No deck saved yet: draft one and save it."))
    slides = json.loads(version.slides_json or "[]")
    # A slide left empty, or holding a prompt in any language (kept by a deck from before prompts became
    # placeholders, or pasted), is not written yet: the same answer for every reader.
    # An ask slide says the one ask: written once the ask is, wherever it was written.
    unwritten = [str(slide.get("title", "")) for slide in slides
                 if not (asked and (slide.get("sources") or [""])[0] == ASK_SOURCE)
                 and (not _filled(slide.get("body")) or slide["body"].strip() in prompts)]  # fmt: skip
    note = _("{written} of {total} slides written").format(written=len(slides) - len(unwritten), total=len(slides))
    if slides and not unwritten:
        return Step(StepName.DECK, StepState.DONE, note)
    missing = (
        ngettext(
            "{count} slide to write, then save: {titles}.",
            "{count} slides to write, then save: {titles}.",
            len(unwritten),
        ).format(count=len(unwritten), titles=", ".join(unwritten))
        if slides
        else _("The deck has no slide.")
    )
    return Step(StepName.DECK, StepState.IN_PROGRESS, note, missing)


def _asked(ask: Ask | None) -> bool:
    return ask is not None and (ask.amount is not None or _filled(ask.use_of_funds))


def _one_pager_step(ask: Ask | None, canvas: Step, deck: Step) -> Step:
    asked = _asked(ask)
    note = "" if asked else _("the ask is still to write")
    if asked and canvas.state is StepState.DONE and deck.state is StepState.DONE:
        return Step(StepName.ONE_PAGER, StepState.DONE, note)
    parts = [_("the ask (how much, or what it is for)")] if not asked else []
    parts += [_("a lean canvas with 6 boxes filled")] if canvas.state is not StepState.DONE else []
    parts += [_("a saved deck with every slide written")] if deck.state is not StepState.DONE else []
    missing = _("Still missing: {parts}.").format(parts=", ".join(parts))
    started = ask is not None and (asked or _filled(ask.instrument))
    return Step(StepName.ONE_PAGER, StepState.IN_PROGRESS if started else StepState.NOT_STARTED, note, missing)


# The steps as the command line and its CSV name them (a contract: the same in every language).
STEP_KEYS = {StepName.IDEA: "idea", StepName.CANVAS: "canvas", StepName.DECK: "deck", StepName.ONE_PAGER: "one-pager"}


def progress_rows(paths: Sequence[tuple[str, Path]]) -> list[list[str]]:
    """Return one row per startup and step: slug, step key, state, and what is missing in the current language."""
    return [[slug, STEP_KEYS[step.name], step.state.value, step.missing] for slug, path in paths for step in path.steps]
