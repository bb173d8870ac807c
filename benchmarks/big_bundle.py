"""Benchmark: import a valid 48 MB bundle through the command line, as a coordinator moving a whole incubator would.

Builds a bundle of a few hundred startups with full canvases, decks, metrics and milestones (about
48 MB of JSON), imports it into a fresh SQLite database with `python -m incubator import` and prints
the file size, the wall time and the peak memory of the import process, median of a few runs.
Run: python -m benchmarks.big_bundle [--runs N] [--megabytes M]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from incubator.core.vocabulary import CANVAS_FIELDS

BOX = "Les clients du marché de Molenbeek veulent commander la veille — 北京 — en árabe: سوق. " * 50  # ~4.5 KB


def _startup(number: int, founder: str, mentor: str) -> dict[str, Any]:
    return {
        "slug": f"startup-{number}",
        "name": f"Startup {number}",
        "tagline": "Groceries from the market, ordered the night before.",
        "cohort": "big-cohort",
        "stage": "traction",
        "website": f"https://startup-{number}.example.org",
        "founders": [founder],
        "mentors": [mentor],
        "canvas": {field: BOX[:4900] for field in CANVAS_FIELDS},
        "deck": {
            "template": "demo-day",
            "slides": [{"title": f"Slide {slide}", "body": BOX[:3000]} for slide in range(10)],
        },
        "milestones": [{"title": f"Milestone {item}", "due": "2027-03-01", "status": "planned"} for item in range(20)],
        "metrics": [
            {"name": "Users", "unit": "", "date": f"{2000 + month // 12}-{1 + month % 12:02d}-01", "value": month * 1.5}
            for month in range(120)
        ],
    }


def build_bundle(megabytes: float) -> bytes:
    users = [{"email": "mentor@big.example.org", "name": "Mentor", "role": "mentor"}]
    startups: list[dict[str, Any]] = []
    bundle = {"format": "incubator-bundle", "version": 1,
              "cohorts": [{"slug": "big-cohort", "name": "Big cohort"}], "users": users, "startups": startups}  # fmt: skip
    one = len(json.dumps(_startup(0, "f@x.org", "m@x.org"), ensure_ascii=False).encode())
    for number in range(int(megabytes * 1024 * 1024 / one)):
        founder = f"founder{number}@big.example.org"
        users.append({"email": founder, "name": f"Founder {number}", "role": "founder"})
        startups.append(_startup(number, founder, "mentor@big.example.org"))
    return json.dumps(bundle, ensure_ascii=False).encode()


def _import_once(folder: Path, bundle: Path) -> tuple[float, str]:
    database = folder / f"big-{time.monotonic_ns()}.sqlite3"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "incubator", "--db", f"sqlite:///{database}", "import", str(bundle)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the import failed with exit {result.returncode}: {result.stderr.strip()[:300]}")
    return elapsed, result.stdout.strip()[:200]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=48.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bundle = folder / "big.json"
        bundle.write_bytes(build_bundle(args.megabytes))
        size = bundle.stat().st_size / 1024 / 1024
        timings = [_import_once(folder, bundle) for _run in range(args.runs)]
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"bundle {size:.1f} MB; import: median {statistics.median(t for t, _ in timings):.1f} s over {args.runs} runs, "
          f"peak memory {peak:.0f} MB; {timings[0][1]}")  # fmt: skip


if __name__ == "__main__":
    main()
