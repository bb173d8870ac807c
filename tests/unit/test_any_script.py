"""Any script in every export: each PDF read back through its text layer, its fonts, and the layout of mixed lines.

The fixture mixes Latin with accents, Arabic, Hebrew, Chinese, Japanese, Korean, Devanagari and emoji.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections import Counter
from dataclasses import replace

import pytest
from bidi.mirror import MIRRORED
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.oxml.ns import qn
from pypdf import PdfReader

from incubator.canvas.pdf import build_canvas_pdf
from incubator.canvas.printout import CanvasPrint
from incubator.canvas.template import canvas_template
from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.deck.drafting import Slide
from incubator.deck.files import build_deck_pdf, build_pptx
from incubator.deck.printout import DeckPrint
from incubator.pdf.text import ELLIPSIS, REGULAR, Block, fit_blocks, register_fonts, wrap_paragraph
from incubator.reports.onepager_pdf import build_booklet, build_onepager
from incubator.reports.printout import Booklet
from tests.unit.test_onepager_pdf import PAGE

SAMPLES = {
    "latin": "Łódź, İstanbul, Ελληνικά, Кириллица, café",
    "arabic": "مرحبا بالعالم",
    "hebrew": "שלום עולם",
    "chinese": "北京欢迎你",
    "japanese": "日本語のテキスト、カタカナ",
    "korean": "한국어 텍스트",
    "devanagari": "हिन्दी पाठ",
    "emoji": "🚀🔥👩🏽\u200d💻",
}
MIXED = "Jongeren van 18 tot 25 jaar in Molenbeek; 北京 visitors; שלום; <b>not bold</b>"
FONTS = {"DejaVuSans", "DroidSansFallback", "NotoSansDevanagari-Regular", "Symbola"}
# In the boxes the one-pager shows (a box of two paragraphs among them).
BOXES = {
    "problem": MIXED, "existing_alternatives": SAMPLES["latin"],
    "solution": SAMPLES["japanese"] + "\n" + SAMPLES["devanagari"], "unique_value_proposition": SAMPLES["chinese"],
    "customer_segments": SAMPLES["arabic"], "early_adopters": SAMPLES["hebrew"], "revenue_streams": SAMPLES["emoji"],
    "cost_structure": SAMPLES["korean"],
}  # fmt: skip


def _canonical(text: str) -> str:
    """What a reader gets back: compatibility forms folded (Arabic is drawn in its joined presentation forms)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _onepager() -> bytes:
    return build_onepager(replace(PAGE, name="北京 Souk 🚀", canvas=dict.fromkeys(CANVAS_FIELDS, "") | BOXES))


def _booklet() -> bytes:
    page = replace(PAGE, name="한국어 Souk", canvas=dict.fromkeys(CANVAS_FIELDS, "") | BOXES)
    return build_booklet(Booklet("Demo day 北京", dt.date(2027, 7, 15), "Cohort שלום", [page]))


def _canvas() -> bytes:
    fields = dict.fromkeys(CANVAS_FIELDS, "") | BOXES
    saved = dt.datetime(2026, 11, 28, tzinfo=dt.UTC)
    return build_canvas_pdf(CanvasPrint("北京 Souk 🚀", 2, saved, fields, canvas_template()))


def _deck_print() -> DeckPrint:
    slides = [Slide(f"Slide {name}", text, notes=text) for name, text in [("mixed", MIXED), *SAMPLES.items()]]
    return DeckPrint("北京 Souk 🚀", slides)


DOCUMENTS = {
    "one-pager": _onepager,
    "booklet": _booklet,
    "canvas": _canvas,
    "deck": lambda: build_deck_pdf(_deck_print()),
}


