"""Precision and recall of what a reader takes on trust, on the frozen labelled sets.

    .venv/bin/python bench/trust.py [--half test|tune|both]

Speakers (quotes.jsonl: is the named speaker the one who said it), differences (figures.jsonl:
is a listed difference a real disagreement) and standalone points (standalone.jsonl and
standalone2.jsonl, two samples of article sentences: is a sentence synth allows as a point
understood alone, by its sentence rules and the parsed judge). Thresholds were tuned on
"tune"; "test" is the half to report. Also the quote-style check: the speaker of 40 quotes
re-quoted as ``...'', '...' and “...”. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NEEDED = {
    "speakers": 0.97,
    "differences": 0.90,
    "standalone": 0.95,
    "standalone, second set": 0.95,
}
CLOSERS = {"``": "''", "'": "'", "“": "”"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("test", "tune", "both"), default="both")
    chosen = parser.parse_args().half
    halves = ("tune", "test") if chosen == "both" else (chosen,)
    from synth.compare.speakers import SpeakerFinder
    from synth.evaluate.trust import trust_report
    from synth.pipeline import default_embedder
    from synth.understand.parser import spacy_parser

    started = time.perf_counter()
    parse = spacy_parser()
    loaded = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    embedder = default_embedder()
    print("| half | set | precision | recall | correct / shown | real ones | needed (precision) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    styles = {}
    for name in halves:
        report = trust_report(name, embedder, SpeakerFinder(parse=parse))
        for label, found in (
            ("speakers", report.speakers),
            ("differences", report.figures),
            ("standalone", report.standalone),
            ("standalone, second set", report.standalone_second),
        ):
            print(
                f"| {name} | {label} | {found.precision:.3f} | {found.recall:.3f} "
                f"| {found.hits} / {found.predicted} | {found.expected} | {NEEDED[label]:.2f} |"
            )
        styles[name] = report.styles
    print()
    print("| half | quote style | same speaker as written |")
    print("|---|---|---:|")
    for name, rows in styles.items():
        for style, (same, total) in rows.items():
            print(f"| {name} | {style}...{CLOSERS[style]} | {same} / {total} |")
    print()
    print(f"spaCy import + model load: {loaded:.2f} s, peak RSS after loading: {rss:.0f} MB")


if __name__ == "__main__":
    main()
