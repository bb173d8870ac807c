"""Coverage-guided fuzzing of the bundle reader and the metric CSV parser with atheris.

Run by hand, not in CI (it runs until stopped): see fuzz/README.md.
    python -m fuzz.fuzz_doors bundle fuzz/seeds/bundle -max_total_time=300
    python -m fuzz.fuzz_doors metric_csv fuzz/seeds/metric_csv -max_total_time=300
Any crashing input is written as crash-<hash>; copy it into fuzz/regressions/<door>/ so the test
suite replays it for ever.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from fuzz import doors

DOORS = {"bundle": doors.read_bundle, "metric_csv": doors.read_metric_csv}


def main() -> None:
    door = DOORS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, door)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
