"""The messages' words, from `templates/mail/`: a subject, a plain text and an HTML body per kind and language.

Each file names the placeholders it may use (`fields`); a file that uses another, or any format
spec, attribute or index, is refused when it is read (TemplateInvalid), so a value can only ever
be put in where a placeholder stands. Values are made safe for where they go: one line for the
subject (no CR or LF can start a header of its own), HTML-escaped for the HTML body. A text given as a
table of plural forms (`one`, `many`, `other`) is chosen by `count` with the language's CLDR rules
(Babel), so "1 day" and "2 days", "1 jour" and "2 jours" read right.
"""

from __future__ import annotations

import html
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale

from incubator.core.config import PROJECT_ROOT
from incubator.core.errors import TemplateInvalid
from incubator.core.template_text import in_language

MAIL_DIR = PROJECT_ROOT / "templates" / "mail"
SUBJECT_LIMIT = 200
_PARTS = ("subject", "text", "html")


@dataclass(frozen=True)
class RenderedMail:
    """A message's words, ready for the outbox."""

    subject: str
    text: str
    html: str


def one_line(value: str) -> str:
    """Return `value` on one line: every run of whitespace (CR and LF included) becomes one space."""
    return " ".join(value.split())


def _placeholders(text: str, where: str) -> set[str]:
    names = set()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise TemplateInvalid(f"mail/{where}: a placeholder must be a plain {{name}}, not {{{name}}}")
        names.add(name)
    return names


@lru_cache(maxsize=64)
def _template(kind: str, language: str, _modified: int) -> dict[str, Any]:
    path = MAIL_DIR / f"{kind}.toml"
    try:
        data: dict[str, Any] = in_language(tomllib.loads(path.read_text(encoding="utf-8")), language)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TemplateInvalid(f"mail/{kind}.toml: {error}") from None
    fields = set(data.get("fields", ()))
    plurals = {key for key, value in data.items() if isinstance(value, dict)}
    for key, value in data.items():
        texts = list(value.values()) if isinstance(value, dict) else [value] if isinstance(value, str) else []
        for text in texts:
            unknown = _placeholders(text, f"{kind}.toml {key}") - fields - plurals
            if unknown:
                raise TemplateInvalid(f"mail/{kind}.toml {key}: unknown placeholder {{{sorted(unknown)[0]}}}")
    return data


def mail_template(kind: str, language: str) -> dict[str, Any]:
    """Return the template `kind` in `language` (English where a text is not translated); read again when changed."""
    path = MAIL_DIR / f"{kind}.toml"
    modified = path.stat().st_mtime_ns if path.exists() else 0
    return _template(kind, language, modified)


def _plural(forms: dict[str, str], count: int, language: str) -> str:
    form = Locale.parse(language).plural_form(count)
    return forms.get(form) or forms["other"]


def _filled(text: str, values: dict[str, str]) -> str:
    return text.format_map(values)


def _values_for(data: dict[str, Any], values: dict[str, Any], language: str, escape: bool) -> dict[str, str]:
    def safe(value: Any) -> str:
        text = str(value)
        return html.escape(text, quote=True) if escape else text

    prepared = {name: safe(value) for name, value in values.items()}
    count = int(values.get("count", 0))
    for key, forms in data.items():
        if isinstance(forms, dict):
            prepared[key] = _filled(_plural(forms, count, language), prepared)
    return prepared


def render_mail(
    kind: str, language: str, values: dict[str, Any], *, notice: bool = False, html_blocks: dict[str, str] | None = None
) -> RenderedMail:
    """Return the message `kind` in `language` with `values` put in, inside the frame (with its footer).

    `html_blocks` are pieces of HTML the caller built from escaped values (a digest's list), put in
    the HTML body as they are; in the plain text the same placeholders take `values`.
    """
    data = mail_template(kind, language)
    frame = mail_template("frame", language)
    plain = _values_for(data, {name: value for name, value in values.items()}, language, escape=False)
    marked = _values_for(data, values, language, escape=True) | (html_blocks or {})
    subject = one_line(_filled(data["subject"], {name: one_line(value) for name, value in plain.items()}))
    if len(subject) > SUBJECT_LIMIT:
        subject = subject[: SUBJECT_LIMIT - 1].rstrip() + "…"
    footer_key = "notice_footer" if notice else "footer"
    incubator = str(values.get("incubator", ""))
    footer_text = _filled(frame[footer_key], {"incubator": incubator})
    footer_html = _filled(frame[footer_key], {"incubator": html.escape(incubator)})
    text = _filled(data["text"], plain).rstrip() + "\n\n-- \n" + footer_text + "\n"
    body = _filled(data["html"], marked)
    page = _filled(frame["html"], {"incubator": html.escape(incubator), "body": body, "footer": footer_html})
    return RenderedMail(subject, text, page)


def mail_kinds() -> list[str]:
    """Return the kinds of message there are templates for (the frame is not one)."""
    return sorted(path.stem for path in Path(MAIL_DIR).glob("*.toml") if path.stem != "frame")
