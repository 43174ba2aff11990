"""Group points into subtopics and give each a short label.

Ward clustering of the unit-length point embeddings; the number of sections is the one with the
best silhouette, and every point lands in some section (nothing is discarded as noise). Past
`max_points`, the most important points are clustered and the rest join their nearest section,
which keeps memory bounded. Labels are the terms most particular to a section (class-based
TF-IDF over stemmed words and two-word phrases), written as they appear in the articles.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from synth.core import Point, Sentence
from synth.lang.en import NOUN_MARKERS, TERM, stem, stop_words
from synth.understand.ward import cut, ward_merges


@dataclass(frozen=True)
class Clusterer:
    """Ward clustering with the section count chosen by silhouette."""

    max_sections: int = 6
    min_silhouette: float = 0.02
    max_points: int = 1500

    def cluster(
        self, vectors: np.ndarray, importance: np.ndarray, candidates: np.ndarray | None = None
    ) -> np.ndarray:
        """A section number for every row of `vectors` (0-based, dense).

        Sections are fitted on the `candidates` rows (the points that may be shown; all rows by
        default), most important first, and every other row joins its nearest section.
        """
        n = vectors.shape[0]
        pool = np.arange(n) if candidates is None else np.flatnonzero(candidates)
        if len(pool) < 3:
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
    ) -> dict[int, str]:
        """Each section's label: the terms most particular to its points' sentences."""
        section_ids = sorted(set(labels.tolist()))
        members = {c: [i for i in range(len(points)) if labels[i] == c] for c in section_ids}
        texts = [
            [sentences[k].text for i in members[c] for k in points[i].sentences]
            for c in section_ids
        ]
        weights = [
            [float(scores[i]) for i in members[c] for _ in points[i].sentences] for c in section_ids
        ]
        return dict(zip(section_ids, label_sections(texts, weights), strict=True))

    def _fit(self, vectors: np.ndarray) -> np.ndarray:
        merges = ward_merges(vectors.astype(np.float64))
        similarity = vectors @ vectors.T
        best_labels, best_quality = np.zeros(len(vectors), dtype=int), self.min_silhouette
        for k in range(2, min(self.max_sections, len(vectors) - 1) + 1):
            labels = cut(merges, len(vectors), k)
            quality = silhouette(similarity, labels)
            if quality > best_quality + 1e-9:
                best_labels, best_quality = labels, quality
        return best_labels


def silhouette(similarity: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette under cosine distance; singletons count 0, as is customary."""
    distance = 1.0 - similarity
    clusters = np.unique(labels)
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
    clusters = np.unique(labels)
    centroids = np.vstack([fitted[labels == c].mean(axis=0) for c in clusters])
    return clusters[np.argmax(vectors @ centroids.T, axis=1)]


def label_sections(
    texts_by_section: Sequence[Sequence[str]],
    weights_by_section: Sequence[Sequence[float]] | None = None,
    terms: int = 3,
) -> list[str]:
    """A short label per section: its most particular terms, most particular first.

    Each text counts with its weight (the importance of its point), so a label names what
    the section's leading points are about rather than its long tail.
    """
    if weights_by_section is None:
        weights_by_section = [[1.0] * len(texts) for texts in texts_by_section]
    counts: list[Counter[str]] = []
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    nouns: set[str] = set()
    for texts, text_weights in zip(texts_by_section, weights_by_section, strict=True):
        section: Counter[str] = Counter()
        for text, weight in zip(texts, text_weights, strict=True):
            for key, surface in stem_terms_with_surface(text):
                section[key] += max(weight, 0.0)
                surfaces[key][surface] += 1
            nouns |= noun_like_stems(text)
        counts.append(section)
    total: Counter[str] = Counter()
    for section in counts:
        total.update(section)
    average = sum(total.values()) / max(len(counts), 1)
    return [_label(section, total, average, surfaces, nouns, terms) for section in counts]


def _label(
    section: Counter[str],
    total: Counter[str],
    average: float,
    surfaces: dict[str, Counter[str]],
    nouns: set[str],
    terms: int,
) -> str:
    size = sum(section.values()) or 1.0
    weights = {
        t: (n / size) * (n / total[t]) * math.log(1 + average / total[t])
        for t, n in section.items()
        if n > 0 and (" " in t or t in nouns)
    }
    ranked = sorted(weights, key=lambda t: (-weights[t], t))
    picked = pick_terms(prefer_phrases(ranked, weights), terms)
    words = [_surface(surfaces[t]) for t in picked]
    return _capitalize(", ".join(words)) if words else "Other"


def prefer_phrases(ranked: Sequence[str], weights: dict[str, float]) -> Iterator[str]:
    """Terms in rank order, a two-word phrase in place of its word when the phrase carries
    most of its weight ("White House" rather than "House")."""
    phrases_by_word: dict[str, list[str]] = defaultdict(list)
    for term in ranked:
        if " " in term:
            for word in term.split():
                phrases_by_word[word].append(term)
    seen: set[str] = set()
    for term in ranked:
        if " " not in term:
            limit = 0.5 * weights[term]
            term = next((p for p in phrases_by_word[term] if weights[p] >= limit), term)
        if term not in seen:
            seen.add(term)
            yield term


def pick_terms(ranked: Iterable[str], count: int) -> list[str]:
    """Top terms, skipping any that only repeats a word of one already picked."""
    picked: list[str] = []
    for term in ranked:
        words = set(term.split())
        if any(words & set(p.split()) for p in picked):
            continue
        picked.append(term)
        if len(picked) == count:
            break
    return picked


def noun_like_stems(text: str) -> set[str]:
    """Stems of words used as nouns somewhere: after a determiner or preposition, or
    capitalized inside a sentence. Labels are made of such words, not of verbs ("happen")."""
    words = TERM.findall(text)
    found = set()
    for previous, word in itertools.pairwise(words):
        if previous.casefold() in NOUN_MARKERS or word[:1].isupper():
            found.add(stem(word.casefold()))
    return found


def stem_terms_with_surface(text: str) -> list[tuple[str, str]]:
    """Stemmed content words and adjacent content-word pairs, each with its surface form."""
    stopwords = stop_words()
    words = [w.replace("’", "'") for w in TERM.findall(text)]
    keys = [None if w.casefold() in stopwords or len(w) < 3 else stem(w.casefold()) for w in words]
    found = [(k, w) for k, w in zip(keys, words, strict=True) if k]
    for i in range(len(words) - 1):
        if keys[i] and keys[i + 1]:
            found.append((f"{keys[i]} {keys[i + 1]}", f"{words[i]} {words[i + 1]}"))
    return found


def _surface(forms: Counter[str]) -> str:
    """The commonest spelling; lower-cased unless the word is mostly written capitalized."""
    form, _ = min(forms.items(), key=lambda kv: (-kv[1], kv[0]))
    capitalized = sum(n for f, n in forms.items() if f[:1].isupper())
    return form if capitalized * 2 > sum(forms.values()) else form.lower()


def _capitalize(label: str) -> str:
    return label[:1].upper() + label[1:]
