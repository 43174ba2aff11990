"""How sure a point is, in words a reader understands without a legend.

- disputed: a sentence of the point is part of a listed difference (outlets give different
  values); the point names which difference, so a page can link to it.
- confirmed: independent reports carry it, merged into the point or, in a sentence of their
  own, close to it and giving the same figure for the same counted thing.
- claim: carried by one report, and only as someone's claim ("X claimed", "according to X").
- single: one report. An official's own announcement ("the ministry said") is a reported
  statement like any other: it is one report, or confirmed by several, not a "claim".

`key` is stable for programs (and CSS); `label` is what a reader sees.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from synth.compare.figures import figure_claims
from synth.core import Certainty, Difference, Point, Sentence
from synth.lang.en import CLAIM

CONFIRMED = "confirmed"
SINGLE = "single"
CLAIM_KEY = "claim"
DISPUTED = "disputed"
# Sentences of other outlets this close to a point, giving one of its figures, confirm it. Below
# the merge threshold (0.80) similarity alone does not tell the same fact from a neighbour:
# among labelled figure pairs of one story, 3 of 6 pairs at 0.70 or more were the same quantity.
SUPPORT_SIMILARITY = 0.6

Claimant = Callable[[str], "str | None"]


def certainty(
    point: Point,
    sentences: Sequence[Sentence],
    differences: Sequence[Difference],
    report_of: Mapping[int, int] | None = None,
    support: set[int] | None = None,
    claimant: Claimant | None = None,
) -> Certainty:
    """The point's certainty; `support` holds the sources whose other sentences confirm it."""
    report_of = report_of or {}
    reports = {report_of.get(s, s) for s in (*point.sources, *(support or ()))}
    keys = {(e.source, e.start) for e in point.evidence}
    for index, difference in enumerate(differences):
        if keys & difference.evidence_keys():
            return Certainty(DISPUTED, "disputed: see differences", len(reports), index)
    if len(reports) >= 2:
        return Certainty(CONFIRMED, f"confirmed by {len(reports)} reports", len(reports))
    texts = [sentences[k].text for k in point.sentences]
    if all(CLAIM.search(t) for t in texts):
        who = claimant(texts[0]) if claimant else None
        label = f"reported as a claim by {who}" if who else "reported as a claim"
        return Certainty(CLAIM_KEY, label, 1)
    return Certainty(SINGLE, "one report", 1)


def supporting_sources(
    point: Point,
    vector: np.ndarray,
    sentences: Sequence[Sentence],
    sentence_vectors: np.ndarray,
    report_of: Mapping[int, int],
) -> set[int]:
    """Sources of other independent reports that state one of the point's figures (same value,
    same counted word) in a sentence close to the point."""
    own = {report_of.get(s, s) for s in point.sources}
    figures = {
        (c.value, c.unit, c.head) for k in point.sentences for c in figure_claims(sentences[k])
    }
    if not figures:
        return set()
    close = np.flatnonzero(sentence_vectors @ vector >= SUPPORT_SIMILARITY).tolist()
    found = set()
    for k in close:
        source = sentences[k].source
        if report_of.get(source, source) in own:
            continue
        if any((c.value, c.unit, c.head) in figures for c in figure_claims(sentences[k])):
            found.add(source)
    return found
