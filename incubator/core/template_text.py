"""Per-language wording in template files: a table named after a language rewords the entry it sits in.

A template is written in English; beside any entry, a `[boxes.fr]` or `[criteria.nl]` table gives the
same keys in another language. Reading a template in a language lays that table over the English entry,
so a missing translation falls back to English (and `missing_translations` lists it for the tests).
"""

from __future__ import annotations

from typing import Any

from incubator.core.i18n import LANGUAGE_NAMES


def in_language(data: Any, language: str) -> Any:
    """Return template data with every entry's wording in `language`, language tables removed."""
    if isinstance(data, list):
        return [in_language(item, language) for item in data]
    if not isinstance(data, dict):
        return data
    worded = {key: in_language(value, language) for key, value in data.items() if key not in LANGUAGE_NAMES}
    wording = data.get(language)
    if isinstance(wording, dict):
        worded.update(wording)
    return worded


def missing_translations(
    data: Any, languages: tuple[str, ...], text_keys: frozenset[str], where: str = ""
) -> list[str]:
    """List the `text_keys` of each entry that a language table lacks, as 'where.key (fr)'."""
    if isinstance(data, list):
        return [
            gap
            for index, item in enumerate(data)
            for gap in missing_translations(item, languages, text_keys, f"{where}[{index}]")
        ]
    if not isinstance(data, dict):
        return []
    gaps: list[str] = []
    texts = sorted(key for key in data if key in text_keys)
    for language in languages:
        wording = data.get(language)
        given = wording if isinstance(wording, dict) else {}
        gaps.extend(
            f"{where}.{key} ({language})" if where else f"{key} ({language})" for key in texts if key not in given
        )
    for key, value in data.items():
        if key not in LANGUAGE_NAMES:
            gaps.extend(missing_translations(value, languages, text_keys, f"{where}.{key}" if where else key))
    return gaps
