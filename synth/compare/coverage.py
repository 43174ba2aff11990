"""Per source: how many points of each section cite it, and what only it reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from synth.core import Point, Source, SourceCoverage


def source_coverage(
    sources: Sequence[Source],
    points: Sequence[Point],
    labels: np.ndarray,
    sections: Sequence[int],
    scores: np.ndarray,
    eligible: np.ndarray,
    only_here: int = 2,
) -> tuple[SourceCoverage, ...]:
    """Per source: its points in each shown section, and its best points no one else has."""
    citing: dict[int, list[int]] = defaultdict(list)
    for i, point in enumerate(points):
        if eligible[i]:
            for source_id in point.sources:
                citing[source_id].append(i)
    rows = []
    for source in sources:
        cites = citing[source.id]
        counts = tuple(sum(1 for i in cites if labels[i] == c) for c in sections)
        alone = sorted(
            (i for i in cites if points[i].sources == (source.id,)),
            key=lambda i: (-float(scores[i]), i),
        )[:only_here]
        rows.append(
            SourceCoverage(
                source.id, counts, tuple((points[i].text, points[i].evidence[0]) for i in alone)
            )
        )
    return tuple(rows)
