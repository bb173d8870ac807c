"""A deck that comes back from a bundle keeps what its slides are drawn from: the chart, the stale marks."""

from __future__ import annotations

import pytest

from incubator.accounts.actors import Actor
from incubator.deck.drafting import is_out_of_date
from incubator.deck.printout import DeckPrint
from incubator.deck.slides_pdf import shows_chart
from incubator.deck.versions import deck_for_export, deck_sources
from incubator.exchange.bundle_import import import_bundle
from incubator.exchange.demo import load_demo

SLUG = "repair-cafe-online"


@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_the_demo_decks_traction_slide_carries_the_chart_in_every_language(db, language):
    with db.write() as session:
        load_demo(session, language)
    with db.read() as session:
        actor = Actor.command_line()
        deck = deck_for_export(session, actor, SLUG)
        sources, canvas_version = deck_sources(session, actor, SLUG)
    document = DeckPrint("Repair Café Online", deck.slides, chart_png=b"a chart")
    charted = [slide.title for slide in deck.slides if shows_chart(document, slide)]
    assert charted == [{"en": "Traction", "fr": "Traction", "nl": "Tractie"}[language]]
    assert "problem" in deck.slides[1].sources  # found by its title in the outline
    assert not [slide.title for slide in deck.slides if is_out_of_date(slide, sources, canvas_version)]


def test_a_slide_the_outline_does_not_know_is_drawn_from_nothing(db):
    bundle = {
        "format": "incubator-bundle", "version": 1,
        "startups": [{"slug": "kitchen-share", "name": "Kitchen Share", "deck": {"template": "demo-day", "slides": [
            {"title": "Our story", "body": "- Two cooks"}, {"title": "PROBLEM", "body": "- No kitchen"}]}}],
    }  # fmt: skip
    with db.write() as session:
        import_bundle(session, Actor.command_line(), bundle)
    with db.read() as session:
        slides = deck_for_export(session, Actor.command_line(), "kitchen-share").slides
    assert [slide.sources for slide in slides] == [(), ("problem", "existing_alternatives")]
