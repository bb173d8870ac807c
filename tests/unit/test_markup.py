"""User text shown through Markdown prints as typed."""

from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from incubator.core.fields import is_web_address
from incubator.core.markup import escape_markdown, mail_link


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


def _links(markdown: str) -> list[tuple[str, str]]:
    """Return (href, text) of every link a CommonMark renderer finds in `markdown`."""
    found = []
    for block in MarkdownIt("commonmark").parse(markdown):
        children = block.children or []
        for index, token in enumerate(children):
            if token.type == "link_open":
                text = "".join(child.content for child in children[index + 1 :] if child.type == "text")
                found.append((str(token.attrs["href"]), text))
    return found


def test_a_mail_link_writes_to_the_address_and_shows_it_as_typed():
    assert _links(mail_link("yasmine@demo.incubator.example")) == [
        ("mailto:yasmine@demo.incubator.example", "yasmine@demo.incubator.example")
    ]


ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)


@given(ANY_TEXT, ANY_TEXT)
def test_no_address_can_end_its_mail_link_early_or_add_another(local, domain):
    # Shaped like the addresses the profile form lets through (something@something), but any characters.
    email = f"{local}@{domain}"
    links = _links(mail_link(email))
    assert len(links) == 1
    href, _text = links[0]
    assert href.startswith("mailto:") and unquote(href.removeprefix("mailto:")) == email
