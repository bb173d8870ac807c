"""What a door may do with any input: answer with data or with one short refusal, never raise anything else.

Shared by the fuzzing harnesses (run by hand, see fuzz/README.md) and by the regression test that
replays every input they ever found (tests/unit/test_fuzz_regressions.py).
"""

from __future__ import annotations

from incubator.core.errors import BundleInvalid
from incubator.exchange.bundle_schema import check_against_schema, parse_bundle
from incubator.progress.metric_csv import parse_metric_csv

METRICS = {"Users": False, "Profit": True}
MESSAGE_LIMIT = 300


def read_bundle(raw: bytes) -> None:
    """Parse and schema-check `raw`; a refusal must be one line under 300 characters."""
    try:
        check_against_schema(parse_bundle(raw))
    except BundleInvalid as refused:
        message = str(refused)
        if len(message) >= MESSAGE_LIMIT or "\n" in message:
            raise AssertionError(f"a refusal of {len(message)} characters: {message[:200]!r}") from None


def read_metric_csv(raw: bytes) -> None:
    """Parse `raw` as a metric CSV; rows or problems, each problem one short line."""
    rows, problems = parse_metric_csv(raw, METRICS)
    if bool(rows) == bool(problems):
        raise AssertionError("both rows and problems, or neither")
    for problem in problems:
        if len(str(problem)) >= MESSAGE_LIMIT or "\n" in str(problem):
            raise AssertionError(f"a problem of {len(str(problem))} characters: {str(problem)[:200]!r}")
