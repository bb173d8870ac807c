"""The theme's colours pass WCAG 2.2 AA contrast, as Streamlit mixes them (axe-core checks the pages themselves)."""

from __future__ import annotations

import tomllib

from incubator.core.config import PROJECT_ROOT
from incubator.reports.charts import STATUS_COLOURS

THEME = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
WHITE, SIDEBAR = "#ffffff", "#f8f8f7"  # Streamlit's light background and its sidebar's


def _channels(colour: str) -> tuple[float, float, float]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _luminance(rgb: tuple[float, float, float]) -> float:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str | tuple[float, float, float], background: str) -> float:
    """WCAG's contrast ratio of two colours."""
    front = _channels(foreground) if isinstance(foreground, str) else foreground
    lighter, darker = sorted((_luminance(front), _luminance(_channels(background))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def faded(colour: str, opacity: float, background: str) -> tuple[float, float, float]:
    """What `colour` at `opacity` looks like on `background` (Streamlit's fadedText60 is the text at 0.6)."""
    front, back = _channels(colour), _channels(background)
    return (
        front[0] * opacity + back[0] * (1 - opacity),
        front[1] * opacity + back[1] * (1 - opacity),
        front[2] * opacity + back[2] * (1 - opacity),
    )


def test_text_and_captions_pass_aa_on_the_page_and_in_the_sidebar():
    for background in (WHITE, SIDEBAR):
        assert contrast(THEME["textColor"], background) >= 7
        assert contrast(faded(THEME["textColor"], 0.6, background), background) >= 4.5


def test_coloured_marks_pass_aa_as_text():
    for colour in (THEME["orangeTextColor"], THEME["redTextColor"]):
        assert contrast(colour, WHITE) >= 4.5 and contrast(colour, SIDEBAR) >= 4.5, colour


def test_the_accent_passes_aa_as_text_on_white_and_under_white_text():
    assert contrast(THEME["primaryColor"], WHITE) >= 4.5  # links, the chosen score's outline


def test_chart_colours_stand_out_from_the_background_as_graphics_must():
    for colour in [*THEME["chartCategoricalColors"], *STATUS_COLOURS.values()]:
        assert contrast(colour, WHITE) >= 3, colour


def test_the_contrast_formula_matches_wcag_reference_values():
    assert round(contrast("#000000", WHITE), 1) == 21.0
    assert round(contrast("#777777", WHITE), 2) == 4.48  # the classic just-failing grey
    # Streamlit's default caption, which axe-core measured as #828180 on white at 3.88:1.
    assert abs(contrast(faded("#2f2d2b", 0.6, WHITE), WHITE) - 3.88) < 0.01
