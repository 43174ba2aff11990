"""Group points into subtopics, and name each section.

Ward clustering of the unit-length point embeddings, cut at as many subtopics as the story
supports: silhouette alone prefers the coarsest split of news text (two or three groups, one
of them holding most of the story), so the cut is the finest one, up to `max_sections`,
whose silhouette stays within `silhouette_share` of the best; a group of fewer than
`min_cluster_points` showable points is a stray rather than a subtopic and joins the nearest
group. The page then decides how many of these subtopics become sections (a section shows at
least two points; see `synth.understand.layout`). When no cut separates the points at all
(best silhouette below `min_silhouette`), the story is one subtopic. Past `max_points`, the most
important points are clustered and the rest join their nearest group, which keeps memory
bounded. Headings come from `synth.understand.headings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from synth.core import Point, Sentence
from synth.stages import Embedder
from synth.understand.distinct import distinct
from synth.understand.headings import HeadingNamer, section_centres
from synth.understand.ward import cut, ward_merges


@dataclass(frozen=True)
class Clusterer:
    """Ward clustering into as many subtopics as separate well, of a few points each."""

    max_sections: int = 10
    min_cluster_points: int = 3
    min_silhouette: float = 0.02
    silhouette_share: float = 0.7
    max_points: int = 1500
    namer: HeadingNamer = field(default_factory=HeadingNamer)

    def cluster(
        self, vectors: np.ndarray, importance: np.ndarray, candidates: np.ndarray | None = None
    ) -> np.ndarray:
        """A section number for every row of `vectors` (0-based, dense).

        Sections are fitted on the `candidates` rows (the points that may be shown; all rows by
        default), most important first, and every other row joins its nearest section.
        """
        n = vectors.shape[0]
        pool = np.arange(n) if candidates is None else np.flatnonzero(candidates)
        if len(pool) < 2 * self.min_cluster_points:
            return np.zeros(n, dtype=int)
        by_importance = pool[np.argsort(-importance[pool], kind="stable")]
        fit = np.sort(by_importance[: self.max_points])
        labels = self._fit(vectors[fit])
        if len(fit) == n:
            return labels
        return assign_nearest(vectors, vectors[fit], labels)

    def name_sections(
        self,
        points: Sequence[Point],
        labels: np.ndarray,
        scores: np.ndarray,
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        embedder: Embedder,
        order: Sequence[int],
        shown: Sequence[Sequence[int]] | None = None,
    ) -> dict[int, str]:
        """Each section's heading, from the sentences of all its points, weighted by score;
        with `shown` (each section's points on the page, in `order`), one that fits them or
        none ("")."""
        if not order:
            return {}
        members = [np.flatnonzero(labels == c).tolist() for c in order]
        texts = [
            [(sentences[k].text, float(scores[i])) for i in group for k in points[i].sentences]
            for group in members
        ]
        centres = section_centres(members, vectors, scores)
        on_page = None if shown is None else [[points[i].text for i in s] for s in shown]
        return dict(zip(order, self.namer.name(texts, centres, embedder, on_page), strict=True))

    def _fit(self, vectors: np.ndarray) -> np.ndarray:
        """The finest Ward cut (up to `max_sections` groups) whose silhouette comes within
        `silhouette_share` of the best cut's, strays joined to their nearest group."""
        merges = ward_merges(vectors.astype(np.float64))
        similarity = vectors @ vectors.T
        most = min(self.max_sections, len(vectors) // self.min_cluster_points)
        quality = {
            k: silhouette(similarity, cut(merges, len(vectors), k)) for k in range(2, most + 1)
        }
        best = max(quality.values(), default=0.0)
        if best < self.min_silhouette:
            return np.zeros(len(vectors), dtype=int)
        finest = max(k for k, q in quality.items() if q >= self.silhouette_share * best)
        return join_strays(vectors, cut(merges, len(vectors), finest), self.min_cluster_points)


def join_strays(vectors: np.ndarray, labels: np.ndarray, min_points: int) -> np.ndarray:
    """Groups smaller than `min_points` join the nearest larger group (by centroid); labels
    are renumbered 0.. in order of first row."""
    sizes = np.bincount(labels)
    big = [c for c in range(len(sizes)) if sizes[c] >= min_points]
    if not big:
        return np.zeros(len(labels), dtype=int)
    centroids = np.vstack([vectors[labels == c].mean(axis=0) for c in big])
    joined = labels.copy()
    for c in range(len(sizes)):
        if 0 < sizes[c] < min_points:
            rows = labels == c
            nearest = np.argmax(vectors[rows].mean(axis=0) @ centroids.T)
            joined[rows] = big[int(nearest)]
    numbering = {c: k for k, c in enumerate(dict.fromkeys(joined.tolist()))}
    return np.array([numbering[c] for c in joined.tolist()], dtype=int)


def silhouette(similarity: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette under cosine distance; singletons count 0, as is customary."""
    distance = 1.0 - similarity
    clusters = distinct(labels)
    if len(clusters) < 2:
        return 0.0
    mean_to = np.stack([distance[:, labels == c].mean(axis=1) for c in clusters], axis=1)
    sizes = np.array([(labels == c).sum() for c in clusters])
    own = np.searchsorted(clusters, labels)
    rows = np.arange(len(labels))
    own_size = sizes[own]
    a = np.where(own_size > 1, mean_to[rows, own] * own_size / np.maximum(own_size - 1, 1), 0.0)
    mean_to[rows, own] = np.inf
    b = mean_to.min(axis=1)
    values = np.where(own_size > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float(values.mean())


def assign_nearest(vectors: np.ndarray, fitted: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Label every row by the nearest section centroid of the fitted rows."""
    clusters = distinct(labels)
    centroids = np.vstack([fitted[labels == c].mean(axis=0) for c in clusters])
    return clusters[np.argmax(vectors @ centroids.T, axis=1)]
