"""The demo cohort in French and Dutch: every text translated, nothing else touched, still a valid bundle."""

from __future__ import annotations

import json
from typing import Any

import pytest

from incubator.exchange.bundle_schema import parse_bundle
from incubator.exchange.demo import DEMO_BUNDLE_PATH, demo_bundle
from incubator.exchange.demo_texts import demo_texts, map_prose, prose_in

TRANSLATED = ("fr", "nl")
# Names and words that are the same in the other language; anything else left in English is a miss.
PROSE_MARK = "\u2063"  # invisible: tells the places of prose in a marked copy
SAME_IN = {"fr": {"Repair Café Online", "Solution", "Traction", "EUR", "%"}, "nl": {"Repair Café Online", "EUR", "%"}}


def _english() -> dict[str, Any]:
    bundle: dict[str, Any] = json.loads(DEMO_BUNDLE_PATH.read_text(encoding="utf-8"))
    return bundle


def test_the_prose_found_is_the_demos_texts_and_not_its_data():
    prose = prose_in(_english())
    assert "Dutch homework buddies for French-speaking kids, next door." in prose
    assert "Growth is good; measure repeat customers, not only orders." in prose  # a mentor's notes
    assert "List 3 employers" in prose  # an action item, inside a list
    assert "Clear, personal story about the pharmacy deliveries." in prose  # a judge's comment
    assert "Problem" in prose  # a slide title
    assert not {"greencourier", "2026-09-01", "idea", "in_progress", "pieter@demo.incubator.example"} & set(prose)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_text_of_the_demo_is_translated_and_no_translation_is_left_over(language):
    prose, texts = set(prose_in(_english())), demo_texts(language)
    assert sorted(prose - set(texts)) == [], "texts without a translation"
    assert sorted(set(texts) - prose) == [], "translations of texts the demo no longer has"
    assert {english for english, translated in texts.items() if english == translated} == SAME_IN[language]
    assert all(translated.strip() for translated in texts.values())


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_translated_demo_is_a_valid_bundle_that_differs_only_in_its_texts(language):
    english, translated = _english(), demo_bundle(language)
    parse_bundle(json.dumps(translated, ensure_ascii=False))
    marked = map_prose(english, lambda text: PROSE_MARK + text)
    _compare(english, marked, translated, "$", SAME_IN[language])
    assert translated["startups"][0]["tagline"] == demo_texts(language)[english["startups"][0]["tagline"]]


def _compare(english: Any, marked: Any, translated: Any, path: str, same: set[str]) -> None:
    """Walk the bundles side by side: the same shape, the same data, and every text translated."""
    assert type(english) is type(translated), path
    if isinstance(english, dict):
        assert list(english) == list(translated), path
        for key in english:
            _compare(english[key], marked[key], translated[key], f"{path}.{key}", same)
    elif isinstance(english, list):
        assert len(english) == len(translated), path
        for index, item in enumerate(english):
            _compare(item, marked[index], translated[index], f"{path}[{index}]", same)
    elif marked != english:
        assert english != translated or english in same | {""}, f"{path} is left in English"
    else:
        assert english == translated, f"{path} is data, not prose, and must not change"


def test_english_is_the_bundle_as_written():
    assert demo_bundle("en") == _english()
