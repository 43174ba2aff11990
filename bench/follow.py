"""How close two halves of one story are, against halves of different stories: the threshold
of `synth.write.follow.SAME_STORY`, which follows a story from one digest to the next by its
vector when the two runs share no article.

Each cluster of a Multi-News style dataset (DATASET/<cluster>/docs/*.txt) with two usable
articles or more is split into two halves of its articles (in file order); each half's vector
is the unit-length mean of its sentence vectors, as a digest records it. Prints the cosine of
a cluster's two halves (quantiles), the best cosine of a half with another cluster's half, and
for each threshold the share of clusters whose halves reach it and the number of pairs of
different clusters that do.

    python bench/follow.py ../shared/eval/multinews-dev
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from synth.pipeline import default_embedder  # noqa: E402
from synth.read.segment import segment_sources  # noqa: E402
from synth.read.sources import load_sources  # noqa: E402
from synth.write.follow import story_vector  # noqa: E402


def halves(dataset: Path) -> tuple[np.ndarray, np.ndarray]:
    """The vectors of the first and second halves of every cluster with two articles."""
    embedder = default_embedder()
    first, second = [], []
    for docs in sorted(dataset.glob("*/docs")):
        paths = sorted(str(p) for p in docs.glob("*.txt"))
        sources = [s for s in load_sources(paths, warn=lambda _: None) if not s.skipped]
        if len(sources) < 2:
            continue
        middle = len(sources) // 2
        vectors = []
        for part in (sources[:middle], sources[middle:]):
            sentences = segment_sources(part)
            if sentences:
                vectors.append(story_vector(embedder.encode([s.text for s in sentences])))
        if len(vectors) == 2:
            first.append(vectors[0])
            second.append(vectors[1])
    return np.array(first, dtype=np.float32), np.array(second, dtype=np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    first, second = halves(parser.parse_args().dataset)
    similarity = first @ second.T
    same = np.diag(similarity)
    others = similarity[~np.eye(len(same), dtype=bool)]
    best_other = np.where(np.eye(len(same), dtype=bool), -1, similarity).max(axis=1)
    print(f"{len(same)} clusters, {len(others)} pairs of halves of different clusters")
    for q in (5, 10, 25, 50):
        print(f"same story, quantile {q}: {np.percentile(same, q):.3f}")
    for q in (50, 90, 99, 100):
        print(f"best other story, quantile {q}: {np.percentile(best_other, q):.3f}")
    for threshold in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85):
        reached = (same >= threshold).mean()
        wrong = int((others >= threshold).sum())
        print(f"threshold {threshold:.2f}: same story {reached:.1%}, pairs of others {wrong}")


if __name__ == "__main__":
    main()
