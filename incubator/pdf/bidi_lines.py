"""Right-to-left text per paragraph (Unicode UAX #9): levels for the whole paragraph, then each line reordered.

The bidi algorithm resolves embedding levels once for a paragraph, with the paragraph's own direction (its
first strong character); only then is the paragraph wrapped, and each line is put in visual order with
the levels of its characters (rules L1, L2 and L4). Reordering each wrapped line as a paragraph of its
own gets mixed lines wrong: a Dutch line holding one Hebrew word became a right-to-left line, its
brackets mirrored. The levels come from python-bidi (the Rust crate unicode-bidi, which implements the
current rules, bracket pairs included); python-bidi reorders whole strings only, so its levels are read
from its debug report, and lines are reordered and mirrored here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bidi import get_display
from bidi.mirror import MIRRORED

_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
# Explicit embeddings and isolates: the algorithm drops them (rule X9), so they never reach a line.
_EXPLICIT_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def has_right_to_left(text: str) -> bool:
    """Tell whether any character of `text` is written right to left."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def is_right_to_left(text: str) -> bool:
    """Tell whether the first strongly directional letter of `text` is right-to-left (rules P2, P3)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's text (explicit controls removed), its base level and each character's resolved level."""

    text: str
    base_level: int
    levels: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Paragraph:
        """Resolve the levels of a paragraph of logical text."""
        text = text.translate(_EXPLICIT_CONTROLS)
        base = 1 if is_right_to_left(text) else 0
        if not has_right_to_left(text):
            return cls(text, base, (base,) * len(text))
        return cls(text, base, _resolved_levels(text, base))

    def visual(self, start: int, end: int) -> str:
        """Return the line `text[start:end]` in visual order, by the paragraph's levels."""
        chars = list(self.text[start:end])
        levels = list(self.levels[start:end])
        for index in range(len(chars) - 1, -1, -1):  # L1: white space at the line's end takes the base level
            if not chars[index].isspace():
                break
            levels[index] = self.base_level
        odd = [level for level in levels if level % 2]
        if not odd:
            return "".join(chars)
        # L4: a mirrored character on a right-to-left level is drawn with its mirror image: "(" becomes ")".
        chars = [MIRRORED.get(char, char) if level % 2 else char for char, level in zip(chars, levels, strict=True)]
        order = list(range(len(chars)))
        for level in range(max(levels), min(odd) - 1, -1):  # L2: reverse every run at this level or higher
            index = 0
            while index < len(order):
                if levels[order[index]] < level:
                    index += 1
                    continue
                run_end = index
                while run_end < len(order) and levels[order[run_end]] >= level:
                    run_end += 1
                order[index:run_end] = reversed(order[index:run_end])
                index = run_end
        return "".join(chars[position] for position in order)


def _resolved_levels(text: str, base: int) -> tuple[int, ...]:
    """Return each character's embedding level, resolved over the whole paragraph (rules P to I)."""
    report = get_display(text, base_dir="LR"[base], debug=True)
    levels_part = report[report.index("levels:") : report.index("paragraphs:")]
    by_byte = [int(level) for level in _LEVEL.findall(levels_part)]  # one level a UTF-8 byte
    levels, offset = [], 0
    for char in text:
        levels.append(by_byte[offset])
        offset += len(char.encode("utf-8"))
    return tuple(levels)
