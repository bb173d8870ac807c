"""User text shown through Markdown prints as typed."""

import pytest

from incubator.core.fields import is_web_address
from incubator.core.markup import escape_markdown


@pytest.mark.parametrize(
    "text",
    [
        "**bold**",
        "[link](https://evil.example)",
        "![img](http://127.0.0.1/x.png)",
        "<b>tag</b>",
        "$x^2$",
        ":red[alert]",
        ":material/lock:",
        "# heading",
        "R&D",
        "`code`",
    ],
)
def test_every_markdown_character_is_escaped(text):
    escaped = escape_markdown(text)
    for char in "*[]()!<>$:#`&":
        assert f"{char}" not in escaped.replace(f"\\{char}", "")


def test_bare_addresses_do_not_become_links_and_newlines_stay_line_breaks():
    escaped = escape_markdown("see https://x.org or www.y.org\nnext")
    assert "https\u2060\\:" in escaped and "www\u2060\\." in escaped
    assert escaped.endswith("  \nnext")


def test_plain_words_are_untouched():
    assert escape_markdown("Repair Café Online") == "Repair Café Online"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://a.org", True),
        ("HTTP://a.org/x", False),  # the bundle contract takes a lower-case scheme; the profile form lowers it
        ("javascript:alert(1)", False),
        ("data:text/html,x", False),
        ("a.org", False),
        ("https://", False),
    ],
)
def test_only_http_addresses_are_web_addresses(value, expected):
    assert is_web_address(value) is expected
