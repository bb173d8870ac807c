"""The translation function's language choice, and password rules."""

import pytest

from incubator.accounts.passwords import MIN_PASSWORD_LENGTH, check_password_rules, hash_password, verify_password
from incubator.core.errors import ValidationFailed
from incubator.core.i18n import _, best_language, current_language, language, set_language


@pytest.mark.parametrize(
    ("accept", "expected"), [(None, "en"), ("en-GB", "en"), ("de-DE,en;q=0.8", "en"), ("xx", "en"), ("EN_us", "en")]
)
def test_browser_locale_picks_a_supported_language(accept, expected):
    assert best_language(accept) == expected


def test_unknown_language_falls_back_to_english_and_is_restored_after_a_block():
    set_language("en")
    with language("klingon"):
        assert current_language() == "en"
        assert _("Sign in") == "Sign in"
    assert current_language() == "en"


def test_password_length_rules():
    with pytest.raises(ValidationFailed):
        check_password_rules("x" * (MIN_PASSWORD_LENGTH - 1))
    check_password_rules("x" * MIN_PASSWORD_LENGTH)


def test_hash_is_argon2id_with_the_chosen_cost_and_never_matches_a_missing_hash():
    password_hash = hash_password("correct horse")
    assert password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_password(password_hash, "correct horse")
    assert not verify_password(password_hash, "Correct horse")
    assert not verify_password(None, "correct horse")
    assert not verify_password("not a hash", "correct horse")
