"""The one JSON reader: JSON that means two things, numbers JSON cannot hold, deep nesting, lone surrogates."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incubator.core.json_reader import JsonRefused, read_json


@pytest.mark.parametrize(
    ("text", "path", "reason"),
    [
        ('{"startups": [{"founders": ["a"], "founders": []}]}', "$.startups[0]", "appears twice"),
        ('{"metrics": [1e400]}', "$.metrics[0]", "too large"),
        ('{"value": NaN}', "$", "NaN"),
        ('{"value": -Infinity}', "$", "Infinity"),
        ('{"name": "\\ud800"}', "$.name", "surrogate"),
        ('{"\\udfff": 1}', "$", "surrogate"),
        ("[" * 200_000 + "]" * 200_000, "$", "nested deeper"),
        ("[" * 70 + "]" * 70, "$" + "[0]" * 65, "nested deeper"),
        ('{"a": 1,}', "$", "not valid JSON at line 1"),
        (b"\xff\xfe{}", "$", "not UTF-8"),
    ],
)
def test_json_that_means_two_things_or_cannot_be_stored_is_refused_at_its_path(text, path, reason):
    with pytest.raises(JsonRefused) as refused:
        read_json(text)
    assert refused.value.path == path and reason in refused.value.reason
    assert len(str(refused.value)) < 300 and "\n" not in str(refused.value)


def test_a_file_over_the_size_cap_is_refused_before_parsing():
    with pytest.raises(JsonRefused, match="larger than 1 MB"):
        read_json(b" " * (1024 * 1024 + 1), max_bytes=1024 * 1024)


def test_a_byte_order_mark_is_fine():
    assert read_json(b'\xef\xbb\xbf{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=("Cs",))),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(JSON_VALUES)
def test_any_json_python_writes_reads_back_the_same(value):
    assert read_json(json.dumps(value)) == value


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_any_input_is_either_read_or_refused_in_one_short_line(raw):
    try:
        read_json(raw)
    except JsonRefused as refused:
        assert len(str(refused)) < 300 and "\n" not in str(refused)
