"""Pure canvas rules: hints that teach, completeness, word-level diff, and the template checks."""

from __future__ import annotations

import copy
import tomllib

import pytest

from incubator.canvas.diff import compare_canvases, diff_text
from incubator.canvas.hints import count_items, filled_boxes, hints_for_canvas
from incubator.canvas.ideas import canvas_start_from_idea
from incubator.canvas.template import (
    CANVAS_TEMPLATE_PATH,
    canvas_template,
    idea_questions,
    parse_canvas_template,
    parse_idea_template,
)
from incubator.core.errors import TemplateInvalid
from incubator.core.template_text import in_language
from incubator.core.vocabulary import CANVAS_FIELDS


def _fields_hinted(fields: dict[str, str]) -> list[str]:
    return [hint.field for hint in hints_for_canvas(fields)]


def test_an_empty_canvas_gets_no_hint_blank_boxes_are_allowed():
    assert hints_for_canvas(dict.fromkeys(CANVAS_FIELDS, "")) == []


def test_long_value_proposition_is_hinted_with_its_word_count():
    long_uvp = " ".join(["word"] * 27)
    [hint] = hints_for_canvas({"unique_value_proposition": long_uvp})
    assert hint.field == "unique_value_proposition" and "27 words" in hint.message
    assert _fields_hinted({"unique_value_proposition": " ".join(["word"] * 20)}) == []


@pytest.mark.parametrize(
    ("problem", "count"),
    [("one\ntwo\nthree\nfour", 4), ("- a\n- b", 2), ("a; b; c; d", 4), ("a single problem, with commas", 1), ("", 0)],
)
def test_problems_are_counted_by_line_or_semicolon(problem, count):
    assert count_items(problem) == count


def test_more_than_three_problems_is_hinted():
    assert "problem" in _fields_hinted({"problem": "a\nb\nc\nd", "existing_alternatives": "x"})
    assert "problem" not in _fields_hinted({"problem": "a\nb\nc", "existing_alternatives": "x"})


def test_customer_segments_without_early_adopters_is_hinted():
    assert _fields_hinted({"customer_segments": "Parents"}) == ["early_adopters"]
    assert _fields_hinted({"customer_segments": "Parents", "early_adopters": "At two schools"}) == []


@pytest.mark.parametrize(
    ("metrics", "hinted"),
    [("Happy employers.", True), ("Bookings per week", False), ("Retention 80%", False), ("12 schools", False),
     ("Nombre de réservations", False), ("Aantal klanten", False)],
)  # fmt: skip
def test_key_metrics_without_anything_measurable_is_hinted(metrics, hinted):
    assert ("key_metrics" in _fields_hinted({"key_metrics": metrics})) is hinted


def test_solution_without_a_problem_is_hinted():
    assert _fields_hinted({"solution": "An app"}) == ["solution"]


def test_completeness_counts_the_main_field_of_each_box():
    main = [box.field for box in canvas_template().boxes]
    fields = dict.fromkeys(CANVAS_FIELDS, "") | {"problem": "x", "early_adopters": "only a sub-field", "channels": "  "}
    assert filled_boxes(fields, main) == 1


def test_diff_marks_added_and_removed_words():
    pieces = diff_text("Book a repairer in two clicks", "Book a volunteer repairer in one click")
    assert ("added", "volunteer ") in pieces
    assert ("removed", "two clicks") in pieces and ("added", "one click") in pieces
    assert "".join(text for op, text in pieces if op != "removed") == "Book a volunteer repairer in one click"


def test_compare_reports_only_changed_fields_as_changed():
    old = dict.fromkeys(CANVAS_FIELDS, "same")
    new = old | {"channels": "different"}
    assert [change.field for change in compare_canvases(old, new) if change.changed] == ["channels"]


def test_the_shipped_templates_cover_every_field_once():
    template = canvas_template()
    assert sorted(field for box in template.boxes for field in box.fields) == sorted(CANVAS_FIELDS)
    assert [box.field for box in template.in_filling_order()][:3] == [
        "customer_segments", "problem", "unique_value_proposition",
    ]  # fmt: skip
    assert template.field_title("early_adopters") == "Early adopters"
    assert "CC BY-SA 3.0" in template.credit
    assert idea_questions()[0].field == "problem"


def _template_data() -> dict:
    return in_language(tomllib.loads(CANVAS_TEMPLATE_PATH.read_text(encoding="utf-8")), "en")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data["boxes"].pop(), "fields missing"),
        (lambda data: data["boxes"][0].update(position="top-1"), "position"),
        (lambda data: data["boxes"][0].update(order=7), "orders"),
        (lambda data: data["boxes"][0].update(colour="red"), r"boxes\[0\].*colour"),
        (lambda data: data["boxes"][0].update(prompt=" "), "needs a title and a prompt"),
    ],
)
def test_a_malformed_canvas_template_is_reported_clearly(change, message):
    data = copy.deepcopy(_template_data())
    change(data)
    with pytest.raises(TemplateInvalid, match=message):
        parse_canvas_template(data)


def test_a_malformed_idea_template_is_reported_clearly():
    with pytest.raises(TemplateInvalid, match="the fields must be"):
        parse_idea_template({"fields": []})


def test_the_canvas_starts_from_the_idea():
    answers = {"problem": "Hard to repair", "target_customer": "Households", "solution_hypothesis": "Booking page"}
    start = canvas_start_from_idea(answers, idea_questions())
    assert (start["problem"], start["customer_segments"], start["solution"]) == (
        "Hard to repair", "Households", "Booking page",
    )  # fmt: skip
    assert start["channels"] == ""
