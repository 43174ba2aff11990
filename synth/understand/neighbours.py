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


def best_columns(scores: np.ndarray, limit: int) -> np.ndarray:
    """Columns of the finite scores in one row, at most `limit`: highest first, ties by column."""
    columns = np.flatnonzero(np.isfinite(scores))
    if len(columns) > limit:
        order = np.lexsort((columns, -scores[columns]))
        columns = columns[order[:limit]]
    return columns


def keep_best_pairs(
    rows: np.ndarray,
    columns: np.ndarray,
    scores: np.ndarray,
    limit: int,
    pairs: dict[tuple[int, int], float],
) -> None:
    """Add each row's `limit` best pairs to `pairs`, keyed (lower id, higher id).

    `rows` and `columns` are the ids of the score matrix's rows and columns. A pair's score is
    the one its lower id's row gave, whichever row chose it, so the result does not depend on
    the order in which blocks come.
    """
    for row, i in enumerate(rows.tolist()):
        for column in best_columns(scores[row], limit).tolist():
            j = int(columns[column])
            if i < j:
                pairs[(i, j)] = float(scores[row, column])
            else:
                pairs.setdefault((j, i), float(scores[row, column]))
