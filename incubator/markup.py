"""Make user text inert where it meets markup: Streamlit's Markdown (and, later, HTML and reportlab)."""

from __future__ import annotations

import re
import string

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them
# also disarms Streamlit's own additions ($ maths, :emoji: and :color[text] directives).
_MARKDOWN_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
# GitHub-flavoured autolinks survive escaping; an invisible word joiner breaks "http://" and "www.".
_AUTOLINK_START = re.compile(r"(?i)\b(https?|ftp|mailto|www)(?=\\[:.])")
_WORD_JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """Return `text` so that Markdown shows it exactly as typed: no links, images, emphasis or HTML."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _AUTOLINK_START.sub(lambda match: match.group(1) + _WORD_JOINER, escaped).replace("\n", "  \n")
