"""Articles about another story: left out of what a briefing shows.

A folder or feed given as one story sometimes holds an article about something else (a
scraped page's neighbour story, a mis-filed wire item). Its sentences then reach the lede and
the sections as if they were part of the event, and a reader must skip them. An article whose
sentences, on average, are much further from the other articles than those are from each
other is about another story: its points are not shown (they stay in the JSON's counts as
left out), and points it shares with the others still cite it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from statistics import median

import numpy as np

from synth.core import Point, Sentence

# Fewest articles among which one can be told apart as another story (with two, neither is).
MIN_ARTICLES = 3
# An article is about another story when its closeness to the others is below this share of
# the median closeness of the other articles to theirs.
OFF_STORY_SHARE = 0.5


def off_story_sources(sentences: Sequence[Sentence], vectors: np.ndarray) -> frozenset[int]:
    """The sources whose mean closeness (cosine of sentence centroids) to the other sources is
    below `OFF_STORY_SHARE` of the median of the others' own mean closeness."""
    centroids = _centroids(sentences, vectors)
    if len(centroids) < MIN_ARTICLES:
        return frozenset()
    ids = list(centroids)
    matrix = np.array([centroids[i] for i in ids])
    closeness = matrix @ matrix.T
    count = len(ids)
    mean = [
        (float(closeness[k].sum()) - float(closeness[k, k])) / (count - 1) for k in range(count)
    ]
    off = set()
    for k, source in enumerate(ids):
        others = median(mean[:k] + mean[k + 1 :])
        if others > 0 and mean[k] < OFF_STORY_SHARE * others:
            off.add(source)
    return frozenset(off)


def _centroids(sentences: Sequence[Sentence], vectors: np.ndarray) -> dict[int, np.ndarray]:
    rows: dict[int, list[int]] = {}
    for k, sentence in enumerate(sentences):
        rows.setdefault(sentence.source, []).append(k)
    centroids = {}
    for source, ks in sorted(rows.items()):
        centre = vectors[ks].mean(axis=0)
        norm = float(np.linalg.norm(centre))
        if norm > 0:
            centroids[source] = centre / norm
    return centroids


def on_story(points: Sequence[Point], off: frozenset[int]) -> tuple[Point, ...]:
    """The points, those told only by articles about another story marked as not shown."""
    return tuple(
        replace(p, standalone=False) if p.sources and set(p.sources) <= off else p for p in points
    )
