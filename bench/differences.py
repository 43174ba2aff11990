"""Where outlets differ, changes over time and "confirmed" points, scored on the frozen sets.

    .venv/bin/python bench/differences.py [--half tune|test|both] [--eval ../shared/eval]
        [--with-blind]

The clusters of the blind-judged draw (bench/draws/prefer-report.json) are left out unless
--with-blind is given: nobody looks at synth's output on them while developing; the final
measurement, once, takes them in.

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

BLIND = ROOT / "bench" / "draws" / "prefer-report.json"
NEEDED = "precision >= 0.90, recall >= 0.60, changes >= 0.80, confirmed >= 0.95"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("test", "tune", "both"), default="both")
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument(
        "--with-blind",
        action="store_true",
        help="also score the clusters of bench/draws/prefer-report.json (final measurement only)",
    )
    options = parser.parse_args()
    halves = ("tune", "test") if options.half == "both" else (options.half,)
    from synth.evaluate.differences import draw_clusters, score_half
    from synth.pipeline import default_embedder

    skip = frozenset() if options.with_blind else draw_clusters(BLIND)
    embedder = default_embedder()
    rows = []
    started = time.perf_counter()
    for name in halves:
        rows.append((name, score_half(name, embedder, root=Path(options.eval), skip=skip)))
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
    left_out = f"{len(skip)} clusters of {BLIND.name} left out" if skip else "blind draw included"
    print(f"{left_out}. Needed on test: {NEEDED}. {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
