"""What the canvas PDF prints, as plain values: built by `canvas.export`, drawn by `canvas.pdf`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from incubator.canvas.template import CanvasTemplate


@dataclass(frozen=True)
class CanvasPrint:
    """Everything the canvas PDF shows."""

    startup_name: str
    version: int
    saved_at: dt.datetime | None
    fields: dict[str, str]
    template: CanvasTemplate
    incubator_name: str = "Incubator"
