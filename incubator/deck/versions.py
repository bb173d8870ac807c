"""Pitch decks: drafted from the canvas and everything around it, edited and saved as versions.

Saving uses the same optimistic locking as the canvas (`startups.deck_version`, a conditional
UPDATE and a row-count check), so two founders never overwrite each other silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.accounts.audit import record_change
from incubator.canvas.ideas import get_idea
from incubator.canvas.versions import latest_canvas
from incubator.core.errors import StaleEdit, ValidationFailed
from incubator.core.fields import LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT, clean_text
from incubator.core.formatting import format_day_in_words, format_money, format_number
from incubator.core.i18n import _
from incubator.core.vocabulary import CANVAS_FIELDS, MilestoneStatus
from incubator.db.models import DeckVersion, Startup
from incubator.db.version_claims import claim_next_version
from incubator.deck.drafting import Slide, draft_body, draft_deck, with_the_ask
from incubator.deck.outlines import OutlineSlide, get_outline
from incubator.progress.metrics import metric_series
from incubator.progress.milestones import list_milestones
from incubator.startups.asks import get_ask
from incubator.startups.permissions import require_edit_startup_work
from incubator.startups.profiles import get_startup
from incubator.startups.teams import team_names_of

MAX_SLIDES = 40


@dataclass(frozen=True)
class Deck:
    """A deck as plain values: its version number (0 before the first save), outline and slides."""

    version: int
    outline: str
    slides: list[Slide]


def deck_sources(session: Session, actor: Actor, slug: str) -> tuple[dict[str, str], int]:
    """Return every text a slide can be drafted from, and the canvas version it comes from."""
    startup = get_startup(session, actor, slug)
    canvas = latest_canvas(session, actor, slug)
    sources = dict.fromkeys(CANVAS_FIELDS, "") | (canvas.boxes() if canvas else {})
    idea = get_idea(session, actor, slug)
    for key in ("target_customer", "solution_hypothesis", "why_now", "notes"):  # the others are canvas fields too
        sources[key] = idea[key]
    sources["name"], sources["tagline"] = startup.name, startup.tagline
    done = [m.title for m in list_milestones(session, actor, slug) if m.status is MilestoneStatus.DONE]
    sources["milestones_done"] = "\n".join(done)
    figures = []
    for name, points in metric_series(session, actor, slug).items():
        if points:
            figures.append(f"{name}: {format_number(points[-1][1])} ({format_day_in_words(points[-1][0])})")
    sources["metrics"] = "\n".join(figures)
    ask = get_ask(session, actor, slug)
    amount = format_money(ask.amount, ask.currency) if ask.amount is not None else ""
    sources["ask"] = "\n".join(
        part for part in (" · ".join(p for p in (amount, ask.instrument) if p), ask.use_of_funds) if part
    )
    sources["team"] = "\n".join(team_names_of(session, startup))
    return sources, startup.canvas_version


def latest_deck(session: Session, actor: Actor, slug: str) -> Deck | None:
    """Return the newest saved deck of a startup the actor may see, or None."""
    startup = get_startup(session, actor, slug)
    version = _version(session, startup.id, startup.deck_version)
    if version is None:
        return None
    return Deck(version.number, version.outline, [Slide.from_dict(item) for item in json.loads(version.slides_json)])


def _version(session: Session, startup_id: int, number: int) -> DeckVersion | None:
    if not number:
        return None
    return session.scalar(select(DeckVersion).where(DeckVersion.startup_id == startup_id, DeckVersion.number == number))


def draft_new_deck(session: Session, actor: Actor, slug: str, outline_name: str) -> Deck:
    """Return a first draft of a deck from an outline (not saved yet); founders only."""
    startup = get_startup(session, actor, slug)
    require_edit_startup_work(session, actor, startup)
    sources, canvas_version = deck_sources(session, actor, slug)
    return Deck(startup.deck_version, outline_name, draft_deck(get_outline(outline_name), sources, canvas_version))


def redraft_slide(session: Session, actor: Actor, slug: str, slide: Slide) -> Slide:
    """Return the slide drafted again from the current canvas (title and notes kept)."""
    sources, canvas_version = deck_sources(session, actor, slug)
    body = draft_body(OutlineSlide(slide.title, slide.body, 1, 1, slide.sources), sources)
    return Slide(slide.title, body, slide.notes, slide.sources, body, canvas_version)


def _clean(slides: list[Slide]) -> list[Slide]:
    if not slides:
        raise ValidationFailed(_("A deck needs at least one slide."), field="slides")
    if len(slides) > MAX_SLIDES:
        raise ValidationFailed(_("A deck has at most {count} slides.").format(count=MAX_SLIDES), field="slides")
    cleaned = []
    for number, slide in enumerate(slides, start=1):
        prefix = _("Slide {number}: ").format(number=number)
        try:
            title = clean_text(slide.title, "title", _("The title"), limit=SHORT_TEXT_LIMIT, required=True)
            body = clean_text(slide.body, "body", _("The text"), limit=LONG_TEXT_LIMIT, multiline=True)
            notes = clean_text(slide.notes, "notes", _("The notes"), limit=LONG_TEXT_LIMIT, multiline=True)
        except ValidationFailed as error:
            raise ValidationFailed(prefix + str(error), field=error.field) from None
        cleaned.append(Slide(title, body, notes, slide.sources, slide.drafted_body, slide.canvas_version))
    return cleaned


def save_deck(session: Session, actor: Actor, slug: str, deck: Deck, seen_version: int, note: str = "") -> int:
    """Store the deck as a new version if `seen_version` is still the newest; founders only. Returns its number."""
    startup = get_startup(session, actor, slug)
    require_edit_startup_work(session, actor, startup)
    sources, _canvas_version = deck_sources(session, actor, slug)
    slides = with_the_ask(_clean(deck.slides), sources)  # stored as the one ask says it
    number = store_deck_version(session, startup, deck.outline, slides, seen_version, note, actor.id)
    record_change(session, actor, "save", "deck", slug, version=number)
    return number


def store_deck_version(
    session: Session, startup: Startup, outline: str, slides: list[Slide], seen_version: int, note: str,
    author_id: int | None,
) -> int:  # fmt: skip
    """Store checked slides as version `seen_version + 1`, or raise StaleEdit."""
    if not claim_next_version(session, startup, "deck_version", seen_version):
        raise StaleEdit(_("Someone saved this deck while you were editing. Reload it, then make your change again."))
    session.add(
        DeckVersion(
            startup_id=startup.id, number=seen_version + 1, outline=outline, note=note[:500], created_by_id=author_id,
            slides_json=json.dumps([slide.to_dict() for slide in slides], ensure_ascii=False),
        )
    )  # fmt: skip
    session.flush()
    return seen_version + 1


def deck_for_export(session: Session, actor: Actor, slug: str, outline_name: str = "demo-day") -> Deck:
    """Return the newest saved deck, or (before the first save) a fresh draft from an outline."""
    saved = latest_deck(session, actor, slug)
    if saved is not None:
        return saved
    sources, canvas_version = deck_sources(session, actor, slug)
    return Deck(0, outline_name, draft_deck(get_outline(outline_name), sources, canvas_version))
