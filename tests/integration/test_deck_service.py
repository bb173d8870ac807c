"""Deck service on both databases: draft from the canvas, versions with locking, redraft, permissions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from incubator.accounts.actors import Actor
from incubator.canvas.versions import save_canvas
from incubator.core.errors import PermissionDenied, StaleEdit, ValidationFailed
from incubator.core.vocabulary import CANVAS_FIELDS, Role
from incubator.deck.drafting import is_out_of_date
from incubator.deck.versions import deck_sources, draft_new_deck, latest_deck, redraft_slide, save_deck
from tests.factories import make_startup, make_user


@pytest.fixture
def team(db):
    with db.write() as session:
        founder, mentor = make_user(session), make_user(session, Role.MENTOR)
        make_startup(session, slug="ours", name="Ours", founders=[founder], mentors=[mentor])
        founder_actor = Actor.of(founder)
        save_canvas(session, founder_actor, "ours", dict.fromkeys(CANVAS_FIELDS, "") | {"problem": "Queues."}, 0)
        return founder_actor, Actor.of(mentor)


def test_a_deck_is_drafted_saved_and_kept_as_versions(db, team):
    founder, mentor = team
    with db.write() as session:
        draft = draft_new_deck(session, founder, "ours", "demo-day")
        assert draft.slides[1].body == "- Queues."
        assert save_deck(session, founder, "ours", draft, seen_version=0, note="First") == 1
        edited = replace(draft, slides=[replace(draft.slides[0], title="Ours, renamed"), *draft.slides[1:]])
        assert save_deck(session, founder, "ours", edited, seen_version=1) == 2
    with db.read() as session:
        deck = latest_deck(session, mentor, "ours")
    assert deck is not None and deck.version == 2 and deck.slides[0].title == "Ours, renamed"


def test_the_later_of_two_saves_is_refused_and_bad_slides_are_named(db, team):
    founder, _mentor = team
    with db.write() as session:
        draft = draft_new_deck(session, founder, "ours", "demo-day")
        save_deck(session, founder, "ours", draft, seen_version=0)
    with pytest.raises(StaleEdit), db.write() as session:
        save_deck(session, founder, "ours", draft, seen_version=0)
    empty_title = replace(draft, slides=[replace(draft.slides[0], title=" ")])
    with pytest.raises(ValidationFailed, match="Slide 1"), db.write() as session:
        save_deck(session, founder, "ours", empty_title, seen_version=1)


def test_a_changed_canvas_marks_the_slide_out_of_date_and_a_redraft_fixes_only_it(db, team):
    founder, _mentor = team
    with db.write() as session:
        draft = draft_new_deck(session, founder, "ours", "demo-day")
        save_canvas(session, founder, "ours", dict.fromkeys(CANVAS_FIELDS, "") | {"problem": "Long queues."}, 1)
        sources, version = deck_sources(session, founder, "ours")
        assert is_out_of_date(draft.slides[1], sources, version)
        assert not is_out_of_date(draft.slides[5], sources, version)
        fixed = redraft_slide(session, founder, "ours", draft.slides[1])
    assert fixed.body == "- Long queues." and not is_out_of_date(fixed, sources, version)


def test_only_founders_draft_and_save_decks(db, team):
    _founder, mentor = team
    with pytest.raises(PermissionDenied), db.write() as session:
        draft_new_deck(session, mentor, "ours", "demo-day")
