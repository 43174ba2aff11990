"""Bounded nearest neighbours: stages keep each sentence's best partners, not every close pair."""

from __future__ import annotations

import numpy as np

from synth.understand.neighbours import BestPairs, best_columns, similarity_blocks


def test_best_columns_keeps_the_highest_and_breaks_ties_by_column():
    scores = np.array([0.9, -np.inf, 0.95, 0.9, 0.5], dtype=np.float32)
    assert best_columns(scores, 2).tolist() == [2, 0]
    assert sorted(best_columns(scores, 10).tolist()) == [0, 2, 3, 4]


def test_a_pair_keeps_the_score_its_lower_row_gave():
    best = BestPairs(5)
    ids = np.arange(3)
    best.add(np.array([2]), ids, np.array([[0.7, 0.9, -np.inf]]))
    best.add(np.array([0]), ids, np.array([[-np.inf, -np.inf, 0.75]]))
    low, high, score = best.pairs()
    assert (low.tolist(), high.tolist()) == ([0, 1], [2, 2])
    assert np.allclose(score, [0.75, 0.9])


def test_each_row_keeps_only_its_best_partners():
    best = BestPairs(2)
    scores = np.array([[-np.inf, 0.9, 0.8, 0.95], [0.9, -np.inf, -np.inf, -np.inf]])
    best.add(np.array([0, 1]), np.arange(4), scores)
    low, high, _ = best.pairs()
    assert list(zip(low.tolist(), high.tolist(), strict=True)) == [(0, 1), (0, 3)]


def test_blocks_cover_every_row_once():
    vectors = np.random.default_rng(0).normal(size=(2500, 8)).astype(np.float32)
    starts = []
    for start, block in similarity_blocks(vectors):
        starts.append(start)
        np.testing.assert_allclose(block, vectors[start : start + len(block)] @ vectors.T)
    assert sum(len(b) for _, b in similarity_blocks(vectors)) == 2500 and starts[0] == 0
