"""Score the difference finder on labelled sentence pairs (precision first, then recall).

Each pair is two short texts from two outlets and whether they state a different value for
the same figure or place. The texts run through the same stages as a briefing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from synth.compare.differences import Comparer
from synth.core import Source
from synth.read.segment import segment_sources
from synth.understand.embed import Embedder
from synth.understand.merge import Merger


@dataclass(frozen=True)
class PairResult:
    expected: bool
    predicted: bool
    kind: str


def read_pairs(path: str | Path) -> list[dict[str, object]]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def predict(a: str, b: str, embedder: Embedder, comparer: Comparer | None = None) -> bool:
    sources = tuple(
        Source(i, f"pair-{i}", text, f"S{i}", blocks=((0, len(text)),))
        for i, text in enumerate((a, b), start=1)
    )
    sentences = segment_sources(sources)
    vectors = embedder.encode([s.text for s in sentences])
    points, _ = Merger().merge(sentences, vectors, sources)
    found = (comparer or Comparer()).differences(sentences, vectors, points, sources)
    return any(d.kind != "change" for d in found)  # a change over time is no disagreement


def score(pairs: Sequence[dict[str, object]], embedder: Embedder) -> list[PairResult]:
    return [
        PairResult(
            bool(p["difference"]), predict(str(p["a"]), str(p["b"]), embedder), str(p["kind"])
        )
        for p in pairs
    ]


def precision_recall(results: Sequence[PairResult]) -> tuple[float, float, int, int, int]:
    """Precision, recall, and the counts of true positives, false positives, false negatives."""
    tp = sum(r.expected and r.predicted for r in results)
    fp = sum(not r.expected and r.predicted for r in results)
    fn = sum(r.expected and not r.predicted for r in results)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn
