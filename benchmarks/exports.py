"""Benchmark: the one-page investor summary, a 100-startup booklet and a 12-slide deck, as medians with peak memory.

Prints the one-pager with its chart (chart rendered once and reused while its data is unchanged),
a floor drawn with reportlab's canvas alone (the same text and chart at one size, no fitting),
and a booklet of 100 startups. Run: python -m benchmarks.exports [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

from incubator.core.vocabulary import CANVAS_FIELDS
from incubator.deck.drafting import Slide
from incubator.deck.files import build_deck_pdf, build_pptx
from incubator.deck.printout import DeckPrint
from incubator.pdf.text import REGULAR, register_fonts, wrap_paragraph
from incubator.pdf.typefaces import font_runs
from incubator.reports.charts import with_traction_chart
from incubator.reports.onepager_pdf import build_booklet, build_onepager
from incubator.reports.printout import Booklet, MetricFigure, OnePager
from incubator.startups.ask_text import AskText

TEXT = "Commuters who like fresh market food and vendors who lose customers during market hours. " * 3
POINTS = [(dt.date(2024, 1, 1) + dt.timedelta(weeks=week), 10.0 + week) for week in range(156)]
PAGE = OnePager(
    slug="bench", name="Benchmark Startup", tagline="A tagline", stage="MVP", sector="Retail", cohort="Big cohort",
    canvas=dict.fromkeys(CANVAS_FIELDS, TEXT), metrics=[MetricFigure("Orders", "orders", POINTS, 0.1)],
    done=[("Done thing", dt.date(2024, 5, 1))] * 4, next=[("Next thing", dt.date(2025, 5, 1))] * 4, team=["A", "B"],
    ask=AskText(50000, "EUR", "Loan", TEXT), contact="a@example.org", website="https://example.org",
    made_on=dt.date(2026, 11, 28),
)  # fmt: skip


CHARTED = with_traction_chart(PAGE)  # the first chart render in a process (about 1 s) is not part of the medians


def _forget_text_layouts() -> None:
    """Start every run cold: the text layouts kept between documents would make a repeated page look free."""
    wrap_paragraph.cache_clear()
    font_runs.cache_clear()


def _measure(job: Callable[[], object], runs: int) -> tuple[float, float]:
    """Return the median time (untraced runs) and the peak memory of one traced run."""
    timings = []
    for _ in range(runs):
        _forget_text_layouts()
        started = time.perf_counter()
        job()
        timings.append((time.perf_counter() - started) * 1000)
    tracemalloc.start()
    job()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(timings), peak


def _floor() -> bytes:
    """The same page's text and chart drawn with reportlab alone: one size, reportlab's own line splitting, no fitting."""
    register_fonts()
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4, initialFontName=REGULAR)
    texts = [*PAGE.canvas.values(), PAGE.ask.use_of_funds, *(title for title, _day in PAGE.done + PAGE.next)]
    y, column = 780.0, 0
    for text in texts:
        for line in simpleSplit(text, REGULAR, 8, 250):
            pdf.setFont(REGULAR, 8)
            pdf.drawString(36 + column * 265, y, line)
            y -= 10
            if y < 60:
                y, column = 780.0, column + 1
    if CHARTED.chart_png:
        pdf.drawImage(ImageReader(io.BytesIO(CHARTED.chart_png)), 300, 600, 250, 130)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    charted = CHARTED
    results = {
        "reportlab canvas alone (floor)": _measure(_floor, runs),
        "one-pager, chart reused": _measure(lambda: build_onepager(with_traction_chart(PAGE)), runs),
        "one-pager, chart already attached": _measure(lambda: build_onepager(charted), runs),
    }
    pages = [replace(charted, name=f"Startup {number}", slug=f"s{number}") for number in range(100)]
    results["booklet of 100 startups"] = _measure(
        lambda: build_booklet(Booklet("Demo day", None, "", pages)), max(1, runs // 3)
    )
    slides = [Slide(f"Slide {n}", "- " + "\n- ".join(TEXT.split(". ")[:3]), "Say it slowly.", ("metrics",) if n == 4 else ())
              for n in range(12)]  # fmt: skip
    deck = DeckPrint("Benchmark Startup", slides, charted.chart_png)
    results["deck of 12 slides, PowerPoint"] = _measure(lambda: build_pptx(deck), runs)
    results["deck of 12 slides, PDF"] = _measure(lambda: build_deck_pdf(deck), runs)
    floor = results["reportlab canvas alone (floor)"][0]
    print(f"median of {runs} runs; peak memory from tracemalloc")
    for label, (median, peak) in results.items():
        print(f"  {label:<36} {median:8.1f} ms  {median / floor:6.1f} x floor  peak {peak:6.1f} MiB")


if __name__ == "__main__":
    main()
