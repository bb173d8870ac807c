"""Cleaning typed values: emails, slugs, text limits and control characters."""

import pytest

from incubator.core.errors import ValidationFailed
from incubator.core.fields import clean_email, clean_slug, clean_text, has_control_characters, slugify


def test_email_is_trimmed_and_lower_cased():
    assert clean_email("  Yasmine@Example.ORG ") == "yasmine@example.org"


@pytest.mark.parametrize("value", ["", "plain", "a@b", "a b@example.org", "a@@example.org", "x" * 250 + "@e.org"])
def test_bad_emails_are_refused(value):
    with pytest.raises(ValidationFailed):
        clean_email(value)


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Repair Café Online", "repair-cafe-online"), ("  GreenCourier!! ", "greencourier"), ("Çağ & Ölçü", "cag-olcu")],
)
def test_slugify_makes_url_safe_names(name, slug):
    assert slugify(name) == slug
    assert clean_slug(slug) == slug


@pytest.mark.parametrize("value", ["Upper", "double--hyphen", "-start", "spa ce", "x" * 65, ""])
def test_bad_slugs_are_refused(value):
    with pytest.raises(ValidationFailed):
        clean_slug(value)


def test_text_over_the_limit_names_the_length_and_limit():
    with pytest.raises(ValidationFailed, match="201 characters long; the limit is 200"):
        clean_text("x" * 201, "tagline", "Tagline")


def test_newlines_are_allowed_only_in_multiline_text():
    assert not has_control_characters("line one\nline two", allow_newlines=True)
    assert has_control_characters("line one\nline two")
    assert has_control_characters("bell\x07", allow_newlines=True)
    assert clean_text(" two\nlines ", "notes", "Notes", multiline=True) == "two\nlines"
