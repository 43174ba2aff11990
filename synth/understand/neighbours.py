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


def top_mask(scores: np.ndarray, limit: int) -> np.ndarray:
    """Per row, the `limit` highest finite scores (ties to the lower column), as a mask.

    Rows with at most `limit` finite scores are taken whole; the others are cut at their
    `limit`-th highest value, computed for the whole block at once.
    """
    keep = np.isfinite(scores)
    if limit < 1:
        return np.zeros_like(keep)
    crowded = np.flatnonzero(keep.sum(axis=1) > limit)
    if len(crowded) == 0:
        return keep
    part = scores[crowded]
    cut = -np.partition(-part, limit - 1, axis=1)[:, limit - 1 : limit]
    above = part > cut
    level = part == cut
    room = limit - above.sum(axis=1, keepdims=True)
    tied = np.flatnonzero(level.sum(axis=1, keepdims=True) > room)  # more at the cut than room
    level[tied] &= np.cumsum(level[tied], axis=1, dtype=np.int32) <= room[tied]
    keep[crowded] = above | level
    return keep


class BestPairs:
    """Collects each row's `limit` best-scoring columns, block by block, as unordered pairs."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def add(self, rows: np.ndarray, columns: np.ndarray, scores: np.ndarray) -> None:
        """Keep the best finite scores of each row of `scores`, ties by column.

        `rows` and `columns` are the ids of the score matrix's rows and columns.
        """
        r, c = np.nonzero(top_mask(scores, self.limit))
        self._parts.append((rows[r], columns[c], scores[r, c]))

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
