"""Read metric values from a CSV upload: all rows valid, or a message for every bad row and nothing kept.

Columns: `metric`, `date`, `value`, in any order; the header row is required and no other column is
taken (a dropped column would be data lost without a word). Row numbers in messages count the
header as row 1, as spreadsheet programs do. The file is UTF-8 (a BOM allowed) or UTF-16 with a BOM
(Excel's "Unicode text"), with any line ends (CR LF, LF, or CR alone as old Mac files have); the column
separator is `,`, `;` or a tab, told by the header. How numbers and dates are read in each
convention is in `csv_values`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from incubator.core.fields import excerpt
from incubator.core.i18n import _
from incubator.progress.csv_values import CellRefused, Convention, read_date, read_number

COLUMNS = ("metric", "date", "value")
MAX_ROWS = 20_000
MAX_BYTES = 4 * 1024 * 1024  # 20,000 rows of 200 bytes each: far more than any real traction sheet
CELL_LIMIT = 200  # a metric's name is short text; dates and numbers are shorter still
DELIMITERS = (";", "\t", ",")
Value = TypeVar("Value")


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


class _FileRefused(ValueError):
    """The file as a whole cannot be read; the one problem is in `problem`."""

    def __init__(self, problem: RowProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def parse_metric_csv(
    content: bytes | str, may_be_negative: Mapping[str, bool]
) -> tuple[list[MetricRow], list[RowProblem]]:
    """Parse a CSV of metric values for the metrics in `may_be_negative` (name → whether negatives are allowed)."""
    try:
        text = _decoded(content)
        convention, header, records = _records(text)
        rows, problems = _read_rows(convention, header, records, may_be_negative)
    except _FileRefused as refused:
        return [], [refused.problem]
    if not rows and not problems:
        problems.append(RowProblem(2, "—", _("the file has no values")))
    return (rows if not problems else []), problems


def _decoded(content: bytes | str) -> str:
    if isinstance(content, str):
        text = content
    else:
        if len(content) > MAX_BYTES:
            raise _FileRefused(
                RowProblem(1, "—", _("the file is larger than {size} MB").format(size=MAX_BYTES // (1024 * 1024)))
            )
        try:
            utf16 = content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            text = content.decode("utf-16") if utf16 else content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _FileRefused(RowProblem(1, "—", _("the file is not UTF-8 text; save it as “CSV UTF-8”"))) from None
    if "\x00" in text:  # UTF-16 without its byte-order mark, or not a text file at all
        raise _FileRefused(RowProblem(1, "—", _("the file holds NUL characters; save it as “CSV UTF-8”")))
    return text.removeprefix("\ufeff")


def _records(text: str) -> tuple[Convention, list[str], Iterator[list[str]]]:
    first_line = next(iter(text.splitlines()), "")
    named = {
        delimiter: [name.strip().strip('"').strip().lower() for name in first_line.split(delimiter)]
        for delimiter in DELIMITERS
    }
    delimiter = max(DELIMITERS, key=lambda candidate: len(set(COLUMNS) & set(named[candidate])))
    missing = [column for column in COLUMNS if column not in named[delimiter]]
    if missing:
        raise _FileRefused(
            RowProblem(1, missing[0], _("this column is missing; the first row must name: metric, date, value"))
        )
    records = _safely(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    header = [name.strip().lower() for name in next(records, [])]
    for name in header:
        if name not in COLUMNS or header.count(name) > 1:
            raise _FileRefused(
                RowProblem(
                    1, excerpt(name), _("the header must name metric, date and value once each, and nothing else")
                )
            )
    return Convention(delimiter), header, records


def _safely(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    number = 0  # records read so far: the header is row 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            too_long = "field larger than field limit" in str(error)
            reason = (
                _("a cell is longer than {limit} characters").format(limit=CELL_LIMIT)
                if too_long
                else _("the row cannot be read as CSV (a stray quote?)")
            )
            raise _FileRefused(RowProblem(number + 1, "—", reason)) from None
        number += 1
        yield record


def _read_rows(
    convention: Convention,
    header: list[str],
    records: Iterator[list[str]],
    may_be_negative: Mapping[str, bool],
) -> tuple[list[MetricRow], list[RowProblem]]:
    rows: list[MetricRow] = []
    problems: list[RowProblem] = []
    first_seen: dict[tuple[str, dt.date], int] = {}
    for number, cells in enumerate(records, start=2):
        if not any(cell.strip() for cell in cells):
            continue  # spreadsheets write empty rows at the end of a sheet
        if number > MAX_ROWS + 1:
            problems.append(RowProblem(number, "—", _("too many rows; the limit is {limit}").format(limit=MAX_ROWS)))
            break
        row, row_problems = _read_row(number, convention, header, cells, may_be_negative)
        if row is not None and (key := (row.metric, row.on_date)) in first_seen:
            row_problems.append(
                RowProblem(
                    number,
                    "date",
                    _("this metric has a value for this date in row {row} already").format(row=first_seen[key]),
                )
            )
        problems.extend(row_problems)
        if row is not None and not row_problems:
            first_seen[(row.metric, row.on_date)] = number
            rows.append(row)
    return rows, problems


def _read_row(
    number: int, convention: Convention, header: list[str], cells: list[str], may_be_negative: Mapping[str, bool]
) -> tuple[MetricRow | None, list[RowProblem]]:
    if len(cells) < len(header) or any(cell.strip() for cell in cells[len(header) :]):
        return None, [
            RowProblem(
                number,
                "—",
                _("the row has {count} cells; the header has {expected}").format(
                    count=len(cells), expected=len(header)
                ),
            )
        ]
    record = dict(zip(header, cells, strict=False))
    problems: list[RowProblem] = []
    for column, cell in record.items():
        if len(cell) > CELL_LIMIT:
            problems.append(
                RowProblem(number, column, _("the cell is longer than {limit} characters").format(limit=CELL_LIMIT))
            )
    if problems:
        return None, problems
    name = unicodedata.normalize("NFC", record["metric"].strip())  # as metric names are stored
    if name not in may_be_negative:
        known = excerpt(", ".join(sorted(may_be_negative)) or _("none yet"), 120)
        problems.append(
            RowProblem(
                number,
                "metric",
                _("“{name}” is not one of your metrics ({known})").format(name=excerpt(name), known=known),
            )
        )
    on_date = _cell(read_date, record["date"], convention, number, "date", problems)
    value = _cell(read_number, record["value"], convention, number, "value", problems)
    if isinstance(value, float) and value < 0 and not may_be_negative.get(name, True):
        problems.append(
            RowProblem(
                number,
                "value",
                _("{value} is negative, and this metric cannot be").format(value=excerpt(record["value"].strip())),
            )
        )
    if problems or not isinstance(on_date, dt.date) or not isinstance(value, float):
        return None, problems
    return MetricRow(name, on_date, value), []


def _cell(
    read: Callable[[str, Convention], Value],
    cell: str,
    convention: Convention,
    number: int,
    column: str,
    problems: list[RowProblem],
) -> Value | None:
    try:
        return read(cell, convention)
    except CellRefused as refused:
        problems.append(RowProblem(number, column, str(refused)))
        return None
