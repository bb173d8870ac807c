"""Read metric values from a CSV upload: all rows valid, or a message for every bad row and nothing kept.

Columns: `metric`, `date` (YYYY-MM-DD), `value`; the header row is required. Row numbers in
messages count the header as row 1, as spreadsheet programs do.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass

from incubator.core.i18n import _

COLUMNS = ("metric", "date", "value")
MAX_ROWS = 20_000


@dataclass(frozen=True)
class MetricRow:
    """One valid value from the file."""

    metric: str
    on_date: dt.date
    value: float


@dataclass(frozen=True)
class RowProblem:
    """What is wrong with one row: its number, the column, and why."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row {row}, column “{column}”: {message}").format(
            row=self.row, column=self.column, message=self.message
        )


def parse_metric_csv(
    content: bytes | str, may_be_negative: Mapping[str, bool]
) -> tuple[list[MetricRow], list[RowProblem]]:
    """Parse a CSV of metric values for the metrics in `may_be_negative` (name → whether negatives are allowed)."""
    try:
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    except UnicodeDecodeError:
        return [], [RowProblem(1, "—", _("the file is not UTF-8 text; save it as “CSV UTF-8”"))]
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","  # spreadsheets set to French or Dutch use ;
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        return [], [RowProblem(1, missing[0], _("this column is missing; the header must be: metric, date, value"))]
    reader.fieldnames = header
    rows: list[MetricRow] = []
    problems: list[RowProblem] = []
    for number, record in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            problems.append(RowProblem(number, "—", _("too many rows; the limit is {limit}").format(limit=MAX_ROWS)))
            break
        row, row_problems = _parse_row(number, record, may_be_negative)
        problems.extend(row_problems)
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        problems.append(RowProblem(2, "—", _("the file has no values")))
    return (rows if not problems else []), problems


def _parse_row(
    number: int, record: Mapping[str, str | None], may_be_negative: Mapping[str, bool]
) -> tuple[MetricRow | None, list[RowProblem]]:
    problems: list[RowProblem] = []
    name = (record.get("metric") or "").strip()
    if name not in may_be_negative:
        known = ", ".join(sorted(may_be_negative)) or _("none yet")
        problems.append(
            RowProblem(
                number, "metric", _("“{name}” is not one of your metrics ({known})").format(name=name, known=known)
            )
        )
    raw_date = (record.get("date") or "").strip()
    try:
        on_date = dt.date.fromisoformat(raw_date)
    except ValueError:
        problems.append(RowProblem(number, "date", _("“{value}” is not a date like 2027-03-31").format(value=raw_date)))
        on_date = None
    raw_value = (record.get("value") or "").strip().replace(" ", "").replace("\u202f", "")
    try:
        value = (
            float(raw_value.replace(",", "."))
            if raw_value.count(",") == 1 and "." not in raw_value
            else float(raw_value)
        )
        if not math.isfinite(value):
            raise ValueError
    except ValueError:
        problems.append(RowProblem(number, "value", _("“{value}” is not a number").format(value=raw_value)))
        value = None
    if value is not None and value < 0 and not may_be_negative.get(name, True):
        problems.append(
            RowProblem(number, "value", _("{value} is negative, and this metric cannot be").format(value=raw_value))
        )
    if problems or on_date is None or value is None:
        return None, problems
    return MetricRow(name, on_date, value), []
