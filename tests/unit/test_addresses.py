"""Every link the app makes is on INCUBATOR_URL when it is set, and always on the app's root."""

from __future__ import annotations

import pytest

from incubator.core.addresses import link_with
from incubator.core.errors import ValidationFailed


def test_the_setting_wins_over_the_address_the_browser_used(monkeypatch):
    monkeypatch.setenv("INCUBATOR_URL", "https://incubator.example.org/hub/")
    link = link_with({"invitation": "abc"}, "http://evil.example:8501")
    assert link == "https://incubator.example.org/hub/?invitation=abc"


def test_without_the_setting_the_browsers_root_then_the_local_default(monkeypatch):
    monkeypatch.delenv("INCUBATOR_URL", raising=False)
    assert link_with({"invitation": "abc"}, "https://seen.example.org/") == "https://seen.example.org/?invitation=abc"
    assert link_with({"invitation": "a b&c"}) == "http://localhost:8501/?invitation=a+b%26c"


@pytest.mark.parametrize("setting", ["incubator.example.org", "ftp://x.example", "https://", "https://x.example/?a=1",
                                     "https://x.example/#top", "javascript:alert(1)"])  # fmt: skip
def test_a_setting_that_is_not_a_web_address_is_refused_in_one_line(monkeypatch, setting):
    monkeypatch.setenv("INCUBATOR_URL", setting)
    with pytest.raises(ValidationFailed) as refused:
        link_with({"invitation": "abc"})
    assert str(refused.value).startswith("INCUBATOR_URL must be") and "\n" not in str(refused.value)
    assert len(str(refused.value)) < 300
