"""User text on a PDF page: cleaned, shaped for right-to-left scripts, wrapped, and fitted to a box.

Everything is drawn with plain `drawString` calls, never reportlab's Paragraph markup, so
whatever a founder typed (`<b>`, `&`, `<img src=...>`) prints exactly as typed.
- Each character is drawn in a font that has it (`typefaces`): a line is a row of font runs.
- Arabic letters are joined (arabic-reshaper); the bidi algorithm resolves a paragraph's levels once
  and each wrapped line is put in visual order within them (`bidi_lines`).
- Lines break at spaces, and also between Chinese and Japanese characters (which have none), never
  before closing or after opening punctuation; a word is cut only when it is wider than the line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import arabic_reshaper
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from incubator.pdf.bidi_lines import Paragraph, has_right_to_left, is_right_to_left
from incubator.pdf.typefaces import BOLD, REGULAR, Run, font_runs, register_fonts, text_width

__all__ = ["BOLD", "REGULAR", "is_right_to_left", "register_fonts"]

ELLIPSIS = "…"
LINE_SPACING = 1.22
# Line breaking (UAX #14, the part that matters here): no break before these, none after the openers.
_CLOSING = set("、。，．：；！？）」』】〕〉》〙〗〛｝］）ー・…‥々ゝゞ")
_OPENING = set("（「『【〔〈《〘〖〚｛［")


def clean_for_pdf(text: str) -> str:
    """Drop control characters (keeping newlines and tabs as spaces) and normalise to NFC."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\t", " ")
    return "".join(char for char in text if char == "\n" or unicodedata.category(char) != "Cc")


@dataclass(frozen=True)
class Line:
    """One line ready to draw: visual-order text, its font and size, and its alignment."""

    text: str
    font: str
    size: float
    right_to_left: bool = False

    @property
    def runs(self) -> tuple[Run, ...]:
        """Return the line as runs of one font each, left to right."""
        return font_runs(self.text, self.font)

    @property
    def width(self) -> float:
        """Return the line's width in points."""
        return text_width(self.text, self.font, self.size)


def _width(text: str, font: str, size: float) -> float:
    return text_width(text, font, size)


# Han ideographs, kana, their punctuation and full-width forms: text written without spaces.
_WRITTEN_WITHOUT_SPACES = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_WORD = re.compile("[^ ]+")


def _breaks_between_characters(char: str) -> bool:
    return _WRITTEN_WITHOUT_SPACES.match(char) is not None


def _may_break_before(text: str, index: int) -> bool:
    """Tell whether a line may break between text[index - 1] and text[index], neither being a space."""
    char, before = text[index], text[index - 1]
    cjk = _breaks_between_characters(char) or _breaks_between_characters(before)
    return cjk and char not in _CLOSING and before not in _OPENING


def _segments(text: str) -> list[tuple[int, int]]:
    """Split a paragraph where a line may break: each piece's [start, end) in the text, spaces left between."""
    if not _WRITTEN_WITHOUT_SPACES.search(text):
        return [match.span() for match in _WORD.finditer(text)]
    segments: list[tuple[int, int]] = []
    start = None
    for index, char in enumerate(text):
        if char == " ":
            if start is not None:
                segments.append((start, index))
                start = None
            continue
        if start is not None and _may_break_before(text, index):
            segments.append((start, index))
            start = None
        if start is None:
            start = index
    if start is not None:
        segments.append((start, len(text)))
    return segments


def _split_long_word(text: str, start: int, end: int, font: str, size: float, width: float) -> list[tuple[int, int]]:
    pieces, piece_start = [], start
    for index in range(start + 1, end):
        if _width(text[piece_start : index + 1], font, size) > width:
            pieces.append((piece_start, index))
            piece_start = index
    return [*pieces, (piece_start, end)]


def _line_ranges(text: str, font: str, size: float, width: float) -> list[tuple[int, int]]:
    """Fill lines greedily with the paragraph's segments; return each line's [start, end) in the text."""
    space = _width(" ", font, size)
    lines: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    current_width = 0.0
    for start, end in _segments(text):
        segment_width = _width(text[start:end], font, size)
        gap = space * (start - current[1]) if current is not None else 0.0  # the spaces typed between
        if current is not None and current_width + gap + segment_width <= width:
            current, current_width = (current[0], end), current_width + gap + segment_width
            continue
        if current is not None:
            lines.append(current)
        if segment_width <= width:
            current, current_width = (start, end), segment_width
        else:
            *full, last = _split_long_word(text, start, end, font, size, width)
            lines.extend(full)
            current, current_width = last, _width(text[last[0] : last[1]], font, size)
    lines.append(current or (0, 0))
    return lines


@lru_cache(maxsize=4096)  # fitting a box wraps the same paragraph at the same size more than once
def wrap_paragraph(text: str, font: str, size: float, width: float) -> tuple[Line, ...]:
    """Wrap one paragraph to `width` points, each line in visual order within the paragraph's bidi levels."""
    logical = arabic_reshaper.reshape(text) if _has_arabic(text) else text
    if not has_right_to_left(logical):
        return tuple(Line(logical[start:end], font, size) for start, end in _line_ranges(logical, font, size, width))
    paragraph = Paragraph.of(logical)
    right_to_left = paragraph.base_level == 1
    ranges = _line_ranges(paragraph.text, font, size, width)
    return tuple(Line(paragraph.visual(start, end), font, size, right_to_left) for start, end in ranges)


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" for char in text)


