"""The briefing's title."""

from __future__ import annotations

from collections.abc import Sequence

from synth.core import Point, Source


def choose_title(sources: Sequence[Source], chosen: Sequence[Point]) -> str:
    """The headline of the titled source with most evidence among the chosen points."""
    titled = [s for s in sources if s.title]
    if not titled:
        return f"Briefing from {len(sources)} source{'s' if len(sources) != 1 else ''}"
    weight = {s.id: 0 for s in titled}
    for point in chosen:
        for source_id in point.sources:
            if source_id in weight:
                weight[source_id] += 1
    best = min(titled, key=lambda s: (-weight[s.id], s.id))
    return " ".join(str(best.title).split())