def _read(document: str) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(DOCUMENTS[document]()))
    return reader, _canonical("".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_script_is_in_the_text_layer_in_logical_order(document):
    _reader, text = _read(document)
    for script, sample in SAMPLES.items():
        assert _canonical(sample) in text, script
    # A line that starts in Latin keeps its Latin words in order around the Hebrew word.
    assert _canonical("Jongeren van 18 tot 25 jaar in Molenbeek;") in text
    assert _canonical("not bold</b>") in text


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_character_of_the_fixture_is_there(document):
    _reader, text = _read(document)
    wanted = Counter(_canonical(MIXED + "".join(SAMPLES.values())))
    found = Counter(text)
    assert not {char: count for char, count in wanted.items() if found[char] < 1}


@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_fallback_fonts_are_embedded_subsets(document):
    reader, _text = _read(document)
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else None
            assert descriptor is not None and "/FontFile2" in descriptor, font["/BaseFont"]  # TrueType, embedded
            embedded.add(str(font["/BaseFont"]).split("+", 1)[-1].lstrip("/"))
    assert embedded >= FONTS


def test_a_latin_paragraph_with_a_hebrew_word_stays_left_to_right_with_the_word_reversed_in_place():
    register_fonts()
    lines = wrap_paragraph(MIXED, REGULAR, 9, 1000)
    assert [line.text for line in lines] == [
        "Jongeren van 18 tot 25 jaar in Molenbeek; 北京 visitors; םולש; <b>not bold</b>"
    ]
    assert not lines[0].right_to_left


def test_a_hebrew_paragraph_reads_right_to_left_with_its_latin_and_numbers_in_place():
    register_fonts()
    [line] = wrap_paragraph("שלום עולם (hello world) 123 וגם", REGULAR, 9, 1000)
    assert line.right_to_left and line.text == "םגו 123 (hello world) םלוע םולש"


def test_chinese_and_japanese_break_between_characters_but_never_before_closing_punctuation():
    register_fonts()
    sentence = "日本語のテキストは、スペースなしで書かれます。北京欢迎你来到这里，我们很高兴。"
    lines = wrap_paragraph(sentence, REGULAR, 9, 80)
    assert len(lines) > 3 and "".join(line.text for line in lines) == sentence
    assert all(line.width <= 80 for line in lines)
    assert not any(line.text[0] in "、。，" for line in lines)


def test_arabic_wraps_between_words_never_inside_one():
    register_fonts()
    sentence = "مرحبا بالعالم هذا نص عربي طويل يجب أن يلتف بشكل صحيح"
    lines = wrap_paragraph(sentence, REGULAR, 9, 90)
    assert len(lines) > 1 and all(line.right_to_left for line in lines)
    drawn = [_canonical(word[::-1]) for line in lines for word in reversed(line.text.split())]
    assert drawn == [_canonical(word) for word in sentence.split()]


def test_fit_to_box_shrinks_then_cuts_mixed_scripts_with_the_ellipsis():
    register_fonts()
    fitted = fit_blocks([Block(" ".join([MIXED, *SAMPLES.values()] * 20))], width=120, height=60)
    assert fitted.shortened and fitted.size == 6
    last = fitted.blocks[-1].lines[-1]
    assert ELLIPSIS in last.text
    assert all(line.width <= 120 for item in fitted.blocks for line in item.lines)


def test_powerpoint_runs_name_east_asian_and_complex_script_fonts():
    presentation = Presentation(io.BytesIO(build_pptx(_deck_print())))
    fonts: dict[str, tuple[str | None, str | None]] = {}
    for slide in presentation.slides:
        for paragraph in slide.placeholders[1].text_frame.paragraphs:
            for run in paragraph.runs:
                properties = run._r.find(qn("a:rPr"))
                ea, cs = properties.find(qn("a:ea")), properties.find(qn("a:cs"))
                fonts[run.text] = (ea.get("typeface") if ea is not None else None,
                                   cs.get("typeface") if cs is not None else None)  # fmt: skip
    assert fonts[SAMPLES["chinese"]] == ("Microsoft YaHei", None)
    assert fonts[SAMPLES["japanese"]] == ("Yu Gothic", None)
    assert fonts[SAMPLES["korean"]] == ("Malgun Gothic", None)
    assert fonts[SAMPLES["arabic"]] == (None, "Arial") and fonts[SAMPLES["hebrew"]] == (None, "Arial")
    assert fonts[SAMPLES["devanagari"]] == (None, "Nirmala UI")
    assert fonts[MIXED] == ("Microsoft YaHei", "Arial")
    assert fonts[SAMPLES["latin"]] == (None, None)


_LETTERS = st.sampled_from(list("abc xyz ÉéŁ 123 ()[]<> שלום مرحبا 北京你好、。 한국 हिन्दी 🚀 .,;"))


@settings(max_examples=200, deadline=None)
@given(st.lists(_LETTERS, min_size=1, max_size=60).map("".join), st.sampled_from([30, 60, 200]))
def test_wrapping_any_mix_keeps_every_character_and_every_line_within_the_width(text, width):
    register_fonts()
    lines = wrap_paragraph(text, REGULAR, 9, width)
    widest_char = max(line.width for line in wrap_paragraph(text, REGULAR, 9, 0.1))
    assert all(line.width <= max(width, widest_char) + 0.01 for line in lines)

    def kept(chars: str) -> Counter[str]:  # spaces go at breaks; a mirrored bracket is its pair
        return Counter(min(char, MIRRORED.get(char, char)) for char in _canonical(chars))

    assert kept("".join(line.text for line in lines)) == kept(text)