def wrap_text(text: str, font: str, size: float, width: float) -> list[Line]:
    """Wrap text of several paragraphs (blank lines kept as empty lines)."""
    lines: list[Line] = []
    for paragraph in clean_for_pdf(text).split("\n"):
        lines.extend(wrap_paragraph(paragraph, font, size, width))
    return lines


@dataclass(frozen=True)
class Block:
    """A piece of a box's content: a heading or body text."""

    text: str
    bold: bool = False
    muted: bool = False
    gap_before: float = 0.0  # in lines, e.g. 0.4 to set a sub-heading apart


@dataclass(frozen=True)
class FittedBlock:
    """A block's lines at the size chosen for its box."""

    block: Block
    lines: list[Line]


@dataclass(frozen=True)
class FittedBox:
    """The content of one box, laid out to fit: the size used, the lines, and whether text was cut."""

    size: float
    blocks: list[FittedBlock]
    shortened: bool

    @property
    def line_height(self) -> float:
        """Return the distance between two baselines."""
        return self.size * LINE_SPACING


def _layout(blocks: list[Block], size: float, width: float) -> list[FittedBlock]:
    return [FittedBlock(block, wrap_text(block.text, BOLD if block.bold else REGULAR, size, width)) for block in blocks]


def _line_count(fitted: list[FittedBlock]) -> float:
    return sum(len(item.lines) + item.block.gap_before for item in fitted)


def fit_blocks(
    blocks: list[Block], width: float, height: float, sizes: tuple[float, ...] = (9, 8.5, 8, 7.5, 7, 6.5, 6)
) -> FittedBox:
    """Lay blocks out at the largest size that fits; below the smallest, cut the last lines with an ellipsis."""
    register_fonts()
    for size in sizes:
        fitted = _layout(blocks, size, width)
        if _line_count(fitted) * size * LINE_SPACING <= height:
            return FittedBox(size, fitted, shortened=False)
    size = sizes[-1]
    laid_out = _layout(blocks, size, width)
    room = int(height / (size * LINE_SPACING) - sum(item.block.gap_before for item in laid_out))
    quotas = _share_lines(laid_out, max(room, 1))
    kept = [
        FittedBlock(item.block, _cut(item.lines, quota, width))
        for item, quota in zip(laid_out, quotas, strict=True)
        if quota
    ]
    return FittedBox(size, kept, shortened=True)


def _share_lines(laid_out: list[FittedBlock], room: int) -> list[int]:
    """Give each block a number of lines: headings keep theirs, texts share the rest by need, two lines first."""
    quotas = [len(item.lines) if item.block.bold else 0 for item in laid_out]
    left = room - sum(quotas)
    texts = [index for index, item in enumerate(laid_out) if not item.block.bold]
    for index in texts:  # a little of every text before more of any
        grant = min(len(laid_out[index].lines), 2, max(left, 0))
        quotas[index] += grant
        left -= grant
    while left > 0:
        wanting = [index for index in texts if quotas[index] < len(laid_out[index].lines)]
        if not wanting:
            break
        neediest = max(wanting, key=lambda index: len(laid_out[index].lines) - quotas[index])
        quotas[neediest] += 1
        left -= 1
    return quotas


def _cut(lines: list[Line], keep: int, width: float) -> list[Line]:
    if keep >= len(lines):
        return lines
    return [*lines[: keep - 1], _with_ellipsis(lines[keep - 1], width)]


def fit_line(text: str, font: str, width: float, sizes: tuple[float, ...]) -> tuple[Line, bool]:
    """Fit text on one line at the largest size that fits, else cut it with an ellipsis; says whether it was cut."""
    register_fonts()
    for size in sizes:
        lines = wrap_text(text.replace("\n", " "), font, size, width)
        if len(lines) == 1:
            return lines[0], False
    return _with_ellipsis(wrap_text(text.replace("\n", " "), font, sizes[-1], width)[0], width), True


def _with_ellipsis(line: Line, width: float) -> Line:
    text = line.text
    while text and _width(text + ELLIPSIS, line.font, line.size) > width:
        text = text[1:] if line.right_to_left else text[:-1]
    return Line(ELLIPSIS + text if line.right_to_left else text + ELLIPSIS, line.font, line.size, line.right_to_left)


@dataclass(frozen=True)
class Frame:
    """A rectangle on the page, from its bottom-left corner."""

    x: float
    y: float
    width: float
    height: float


def draw_fitted(pdf: Canvas, fitted: FittedBox, x: float, top: float, width: float, ink: Color, muted: Color) -> None:
    """Draw fitted lines from `top` down, right-to-left lines aligned right."""
    y = top
    for item in fitted.blocks:
        y -= item.block.gap_before * fitted.line_height
        pdf.setFillColor(muted if item.block.muted else ink)
        for line in item.lines:
            y -= fitted.line_height
            draw_line_in(pdf, line, x, y, width)


def draw_line_in(pdf: Canvas, line: Line, x: float, y: float, width: float) -> None:
    """Draw a line on a row `width` points wide from `x`: at its left, or at its right when written right to left."""
    draw_line(pdf, line, x + width if line.right_to_left else x, y, "right" if line.right_to_left else "left")


def draw_line(pdf: Canvas, line: Line, x: float, y: float, align: str = "left") -> None:
    """Draw a line run by run, each in its own font, from `x` ("left"), ending at it ("right") or around it."""
    runs = line.runs
    if align != "left":
        total = sum(float(pdf.stringWidth(text, font, line.size)) for text, font in runs)
        x -= total if align == "right" else total / 2
    for text, font in runs:
        pdf.setFont(font, line.size)
        pdf.drawString(x, y, text)
        x += float(pdf.stringWidth(text, font, line.size))
