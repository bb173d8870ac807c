"""What a message says and how it is put together: templates, plurals, escaping, header fields, settings."""

from __future__ import annotations

import email
import email.policy
import re
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incubator.core.errors import TemplateInvalid, ValidationFailed
from incubator.db.models import utc_now
from incubator.mail import templates
from incubator.mail.settings import mail_settings
from incubator.mail.templates import mail_kinds, render_mail
from incubator.mail.transport import composed

VALUES = {"name": "Zoé", "incubator": "MolenGeek", "link": "https://x.example/?invitation=abc", "count": 7}


def _settings(monkeypatch, **changes: str):
    base = {"INCUBATOR_SMTP_HOST": "mail.example.org", "INCUBATOR_MAIL_FROM": "Hub <hub@example.org>",
            "INCUBATOR_URL": "https://incubator.example.org"} | changes  # fmt: skip
    for name in ("INCUBATOR_SMTP_PORT", "INCUBATOR_SMTP_TLS", "INCUBATOR_SMTP_USER", "INCUBATOR_SMTP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    for name, value in base.items():
        monkeypatch.setenv(name, value)
    return mail_settings()


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [("en", 1, "1 new notice"), ("en", 2, "2 new notices"), ("fr", 0, "0 nouvel avis"), ("fr", 1, "1 nouvel avis"),
     ("fr", 2, "2 nouveaux avis"), ("fr", 1_000_000, "1000000 de nouveaux avis"), ("nl", 1, "1 nieuw bericht"),
     ("nl", 2, "2 nieuwe berichten")],
)  # fmt: skip
def test_a_digest_says_its_count_with_the_languages_own_plural_forms(language, count, expected):
    words = render_mail("digest", language, VALUES | {"count": count, "items": "- one"})
    assert words.subject.startswith(expected)


@pytest.mark.parametrize(("language", "expected"), [("en", "for 1 day"), ("fr", "pendant 1 jour"),
                                                    ("nl", "1 dag lang")])  # fmt: skip
def test_an_invitation_of_one_day_says_day_not_days(language, expected):
    assert expected in render_mail("invitation", language, VALUES | {"count": 1}).text


@pytest.mark.parametrize("kind", ["invitation", "password-reset", "notice", "digest", "share"])
@pytest.mark.parametrize("language", ["en", "fr", "nl"])
def test_every_kind_reads_in_every_language_with_its_incubator_name_and_no_placeholder_left(kind, language):
    words = render_mail(
        kind, language, VALUES | {"summary": "News", "items": "- News", "startup": "Souk", "sender": "Elif"}
    )
    for part in (words.subject, words.text, words.html):
        assert not re.search(r"\{[a-z_]+\}", part), part
    assert "MolenGeek" in words.text and "MolenGeek" in words.html


def test_the_kinds_are_the_templates_there_are():
    assert mail_kinds() == ["digest", "invitation", "notice", "password-reset", "share"]


def test_what_people_typed_is_escaped_in_html_and_stays_one_line_in_the_subject():
    hostile = '<script>alert(1)</script>\r\nBcc: victim@example.org "x" & y'
    words = render_mail("notice", "en", VALUES | {"name": hostile, "summary": hostile})
    assert "<script>" not in words.html and "&lt;script&gt;" in words.html and "&amp; y" in words.html
    assert "\n" not in words.subject and "\r" not in words.subject
    assert words.subject.startswith("<script>alert(1)</script> Bcc: victim@example.org")


def test_a_very_long_subject_is_cut_with_an_ellipsis():
    words = render_mail("notice", "en", VALUES | {"summary": "word " * 200})
    assert len(words.subject) <= templates.SUBJECT_LIMIT and words.subject.endswith("…")


def test_a_template_with_an_unknown_or_dangerous_placeholder_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(templates, "MAIL_DIR", tmp_path)
    (tmp_path / "bad.toml").write_text('fields = ["name"]\nsubject = "{name.__class__}"\ntext = ""\nhtml = ""\n')
    (tmp_path / "unknown.toml").write_text('fields = ["name"]\nsubject = "{password}"\ntext = ""\nhtml = ""\n')
    with pytest.raises(TemplateInvalid, match="plain"):
        templates.mail_template("bad", "en")
    with pytest.raises(TemplateInvalid, match="unknown placeholder"):
        templates.mail_template("unknown", "en")


