"""Pitch deck outlines from `templates/decks/*.toml`: slides with a prompt, a word and time budget, and sources.

A malformed outline file is reported (file and entry) and the others still load.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from incubator.core.config import PROJECT_ROOT
from incubator.core.errors import NotFound, TemplateInvalid
from incubator.core.i18n import SUPPORTED_LANGUAGES, _, current_language
from incubator.core.template_text import in_language
from incubator.core.vocabulary import CANVAS_FIELDS, IDEA_FIELDS

DECK_DIR = PROJECT_ROOT / "templates" / "decks"
OTHER_SOURCES = ("name", "tagline", "milestones_done", "metrics", "ask", "team")
SOURCES = frozenset((*CANVAS_FIELDS, *IDEA_FIELDS, *OTHER_SOURCES))


@dataclass(frozen=True)
class OutlineSlide:
    """One slide of an outline."""

    title: str
    prompt: str
    word_budget: int
    seconds: int
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Outline:
    """A named deck outline."""

    name: str
    title: str
    slides: tuple[OutlineSlide, ...]


def parse_outline(name: str, data: dict[str, Any]) -> Outline:
    """Check an outline's data and build it; raises TemplateInvalid naming the file and the slide."""
    where = f"decks/{name}.toml"
    slides = []
    for index, entry in enumerate(data.get("slides", [])):
        try:
            slide = OutlineSlide(
                title=str(entry["title"]), prompt=str(entry["prompt"]), word_budget=int(entry["word_budget"]),
                seconds=int(entry["seconds"]), sources=tuple(str(source) for source in entry.get("sources", [])),
            )  # fmt: skip
        except (KeyError, TypeError, ValueError) as error:
            raise TemplateInvalid(f"{where}: slides[{index}]: missing or wrong {error}") from None
        unknown = [source for source in slide.sources if source not in SOURCES]
        if unknown:
            raise TemplateInvalid(f"{where}: slides[{index}]: unknown source {unknown[0]}")
        if slide.word_budget <= 0 or slide.seconds <= 0:
            raise TemplateInvalid(f"{where}: slides[{index}]: budgets must be positive")
        slides.append(slide)
    if not slides:
        raise TemplateInvalid(f"{where}: an outline needs slides")
    return Outline(name, str(data.get("title", name)), tuple(slides))


def load_outlines(folder: Path = DECK_DIR) -> tuple[dict[str, Outline], list[str]]:
    """Load every outline; return the good ones by name and a message for each malformed file.

    Read again only when a file changes (kept by the files' times, per language): the founder's path reads
    the outlines on every page that shows it.
    """
    outlines, problems = _loaded(folder, current_language(), _stamp(folder))
    return dict(outlines), list(problems)


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(folder.glob("*.toml")))


@lru_cache(maxsize=16)
def _loaded(
    folder: Path, language: str, _stamp: tuple[tuple[str, int, int], ...]
) -> tuple[dict[str, Outline], list[str]]:
    outlines: dict[str, Outline] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = in_language(tomllib.loads(path.read_text(encoding="utf-8")), language)
            outlines[path.stem] = parse_outline(path.stem, data)
        except tomllib.TOMLDecodeError as error:
            problems.append(f"decks/{path.name}: {error}")
        except TemplateInvalid as error:
            problems.append(str(error))
    return outlines, problems


def get_outline(name: str) -> Outline:
    """Return the outline called `name`."""
    outline = load_outlines()[0].get(name)
    if outline is None:
        raise NotFound(_("There is no deck outline “{name}”.").format(name=name))
    return outline


def sources_by_title(name: str) -> dict[str, tuple[str, ...]]:
    """Return what each slide of outline `name` is drawn from, by the slide's title in every language (casefolded).

    A deck that comes back from a bundle carries titles, not sources: this finds them again, so its
    traction slide shows the chart and its slides tell when the canvas changed. Unknown outline: empty.
    """
    found: dict[str, tuple[str, ...]] = {}
    stamp = _stamp(DECK_DIR)
    for language in SUPPORTED_LANGUAGES:
        outline = _loaded(DECK_DIR, language, stamp)[0].get(name)
        for slide in outline.slides if outline else ():
            found.setdefault(slide.title.casefold(), slide.sources)
    return found


def prompts_in_every_language(folder: Path = DECK_DIR) -> frozenset[str]:
    """Return every slide prompt of every outline in every language: guidance, never a founder's words."""
    stamp = _stamp(folder)
    return frozenset(
        slide.prompt.strip()
        for language in SUPPORTED_LANGUAGES
        for outline in _loaded(folder, language, stamp)[0].values()
        for slide in outline.slides
        if slide.prompt.strip()
    )


def slide_prompt(name: str, title: str, *, first: bool = False) -> str:
    """Return the prompt, in the reader's language, of the slide of outline `name` titled `title` in any language.

    A founder's slide keeps its outline's title unless they change it; a slide they retitled or added has
    no prompt (empty). The first slide (`first`), titled with the startup's name, has its outline's first prompt.
    """
    here = load_outlines()[0].get(name)
    if first:
        return here.slides[0].prompt if here and here.slides else ""
    stamp = _stamp(DECK_DIR)
    wanted = title.strip().casefold()
    for language in SUPPORTED_LANGUAGES:
        outline = _loaded(DECK_DIR, language, stamp)[0].get(name)
        for index, slide in enumerate(outline.slides if outline else ()):
            if slide.title.strip().casefold() == wanted:
                return here.slides[index].prompt if here and index < len(here.slides) else ""
    return ""
