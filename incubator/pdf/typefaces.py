"""The PDF fonts, all embedded: DejaVu Sans for what it covers, then a fallback per character by glyph coverage.

DejaVu Sans covers Latin, Greek, Cyrillic, Arabic and Hebrew; for the characters it lacks, the first font
below whose character map has a glyph draws them: Chinese, Japanese and Korean (Droid Sans Fallback),
Devanagari (Noto Sans Devanagari), then emoji and symbols (Symbola, monochrome). All are TrueType
(reportlab embeds TrueType outlines only, not CFF), ship in `fonts/` with their licences, and are
subset into each PDF. A fallback font is read from disk the first time a character needs it, so a
document in Latin script costs nothing more.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).parent / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
# In the order they are tried. They have no bold: bold text in these scripts is drawn regular.
FALLBACK_FILES = {
    "DroidSansFallback": "DroidSansFallback.ttf",
    "NotoSansDevanagari": "NotoSansDevanagari-Regular.ttf",
    "Symbola": "Symbola.ttf",
}
Run = tuple[str, str]  # (text, font name)


def _to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """Return the ToUnicode map of a font subset, with every character written in UTF-16 as PDF requires.

    reportlab 5.1 writes a character above U+FFFF as five hex digits ("<1F680>"), which readers refuse, so
    emoji and rare Chinese characters were missing from the text layer (nothing to copy, search or read aloud).
    """
    mappings = [f"<{code:02X}> <{chr(char).encode('utf-16-be', 'surrogatepass').hex().upper()}>"
                for code, char in enumerate(subset)]  # fmt: skip
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo\n<< /Registry ({font_name})\n/Ordering ({font_name})\n/Supplement 0\n>> def",
        f"/CMapName /{font_name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *mappings, "endbfchar",
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])  # fmt: skip


@cache
def register_fonts() -> None:
    """Register the embedded DejaVu Sans family once per process (regular and bold)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # reportlab's own, mended above
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    # Without the family mapping, bold requested through the family would silently come out regular.
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    addMapping(REGULAR, 1, 0, BOLD)


@cache
def _character_map(font: str) -> frozenset[int]:
    """Return the code points `font` has a glyph for, registering a fallback font on first use."""
    register_fonts()
    if font in FALLBACK_FILES:
        pdfmetrics.registerFont(TTFont(font, str(FONT_DIR / FALLBACK_FILES[font])))
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def _rides_along(char: str) -> bool:
    # Combining marks, joiners, variation selectors and skin tones belong with the character before them.
    return unicodedata.category(char) in ("Mn", "Me", "Cf") or 0x1F3FB <= ord(char) <= 0x1F3FF or char.isspace()


@cache
def font_for(char: str, primary: str) -> str:
    """Return the font that draws `char`: `primary` when it has the glyph, else the first fallback that has it."""
    code = ord(char)
    if code in _character_map(primary):
        return primary
    for fallback in FALLBACK_FILES:
        if code in _character_map(fallback):
            return fallback
    return primary  # no font has it: the primary font's empty box, as any reader would show


@lru_cache(maxsize=8192)  # fitting a box measures the same words at every size it tries
def font_runs(text: str, primary: str) -> tuple[Run, ...]:
    """Split `text` into runs of one font each, in the order given."""
    covered = _character_map(primary)
    if all(ord(char) in covered for char in text):
        return ((text, primary),) if text else ()
    runs: list[list[str]] = []
    for char in text:
        # A mark or joiner stays in the run of the character it belongs to, when that font has it.
        stays = runs and _rides_along(char) and ord(char) in _character_map(runs[-1][1])
        font = runs[-1][1] if stays else font_for(char, primary)
        if runs and runs[-1][1] == font:
            runs[-1][0] += char
        else:
            runs.append([char, font])
    return tuple((run_text, font) for run_text, font in runs)


def text_width(text: str, primary: str, size: float) -> float:
    """Return the width of `text` in points, each character measured in the font that draws it."""
    return sum(float(pdfmetrics.stringWidth(run, font, size)) for run, font in font_runs(text, primary))
