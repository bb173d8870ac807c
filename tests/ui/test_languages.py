"""Every page, in French and in Dutch, shows no English text but what people typed."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from functools import cache

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from incubator import web
from incubator.core.config import PROJECT_ROOT
from incubator.core.i18n import current_language
from incubator.core.i18n import language as in_language
from incubator.db.models import User
from incubator.exchange.demo import DEMO_BUNDLE_PATH, DEMO_PASSWORD
from incubator.web.language import css_string
from tests.ui.conftest import COORDINATOR, FOUNDER, MENTOR, plain

PAGES = {
    FOUNDER: ["startup", "idea", "canvas", "deck", "milestones", "metrics", "mentoring", "results", "account"],
    MENTOR: ["my_startups", "dashboard", "startup", "idea", "canvas", "deck", "milestones", "metrics", "mentoring",
             "judge", "account"],
    COORDINATOR: ["cohorts", "dashboard", "people", "startup", "idea", "canvas", "milestones", "metrics", "mentoring",
                  "events", "leaderboard", "exports", "settings", "account"],
}  # fmt: skip
# Proto fields that hold identifiers, icons, formats or chart data rather than words people read.
NOT_WORDS = {"id", "form_id", "icon", "page", "page_script_hash", "query_string", "type", "tag", "format", "min",
             "max", "spec", "data", "url", "datasets", "name", "step", "selections", "anchor", "src",
             "autocomplete", "columns", "shortcut"}  # fmt: skip
# Words that are English only: none of them is a French or Dutch word.
ENGLISH_ONLY_WORDS = {"the", "your", "you", "with", "and", "this", "from", "please", "yet", "saved", "save", "here"}
HEX_ID = re.compile(r"[0-9a-f]{16,}")
TEMPLATE_TEXT_KEYS = {"title", "credit", "prompt", "example", "sub_title", "sub_prompt", "sub_example", "description"}


def _strings_of(message: object, field: str = "") -> Iterator[str]:
    if isinstance(message, str):
        if field not in NOT_WORDS:
            yield message
        return
    if not hasattr(message, "ListFields"):
        return
    for descriptor, value in message.ListFields():
        values = value if hasattr(value, "__iter__") and not isinstance(value, (str, bytes)) else [value]
        for item in values:
            if not isinstance(item, bytes):
                yield from _strings_of(item, descriptor.name)


def _shown_texts(at: AppTest) -> list[str]:
    texts = [plain(text) for text in _strings_of_tree(at)]
    # st.html scripts and styles, and generated ids, are not words.
    texts = [
        text for text in texts if not text.lstrip().startswith(("<script>", "<style>")) and not HEX_ID.fullmatch(text)
    ]
    for frame in at.dataframe:
        # A column's heading is its configured label when it has one.
        config = json.loads(frame.proto.columns or "{}")
        for column in frame.value.columns:
            shown = config.get(str(column), {})
            if not shown.get("hidden"):
                texts.append(str(shown.get("label", column)))
    return [text for text in texts if text.strip()]


@cache
def _typed_by_people() -> tuple[str, ...]:
    # The demo cohort is what people typed: every string in its bundle, longest first so parts go last.
    found: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, str):
            found.update(part.strip() for part in value.splitlines() if len(part.strip()) > 1)
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(json.loads(DEMO_BUNDLE_PATH.read_text(encoding="utf-8")))
    found.add(DEMO_PASSWORD)
    return tuple(sorted(found, key=len, reverse=True))


@cache
def _typed_pattern() -> re.Pattern[str]:
    typed = [re.escape(text) for text in _typed_by_people() if len(text) >= 3]
    return re.compile(r"(?<!\w)(?:" + "|".join(typed) + r")(?!\w)")


@cache
def _english_texts(language: str) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """Return English labels shown whole, English phrases to look for inside longer text, and the words of
    the app's English that its translation into `language` never uses."""
    whole: set[str] = set()
    phrases: set[str] = set()
    english_words: set[str] = set()
    translated_words: set[str] = set()
    pairs: list[tuple[str, str]] = []
    with (PROJECT_ROOT / "incubator" / "locale" / language / "LC_MESSAGES" / "messages.po").open("rb") as source:
        pairs.extend((str(message.id), str(message.string)) for message in read_po(source) if message.id)
    for path in (PROJECT_ROOT / "templates").rglob("*.toml"):
        pairs.extend(_template_pairs(tomllib.loads(path.read_text(encoding="utf-8")), language))
    for english, translated in pairs:
        english_words.update(_words(english))
        translated_words.update(_words(translated))
        if translated and translated != english:
            _add_english(english, whole, phrases)
    return frozenset(whole), tuple(sorted(phrases)), frozenset(english_words - translated_words)


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]{3,}", re.sub(r"\{[^{}]*\}", " ", text.lower()))}


def _add_english(text: str, whole: set[str], phrases: set[str]) -> None:
    whole.add(text.strip())
    for fragment in re.split(r"\{[^{}]*\}", text):
        fragment = fragment.strip(" .,:;·()“”\"'…")
        if len(fragment) >= 12 and " " in fragment:
            phrases.add(fragment)


def _template_pairs(data: object, language: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, list):
        for item in data:
            yield from _template_pairs(item, language)
    elif isinstance(data, dict):
        wording = data.get(language, {})
        for key, value in data.items():
            if key in TEMPLATE_TEXT_KEYS and isinstance(value, str):
                yield value, wording.get(key, value)
            elif key == "levels":
                yield from zip(value, wording.get("levels", value), strict=True)
            elif key == "name" and "label" in wording:
                yield value, wording["label"]
            elif key not in ("fr", "nl"):
                yield from _template_pairs(value, language)


