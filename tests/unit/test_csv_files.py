"""The one CSV writer guards every cell a spreadsheet would run, in every download and on the command line."""

import csv
import datetime as dt
import io

import pytest

from incubator.core.csv_files import csv_download, csv_text
from incubator.judging.leaderboard import Standing, standings_csv, standings_download

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd"]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text(value):
    [header, row] = _cells(csv_text(["name"], [[value]]))
    assert header == ["name"] and row == ["'" + value]


def test_dates_are_iso_and_empty_values_stay_empty():
    [_header, row] = _cells(csv_text(["due", "done"], [[dt.date(2026, 12, 1), None]]))
    assert row == ["2026-12-01", ""]


def test_a_download_starts_with_a_byte_order_mark_and_uses_crlf():
    data = csv_download(["a"], [["é"]])
    assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")


def _standing(name: str) -> Standing:
    return Standing(rank=1, startup="acme", name=name, judges=2, raw=4.25, normalized=0.5)


@pytest.mark.parametrize("render", [standings_csv, lambda rows: standings_download(rows).decode("utf-8-sig")])
def test_leaderboard_csv_guards_startup_names_and_keeps_its_columns(render):
    [header, row] = _cells(render([_standing('=HYPERLINK("http://evil.example")')]))
    assert header == ["rank", "startup", "name", "judges", "raw", "normalized"]
    assert row == ["1", "acme", "'" + '=HYPERLINK("http://evil.example")', "2", "4.2500", "0.5000"]
