"""Read one number or one date from a spreadsheet cell, in the file's convention, or say why not.

Spreadsheets write numbers and dates the way their language does. French and Dutch Excel separate
columns with `;` and write `1 234,5` or `1.234,5` and `31/03/2027` or `31-3-2027`; English Excel
separates with `,` and writes `1,234.5`. The separator of the columns tells which convention the file
follows, and within it a value must read one way only:

- The decimal mark is the point in `,` files and the comma in `;` files; in tab files (Excel's
  "Unicode text") either, since nothing in the file says which.
- Thousands are grouped by spaces (also the no-break spaces French Excel writes) in groups of three,
  or by the other mark when the value also holds its decimal mark (`1,234.5`, `1.234,5`) or more
  than one group (`1,234,567`).
- A lone mark followed by exactly three digits (`1,000`, `1.000`) reads as a thousand or as one,
  depending on who typed it, unless it is the file's decimal mark: such a value is refused.
- Dates are ISO (`2027-03-31`) in every file, and day first (`31/03/2027`, `31-3-2027`,
  `31.03.2027`, four-digit year) in `;` and tab files only: a `,` file may come from a program that
  writes the month first, so `03/04/2027` would mean two dates.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from incubator.core.fields import excerpt
from incubator.core.i18n import _

VALUE_LIMIT = 1e15  # the bundle contract's bound: no chart, table or export needs more
FIRST_YEAR, LAST_YEAR = 1900, 2199
_GROUP_SPACES = " \u00a0\u202f"
_NUMBER = re.compile(r"[+-]?[0-9][0-9.,]*")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DAY_FIRST_DATE = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")


class CellRefused(ValueError):
    """A cell that does not hold one clear value; the message says why, in a few words."""


@dataclass(frozen=True)
class Convention:
    """How a file writes numbers and dates, told by its column separator."""

    delimiter: str

    @property
    def decimal_marks(self) -> str:
        return {",": ".", ";": ","}.get(self.delimiter, ".,")

    @property
    def day_first(self) -> bool:
        return self.delimiter != ","


def read_number(cell: str, convention: Convention) -> float:
    """Return the number in `cell`, finite and within ±1e15, or raise CellRefused."""
    text = cell.strip()
    if not text:
        raise CellRefused(_("the value is empty"))
    if any(space in text for space in _GROUP_SPACES):
        text = _without_space_groups(text, cell)
    if not _NUMBER.fullmatch(text) or text[-1] in ".,":
        raise CellRefused(_("“{value}” is not a number").format(value=excerpt(cell)))
    sign, digits = ("-", text[1:]) if text[0] == "-" else ("", text.lstrip("+"))
    value = float(sign + _plain_digits(digits, convention, cell))
    if not math.isfinite(value) or abs(value) > VALUE_LIMIT:
        raise CellRefused(_("{value} is out of range (at most 10^15 either way)").format(value=excerpt(cell)))
    return value


def _without_space_groups(text: str, cell: str) -> str:
    whole, *fraction = re.split(r"[.,]", text.lstrip("+-"), maxsplit=1)
    groups = re.split(f"[{_GROUP_SPACES}]", whole)
    spaced_fraction = any(space in part for part in fraction for space in _GROUP_SPACES)
    if spaced_fraction or not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
        raise CellRefused(_("“{value}” has spaces that are not groups of three digits").format(value=excerpt(cell)))
    return re.sub(f"[{_GROUP_SPACES}]", "", text)


def _plain_digits(digits: str, convention: Convention, cell: str) -> str:
    """Return `digits` (no sign) with a decimal point as Python reads it, or raise CellRefused."""
    decimals = convention.decimal_marks
    marks = [mark for mark in ".," if mark in digits]
    if not marks:
        return digits
    if len(marks) == 2:
        decimal = "." if digits.rfind(".") > digits.rfind(",") else ","
        grouping = "," if decimal == "." else "."
        whole, _mark, fraction = digits.rpartition(decimal)
        if decimal not in decimals or not _is_grouped(whole, grouping):
            raise CellRefused(_("“{value}” mixes “.” and “,” in a way that reads two ways").format(value=excerpt(cell)))
        return whole.replace(grouping, "") + "." + fraction
    mark = marks[0]
    if digits.count(mark) > 1:
        if decimals == mark or not _is_grouped(digits, mark):
            raise CellRefused(_("“{value}” is not a number").format(value=excerpt(cell)))
        return digits.replace(mark, "")
    whole, _mark, fraction = digits.partition(mark)
    if decimals == mark:
        return whole + "." + fraction
    if _is_grouped(digits, mark):
        raise CellRefused(
            _("“{value}” could be read as a thousand times more or less: write it without a thousands mark").format(
                value=excerpt(cell)
            )
        )
    if mark in decimals:
        return whole + "." + fraction
    raise CellRefused(
        _("“{value}” has the decimal mark “{mark}”, but this file's decimal mark is “{decimal}”").format(
            value=excerpt(cell), mark=mark, decimal=decimals
        )
    )


def _is_grouped(digits: str, mark: str) -> bool:
    return bool(re.fullmatch("[1-9][0-9]{0,2}(?:" + re.escape(mark) + "[0-9]{3})+", digits))


def read_date(cell: str, convention: Convention) -> dt.date:
    """Return the calendar date in `cell`, or raise CellRefused."""
    text = cell.strip()
    iso = _ISO_DATE.fullmatch(text)
    day_first = _DAY_FIRST_DATE.fullmatch(text) if convention.day_first else None
    try:
        if iso:
            date = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif day_first:
            date = dt.date(int(day_first[4]), int(day_first[3]), int(day_first[1]))
        else:
            raise ValueError
    except ValueError:
        example = "2027-03-31 " + _("or") + " 31/03/2027" if convention.day_first else "2027-03-31"
        raise CellRefused(
            _("“{value}” is not a date like {example}").format(value=excerpt(cell), example=example)
        ) from None
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise CellRefused(
            _("{value} is outside the years {first}–{last}").format(
                value=excerpt(cell), first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return date
