"""Scores for a grouping of articles into stories against the true stories.

B-cubed (Bagga and Baldwin 1998) judges every article by the company it keeps: precision is the
share of its found story that truly belongs with it, recall the share of its true story that was
found with it, both averaged over articles. It punishes one big merged story and many splinters
alike, and, unlike pair counts, does not let the largest stories dominate. The adjusted Rand
index (Hubert and Arabie 1985) is the pair-counting score corrected for chance, reported beside
it because most clustering papers do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float


def bcubed(truth: Sequence[Hashable], found: Sequence[Hashable]) -> BCubed:
    """B-cubed precision, recall and F1 of `found` labels against `truth`, item by item."""
    if len(truth) != len(found):
        raise ValueError("truth and found label one item each")
    if not truth:
        return BCubed(1.0, 1.0, 1.0)
    both = Counter(zip(truth, found, strict=True))
    true_sizes = Counter(truth)
    found_sizes = Counter(found)
    precision = sum(both[(t, f)] / found_sizes[f] for t, f in zip(truth, found, strict=True))
    recall = sum(both[(t, f)] / true_sizes[t] for t, f in zip(truth, found, strict=True))
    precision /= len(truth)
    recall /= len(truth)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1)


def adjusted_rand_index(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """The Rand index corrected for chance: 1 for the same partition, about 0 for a random one."""
    if len(truth) != len(found):
        raise ValueError("truth and found label one item each")
    if len(truth) < 2:
        return 1.0
    pairs_both = sum(_pairs(c) for c in Counter(zip(truth, found, strict=True)).values())
    pairs_truth = sum(_pairs(c) for c in Counter(truth).values())
    pairs_found = sum(_pairs(c) for c in Counter(found).values())
    expected = pairs_truth * pairs_found / _pairs(len(truth))
    best = (pairs_truth + pairs_found) / 2
    if best == expected:
        return 1.0
    return (pairs_both - expected) / (best - expected)


def _pairs(count: int) -> int:
    return count * (count - 1) // 2
