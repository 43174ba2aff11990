"""Bounded nearest neighbours: each sentence's few best partners instead of every close pair.

When hundreds of outlets carry the same sentence, every pair of them is close, and any stage
that walks all close pairs in Python grows with the square of the input. Stages instead score a
row block of similarities at a time (-inf where a pair does not qualify) and keep, per sentence,
its `limit` best partners: the pairs then grow linearly, and a near-duplicate left out is still
reached through the copies it is close to.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

BLOCK_SIZE = 1024
# Partners each sentence keeps. Ordinary clusters seldom give a sentence this many qualifying
# partners, so there nothing changes; past it, the extra ones are copies of the kept ones.
NEIGHBOURS = 24


def similarity_blocks(
    vectors: np.ndarray, columns: np.ndarray | None = None
) -> Iterator[tuple[int, np.ndarray]]:
    """(first row, rows x columns cosine similarities) for consecutive row blocks of `vectors`.

    `columns` (default: `vectors` itself) are the vectors compared with; no dense n x n matrix
    is held at once.
    """
    against = vectors if columns is None else columns
    for start in range(0, vectors.shape[0], BLOCK_SIZE):
        yield start, vectors[start : start + BLOCK_SIZE] @ against.T


def best_per_row(
    rows: np.ndarray, columns: np.ndarray, scores: np.ndarray, limit: int
) -> np.ndarray:
    """Indexes of the entries (rows[k], columns[k], scores[k]) that are among their row's
    `limit` highest scores, ties to the lower column."""
    order = np.lexsort((columns, -scores, rows))
    ranked = rows[order]
    if len(ranked) == 0:
        return order
    first = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    sizes = np.diff(np.r_[first, len(ranked)])
    rank = np.arange(len(ranked)) - np.repeat(first, sizes)
    return np.sort(order[rank < limit])


class BestPairs:
    """Collects each row's `limit` best-scoring columns, block by block, as unordered pairs."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def add(self, rows: np.ndarray, columns: np.ndarray, scores: np.ndarray) -> None:
        """Keep each row's best entries among (rows[k], columns[k], scores[k]), ties by column.

        All of a row's entries must come in one call (a block of rows at a time).
        """
        keep = best_per_row(rows, columns, scores, self.limit)
        self._parts.append((rows[keep], columns[keep], scores[keep]))

    def pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(lower ids, higher ids, scores), one entry per pair, ordered by ids.

        A pair's score is the one its lower id's row gave, whichever row chose it, so the
        result does not depend on the order in which blocks come.
        """
        if not self._parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float32)
        i, j, score = (np.concatenate(part) for part in zip(*self._parts, strict=True))
        low, high = np.minimum(i, j), np.maximum(i, j)
        order = np.lexsort((j < i, high, low))  # per pair, the lower row's choice first
        low, high, score = low[order], high[order], score[order]
        first = np.ones(len(low), dtype=bool)
        first[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
        return low[first], high[first], score[first]
