"""Each thing has one name per language: every catalogue entry that names it uses the glossary's name."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from incubator.core.glossary import TRANSLATED, Term, glossary
from incubator.core.i18n import LOCALE_DIR


def _entries(language: str) -> list[tuple[str, str]]:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").open(encoding="utf-8") as file:
        catalogue = read_po(file)
    entries = []
    for message in catalogue:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else " ".join(message.id)
        translation = message.string if isinstance(message.string, str) else " ".join(message.string)
        entries.append((english, translation))
    return entries


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalogue_entry_names_each_thing_as_the_glossary_does(language):
    faults = [
        f"{english!r} → {translation!r} {fault}"
        for english, translation in _entries(language)
        for term in glossary()
        if term.is_named_in(english) and (fault := term.fault_in(translation, language))
    ]
    assert faults == []


def test_the_glossary_check_catches_a_synonym_and_a_missing_name():
    deck = next(term for term in glossary() if "deck" in term.english)
    assert deck.is_named_in("Save the deck") and not deck.is_named_in("Decker street")
    assert deck.fault_in("Enregistrer le pitch deck", "fr") is None
    assert deck.fault_in("Enregistrer la présentation du pitch deck", "fr") == "says “présentation” for “pitch deck”"
    assert deck.fault_in("Enregistrer", "fr") == "does not say “pitch deck”"
    assert deck.fault_in("Het pitchdeckmodel", "nl") is None
    assert deck.fault_in("Het pitchdeck en het deck", "nl") == "says “deck” for “pitchdeck”"
    founder = Term(("founder",), {"fr": ("fondateur·rice",)}, {"fr": ("fondateur",)})
    assert founder.fault_in("Les fondateur·rices", "fr") is None
    assert founder.fault_in("Les fondateurs et fondateur·rices", "fr") == "says “fondateur” for “fondateur·rice”"
