"""The lean canvas and idea templates: boxes, filling order, layout and guidance, read from `templates/`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from incubator.core.config import PROJECT_ROOT
from incubator.core.errors import TemplateInvalid
from incubator.core.i18n import current_language
from incubator.core.template_text import in_language
from incubator.core.vocabulary import CANVAS_FIELDS, IDEA_FIELDS

CANVAS_TEMPLATE_PATH = PROJECT_ROOT / "templates" / "lean-canvas.toml"
IDEA_TEMPLATE_PATH = PROJECT_ROOT / "templates" / "idea.toml"
TOP_ROW = ("top-1", "top-2-upper", "top-2-lower", "top-3", "top-4-upper", "top-4-lower", "top-5")
POSITIONS = (*TOP_ROW, "bottom-left", "bottom-right")


@dataclass(frozen=True)
class CanvasBox:
    """One of the nine boxes, with the sub-field some boxes ask for."""

    field: str
    title: str
    order: int
    position: str
    prompt: str
    example: str
    sub_field: str | None = None
    sub_title: str = ""
    sub_prompt: str = ""
    sub_example: str = ""

    @property
    def fields(self) -> tuple[str, ...]:
        """Return the canvas fields this box holds: its own, then its sub-field."""
        return (self.field, self.sub_field) if self.sub_field else (self.field,)


@dataclass(frozen=True)
class CanvasTemplate:
    """The whole lean canvas template."""

    title: str
    credit: str
    minutes: int
    boxes: tuple[CanvasBox, ...]

    def box(self, field: str) -> CanvasBox:
        """Return the box that holds `field` (a box's own field or its sub-field)."""
        return next(box for box in self.boxes if field in box.fields)

    def at(self, position: str) -> CanvasBox:
        """Return the box at a layout position."""
        return next(box for box in self.boxes if box.position == position)

    def in_filling_order(self) -> list[CanvasBox]:
        """Return the boxes in the order the method suggests filling them."""
        return sorted(self.boxes, key=lambda box: box.order)

    def field_title(self, field: str) -> str:
        """Return the display title of any canvas field."""
        box = self.box(field)
        return box.title if field == box.field else box.sub_title


@dataclass(frozen=True)
class IdeaQuestion:
    """One question of the idea page, and the canvas field its answer pre-fills."""

    field: str
    title: str
    prompt: str
    example: str
    canvas_field: str | None = None


@cache
def read_template(path: Path) -> dict[str, Any]:
    """Return a template file's data with every language's wording; raises TemplateInvalid."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TemplateInvalid(f"{path.name}: {error}") from None


def _build(kind: type, entry: dict[str, Any], where: str) -> Any:
    try:
        return kind(**entry)
    except TypeError as error:
        raise TemplateInvalid(f"{where}: {error}") from None


def parse_canvas_template(data: dict[str, Any], name: str = "lean-canvas.toml") -> CanvasTemplate:
    """Check a canvas template's data and build it; raises TemplateInvalid naming what is wrong."""
    boxes = tuple(
        _build(CanvasBox, entry, f"{name}: boxes[{index}]") for index, entry in enumerate(data.get("boxes", []))
    )
    covered = [field for box in boxes for field in box.fields]
    if sorted(covered) != sorted(CANVAS_FIELDS):
        missing, extra = set(CANVAS_FIELDS) - set(covered), set(covered) - set(CANVAS_FIELDS)
        raise TemplateInvalid(f"{name}: fields missing {sorted(missing)}, unknown or repeated {sorted(extra)}")
    if sorted(box.position for box in boxes) != sorted(POSITIONS):
        raise TemplateInvalid(f"{name}: each position must be used once: {', '.join(POSITIONS)}")
    if sorted(box.order for box in boxes) != list(range(1, len(boxes) + 1)):
        raise TemplateInvalid(f"{name}: the orders must be 1 to {len(boxes)}, each once")
    for box in boxes:
        if not box.title.strip() or not box.prompt.strip():
            raise TemplateInvalid(f"{name}: box {box.field} needs a title and a prompt")
    return CanvasTemplate(
        title=str(data.get("title", "Lean canvas")),
        credit=str(data.get("credit", "")),
        minutes=int(data.get("minutes", 20)),
        boxes=boxes,
    )


def canvas_template() -> CanvasTemplate:
    """Return the lean canvas template from `templates/lean-canvas.toml`, worded in the current language."""
    return _canvas_template(current_language())


@cache
def _canvas_template(language: str) -> CanvasTemplate:
    data = in_language(read_template(CANVAS_TEMPLATE_PATH), language)
    return parse_canvas_template(data, CANVAS_TEMPLATE_PATH.name)


def parse_idea_template(data: dict[str, Any], name: str = "idea.toml") -> tuple[IdeaQuestion, ...]:
    """Check the idea template's data and build its questions; raises TemplateInvalid."""
    questions = tuple(
        _build(IdeaQuestion, entry, f"{name}: fields[{index}]") for index, entry in enumerate(data.get("fields", []))
    )
    if [question.field for question in questions] != list(IDEA_FIELDS):
        raise TemplateInvalid(f"{name}: the fields must be, in order: {', '.join(IDEA_FIELDS)}")
    for question in questions:
        if question.canvas_field is not None and question.canvas_field not in CANVAS_FIELDS:
            raise TemplateInvalid(f"{name}: {question.field} pre-fills an unknown canvas field {question.canvas_field}")
    return questions


def idea_questions() -> tuple[IdeaQuestion, ...]:
    """Return the idea page's questions from `templates/idea.toml`, worded in the current language."""
    return _idea_questions(current_language())


@cache
def _idea_questions(language: str) -> tuple[IdeaQuestion, ...]:
    return parse_idea_template(in_language(read_template(IDEA_TEMPLATE_PATH), language), IDEA_TEMPLATE_PATH.name)
