"""The ask as plain values, shared by the ask service, the profile page and the one-pager."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AskText:
    """An ask as plain values."""

    amount: float | None = None
    currency: str = "EUR"
    instrument: str = ""
    use_of_funds: str = ""
