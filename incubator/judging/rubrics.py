"""Scoring rubrics for pitch events, read from `templates/rubrics/*.toml` and checked when loaded.

A malformed rubric file is reported (with the file and the entry) and the others still load.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from incubator.core.config import PROJECT_ROOT
from incubator.core.errors import NotFound, TemplateInvalid
from incubator.core.i18n import _, current_language
from incubator.core.template_text import in_language

RUBRIC_DIR = PROJECT_ROOT / "templates" / "rubrics"
DEFAULT_RUBRIC = "demo-day"


@dataclass(frozen=True)
class Criterion:
    """One criterion: its name, a one-line description, its weight, and a description of every level."""

    name: str
    description: str
    weight: float
    levels: tuple[str, ...]
    # Scores are stored under `name`, which never changes; `label` is the name shown, in the reader's language.
    label: str = ""

    @property
    def title(self) -> str:
        """Return the name to show people."""
        return self.label or self.name


@dataclass(frozen=True)
class Rubric:
    """A named set of criteria, all scored on the same scale."""

    name: str
    title: str
    minimum: int
    maximum: int
    criteria: tuple[Criterion, ...]

    def criterion(self, name: str) -> Criterion | None:
        """Return the criterion called `name`, or None."""
        return next((criterion for criterion in self.criteria if criterion.name == name), None)

    def level_description(self, criterion: Criterion, value: int) -> str:
        """Return what a score of `value` means for `criterion`."""
        return criterion.levels[value - self.minimum]

    @property
    def weights(self) -> dict[str, float]:
        """Return each criterion's weight by name."""
        return {criterion.name: criterion.weight for criterion in self.criteria}

    @property
    def labels(self) -> dict[str, str]:
        """Return each criterion's shown name by stored name."""
        return {criterion.name: criterion.title for criterion in self.criteria}

    def relabel(self, by_startup: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
        """Return per-startup values by criterion, each under its shown name, in the rubric's order (as the chart)."""
        labels = self.labels
        return {
            startup: {labels[name]: values[name] for name in labels if name in values}
            | {name: value for name, value in values.items() if name not in labels}
            for startup, values in by_startup.items()
        }


def parse_rubric(name: str, data: dict[str, Any]) -> Rubric:
    """Check a rubric's data and build it; raises TemplateInvalid naming the file and entry."""
    where = f"rubrics/{name}.toml"
    try:
        minimum, maximum = int(data.get("minimum", 1)), int(data.get("maximum", 5))
        criteria = tuple(
            Criterion(
                name=str(entry["name"]),
                description=str(entry.get("description", "")),
                weight=float(entry.get("weight", 1)),
                levels=tuple(str(level) for level in entry["levels"]),
                label=str(entry.get("label", "")),
            )
            for entry in data["criteria"]
        )
    except (KeyError, TypeError, ValueError) as error:
        raise TemplateInvalid(f"{where}: missing or wrong entry {error}") from None
    if not criteria or minimum >= maximum:
        raise TemplateInvalid(f"{where}: needs criteria and a scale with minimum below maximum")
    names = [criterion.name for criterion in criteria]
    if len(set(names)) != len(names):
        raise TemplateInvalid(f"{where}: criterion names must be unique")
    for criterion in criteria:
        if len(criterion.levels) != maximum - minimum + 1:
            expected = maximum - minimum + 1
            raise TemplateInvalid(f"{where}: {criterion.name} needs {expected} levels, has {len(criterion.levels)}")
        if criterion.weight <= 0:
            raise TemplateInvalid(f"{where}: {criterion.name} needs a positive weight")
    return Rubric(name, str(data.get("title", name)), minimum, maximum, criteria)


def load_rubrics(folder: Path = RUBRIC_DIR) -> tuple[dict[str, Rubric], list[str]]:
    """Load every rubric file; return the good ones by name and a message for each malformed file."""
    rubrics: dict[str, Rubric] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        rubric, problem = _read_rubric(path, path.stat().st_mtime_ns, current_language())
        if rubric is not None:
            rubrics[path.stem] = rubric
        if problem:
            problems.append(problem)
    return rubrics, problems


@lru_cache(maxsize=64)
def _read_rubric(path: Path, _modified: int, language: str) -> tuple[Rubric | None, str]:
    # Read again only when the file changes: judges look a rubric up on every tap.
    try:
        data = in_language(tomllib.loads(path.read_text(encoding="utf-8")), language)
        return parse_rubric(path.stem, data), ""
    except tomllib.TOMLDecodeError as error:
        return None, f"rubrics/{path.name}: {error}"
    except TemplateInvalid as error:
        return None, str(error)


def get_rubric(name: str | None) -> Rubric:
    """Return the rubric called `name` (the demo-day rubric when None)."""
    rubrics, _problems = load_rubrics()
    rubric = rubrics.get(name or DEFAULT_RUBRIC)
    if rubric is None:
        raise NotFound(_("There is no rubric “{name}”.").format(name=name))
    return rubric
