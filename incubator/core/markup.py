"""Make user text inert where it meets markup: Streamlit's Markdown (and, later, HTML and reportlab)."""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable
from urllib.parse import quote

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


def mail_link(email: str) -> str:
    """Return a Markdown link that writes to `email`, showing it as typed; nothing in it can end the link early."""
    return f"[{escape_markdown(email)}](mailto:{quote(email, safe='@')})"


_DIFF_STYLES = {
    "added": "background:#d3f9d8;color:#1b4332;border-radius:3px;padding:0 2px",
    "removed": "background:#ffe3e3;color:#7d1a1a;text-decoration:line-through;border-radius:3px;padding:0 2px",
}


def escape_html(text: str) -> str:
    """Return `text` safe inside HTML, with line breaks kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def diff_html(pieces: Iterable[tuple[str, str]], show: str) -> str:
    """Render diff pieces as escaped HTML: `show` "new" marks additions, "old" marks removals."""
    hidden = "removed" if show == "new" else "added"
    parts = []
    for operation, text in pieces:
        if operation == hidden:
            continue
        style = _DIFF_STYLES.get(operation)
        parts.append(f'<span style="{style}">{escape_html(text)}</span>' if style else escape_html(text))
    return "".join(parts) or "<span style='color:#868e96'>—</span>"
