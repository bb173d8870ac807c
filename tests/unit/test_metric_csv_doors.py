"""The metric CSV door: spreadsheet conventions read one way only, hostile files answered in one short line."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incubator.progress.csv_values import VALUE_LIMIT, CellRefused, Convention, read_date, read_number
from incubator.progress.metric_csv import MAX_BYTES, MAX_ROWS, parse_metric_csv

METRICS = {"Users": False, "Profit": True}
COMMA, SEMICOLON, TAB = Convention(","), Convention(";"), Convention("\t")


@pytest.mark.parametrize(
    ("convention", "cell", "value"),
    [(COMMA, "1234.5", 1234.5), (COMMA, "1,234.5", 1234.5), (COMMA, "1,234,567", 1234567.0), (COMMA, "1 000", 1000.0),
     (COMMA, "-3", -3.0), (COMMA, "+4", 4.0), (COMMA, "0.001", 0.001),
     (SEMICOLON, "1234,5", 1234.5), (SEMICOLON, "1.234,5", 1234.5), (SEMICOLON, "1 234,5", 1234.5),
     (SEMICOLON, "1\u202f234,5", 1234.5), (SEMICOLON, "1\u00a0234", 1234.0), (SEMICOLON, "1.234.567", 1234567.0),
     (SEMICOLON, "1,000", 1.0), (TAB, "1,5", 1.5), (TAB, "1.5", 1.5), (TAB, "1.234,5", 1234.5)],
)  # fmt: skip
def test_a_value_written_in_the_files_convention_reads_as_meant(convention, cell, value):
    assert read_number(cell, convention) == value


@pytest.mark.parametrize(
    ("convention", "cell", "reason"),
    [(COMMA, "1,000", "thousand"), (SEMICOLON, "1.000", "thousand"), (TAB, "1,000", "thousand"),
     (TAB, "12.345", "thousand"), (COMMA, "1,5", "decimal mark"), (SEMICOLON, "1.5", "decimal mark"),
     (COMMA, "1.234,5", "two ways"), (SEMICOLON, "1,234.5", "two ways"), (COMMA, "12 34", "groups of three"),
     (SEMICOLON, "1 000,123 4", "groups of three"),
     (COMMA, "1e3", "not a number"), (COMMA, "1_000", "not a number"), (COMMA, "inf", "not a number"),
     (COMMA, "NaN", "not a number"), (COMMA, "1.7e308", "not a number"), (COMMA, "0x10", "not a number"),
     (COMMA, "9999999999999999", "out of range"), (COMMA, "12%", "not a number"), (COMMA, "€12", "not a number"),
     (COMMA, "", "empty")],
)  # fmt: skip
def test_a_value_that_could_mean_two_things_or_none_is_refused_with_the_reason(convention, cell, reason):
    with pytest.raises(CellRefused, match=reason):
        read_number(cell, convention)


@pytest.mark.parametrize(
    ("convention", "cell", "date"),
    [(COMMA, "2027-03-31", dt.date(2027, 3, 31)), (SEMICOLON, "31/03/2027", dt.date(2027, 3, 31)),
     (SEMICOLON, "1-4-2027", dt.date(2027, 4, 1)), (SEMICOLON, "01.04.2027", dt.date(2027, 4, 1)),
     (TAB, "31/03/2027", dt.date(2027, 3, 31))],
)  # fmt: skip
def test_dates_are_iso_everywhere_and_day_first_where_the_convention_says_so(convention, cell, date):
    assert read_date(cell, convention) == date


@pytest.mark.parametrize(
    ("convention", "cell"),
    [(COMMA, "03/04/2027"), (COMMA, "20270331"), (COMMA, "2027-W13-3"), (COMMA, "2027-02-30"),
     (SEMICOLON, "31/03/27"), (SEMICOLON, "31/03-2027"), (COMMA, "1066-10-14"), (COMMA, "2027-3-31")],
)  # fmt: skip
def test_a_date_that_is_not_one_clear_calendar_day_is_refused(convention, cell):
    with pytest.raises(CellRefused):
        read_date(cell, convention)


def _values(content: bytes) -> list[tuple[str, dt.date, float]]:
    rows, problems = parse_metric_csv(content, METRICS)
    assert problems == []
    return [(row.metric, row.on_date, row.value) for row in rows]


def test_french_excel_and_its_unicode_text_and_old_mac_line_ends_all_read_the_same():
    expected = [("Users", dt.date(2027, 3, 31), 1234.5), ("Profit", dt.date(2027, 4, 1), -3.5)]
    french = "metric;date;value\r\nUsers;31/03/2027;1 234,5\r\nProfit;01/04/2027;-3,5\r\n"
    assert _values(codecs.BOM_UTF8 + french.encode()) == expected
    assert _values(french.replace(";", "\t").encode("utf-16")) == expected  # Excel's "Unicode text"
    assert _values(french.replace("\r\n", "\r").encode()) == expected
    assert _values(b'value,metric,date\n"1,234.5",Users,2027-03-31\n-3.5,Profit,2027-04-01\n\n,,\n') == expected


@pytest.mark.parametrize(
    ("content", "row", "reason"),
    [(b"metric,date,value\nUsers,2027-03-31," + b"9" * 200_000 + b"\n", 2, "longer than"),
     (b"metric,date,value\nUsers,2027-03-31," + b"9" * 300 + b"\n", 2, "longer than"),
     (b"metric,date,value\nUsers,2027-03-31,\"1\n", 2, "cannot be read"),
     (b"metric,date,value\nUsers,2027-03-31,1\nUsers,2027-03-31,2\n", 3, "row 2 already"),
     (b"metric,date,value\nUsers,2027-03-31\n", 2, "2 cells"),
     (b"metric,date,value,note\nUsers,2027-03-31,1,x\n", 1, "nothing else"),
     (b"metric,date\nUsers,2027-03-31\n", 1, "missing"),
     ("metric,date,value\n".encode("utf-16-le"), 1, "NUL"),
     ("metric,date,value\nUsérs,2027-03-31,1\n".encode("latin-1"), 1, "UTF-8"),
     (b"metric,date,value\n", 2, "no values")],
)  # fmt: skip
def test_a_broken_file_gets_one_short_answer_naming_the_row(content, row, reason):
    rows, problems = parse_metric_csv(content, METRICS)
    assert rows == [] and problems[0].row == row and reason in problems[0].message
    assert all(len(str(problem)) < 300 and "\n" not in str(problem) for problem in problems)


def test_the_size_and_row_limits_are_answered_not_crashed_on():
    too_big = b"metric,date,value\n" + b"Users,2027-03-31,1\n" * (MAX_BYTES // 19 + 1)
    assert "larger than" in parse_metric_csv(too_big, METRICS)[1][0].message
    start = dt.date(2000, 1, 1)
    lines = [f"Users,{start + dt.timedelta(days=day)},1" for day in range(MAX_ROWS + 1)]
    rows, problems = parse_metric_csv(("metric,date,value\n" + "\n".join(lines)).encode(), METRICS)
    assert rows == [] and "too many rows" in problems[-1].message


@settings(max_examples=300, deadline=None)
@given(value=st.floats(min_value=-VALUE_LIMIT, max_value=VALUE_LIMIT, allow_nan=False).map(lambda v: round(v, 3)))
def test_any_value_a_spreadsheet_writes_in_either_convention_reads_back_exactly(value):
    english = f"{value:,.3f}"
    french = english.replace(",", " ").replace(".", ",")
    dutch = f"{value:,.3f}".replace(",", "_").replace(".", ",").replace("_", ".")
    assert read_number(english, COMMA) == read_number(french, SEMICOLON) == read_number(dutch, SEMICOLON)
    assert read_number(english, COMMA) == pytest.approx(value, abs=1e-3)


@settings(max_examples=200, deadline=None)
@given(whole=st.integers(min_value=1, max_value=999), part=st.integers(min_value=0, max_value=999))
def test_a_lone_thousands_mark_is_never_guessed(whole, part):
    with pytest.raises(CellRefused):
        read_number(f"{whole},{part:03d}", COMMA)
    with pytest.raises(CellRefused):
        read_number(f"{whole}.{part:03d}", SEMICOLON)
    assert read_number(f"{whole},{part:03d}", SEMICOLON) == read_number(f"{whole}.{part:03d}", COMMA)


@settings(max_examples=300, deadline=None)
@given(
    content=st.binary(max_size=400) | st.text(max_size=300).map(lambda text: ("metric;date;value\n" + text).encode())
)
def test_any_file_gets_rows_or_short_problems_never_an_exception(content):
    rows, problems = parse_metric_csv(content, METRICS)
    assert bool(rows) != bool(problems)
    assert all(len(str(problem)) < 300 and "\n" not in str(problem) for problem in problems)
    assert all(abs(row.value) <= VALUE_LIMIT and row.metric in METRICS for row in rows)
