"""The one CSV writer guards every cell a spreadsheet would run, in every download and on the command line."""

import csv
import datetime as dt
import io

import pandas
import pytest
from hypothesis import given
from hypothesis import strategies as st

from incubator.core.csv_files import csv_download, csv_text
from incubator.judging.leaderboard import Standing, standings_csv, standings_download

HOSTILE = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+1",
    "-2+3",
    "-1-1",
    "-2 ",
    "- 2",
    "-2e",
    "--2",
    "-inf",
    "-nan",
    "-1_000",
    "+32475123456",
    "-0x1F",
    "-1,5,5",
    "@SUM(A1)",
    "\tcmd",
    "\rcmd",
    "-2\n=1+1",
]


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


@given(
    st.lists(
        st.one_of(
            st.integers(min_value=-(10**15), max_value=10**15),
            st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_numbers_read_back_as_numbers_and_formulas_stay_guarded(numbers):
    rows = [[number, HOSTILE[index % len(HOSTILE)]] for index, number in enumerate(numbers)]
    data = csv_download(["value", "text"], rows)
    table = pandas.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"text": str}, keep_default_na=False)
    assert pandas.api.types.is_numeric_dtype(table["value"])
    assert table["value"].tolist() == pytest.approx([float(number) for number in numbers], rel=1e-15)
    assert all(text.startswith("'") for text in table["text"])


@pytest.mark.parametrize("number", ["-0.9507", "-2", "-1e-05", "-3,5", "-.5", "12", "1.5E+20"])
def test_a_plain_number_as_text_is_not_guarded(number):
    [_header, row] = _cells(csv_text(["n"], [[number]]))
    assert row == [number]


def test_the_leaderboards_negative_normalised_scores_read_back_as_numbers():
    standings = [Standing(rank=1, startup="a", name="A", judges=3, raw=4.2, normalized=0.9507),
                 Standing(rank=2, startup="b", name="B", judges=3, raw=2.1, normalized=-0.9507)]  # fmt: skip
    table = pandas.read_csv(io.BytesIO(standings_download(standings)), encoding="utf-8-sig")
    assert table["normalized"].tolist() == [0.9507, -0.9507]
    assert table.sort_values("normalized")["startup"].tolist() == ["b", "a"]
