"""The glossary: one name per thing per language (`templates/glossary.toml`), and how a text follows it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GLOSSARY_FILE = Path(__file__).resolve().parents[2] / "templates" / "glossary.toml"
TRANSLATED = ("fr", "nl")
# A name's plural (or, in Dutch, a possessive) still names it.
_ENDINGS = r"(?:s|es|en|'s|’s)?"


@dataclass(frozen=True)
class Term:
    """One thing, the English ways of naming it, and its accepted and avoided names in each translation."""

    english: tuple[str, ...]
    names: dict[str, tuple[str, ...]]
    avoid: dict[str, tuple[str, ...]]

    def is_named_in(self, english_text: str) -> bool:
        """Tell whether an English text names this thing (a `{placeholder}` is a value, not a name)."""
        text = re.sub(r"\{[^{}]*\}", " ", english_text)
        return any(_word(form).search(text) for form in self.english)

    def fault_in(self, translation: str, language: str) -> str | None:
        """Say what is wrong with a translation of a text naming this thing, or None when it follows the glossary."""
        names = self.names[language]
        if not any(re.search(re.escape(name), translation, re.IGNORECASE) for name in names):
            return f"does not say “{names[0]}”"
        rest = translation
        for name in names:  # the accepted names (with any compound) are set aside before looking for avoided ones
            rest = re.sub(re.escape(name) + r"[\w·]*", " ", rest, flags=re.IGNORECASE)
        for avoided in self.avoid.get(language, ()):
            if _word(avoided).search(rest):
                return f"says “{avoided}” for “{names[0]}”"
        return None


def _word(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w·-])" + re.escape(form) + _ENDINGS + r"(?![\w·])", re.IGNORECASE)


@cache
def glossary() -> tuple[Term, ...]:
    """Return the glossary's terms, read once."""
    with GLOSSARY_FILE.open("rb") as file:
        document = tomllib.load(file)
    return tuple(
        Term(
            english=tuple(entry["en"]),
            names={language: tuple(entry[language]) for language in TRANSLATED},
            avoid={language: tuple(words) for language, words in entry.get("avoid", {}).items()},
        )
        for entry in document["term"]
    )
