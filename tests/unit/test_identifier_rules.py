"""The one normaliser for identifiers and the checks every door shares, property-tested."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incubator.core.errors import ValidationFailed
from incubator.core.fields import (
    EXCERPT_LIMIT,
    clean_email,
    clean_slug,
    excerpt,
    has_control_characters,
    is_web_address,
    normalise_email,
    one_line,
)


@given(st.text())
def test_control_characters_are_found_exactly_where_unicode_says_they_are(text):
    controls = [char for char in text if unicodedata.category(char) == "Cc"]
    assert has_control_characters(text) == bool(controls)
    assert has_control_characters(text, allow_newlines=True) == any(char not in "\n\t\r" for char in controls)


@given(st.emails().map(str))
def test_an_email_in_any_case_or_normal_form_normalises_to_one_form(email):
    forms = {email, email.upper(), unicodedata.normalize("NFD", email), f" {email.title()}\n"}
    normalised = {normalise_email(form) for form in forms}
    assert len(normalised) == 1
    assert normalise_email(normalised.pop()) == normalise_email(email)  # idempotent


@given(st.text(max_size=80))
def test_a_slug_is_taken_only_in_its_one_exact_form(text):
    try:
        slug = clean_slug(text)
    except ValidationFailed as refused:
        assert len(str(refused)) < 300
        return
    assert slug == text.strip() and slug.isascii() and not any(char.isspace() for char in slug)


@pytest.mark.parametrize("value", ["acme@example.org\n", "a b@example.org", "a@b", "@example.org", "a@@b.org"])
def test_emails_that_only_look_valid_are_refused(value):
    if value.endswith("\n"):  # what people type is trimmed: the same address, not a second one
        assert clean_email(value) == "acme@example.org"
        return
    with pytest.raises(ValidationFailed):
        clean_email(value)


@pytest.mark.parametrize(
    ("value", "ok"),
    [("https://repair.example.org", True), ("http://a.b/c?d=e", True), ("javascript:alert(1)", False),
     ("data:text/html,<b>", False), ("https://", False), ("https://a b.org", False), ("HTTPS://a.org", False),
     ("https://a.org\nhttps://b.org", False)],
)  # fmt: skip
def test_a_website_is_an_http_or_https_address_and_nothing_else(value, ok):
    assert is_web_address(value) is ok


@given(st.text())
def test_an_excerpt_is_one_short_line(text):
    assert len(excerpt(text)) <= EXCERPT_LIMIT and "\n" not in excerpt(text)
    assert len(one_line(text * 50)) < 300 and "\n" not in one_line(text * 50)
