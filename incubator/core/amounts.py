"""Amounts of money as people type them and read them in a form: in the reader's own way of writing numbers.

"40 000,50" in French, "40.000,50" in Dutch, "40,000.50" in English; plain digits ("40000") in all three.
Nothing is guessed: where the decimal mark is a comma (French, Dutch), a dot groups thousands, as
Belgians write it ("40.000" is forty thousand); in English "40.000" could be forty or forty thousand,
and is refused. Cents have at most two digits, and one field uses one kind of grouping.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_decimal, get_decimal_symbol

from incubator.core.errors import ValidationFailed
from incubator.core.fields import excerpt
from incubator.core.formatting import locale
from incubator.core.i18n import _

# The bundle contract's ceiling for an ask.
LARGEST_AMOUNT = Decimal(10) ** 12
_SPACES = " \u00a0\u202f"  # typed, no-break and narrow no-break spaces all group digits


def format_amount(value: float | None) -> str:
    """Return an amount for a form field: 40 000 or 40 000,50 in French; empty for none."""
    if value is None:
        return ""
    pattern = "#,##0" if float(value).is_integer() else "#,##0.00"
    return format_decimal(value, format=pattern, locale=locale())


def read_amount(text: str, label: str, field: str = "amount") -> float | None:
    """Return the amount typed in the reader's language (None for an empty field), or raise ValidationFailed."""
    typed = text.strip(_SPACES)
    if not typed:
        return None
    decimal_mark = get_decimal_symbol(locale())
    group_marks = _SPACES + ("." if decimal_mark == "," else ",")
    group = "[" + re.escape(group_marks) + "]"
    pattern = rf"(?:[0-9]+|[0-9]{{1,3}}(?:{group}[0-9]{{3}})+)(?:{re.escape(decimal_mark)}[0-9]{{1,2}})?"
    match = re.fullmatch(pattern, typed)
    if match is None or len(set(re.findall(group, typed))) > 1:
        raise ValidationFailed(
            _("{label}: “{value}” is not an amount; write it like {example}.").format(
                label=label, value=excerpt(typed), example=format_amount(40000.5)
            ),
            field=field,
        )
    whole, _mark, cents = typed.partition(decimal_mark)
    amount = Decimal(re.sub(group, "", whole) + ("." + cents if cents else ""))
    if amount > LARGEST_AMOUNT:
        raise ValidationFailed(
            _("{label}: {value} is more than the largest ask, {limit}.").format(
                label=label, value=excerpt(typed), limit=format_amount(float(LARGEST_AMOUNT))
            ),
            field=field,
        )
    return float(amount)
