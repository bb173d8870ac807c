"""Deck outlines, drafting rules, and the deck files read back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from incubator.deck.drafting import Slide, draft_body, draft_deck, is_out_of_date, over_word_budget
from incubator.deck.files import build_deck_pdf, build_pptx
from incubator.deck.outlines import OutlineSlide, get_outline, load_outlines
from incubator.deck.printout import DeckPrint

SOURCES = {
    "name": "Souk Direct",
    "tagline": "Click-and-collect for the market.",
    "problem": "Commuters miss the market.\nVendors waste food.",
    "existing_alternatives": "Supermarkets",
    "solution": "",
    "unique_value_proposition": "",
    "metrics": "Orders: 188",
    "milestones_done": "Lockers installed",
    "key_metrics": "",
    "revenue_streams": "8% commission",
    "cost_structure": "Lockers",
    "ask": "120,000 EUR",
    "team": "Elif\nJonas",
    "high_level_concept": "",
}


def test_the_three_outlines_load_with_the_expected_sizes():
    outlines, problems = load_outlines()
    assert problems == []
    assert {name: len(outline.slides) for name, outline in outlines.items()} == {
        "demo-day": 6, "kawasaki-10-20-30": 10, "sequoia": 10,
    }  # fmt: skip


def test_a_malformed_outline_is_reported_and_the_others_still_load(tmp_path: Path):
    (tmp_path / "good.toml").write_text(
        '[[slides]]\ntitle="A"\nprompt="p"\nword_budget=5\nseconds=10\n', encoding="utf-8"
    )
    (tmp_path / "bad.toml").write_text(
        '[[slides]]\ntitle="A"\nprompt="p"\nword_budget=5\nseconds=10\nsources=["mood"]\n', encoding="utf-8"
    )
    (tmp_path / "broken.toml").write_text("slides = [", encoding="utf-8")
    outlines, problems = load_outlines(tmp_path)
    assert list(outlines) == ["good"]
    assert any("bad.toml" in problem and "mood" in problem for problem in problems)
    assert any("broken.toml" in problem for problem in problems)


def test_outlines_are_kept_until_a_file_changes(tmp_path):
    outline = tmp_path / "short.toml"
    outline.write_text('[[slides]]\ntitle="A"\nprompt="p"\nword_budget=5\nseconds=10\n', encoding="utf-8")
    first, _problems = load_outlines(tmp_path)
    assert load_outlines(tmp_path)[0]["short"] is first["short"]  # kept: the file did not change
    outline.write_text('[[slides]]\ntitle="Longer"\nprompt="p"\nword_budget=5\nseconds=10\n', encoding="utf-8")
    assert load_outlines(tmp_path)[0]["short"].slides[0].title == "Longer"


def test_slides_are_drafted_from_their_sources_and_empty_ones_are_left_to_write():
    deck = draft_deck(get_outline("demo-day"), SOURCES, canvas_version=3)
    assert deck[0].title == "Souk Direct"
    assert deck[1].body == "- Commuters miss the market.\n- Vendors waste food.\n- Supermarkets"
    assert deck[2].body == ""  # solution and UVP are empty: to write, its prompt only a placeholder
    assert "- Orders: 188" in deck[3].body and "- Lockers installed" in deck[3].body
    assert deck[4].body == "- 8% commission\n- Lockers" and all(slide.canvas_version == 3 for slide in deck)


def test_a_slide_from_the_canvas_is_out_of_date_only_when_a_redraft_would_differ():
    slide = draft_deck(get_outline("demo-day"), SOURCES, canvas_version=3)[1]
    assert not is_out_of_date(slide, SOURCES, canvas_version=3)
    assert not is_out_of_date(slide, SOURCES, canvas_version=4)  # the canvas changed, but not this slide's boxes
    assert is_out_of_date(slide, SOURCES | {"problem": "A new problem."}, canvas_version=4)
    ask = draft_deck(get_outline("demo-day"), SOURCES, canvas_version=3)[5]
    assert not is_out_of_date(ask, SOURCES | {"ask": "more"}, canvas_version=9)  # not drawn from the canvas


def test_word_budget_is_flagged_not_enforced():
    slide = Slide("Problem", " ".join(["word"] * 41))
    assert over_word_budget(slide, 40) and not over_word_budget(slide, 41)
    assert draft_body(OutlineSlide("T", "prompt", 5, 5, ("problem",)), {}) == ""


DECK = DeckPrint(
    "Souk Direct",
    [
        Slide("Souk Direct", "- Click-and-collect", "Smile."),
        Slide("Problem", "- <b>R&D</b> & markup\n- Łódź ✓", "Tell the story."),
        Slide("Traction", "- Orders: 188", "", ("metrics",)),
    ],
)


def test_the_pptx_opens_with_16_9_slides_titles_bullets_and_notes():
    presentation = Presentation(io.BytesIO(build_pptx(DECK)))
    assert round(presentation.slide_width / presentation.slide_height, 2) == round(16 / 9, 2)
    assert [slide.shapes.title.text for slide in presentation.slides] == ["Souk Direct", "Problem", "Traction"]
    second = presentation.slides[1]
    assert [paragraph.text for paragraph in second.placeholders[1].text_frame.paragraphs] == [
        "<b>R&D</b> & markup",
        "Łódź ✓",
    ]
    assert second.notes_slide.notes_text_frame.text == "Tell the story."


def test_the_pdf_has_a_16_9_page_per_slide_with_the_text_as_typed():
    reader = PdfReader(io.BytesIO(build_deck_pdf(DECK)))
    assert len(reader.pages) == 3
    page = reader.pages[1]
    assert page.mediabox.width / page.mediabox.height == pytest.approx(16 / 9)
    text = "".join(page.extract_text().split())
    assert "<b>R&D</b>&markup" in text and "Łódź✓" in text
    fonts = page["/Resources"]["/Font"]
    assert all("DejaVuSans" in font.get_object()["/BaseFont"] for font in fonts.values())


def test_an_ask_slide_without_an_ask_is_left_to_write_never_the_founders_names_alone():
    ask = OutlineSlide("Ask", "What you need, and what it will get done.", 30, 30, ("ask", "team"))
    assert draft_body(ask, {"ask": "", "team": "Zoé Martin"}) == ""
    assert draft_body(ask, {"ask": "€40,000 · loan", "team": "Zoé Martin"}) == "- €40,000 · loan\n- Zoé Martin"


def test_an_ask_slide_says_the_one_ask_and_stays_to_write_without_one():
    from incubator.deck.drafting import is_ask_slide, with_the_ask

    slides = [Slide("Problem", "- Typed", sources=("problem",)), Slide("Ask", "- typed twice", sources=("ask", "team"))]
    drawn = with_the_ask(slides, {"ask": "€40,000 · loan\nLockers", "team": "Zoé"})
    assert [slide.body for slide in drawn] == ["- Typed", "- €40,000 · loan\n- Lockers\n- Zoé"]
    assert with_the_ask(slides, {"ask": "", "team": "Zoé"})[1].body == ""
    assert [is_ask_slide(slide) for slide in slides] == [False, True]