def _row(**changes):
    values = {
        "recipient": "zoe@example.org",
        "recipient_name": "Zoé",
        "subject": "Hello",
        "created_at": utc_now(),
        "message_id": "<1@example.org>",
        "language": "fr",
        "text_body": "Bonjour",
        "html_body": "<p>Bonjour</p>",
    }
    return SimpleNamespace(**(values | changes))  # fmt: skip


@given(st.text(max_size=300), st.text(max_size=300))
def test_no_name_or_subject_can_add_a_header_field(name, subject):
    settings = SimpleNamespace(from_name="Hub\r\nBcc: x@y.example", from_address="hub@example.org")
    message = composed(_row(recipient_name=name, subject=subject), settings)  # type: ignore[arg-type]
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    names = [key.lower() for key in parsed]
    assert sorted(names) == sorted(["from", "to", "subject", "date", "message-id", "auto-submitted",
                                    "content-language", "content-type", "mime-version"])  # fmt: skip
    assert parsed["To"].addresses[0].addr_spec == "zoe@example.org"
    assert parsed["Message-ID"] == "<1@example.org>"


def test_without_a_host_e_mail_is_off(monkeypatch):
    monkeypatch.delenv("INCUBATOR_SMTP_HOST", raising=False)
    assert mail_settings() is None


def test_the_settings_are_read_with_their_defaults_and_never_show_the_password(monkeypatch):
    settings = _settings(monkeypatch, INCUBATOR_SMTP_PASSWORD="s3cret", INCUBATOR_SMTP_USER="hub")
    assert (settings.host, settings.port, settings.tls, settings.from_name) == ("mail.example.org", 587,
                                                                                "starttls", "Hub")  # fmt: skip
    assert "s3cret" not in repr(settings)


ENVIRONMENT_TEXT = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))  # what an environment holds


@given(port=st.text(ENVIRONMENT_TEXT, max_size=12), tls=st.text(ENVIRONMENT_TEXT, max_size=12),
       sender=st.text(ENVIRONMENT_TEXT, max_size=60))  # fmt: skip
def test_a_wrong_setting_is_refused_in_one_line_naming_it(port, tls, sender):
    with pytest.MonkeyPatch.context() as monkeypatch:
        try:
            settings = _settings(monkeypatch, INCUBATOR_SMTP_PORT=port, INCUBATOR_SMTP_TLS=tls,
                                 INCUBATOR_MAIL_FROM=sender)  # fmt: skip
        except ValidationFailed as refused:
            message = str(refused)
            assert message.startswith("INCUBATOR_") and "\n" not in message and len(message) < 300
            return
    assert settings is not None
    assert 0 < settings.port < 65536 and settings.tls in ("none", "starttls", "tls") and "@" in settings.from_address
    if port.strip():
        assert str(settings.port) == port.strip()  # a port is read as written, never a guess


@pytest.mark.parametrize(
    ("changes", "named"),
    [({"INCUBATOR_SMTP_PORT": "25x"}, "INCUBATOR_SMTP_PORT"), ({"INCUBATOR_SMTP_PORT": "025"}, "INCUBATOR_SMTP_PORT"),
     ({"INCUBATOR_SMTP_PORT": "70000"}, "INCUBATOR_SMTP_PORT"),
     ({"INCUBATOR_SMTP_TLS": "ssl"}, "INCUBATOR_SMTP_TLS"), ({"INCUBATOR_MAIL_FROM": "nobody"}, "INCUBATOR_MAIL_FROM"),
     ({"INCUBATOR_MAIL_FROM": ""}, "INCUBATOR_MAIL_FROM"), ({"INCUBATOR_URL": ""}, "INCUBATOR_URL"),
     ({"INCUBATOR_SMTP_HOST": "mail example"}, "INCUBATOR_SMTP_HOST")],
)  # fmt: skip
def test_each_wrong_setting_is_named(monkeypatch, changes, named):
    with pytest.raises(ValidationFailed) as refused:
        _settings(monkeypatch, **changes)
    assert str(refused.value).startswith(named)
