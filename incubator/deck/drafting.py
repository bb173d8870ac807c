"""Draft slides from what a founder already wrote: pure functions on plain values.

A slide's body is the text of its sources, as bullets; a slide whose subject is empty is left
empty, to write: its outline's prompt is guidance the editor shows greyed in the empty field, never
the founder's words, so it is never stored nor exported. Word budgets are counted, never enforced.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from incubator.canvas.hints import count_words
from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.deck.outlines import Outline, OutlineSlide


@dataclass(frozen=True)
class Slide:
    """One slide of a deck: what it says, the speaker's notes, and where its draft came from."""

    title: str
    body: str = ""
    notes: str = ""
    sources: tuple[str, ...] = ()
    drafted_body: str = ""  # the body as drafted, to tell a founder's own edits from a stale draft
    canvas_version: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the slide as JSON-ready values."""
        return {
            "title": self.title, "body": self.body, "notes": self.notes, "sources": list(self.sources),
            "drafted_body": self.drafted_body, "canvas_version": self.canvas_version,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Slide:
        """Read a slide stored with `to_dict`."""
        return cls(
            title=data.get("title", ""), body=data.get("body", ""), notes=data.get("notes", ""),
            sources=tuple(data.get("sources", [])), drafted_body=data.get("drafted_body", ""),
            canvas_version=int(data.get("canvas_version", 0)),
        )  # fmt: skip


def _bullets(text: str) -> list[str]:
    parts = [line.strip(" -•*\t") for line in text.replace(";", "\n").splitlines()]
    return [part for part in parts if part]


def draft_body(slide: OutlineSlide, sources: dict[str, str]) -> str:
    """Return the drafted body of one slide: its sources' text as bullets, or nothing when its subject is empty.

    A slide's first source is its subject; the others only support it. An "Ask" slide drawn from the ask
    and the team stays to write while no ask is written, never the founders' names alone.
    """
    if slide.sources and not _bullets(sources.get(slide.sources[0], "")):
        return ""
    bullets = [bullet for source in slide.sources for bullet in _bullets(sources.get(source, ""))]
    return "\n".join(f"- {bullet}" for bullet in bullets)


def draft_deck(outline: Outline, sources: dict[str, str], canvas_version: int) -> list[Slide]:
    """Draft every slide of an outline from the sources (canvas, idea, milestones, metrics, ask, team)."""
    slides = []
    for template in outline.slides:
        body = draft_body(template, sources)
        slides.append(
            Slide(
                title=template.title.replace("{name}", sources.get("name", "")) or template.title,
                body=body, sources=template.sources, drafted_body=body, canvas_version=canvas_version,
            )
        )  # fmt: skip
    return slides


def is_out_of_date(slide: Slide, sources: dict[str, str], canvas_version: int) -> bool:
    """A slide drawn from the canvas is out of date when the canvas changed since and redrafting would differ."""
    if not any(source in CANVAS_FIELDS for source in slide.sources) or slide.canvas_version >= canvas_version:
        return False
    template = OutlineSlide(slide.title, "", 1, 1, slide.sources)
    fresh = draft_body(template, sources)
    return bool(fresh) and fresh != slide.drafted_body


def over_word_budget(slide: Slide, budget: int) -> bool:
    """Tell whether the slide's body has more words than its budget."""
    return count_words(slide.body) > budget


ASK_SOURCE = "ask"


def is_ask_slide(slide: Slide) -> bool:
    """Tell whether a slide says the ask (its subject is the ask): its text is the one ask, never typed twice."""
    return bool(slide.sources) and slide.sources[0] == ASK_SOURCE


def with_the_ask(slides: list[Slide], sources: dict[str, str]) -> list[Slide]:
    """Return the slides with every ask slide's text drawn from the current ask (the one-pager's), as bullets.

    The ask is written once (on the deck's Ask slide or on the profile) and shown in the deck, the
    one-pager and the profile alike; with no ask written, an ask slide stays to write.
    """
    drawn = []
    for slide in slides:
        if is_ask_slide(slide):
            bullets = [f"- {bullet}" for source in slide.sources for bullet in _bullets(sources.get(source, ""))]
            body = "\n".join(bullets) if _bullets(sources.get(ASK_SOURCE, "")) else ""
            slide = replace(slide, body=body, drafted_body=body)
        drawn.append(slide)
    return drawn
