"""Template wording per language, and dates, numbers and amounts written the reader's way."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from incubator.canvas.template import canvas_template, idea_questions
from incubator.core.config import PROJECT_ROOT
from incubator.core.formatting import (
    date_input_pattern,
    format_day,
    format_day_in_words,
    format_growth,
    format_money,
    format_number,
)
from incubator.core.i18n import SUPPORTED_LANGUAGES, best_language, language
from incubator.core.labels import IMPORTED_NOTE, version_note_label
from incubator.core.template_text import in_language, missing_translations
from incubator.deck.outlines import get_outline
from incubator.judging.rubrics import get_rubric
from incubator.progress.milestones import load_plan
from incubator.reports.charts import metric_chart

TEMPLATE_FILES = sorted((PROJECT_ROOT / "templates").rglob("*.toml"))
TEXT_KEYS = frozenset(
    {"title", "credit", "prompt", "example", "sub_title", "sub_prompt", "sub_example", "description", "levels"}
)
OTHER_LANGUAGES = tuple(code for code in SUPPORTED_LANGUAGES if code != "en")


def _plain_spaces(text: str) -> str:
    # Babel writes the no-break spaces typography asks for; compare them as plain spaces.
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda path: str(path.relative_to(PROJECT_ROOT)))
def test_every_template_text_has_a_french_and_dutch_wording(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert missing_translations(data, OTHER_LANGUAGES, TEXT_KEYS) == []


def test_every_rubric_criterion_has_a_label_in_every_language():
    for path in (PROJECT_ROOT / "templates" / "rubrics").glob("*.toml"):
        for criterion in tomllib.loads(path.read_text(encoding="utf-8"))["criteria"]:
            assert all(criterion[code].get("label") for code in OTHER_LANGUAGES), criterion["name"]


def test_a_language_table_rewords_its_entry_and_anything_missing_stays_english():
    data = {"title": "Plan", "steps": [{"key": "a", "title": "Call", "note": "Kept", "fr": {"title": "Appeler"}}]}
    assert in_language(data, "fr") == {"title": "Plan", "steps": [{"key": "a", "title": "Appeler", "note": "Kept"}]}
    assert in_language(data, "nl")["steps"][0] == {"key": "a", "title": "Call", "note": "Kept"}
    assert missing_translations(data, ("fr",), frozenset({"title", "note"})) == ["title (fr)", "steps[0].note (fr)"]


def test_canvas_and_idea_guidance_follow_the_language_with_the_established_box_names():
    with language("fr"):
        french = [box.title for box in canvas_template().in_filling_order()]
        assert idea_questions()[0].title == "Problème"
    with language("nl"):
        dutch = [box.title for box in canvas_template().in_filling_order()]
    assert french[:3] == ["Segments de clientèle", "Problème", "Proposition de valeur unique"]
    assert "Indicateurs clés" in french and "Avantage déloyal" in french
    assert dutch[:3] == ["Klantsegmenten", "Probleem", "Unieke waardepropositie"]
    assert "Inkomstenstromen" in dutch and "Kostenstructuur" in dutch
    assert canvas_template().box("problem").title == "Problem"


def test_rubric_labels_change_with_the_language_but_scores_keep_their_stored_name():
    with language("nl"):
        rubric = get_rubric("demo-day")
    problem = rubric.criteria[0]
    assert (problem.name, problem.title) == ("Problem", "Probleem")
    assert rubric.level_description(problem, 1).startswith("Geen duidelijk probleem")
    assert rubric.relabel({"repair": {"Problem": 4.0}}) == {"repair": {"Probleem": 4.0}}
    assert get_rubric("demo-day").criteria[0].title == "Problem"


def test_deck_outlines_and_milestone_plans_follow_the_language():
    with language("fr"):
        assert [slide.title for slide in get_outline("demo-day").slides][1:3] == ["Problème", "Solution"]
        title, steps = load_plan("six-month-incubation")
    assert title == "Incubation de six mois"
    assert steps[3].title == "Premier client payant"


@pytest.mark.parametrize(
    ("code", "money", "whole", "number"),
    [
        ("en", "€1,234.50", "€40,000", "1,234.57"),
        ("fr", "1 234,50 €", "40 000 €", "1 234,57"),
        ("nl", "€ 1.234,50", "€ 40.000", "1.234,57"),
    ],
)
def test_amounts_and_numbers_are_written_the_languages_way(code, money, whole, number):
    with language(code):
        assert _plain_spaces(format_money(1234.5, "EUR")) == money
        assert _plain_spaces(format_money(40000, "EUR")) == whole
        assert _plain_spaces(format_number(1234.5678)) == number


@pytest.mark.parametrize(
    ("code", "day", "in_words", "growth", "pattern"),
    [("en", "05/03/2027", "5 Mar 2027", "+12%", "DD/MM/YYYY"),
     ("fr", "05/03/2027", "5 mars 2027", "+12 %", "DD/MM/YYYY"),
     ("nl", "05-03-2027", "5 mrt 2027", "+12%", "DD-MM-YYYY")],
)  # fmt: skip
def test_dates_and_growth_are_written_the_languages_way(code, day, in_words, growth, pattern):
    """Pages write dates as their date pickers show them (one style a language); documents write them in words."""
    with language(code):
        assert _plain_spaces(format_day(dt.date(2027, 3, 5))) == day
        assert _plain_spaces(format_day_in_words(dt.date(2027, 3, 5))) == in_words
        assert _plain_spaces(format_growth(0.1234)) == growth
        assert date_input_pattern() == pattern
    assert format_day(None) == "—"


def test_browser_languages_pick_the_best_supported_one():
    assert best_language("fr-BE,fr;q=0.9,en;q=0.8") == "fr"
    assert best_language("nl-BE") == "nl"
    assert best_language("ar-MA,tr;q=0.8,nl;q=0.5") == "nl"
    assert best_language("de-DE") == "en"
    assert best_language(None) == "en"


def test_the_apps_own_version_note_is_translated_and_peoples_notes_are_not():
    with language("fr"):
        assert version_note_label(IMPORTED_NOTE) == "Importé depuis un paquet de données"
        assert version_note_label("Pivot to municipalities") == "Pivot to municipalities"


def test_charts_write_months_and_numbers_in_the_readers_language():
    points = [(dt.date(2026, 10, 5), 1200.5), (dt.date(2026, 11, 2), 1500.0)]
    with language("fr"):
        spec = metric_chart(points, "Orders", "orders").to_dict()
    locale = spec["config"]["locale"]
    assert locale["time"]["months"][0] == "janvier" and locale["time"]["shortMonths"][9] == "oct."
    assert locale["number"]["decimal"] == "," and spec["encoding"]["x"]["axis"]["format"] == "%-d %b"
    with language("nl"):
        assert metric_chart(points, "Orders", "orders").to_dict()["config"]["locale"]["number"]["thousands"] == "."
