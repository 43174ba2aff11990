"""Bounded nearest neighbours: stages keep each sentence's best partners, not every close pair."""

from __future__ import annotations

import numpy as np
import pytest

from synth.understand.neighbours import BestPairs, best_per_row, similarity_blocks


def entries(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, columns = np.nonzero(np.isfinite(scores))
    return rows, columns, scores[rows, columns]


def kept_per_row(scores: np.ndarray, limit: int) -> list[list[int]]:
    rows, columns, values = entries(scores)
    kept = best_per_row(rows, columns, values, limit)
    return [sorted(columns[kept][rows[kept] == r].tolist()) for r in range(len(scores))]


def test_best_per_row_keeps_the_highest_and_breaks_ties_by_column():
    inf = -np.inf
    scores = np.array(
        [[0.9, inf, 0.95, 0.9, 0.5], [0.7, 0.7, 0.7, 0.7, 0.8], [inf, 0.6, inf, inf, inf]],
        dtype=np.float32,
    )
    assert kept_per_row(scores, 2) == [[0, 2], [0, 4], [1]]
    assert kept_per_row(scores, 10) == [[0, 2, 3, 4], [0, 1, 2, 3, 4], [1]]
    assert kept_per_row(scores, 0) == [[], [], []]


def test_best_per_row_agrees_with_a_sort_on_random_ties():
    draw = np.random.default_rng(2)
    scores = draw.integers(0, 4, size=(50, 40)).astype(np.float32)
    scores[draw.random(scores.shape) < 0.3] = -np.inf
    for row, kept in zip(scores, kept_per_row(scores, 5), strict=True):
        finite = np.flatnonzero(np.isfinite(row))
        expected = finite[np.lexsort((finite, -row[finite]))][:5]
        assert kept == sorted(expected.tolist())


def test_a_pair_keeps_the_score_its_lower_row_gave():
    best = BestPairs(5)
    best.add(np.array([2, 2]), np.array([0, 1]), np.array([0.7, 0.9]))
    best.add(np.array([0]), np.array([2]), np.array([0.75]))
    low, high, score = best.pairs()
    assert (low.tolist(), high.tolist()) == ([0, 1], [2, 2])
    assert np.allclose(score, [0.75, 0.9])


def test_each_row_keeps_only_its_best_partners():
    best = BestPairs(2)
    scores = np.array([[-np.inf, 0.9, 0.8, 0.95], [0.9, -np.inf, -np.inf, -np.inf]])
    best.add(*entries(scores))
    low, high, _ = best.pairs()
    assert list(zip(low.tolist(), high.tolist(), strict=True)) == [(0, 1), (0, 3)]


@pytest.mark.slow
def test_blocks_cover_every_row_once():
    vectors = np.random.default_rng(0).normal(size=(2500, 8)).astype(np.float32)
    starts = []
    for start, block in similarity_blocks(vectors):
        starts.append(start)
        np.testing.assert_allclose(block, vectors[start : start + len(block)] @ vectors.T)
    assert sum(len(b) for _, b in similarity_blocks(vectors)) == 2500 and starts[0] == 0