def _english_left(texts: list[str], language: str) -> list[str]:
    whole, phrases, english_only = _english_texts(language)
    left = []
    for text in texts:
        if text.strip() in _typed_by_people():
            continue
        if text.strip() in whole:
            left.append(text)
            continue
        rest = _typed_pattern().sub(" ", text)
        rest = re.sub(r":material/[a-z_]+:", " ", rest)  # an icon's name is no word anyone reads
        rest = re.sub(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b", " ", rest)  # nor a setting's (INCUBATOR_MAIL_FROM)
        words = set(re.findall(r"[a-z]+", rest.lower()))
        if any(phrase in rest for phrase in phrases) or words & (ENGLISH_ONLY_WORDS | english_only):
            left.append(text)
    return left


def _reading_in(demo_db, email: str, language: str) -> None:
    with demo_db.write() as session:
        session.execute(update(User).where(User.email == email).values(language=language))


@pytest.mark.parametrize("language", ["fr", "nl"])
@pytest.mark.parametrize("email", [FOUNDER, MENTOR, COORDINATOR], ids=["founder", "mentor", "coordinator"])
def test_every_page_of_each_role_speaks_only_the_chosen_language(app, demo_db, email, language):
    _reading_in(demo_db, email, language)
    shown_english: dict[str, list[str]] = {}
    # AppTest formats a selectbox's value with the page's format_func in the test's own thread: same language.
    with in_language(language):
        at = app(email)
        for page in PAGES[email]:
            at.switch_page(f"pages/{page}.py").run()
            assert not at.exception, page
            texts = _shown_texts(at)
            assert len(texts) > 5, f"{page} shows almost nothing"
            if left := _english_left(texts, language):
                shown_english[page] = left
    assert shown_english == {}


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_sign_in_page_speaks_the_language_picked_there(app, language):
    at = app()
    with in_language(language):
        at.selectbox(key="sign_in_language").select(language).run()
    assert not at.exception
    texts = _shown_texts(at)
    assert _english_left(texts, language) == []
    assert at.title[0].value == {"fr": "Bienvenue à l'incubateur", "nl": "Welkom bij de incubator"}[language]


def test_the_sweep_would_notice_english(app):
    # The check itself: the English sign-in page, read as if it were French, is full of English.
    texts = _shown_texts(app())
    assert "Welcome to the incubator" in _english_left(texts, "fr")
    assert len(_english_left(texts, "nl")) > 5
    # Text that never went through the catalog is caught by its English words.
    assert _english_left(["Nieuw cohort", "**Upload the figures**"], "nl") == ["**Upload the figures**"]


def test_a_page_picks_up_a_new_language_on_the_next_screen(app, demo_db):
    at = app(FOUNDER)
    assert at.title[0].value == "My startup"
    at.switch_page("pages/account.py").run()
    at.selectbox(key="account_language").select("nl")
    at.button(key="FormSubmitter:language-Save the language").click().run()
    assert not at.exception
    at.switch_page("pages/startup.py").run()
    assert at.title[0].value == "Mijn startup"
    assert "Afmelden" in [button.label for button in at.sidebar.button]


def test_the_file_uploaders_own_texts_are_reworded_for_french_and_dutch_only(app, demo_db):
    def styles(at: AppTest) -> str:
        return " ".join(text for text in _strings_of_tree(at) if "<style>" in text)

    english = app(COORDINATOR)
    english.switch_page("pages/exports.py").run()
    assert "stFileUploaderDropzone" not in styles(english)
    _reading_in(demo_db, COORDINATOR, "fr")
    with in_language("fr"):
        french = app(COORDINATOR)
        french.switch_page("pages/exports.py").run()
        assert css_string("Téléverser") in styles(french) and css_string("64 Mo max. par fichier") in styles(french)


def _strings_of_tree(at: AppTest) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            found.extend(_strings_of(proto))
        for child in (getattr(node, "children", None) or {}).values():
            walk(child)

    walk(at._tree)
    return found


def test_a_download_is_built_in_the_language_picked_beside_it(app):
    with in_language("fr"):
        assert web.in_language("nl", current_language)() == "nl"
        assert web.in_current_language(current_language)() == "fr"
    at = app(FOUNDER)
    at.switch_page("pages/canvas.py").run()
    picker = at.selectbox(key="canvas::repair-cafe-online::pdf_language")
    assert picker.label == "Language of the document" and picker.value == "en"


@pytest.mark.parametrize(("chosen", "said"), [("fr", "Enregistré."), ("nl", "Opgeslagen."), ("en", "Saved.")])
def test_the_confirmation_of_a_new_language_is_said_in_that_language(app, demo_db, chosen, said):
    before = "nl" if chosen != "nl" else "fr"
    _reading_in(demo_db, FOUNDER, before)
    with in_language(before):  # AppTest formats the selectbox's options in the test's thread
        at = app(FOUNDER)
        at.switch_page("pages/account.py").run()
        at.selectbox(key="account_language").select(chosen)
        [save] = [button for button in at.button if button.key.startswith("FormSubmitter:language-")]
        save.click().run()
    assert plain(at.success[0].value).startswith(said)
