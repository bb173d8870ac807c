"""Benchmark: a slide's preview after an edit (its PDF page drawn and rendered by PDFium), and a cached one.

A founder edits one slide of a 12-slide deck; only that slide is drawn again. Prints the median and
the slowest of the changed-slide renders at the large preview's width (960 px) and at a thumbnail's
(240 px), and what a preview costs when nothing on the slide changed. Run: python -m benchmarks.deck_preview
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from incubator.deck.drafting import Slide
from incubator.deck.preview import slide_png
from incubator.deck.printout import DeckPrint
from incubator.reports.charts import chart_png, metric_chart

POINTS = [(dt.date(2026, 1, 1) + dt.timedelta(weeks=week), 10.0 + 3 * week) for week in range(40)]
BODY = "- Working people cannot reach the market in time\n- Vendors throw away unsold fresh food\n- Supermarkets"


def _deck(edit: int) -> DeckPrint:
    slides = [Slide(f"Slide {number}", f"{BODY} (edit {edit})" if number == 4 else BODY,
                    sources=("metrics",) if number == 4 else ()) for number in range(1, 13)]  # fmt: skip
    return DeckPrint("Souk Direct", slides, chart_png(metric_chart(POINTS, "Orders", "orders")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    slide_png(_deck(-1), 3, 960)  # the fonts and PDFium load once per process: not part of the figures
    for width in (960, 240):
        changed = []
        for edit in range(runs):
            deck = _deck(edit * 1000 + width)
            started = time.perf_counter()
            slide_png(deck, 3, width)
            changed.append((time.perf_counter() - started) * 1000)
        deck = _deck(0)
        started = time.perf_counter()
        for _ in range(runs):
            slide_png(deck, 3, width)
        cached = (time.perf_counter() - started) * 1000 / runs
        print(f"  {width:>4} px: changed slide median {statistics.median(changed):6.1f} ms, "
              f"slowest {max(changed):6.1f} ms; unchanged {cached:5.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
