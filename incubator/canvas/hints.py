"""Guidance on a lean canvas that teaches rather than grades: small rules on the text of each box.

Blank boxes are not faults (the method says to leave a box blank until you know): they are
"still to explore", and only count towards the completeness indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from incubator.core.i18n import _

UVP_WORD_BUDGET = 20
TOP_PROBLEMS = 3
# Words that make a metric countable, in the three languages of the app.
_MEASURABLE = re.compile(
    r"\d|%|\b(per|each|every|rate|ratio|number|count|share|average|par|chaque|taux|nombre|moyenne|"
    r"aantal|ratio|gemiddeld|elke|week|weekly|month|monthly|day|daily|year|semaine|mois|jour|an|maand|dag|jaar)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Hint:
    """A piece of advice about one canvas field."""

    field: str
    message: str


def is_blank(text: str | None) -> bool:
    """Tell whether a box holds nothing but whitespace."""
    return not (text or "").strip()


def count_words(text: str) -> int:
    """Count the words of `text`."""
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


def count_items(text: str) -> int:
    """Count list items: lines, or semicolon-separated parts of a single line."""
    lines = [line.strip(" -•*\t") for line in text.splitlines() if line.strip(" -•*\t")]
    if len(lines) == 1:
        return len([part for part in re.split(r";", lines[0]) if part.strip()])
    return len(lines)


def hints_for_canvas(fields: dict[str, str]) -> list[Hint]:
    """Return the advice for a canvas, field by field; an empty canvas gets none."""
    hints: list[Hint] = []
    uvp, problem, metrics = (fields.get(name, "") for name in ("unique_value_proposition", "problem", "key_metrics"))
    if count_words(uvp) > UVP_WORD_BUDGET:
        message = _(
            "Your value proposition has {count} words. The strongest ones can be said in one breath: "
            "try to keep it to about {budget}."
        )
        hints.append(Hint("unique_value_proposition", message.format(count=count_words(uvp), budget=UVP_WORD_BUDGET)))
    if count_items(problem) > TOP_PROBLEMS:
        message = _("You list {count} problems. Pick the top {top} that hurt your customers most: the others can wait.")
        hints.append(Hint("problem", message.format(count=count_items(problem), top=TOP_PROBLEMS)))
    if not is_blank(problem) and is_blank(fields.get("existing_alternatives")):
        message = _("How do people cope today, even badly? Naming the alternatives shows the problem is real.")
        hints.append(Hint("existing_alternatives", message))
    if not is_blank(fields.get("customer_segments")) and is_blank(fields.get("early_adopters")):
        message = _("Who would try your solution first? Naming your early adopters tells you where to start.")
        hints.append(Hint("early_adopters", message))
    if not is_blank(metrics) and not _MEASURABLE.search(metrics):
        message = _(
            "Make your metrics countable, so you can see them move: "
            "for example “bookings per week” or “share of visitors who sign up”."
        )
        hints.append(Hint("key_metrics", message))
    if not is_blank(fields.get("solution")) and is_blank(problem):
        message = _(
            "Which problem does this solve? Write the problem first: "
            "a solution is only as good as the problem it answers."
        )
        hints.append(Hint("solution", message))
    return hints


def filled_boxes(fields: dict[str, str], main_fields: list[str]) -> int:
    """Count the boxes whose main field holds something."""
    return sum(1 for field in main_fields if not is_blank(fields.get(field)))
