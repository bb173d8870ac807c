"""The one CSV writer: a header row, every cell guarded against spreadsheet formulas, UTF-8 with a BOM to download.

A cell that starts with =, +, -, @, a tab or a carriage return would run as a formula in Excel,
LibreOffice or Google Sheets (`=HYPERLINK(...)`); such cells get a leading apostrophe, which
spreadsheets show as text. A cell that is a plain number stays one, negative numbers included
(`-0.9507`: a spreadsheet reads it as a number, and an apostrophe would sort it as text); a sign
of `+` is not a plain number here, so a phone number such as `+32475…` stays text. Dates are
written ISO (YYYY-MM-DD), numbers as Python writes them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A number as Python writes it or as the reader's language does (a decimal comma), and nothing more:
# no spaces, no second sign, no operator, no letters but an exponent's e.
PLAIN_NUMBER = re.compile(r"-?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?")


def csv_cell(value: object) -> str:
    """Return `value` as the text of one cell, with a formula guard that leaves plain numbers as numbers."""
    text = "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]], *, line_end: str = "\r\n") -> str:
    """Return a CSV document as text: the header, then the rows, every cell guarded."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    writer.writerow([csv_cell(name) for name in header])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def csv_download(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """Return a CSV file to download: UTF-8 with a byte-order mark, so spreadsheets open accents right."""
    return csv_text(header, rows).encode("utf-8-sig")
