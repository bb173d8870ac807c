"""The one CSV writer: a header row, every cell guarded against spreadsheet formulas, UTF-8 with a BOM to download.

A cell that starts with =, +, -, @, a tab or a carriage return would run as a formula in Excel,
LibreOffice or Google Sheets (`=HYPERLINK(...)`); such cells get a leading apostrophe, which
spreadsheets show as text. Dates are written ISO (YYYY-MM-DD), numbers as Python writes them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """Return `value` as the text of one cell, with a formula guard."""
    text = "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


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
