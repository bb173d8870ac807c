"""Which fonts PowerPoint and Impress use for the scripts that Latin fonts lack, set on each run of a slide.

A PowerPoint run has three font slots: Latin, East Asian (`a:ea`, for Chinese, Japanese and Korean) and
complex script (`a:cs`, for Arabic, Hebrew and Indic scripts); each character is drawn with the slot of
its script. Left empty, the slots fall to the theme, which names no East Asian or complex-script font,
and Impress then drew Chinese as empty boxes. Each run gets the font that Office itself uses for the
script it holds; where that font is not installed (Impress on Linux), the application substitutes one
that has the glyphs, which it does only when a font is named.
"""

from __future__ import annotations

from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.text.text import TextFrame

_JAPANESE, _KOREAN, _CHINESE = "Yu Gothic", "Malgun Gothic", "Microsoft YaHei"
_ARABIC_HEBREW, _DEVANAGARI = "Arial", "Nirmala UI"


def _has(text: str, *ranges: tuple[int, int]) -> bool:
    return any(low <= ord(char) <= high for char in text for low, high in ranges)


def east_asian_font(text: str) -> str | None:
    """Return the East Asian font for `text`, or None when it holds no Chinese, Japanese or Korean."""
    if _has(text, (0x3040, 0x30FF), (0x31F0, 0x31FF)):  # kana: Japanese, whatever Han characters go with it
        return _JAPANESE
    if _has(text, (0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)):
        return _KOREAN
    if _has(text, (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3400, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF)):
        return _CHINESE
    return None


def complex_script_font(text: str) -> str | None:
    """Return the complex-script font for `text`, or None when it holds no Arabic, Hebrew or Devanagari."""
    if _has(text, (0x0900, 0x097F), (0xA8E0, 0xA8FF)):
        return _DEVANAGARI
    if _has(text, (0x0590, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF)):
        return _ARABIC_HEBREW
    return None


def set_script_fonts(frame: TextFrame) -> None:
    """Name the East Asian and complex-script fonts on every run of `frame` whose text needs them."""
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            properties = run._r.get_or_add_rPr()
            for tag, font in (("a:ea", east_asian_font(run.text)), ("a:cs", complex_script_font(run.text))):
                if font is None or properties.find(qn(tag)) is not None:
                    continue
                # Schema order: a:latin, a:ea, a:cs, a:sym, then hyperlinks; these runs hold no a:sym or links.
                element = OxmlElement(tag)
                element.set("typeface", font)
                properties.append(element)
