"""A startup's documents as files for an actor: canvas PDF, deck (PDF or PowerPoint) and one-pager.

One function a file, `verb(session, actor, ...) -> bytes`, shared by the pages' downloads (through
`web.download`, which passes whoever is signed in at the click) and the command line. The
renderers are imported inside each function: only the file asked for needs reportlab or python-pptx.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy.orm import Session

from incubator.accounts.actors import Actor
from incubator.canvas.export import canvas_print
from incubator.deck.drafting import with_the_ask
from incubator.deck.printout import DeckPrint
from incubator.deck.versions import deck_for_export, deck_sources
from incubator.reports.charts import with_traction_chart
from incubator.reports.investor_summary import investor_summary


def canvas_pdf(session: Session, actor: Actor, slug: str, version: int | None = None) -> bytes:
    """Return the canvas PDF of `slug` (version `version`, else the newest) as the actor may see it."""
    from incubator.canvas.pdf import build_canvas_pdf

    return build_canvas_pdf(canvas_print(session, actor, slug, version))


def onepager_pdf(session: Session, actor: Actor, slug: str, *, include_scores: bool = False) -> bytes:
    """Return the one-page investor summary of `slug`; only coordinators may add mentors' scores."""
    from incubator.reports.onepager_pdf import build_onepager

    return build_onepager(with_traction_chart(investor_summary(session, actor, slug, include_scores=include_scores)))


def deck_print(session: Session, actor: Actor, slug: str) -> DeckPrint:
    """Return what the deck file of `slug` shows: the newest saved deck (else a draft) and its traction chart."""
    deck = deck_for_export(session, actor, slug)
    summary = with_traction_chart(investor_summary(session, actor, slug))
    sources, _canvas_version = deck_sources(session, actor, slug)
    return DeckPrint(summary.name, with_the_ask(deck.slides, sources), summary.chart_png, summary.incubator_name)


def deck_file(session: Session, actor: Actor, slug: str, kind: Literal["pdf", "pptx"]) -> bytes:
    """Return the deck of `slug` as a PDF or a PowerPoint file."""
    from incubator.deck.files import build_deck_pdf, build_pptx

    document = deck_print(session, actor, slug)
    return build_pptx(document) if kind == "pptx" else build_deck_pdf(document)
