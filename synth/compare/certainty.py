"""How sure a point is: disputed, attributed only, confirmed, or single source."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from synth.core import Point, Sentence
from synth.lang.en import ATTRIBUTION

CONFIRMED = "confirmed"


SINGLE = "single source"


ATTRIBUTED = "attributed only"


DISPUTED = "disputed"


def certainty(
    point: Point,
    sentences: Sequence[Sentence],
    disputed: set[tuple[int, int]],
    report_of: Mapping[int, int] | None = None,
) -> str:
    """disputed, attributed only, confirmed (two or more independent reports) or single source."""
    if any((e.source, e.start) in disputed for e in point.evidence):
        return DISPUTED
    if all(ATTRIBUTION.search(sentences[k].text) for k in point.sentences):
        return ATTRIBUTED
    reports = {report_of.get(s, s) if report_of else s for s in point.sources}
    return CONFIRMED if len(reports) >= 2 else SINGLE
