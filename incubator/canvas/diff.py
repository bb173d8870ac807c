"""What changed between two canvas versions, box by box and word by word."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from incubator.core.vocabulary import CANVAS_FIELDS

Operation = Literal["same", "added", "removed"]


@dataclass(frozen=True)
class FieldChange:
    """One field in two versions, with its text cut into unchanged, added and removed pieces."""

    field: str
    old: str
    new: str
    pieces: tuple[tuple[Operation, str], ...]

    @property
    def changed(self) -> bool:
        """Tell whether the field differs between the two versions."""
        return self.old != self.new


def _tokens(text: str) -> list[str]:
    # Words and the spaces after them stay together, so a changed word is highlighted with its space.
    return re.findall(r"\S+\s*|\s+", text)


def diff_text(old: str, new: str) -> tuple[tuple[Operation, str], ...]:
    """Cut two texts into (operation, text) pieces that read as the new text with deletions shown."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    pieces: list[tuple[Operation, str]] = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(("same", "".join(new_tokens[new_start:new_end])))
            continue
        if old_end > old_start:
            pieces.append(("removed", "".join(old_tokens[old_start:old_end])))
        if new_end > new_start:
            pieces.append(("added", "".join(new_tokens[new_start:new_end])))
    return tuple(pieces)


def compare_canvases(old: dict[str, str], new: dict[str, str]) -> list[FieldChange]:
    """Compare two canvases field by field, in the canonical field order."""
    return [
        FieldChange(field, old.get(field, ""), new.get(field, ""), diff_text(old.get(field, ""), new.get(field, "")))
        for field in CANVAS_FIELDS
    ]
