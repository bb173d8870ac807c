"""Amounts are shown and typed as the reader writes numbers, and nothing else is read as an amount."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incubator.core.amounts import format_amount, read_amount
from incubator.core.errors import ValidationFailed
from incubator.core.i18n import language

LANGUAGES = ("en", "fr", "nl")


@given(st.integers(min_value=0, max_value=10**14), st.sampled_from(LANGUAGES))
def test_an_amount_shown_in_a_form_reads_back_as_the_same_amount(cents, code):
    with language(code):
        assert read_amount(format_amount(cents / 100), "Amount") == cents / 100


@given(st.text(max_size=30), st.sampled_from(LANGUAGES))
def test_any_text_is_an_amount_it_shows_again_or_refused_in_one_line(text, code):
    with language(code):
        try:
            amount = read_amount(text, "Amount")
        except ValidationFailed as refused:
            assert str(refused).startswith("Amount") and "\n" not in str(refused) and len(str(refused)) < 300
            return
        assert amount is None or read_amount(format_amount(amount), "Amount") == amount


@pytest.mark.parametrize(
    ("code", "typed", "amount"),
    [("fr", "40 000,50", 40000.5), ("fr", "40.000", 40000.0), ("nl", "40.000,5", 40000.5),
     ("en", "40,000.50", 40000.5), ("en", "40000", 40000.0), ("fr", "  ", None)],
)  # fmt: skip
def test_each_language_reads_its_own_way_of_writing(code, typed, amount):
    with language(code):
        assert read_amount(typed, "Amount") == amount


@pytest.mark.parametrize(
    ("code", "typed"),
    [("en", "40.000"), ("fr", "40,000"), ("fr", "40 000.50"), ("nl", "40,000.50"), ("en", "4e5"), ("en", "-5"),
     ("fr", "١٢٣"), ("en", "40,00,000"), ("fr", "40.000 000"), ("en", "40.123"), ("en", "10000000000000")],
)  # fmt: skip
def test_what_could_be_read_two_ways_or_is_no_amount_is_refused(code, typed):
    with language(code), pytest.raises(ValidationFailed):
        read_amount(typed, "Amount")
