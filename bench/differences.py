"""Where outlets differ, changes over time and "confirmed" points, scored on the frozen sets.

    .venv/bin/python bench/differences.py [--half tune|test|both] [--eval ../shared/eval]

Reads tests/data/differences2.jsonl and confirmed.jsonl (sampled from the articles of both dev
sets and labelled by reading them; tuned on "tune", reported on "test"), runs synth over every
cluster they come from and prints one Markdown table (see synth/evaluate/differences.py for
what each number counts).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NEEDED = "precision >= 0.90, recall >= 0.60, changes >= 0.80, confirmed >= 0.95"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("test", "tune", "both"), default="both")
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    options = parser.parse_args()
    halves = ("tune", "test") if options.half == "both" else (options.half,)
    from synth.evaluate.differences import score_half
    from synth.pipeline import default_embedder

    embedder = default_embedder()
    rows = []
    started = time.perf_counter()
    for name in halves:
        rows.append((name, score_half(name, embedder, root=Path(options.eval))))
    print(
        "| half | differences precision | recall | changes over time recognised "
        "| change lines right | confirmed correct | differences shown, unlabelled |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, s in rows:
        print(
            f"| {name} | {s.precision:.2f} ({s.right}/{s.shown}) | {s.recall:.2f} "
            f"({s.found}/{s.real}) | {s.change_share:.2f} ({s.changes_shown}/{s.changes}) "
            f"| {s.change_lines_right}/{s.change_lines} | {s.confirmed_share:.2f} "
            f"({s.confirmed_right}/{s.confirmed_shown}) | {s.unlabelled} |"
        )
    print()
    print(f"Needed on test: {NEEDED}. {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
