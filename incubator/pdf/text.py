"""User text on a PDF page: cleaned, shaped for right-to-left scripts, wrapped, and fitted to a box.

Everything is drawn with plain `drawString` calls, never reportlab's Paragraph markup, so
whatever a founder typed (`<b>`, `&`, `<img src=...>`) prints exactly as typed.
Arabic letters are joined (arabic-reshaper) and each wrapped line is put in visual order by
the Unicode bidi algorithm (python-bidi): shaping alone leaves right-to-left words reversed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import arabic_reshaper
from bidi import get_display
from reportlab.lib.colors import Color
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIR = Path(__file__).parent / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
ELLIPSIS = "…"
LINE_SPACING = 1.22


@cache
def register_fonts() -> None:
    """Register the embedded DejaVu Sans family once per process (regular and bold)."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    # Without the family mapping, bold requested through the family would silently come out regular.
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    addMapping(REGULAR, 1, 0, BOLD)


def clean_for_pdf(text: str) -> str:
    """Drop control characters (keeping newlines and tabs as spaces) and normalise to NFC."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\t", " ")
    return "".join(char for char in text if char == "\n" or unicodedata.category(char) != "Cc")


def is_right_to_left(text: str) -> bool:
    """Tell whether the first strongly directional letter of `text` is right-to-left."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


@dataclass(frozen=True)
class Line:
    """One line ready to draw: visual-order text, its font and size, and its alignment."""

    text: str
    font: str
    size: float
    right_to_left: bool = False


def _width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


def _split_long_word(word: str, font: str, size: float, width: float) -> list[str]:
    pieces, current = [], ""
    for char in word:
        if current and _width(current + char, font, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current] if current else pieces


def wrap_paragraph(text: str, font: str, size: float, width: float) -> list[Line]:
    """Wrap one paragraph to `width` points; right-to-left paragraphs are shaped and reordered per line."""
    right_to_left = is_right_to_left(text)
    logical = arabic_reshaper.reshape(text) if right_to_left or _has_arabic(text) else text
    space = _width(" ", font, size)
    lines: list[str] = []
    current, current_width = "", 0.0
    for word in logical.split(" "):
        word_width = _width(word, font, size)  # widths add up: no kerning in these fonts, so no re-measuring
        if current and current_width + space + word_width <= width:
            current, current_width = f"{current} {word}", current_width + space + word_width
            continue
        if not current and word_width <= width:
            current, current_width = word, word_width
            continue
        if current:
            lines.append(current)
        if word_width <= width:
            current, current_width = word, word_width
        else:
            *full, current = _split_long_word(word, font, size, width) or [""]
            lines.extend(full)
            current_width = _width(current, font, size)
    lines.append(current)
    return [Line(get_display(line) if _needs_bidi(line) else line, font, size, right_to_left) for line in lines]


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" for char in text)


def _needs_bidi(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


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
            pdf.setFont(line.font, line.size)
            if line.right_to_left:
                pdf.drawRightString(x + width, y, line.text)
            else:
                pdf.drawString(x, y, line.text)
