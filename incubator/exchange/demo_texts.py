"""The demo cohort's texts in French and Dutch, so a first click-through reads as founders in Brussels would write.

`templates/demo/texts.<language>.json` maps each English text of the demo bundle to its translation,
the way a gettext catalogue does: the bundle's data (slugs, dates, numbers, people) stays in one
file, and only the prose named in `PROSE_FIELDS` is swapped. A test keeps the catalogues complete.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from incubator.core.config import PROJECT_ROOT
from incubator.core.i18n import DEFAULT_LANGUAGE

DEMO_DIR = PROJECT_ROOT / "templates" / "demo"  # the bundle and its translations

# Where the demo bundle holds prose, as paths through its objects: lists are followed item by item,
# and "*" stands for every field of an object. Scores' criteria stay: they name the rubric's rows.
PROSE_FIELDS: tuple[tuple[str, ...], ...] = (
    ("cohorts", "name"),
    ("events", "name"),
    ("startups", "tagline"),
    ("startups", "sector"),
    ("startups", "ask", "instrument"),
    ("startups", "ask", "use_of_funds"),
    ("startups", "idea", "*"),
    ("startups", "canvas", "*"),
    ("startups", "deck", "slides", "title"),
    ("startups", "deck", "slides", "body"),
    ("startups", "deck", "slides", "notes"),
    ("startups", "metrics", "name"),
    ("startups", "metrics", "unit"),
    ("startups", "milestones", "title"),
    ("startups", "milestones", "description"),
    ("feedback", "notes"),
    ("feedback", "action_items"),
    ("scores", "comment"),
)


def demo_texts_path(language: str) -> Path:
    """Return the file holding the demo's texts in `language`."""
    return DEMO_DIR / f"texts.{language}.json"


@cache
def demo_texts(language: str) -> dict[str, str]:
    """Return the demo's English texts mapped to `language` (empty for English)."""
    if language == DEFAULT_LANGUAGE:
        return {}
    texts: dict[str, str] = json.loads(demo_texts_path(language).read_text(encoding="utf-8"))
    return texts


def prose_in(bundle: dict[str, Any]) -> list[str]:
    """Return every prose text of `bundle`, once each, in the order they appear."""
    found: dict[str, None] = {}

    def note(text: str) -> str:
        found.setdefault(text, None)
        return text

    map_prose(bundle, note)
    return [text for text in found if text]


def translate_bundle(bundle: dict[str, Any], language: str) -> dict[str, Any]:
    """Return a copy of `bundle` with its prose in `language`; a text without a translation stays in English."""
    texts = demo_texts(language)
    return map_prose(bundle, lambda text: texts.get(text, text))


def map_prose(bundle: dict[str, Any], rewrite: Callable[[str], str]) -> dict[str, Any]:
    """Return a copy of `bundle` with `rewrite` applied to each of its prose texts, and to nothing else."""
    bundle = copy.deepcopy(bundle)
    for path in PROSE_FIELDS:
        for holder, key in _holders(bundle, path):
            value = holder[key]
            if isinstance(value, str):
                holder[key] = rewrite(value)
            elif isinstance(value, list):
                holder[key] = [rewrite(item) if isinstance(item, str) else item for item in value]
    return bundle


def _holders(node: Any, path: tuple[str, ...]) -> Iterator[tuple[dict[str, Any], str]]:
    """Yield (object, field) for each place `path` reaches in `node`."""
    if isinstance(node, list):
        for item in node:
            yield from _holders(item, path)
        return
    if not isinstance(node, dict):
        return
    head, rest = path[0], path[1:]
    keys = list(node) if head == "*" else [head] if head in node else []
    for key in keys:
        if rest:
            yield from _holders(node[key], rest)
        else:
            yield node, key
