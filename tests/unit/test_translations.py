"""The catalogs stay in step with the code: every string is in each catalog, none stale or fuzzy."""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from incubator.core.i18n import SUPPORTED_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = ROOT / "incubator" / "locale"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
CATALOGS = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po"))


def _strings_in_code() -> set[str]:
    found: set[str] = set()
    for folder in ("incubator", "pages"):
        for _file, _line, message, _comments, _context in extract_from_dir(ROOT / folder, keywords=KEYWORDS):
            found.add(message if isinstance(message, str) else message[0])
    for _line, message, _comments, _context in _extract_file(ROOT / "app.py"):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _extract_file(path: Path):
    from babel.messages.extract import extract

    with path.open("rb") as source:
        yield from extract("python", source, keywords=KEYWORDS)


def _ids(catalog) -> set[str]:
    return {message.id if isinstance(message.id, str) else message.id[0] for message in catalog if message.id}


def _translated(catalog) -> dict[object, object]:
    # A plural message's id and string are sequences (lists from a .mo file, tuples from a .po file).
    def hashable(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    def given(string: object) -> bool:
        return any(string) if isinstance(string, list | tuple) else bool(string)

    # An untranslated plural is compiled as its own English forms: that is no translation either.
    return {
        hashable(message.id): hashable(message.string)
        for message in catalog
        if message.id and given(message.string) and hashable(message.string) != hashable(message.id)
    }


def test_there_is_a_catalog_per_supported_language():
    assert [path.parent.parent.name for path in CATALOGS] == sorted(SUPPORTED_LANGUAGES) == ["en", "fr", "nl"]


@pytest.mark.parametrize(
    "po_path", [path for path in CATALOGS if "/en/" not in str(path)], ids=lambda path: path.parent.parent.name
)
def test_every_string_is_translated_with_the_same_placeholders(po_path):
    with po_path.open("rb") as source:
        catalog = read_po(source)
    untranslated = [message.id for message in catalog if message.id and not _all_forms(message.string)]
    assert not untranslated, f"no {po_path.parent.parent.name} translation for: {untranslated[:5]}"
    for message in catalog:
        if message.id:
            originals = message.id if isinstance(message.id, tuple) else (message.id,)
            for translation in message.string if isinstance(message.string, tuple) else (message.string,):
                assert _placeholders(translation) == _placeholders(originals[-1]), (message.id, translation)


def _all_forms(string) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", text))


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda path: path.parent.parent.name)
def test_catalog_matches_the_code_with_nothing_fuzzy_and_is_compiled(po_path):
    with po_path.open("rb") as source:
        catalog = read_po(source)
    in_code = _strings_in_code()
    missing = in_code - _ids(catalog)
    stale = _ids(catalog) - in_code
    assert not missing, f"run scripts/update-translations; not in {po_path.parent.parent.name}: {sorted(missing)[:5]}"
    assert not stale, f"run scripts/update-translations; stale: {sorted(stale)[:5]}"
    assert [message.id for message in catalog if message.id and message.fuzzy] == []
    assert not catalog.obsolete
    with po_path.with_suffix(".mo").open("rb") as source:
        compiled = read_mo(source)
    assert _translated(compiled) == _translated(catalog), "run scripts/update-translations to compile the catalog"


def _translation_calls_inside_f_strings(path: Path) -> list[int]:
    """Return the lines where `_()` sits inside an f-string, where Babel's extractor cannot see it."""
    lines: list[int] = []
    depth = 0
    previous = None
    with path.open("rb") as source:
        for token in tokenize.tokenize(source.readline):
            name = tokenize.tok_name[token.type]
            if name == "FSTRING_START":  # Python 3.12 and later split f-strings into tokens
                depth += 1
            elif name == "FSTRING_END":
                depth -= 1
            elif name == "STRING" and re.match(r"(?i)[rb]*f", token.string):
                if re.search(r"\b(_|N_|ngettext)\(", token.string):
                    lines.append(token.start[0])
            elif depth and token.string == "(" and previous is not None and previous.string in KEYWORDS:
                lines.append(token.start[0])
            previous = token
    return lines


def test_no_translated_string_hides_inside_an_f_string():
    sources = [*sorted((ROOT / "incubator").rglob("*.py")), *sorted((ROOT / "pages").glob("*.py")), ROOT / "app.py"]
    hidden = {
        str(path.relative_to(ROOT)): lines for path in sources if (lines := _translation_calls_inside_f_strings(path))
    }
    assert hidden == {}, "move _() out of the f-string so scripts/update-translations finds it"


def test_the_f_string_check_sees_a_hidden_call(tmp_path):
    sample = tmp_path / "page.py"
    sample.write_text('title = f"**{_(\'New cohort\')}**"\nplain = "**" + _("New cohort") + "**"\n', encoding="utf-8")
    assert _translation_calls_inside_f_strings(sample) == [1]


# French sets ; : ? ! and » (and « after it) apart from their word with a narrow no-break space, so
# a line never starts with the sign alone: "trouver ; les files" wrapped there read "; les files".
_LOOSE_FRENCH_SIGN = re.compile(r" [;:?!»](?=\s|$|\")|« ")


def _french_in_templates(node: object, in_french: bool = False) -> list[str]:
    if isinstance(node, dict):
        return [text for key, value in node.items() for text in _french_in_templates(value, in_french or key == "fr")]
    if isinstance(node, list):
        return [text for value in node for text in _french_in_templates(value, in_french)]
    return [node] if in_french and isinstance(node, str) else []


def _french_texts() -> list[str]:
    import json
    import tomllib

    catalog = read_po((LOCALE_DIR / "fr" / "LC_MESSAGES" / "messages.po").open("rb"))
    texts = [text for message in catalog if message.id for text in _all(message.string)]
    texts += json.loads((ROOT / "templates" / "demo" / "texts.fr.json").read_text(encoding="utf-8")).values()
    for template in sorted((ROOT / "templates").rglob("*.toml")):
        texts += _french_in_templates(tomllib.loads(template.read_text(encoding="utf-8")))
    return texts


def _all(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return (string,) if isinstance(string, str) else string


def test_french_punctuation_keeps_to_its_word():
    texts = _french_texts()
    assert len(texts) > 800  # the catalogue, the demo's texts and the templates' French were all read
    assert [text[:60] for text in texts if _LOOSE_FRENCH_SIGN.search(text)] == []


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [("en", "1 invitation not used yet", "2 invitations not used yet"),
     ("fr", "1 invitation pas encore utilisée", "2 invitations pas encore utilisées"),
     ("nl", "1 uitnodiging nog niet gebruikt", "2 uitnodigingen nog niet gebruikt")],
)  # fmt: skip
def test_counted_words_take_the_languages_own_plural_forms(language, one, two):
    from incubator.core.i18n import language as in_language
    from incubator.core.i18n import ngettext

    with in_language(language):
        said = [
            ngettext("{count} invitation not used yet", "{count} invitations not used yet", count).format(count=count)
            for count in (1, 2)
        ]
    assert said == [one, two]


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda path: path.parent.parent.name)
def test_every_plural_has_each_form_its_language_needs(po_path):
    with po_path.open("rb") as source:
        catalog = read_po(source)
    plurals = [message for message in catalog if message.id and isinstance(message.id, tuple)]
    assert len(plurals) >= 10
    if catalog.locale and catalog.locale.language == "en":
        return
    for message in plurals:
        assert len(message.string) == catalog.num_plurals and all(message.string), message.id
