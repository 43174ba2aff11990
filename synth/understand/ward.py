"""Ward agglomerative clustering in numpy, by the nearest-neighbour-chain algorithm.

scipy's implementation costs half a second to import, more than clustering a briefing's points
takes; this one is O(n^2) time and memory, exact, and deterministic (ties go to the lower index).
"""

from __future__ import annotations

import numpy as np


def ward_merges(vectors: np.ndarray) -> list[tuple[float, int, int]]:
    """The merges of Ward linkage as (height, a, b) over original row ids, lowest first.

    Works on squared Euclidean distances with the Lance-Williams update, so `height` is the
    increase in within-cluster variance that the merge causes.
    """
    n = len(vectors)
    squares = (vectors * vectors).sum(axis=1)
    distance = np.maximum(squares[:, None] + squares[None, :] - 2 * vectors @ vectors.T, 0.0)
    np.fill_diagonal(distance, np.inf)
    size = np.ones(n)
    active = np.ones(n, dtype=bool)
    representative = list(range(n))  # the row id standing for each live cluster
    merges: list[tuple[float, int, int]] = []
    chain: list[int] = []
    for _ in range(n - 1):
        if not chain:
            chain.append(int(np.flatnonzero(active)[0]))
        while True:
            tip = chain[-1]
            row = np.where(active, distance[tip], np.inf)
            nearest = int(np.argmin(row))
            if len(chain) > 1 and row[chain[-2]] <= row[nearest]:
                nearest = chain[-2]
            if len(chain) > 1 and nearest == chain[-2]:
                break
            chain.append(nearest)
        a, b = chain.pop(), chain.pop()
        keep, gone = min(a, b), max(a, b)
        merges.append((float(distance[a, b]), representative[keep], representative[gone]))
        total = size[keep] + size[gone] + size
        updated = (
            (size[keep] + size) * distance[keep]
            + (size[gone] + size) * distance[gone]
            - size * distance[keep, gone]
        ) / total
        distance[keep] = distance[:, keep] = updated
        distance[keep, keep] = np.inf
        distance[gone] = distance[:, gone] = np.inf
        size[keep] += size[gone]
        active[gone] = False
    return sorted(merges)


def cut(merges: list[tuple[float, int, int]], n: int, clusters: int) -> np.ndarray:
    """Labels 0..clusters-1 (numbered by first row) after applying the lowest merges."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, a, b in merges[: max(n - clusters, 0)]:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)
    roots = [root(i) for i in range(n)]
    numbering = {r: k for k, r in enumerate(dict.fromkeys(roots))}
    return np.array([numbering[r] for r in roots], dtype=int)
