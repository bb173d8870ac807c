"""Every input the fuzzers found (fuzz/regressions/) and every seed, replayed through its door on each run."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz import doors

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"
CASES = [
    (door, path)
    for door in ("bundle", "metric_csv")
    for folder in (FUZZ / "regressions" / door, FUZZ / "seeds" / door)
    for path in sorted(folder.iterdir())
    if path.is_file()
]


@pytest.mark.parametrize(("door", "path"), CASES, ids=[f"{door}/{path.name}" for door, path in CASES])
def test_a_found_input_gets_data_or_one_short_refusal(door, path):
    {"bundle": doors.read_bundle, "metric_csv": doors.read_metric_csv}[door](path.read_bytes())
