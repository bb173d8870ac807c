"""A slide's prompt is guidance: never stored as a founder's words, never exported, the same state for every reader."""

from __future__ import annotations

import io
import json

import pytest
from pptx import Presentation
from pypdf import PdfReader
from sqlalchemy import select, text

from incubator.accounts.actors import Actor
from incubator.core.i18n import SUPPORTED_LANGUAGES, language
from incubator.core.vocabulary import Role
from incubator.db.migrations import upgrade_database
from incubator.db.models import DeckVersion
from incubator.deck.outlines import load_outlines, prompts_in_every_language
from incubator.deck.versions import draft_new_deck, save_deck
from incubator.reports.document_files import deck_file
from incubator.reports.journey import StepState, founder_path
from tests.factories import make_startup, make_user
from tests.integration.test_migrations import _downgrade_to

PROMPTS = prompts_in_every_language()


def _founder_of_a_new_startup(db) -> Actor:
    with db.write() as session:
        founder = make_user(session, Role.FOUNDER)
        make_startup(session, founders=[founder], slug="blank-idea", name="Blank Idea")
        return Actor.of(founder)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _pptx_text(data: bytes) -> str:
    deck = Presentation(io.BytesIO(data))
    return "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)


def test_there_are_prompts_in_three_languages():
    assert len(PROMPTS) >= 3 * 20


@pytest.mark.parametrize("reader", SUPPORTED_LANGUAGES)
def test_no_prompt_is_stored_or_exported_from_a_deck_drafted_in_any_language(db, reader):
    founder = _founder_of_a_new_startup(db)
    for outline in load_outlines()[0]:
        with language(reader), db.write() as session:
            deck = draft_new_deck(session, founder, "blank-idea", outline)
            saved = save_deck(session, founder, "blank-idea", deck, session.scalar(
                select(DeckVersion.number).where(DeckVersion.startup_id.isnot(None)).order_by(
                    DeckVersion.number.desc()).limit(1)) or 0)  # fmt: skip
        with db.read() as session:
            stored = session.scalars(select(DeckVersion.slides_json).where(DeckVersion.number == saved)).one()
            with language(reader):
                exports = _pdf_text(deck_file(session, founder, "blank-idea", "pdf")) + _pptx_text(
                    deck_file(session, founder, "blank-idea", "pptx")
                )
        slides = json.loads(stored)
        assert sum(slide["body"] == "" for slide in slides) >= len(slides) // 2, outline  # a blank startup: to write
        found = [prompt for prompt in PROMPTS if prompt in stored or prompt.splitlines()[0] in exports]
        assert found == [], (outline, reader, found[:3])


def test_one_startup_has_one_path_whoever_reads_it(db):
    founder = _founder_of_a_new_startup(db)
    french_prompt = next(
        slide.prompt for slide in _outline_in("fr").slides if slide.prompt and slide.title != _outline_in("fr").title
    )
    slides = [{"title": "Blank Idea", "body": "- We help"}, {"title": "Problème", "body": french_prompt}]
    with db.write() as session:
        session.add(DeckVersion(startup_id=_startup_id(session), number=1, outline="demo-day",
                                slides_json=json.dumps(slides), created_by_id=founder.id))  # fmt: skip
    answers = set()
    for reader in SUPPORTED_LANGUAGES:
        with language(reader), db.read() as session:
            path = founder_path(session, founder, "blank-idea")
        deck = path.steps[2]
        answers.add((deck.state, path.done, path.next_step.name if path.next_step else None))
    assert answers == {(StepState.IN_PROGRESS, 0, path.next_step.name)}


def _outline_in(reader: str):
    with language(reader):
        return load_outlines()[0]["demo-day"]


def _startup_id(session) -> int:
    from incubator.db.models import Startup

    return session.scalar(select(Startup.id).where(Startup.slug == "blank-idea"))


def test_the_migration_empties_stored_slides_that_hold_a_prompt_in_any_language(db):
    founder = _founder_of_a_new_startup(db)
    prompts = [_outline_in(reader).slides[1].prompt for reader in SUPPORTED_LANGUAGES]
    slides = [{"title": "Problem", "body": prompt, "drafted_body": prompt} for prompt in prompts]
    slides.append({"title": "Team", "body": "- Zoé, who ran a repair café", "drafted_body": ""})
    with db.write() as session:
        startup_id = _startup_id(session)
    _downgrade_to(db, "0012")
    with db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO deck_versions (startup_id, number, outline, slides_json, note, created_by_id, created_at)"
                 " VALUES (:startup, 1, 'demo-day', :slides, '', :author, '2026-01-01 00:00:00')"),
            {"startup": startup_id, "slides": json.dumps(slides), "author": founder.id},
        )  # fmt: skip
    upgrade_database(db)
    with db.read() as session:
        kept = json.loads(session.scalars(select(DeckVersion.slides_json)).one())
    assert [(slide["body"], slide["drafted_body"]) for slide in kept] == [("", "")] * 3 + [
        ("- Zoé, who ran a repair café", "")
    ]
