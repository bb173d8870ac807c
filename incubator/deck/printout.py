"""What a deck file (PowerPoint or PDF) shows, as plain values: built by the deck service, drawn by `deck.files`."""

from __future__ import annotations

from dataclasses import dataclass

from incubator.deck.drafting import Slide


@dataclass(frozen=True)
class DeckPrint:
    """Everything a deck file shows."""

    startup_name: str
    slides: list[Slide]
    chart_png: bytes | None = None
    incubator_name: str = "Incubator"
