"""A long fuzz campaign: random articles through the API and the renderers, counting outcomes.

    .venv/bin/python bench/fuzz.py [EXAMPLES]      (default 10000)

Uses the strategies of tests/test_robustness.py (random Unicode, control, zero-width and
right-to-left characters, emoji, punctuation-only and one-word articles, many copies) with
the fake embedder, so it measures synth's own code. Any exception other than a clear
SynthError fails the campaign and is printed with the failing example.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_robustness import ARTICLE, brief_texts


def main(examples: int) -> None:
    outcomes: Counter[str] = Counter()

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(ARTICLE, min_size=1, max_size=6))
    def campaign(texts: list[str]) -> None:
        outcomes["briefing" if brief_texts(texts) is not None else "clear error"] += 1

    started = time.perf_counter()
    campaign()
    seconds = time.perf_counter() - started
    total = sum(outcomes.values())
    print("| examples run | briefings | clear errors | crashes | seconds |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {total} | {outcomes['briefing']} | {outcomes['clear error']} | 0 | {seconds:.0f} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
