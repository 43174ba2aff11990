"""How sure a point is, in words a reader understands without a legend.

- disputed: the point's own claim is part of a listed difference: its text gives one of the
  differing values (a figure, a place, an age) and its sentences are the difference's
  evidence; a point that only shares a sentence with a difference about something else it
  mentions is not disputed. The point names which difference, so a page can link to it. A
  change over time disputes nothing; nor does a name spelled two ways or a title.
- confirmed: independent reports carry it, merged into the point or, in a sentence of their
  own, close to it and giving the same figure for the same counted thing. Versions of one wire
  story count once (`synth.read.syndicate`), and so does an article that relays another
  outlet's reporting ("told the Washington Times") when another report carries the point. The
  label names the outlets when every report's outlet is known ("confirmed: reported by AP and
  Reuters"), else counts them.
- claim: carried by one report, and only as someone's claim ("X claimed", "according to X").
- single: one report. An official's own announcement ("the ministry said") is a reported
  statement like any other: it is one report, or confirmed by several, not a "claim".

`key` is stable for programs (and CSS); `label` is what a reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from synth.compare.figures import figure_claims
from synth.compare.wording import figure_match
from synth.core import Certainty, Difference, Point, Sentence, Source
from synth.lang.en import CLAIM
from synth.read.syndicate import relayed, report_outlets

CONFIRMED = "confirmed"
SINGLE = "single"
CLAIM_KEY = "claim"
DISPUTED = "disputed"
CHANGE = "change"
FIGURE = "figure"
# How a person is named or titled: two outlets spelling a name or titling a person differently
# do not put in doubt what the person did or said.
NAMING = frozenset(["name", "title"])
# Sentences of other outlets this close to a point, giving one of its figures, confirm it. Below
# the merge threshold (0.80) similarity alone does not tell the same fact from a neighbour:
# among labelled figure pairs of one story, 3 of 6 pairs at 0.70 or more were the same quantity.
SUPPORT_SIMILARITY = 0.6

Claimant = Callable[[str], "str | None"]
QUOTE_MARK = re.compile(r"[\"“”]|``|''")
QUOTED = re.compile(r"(?:[\"“]|``)(.+?)(?:[\"”]|'')")
WORD = re.compile(r"[^\W_]+")
MIN_QUOTED = 6  # words in quotation marks that may be another source's own sentence
SAME_WORDS = 0.6


@dataclass(frozen=True)
class Reports:
    """Which independent report each source belongs to (`report_of`), which sentences relay
    another outlet's reporting (`relays`, sentence ids) and the outlet each report is known by
    (`outlets`)."""

    report_of: Mapping[int, int] = field(default_factory=dict)
    relays: Mapping[int, str] = field(default_factory=dict)
    outlets: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, sources: Sequence[Source], sentences: Sequence[Sentence]) -> Reports:
        """The reports of sources marked by `synth.read.syndicate.mark_reports`."""
        return cls(
            {s.id: s.report or s.id for s in sources},
            relayed(sentences),
            report_outlets(sources),
        )

    def independent(
        self, sources: Collection[int], sentences: Sequence[Sentence] = ()
    ) -> list[int]:
        """The reports among `sources`, in order. A source whose `sentences` (those of the
        point) all credit an outlet ("told the Washington Times") adds none when another
        source carries the point; sources that all credit one outlet count as one report."""
        credits: dict[int, str] = {}
        for sentence in sentences:
            if sentence.id in self.relays:
                credits.setdefault(sentence.source, self.relays[sentence.id])
        relaying = set(credits) - {s.source for s in sentences if s.id not in self.relays}
        relaying |= quoting(sentences)
        own = [s for s in sources if s not in relaying]
        if own:
            return sorted({self.report_of.get(s, s) for s in own})
        first: dict[str, int] = {}
        for source in sorted(sources):
            first.setdefault(credits.get(source, str(source)), self.report_of.get(source, source))
        return sorted(set(first.values()))

    def label(self, reports: Sequence[int]) -> str:
        """ "confirmed: reported by AP and Reuters" when every report's outlet is known and
        they differ, else "confirmed by 3 reports"."""
        names = [self.outlets.get(r) for r in reports]
        known = [n for n in names if n]
        if len(known) == len(names) and len(set(known)) == len(known):
            return f"confirmed: reported by {' and '.join([', '.join(known[:-1]), known[-1]])}"
        return f"confirmed by {len(reports)} reports"


def certainty(
    point: Point,
    sentences: Sequence[Sentence],
    differences: Sequence[Difference],
    report_of: Mapping[int, int] | Reports | None = None,
    support: set[int] | None = None,
    claimant: Claimant | None = None,
) -> Certainty:
    """The point's certainty; `support` holds the sources whose other sentences confirm it."""
    known = report_of if isinstance(report_of, Reports) else Reports(report_of or {})
    reports = known.independent(
        {*point.sources, *(support or ())}, [sentences[k] for k in point.sentences]
    )
    keys = {(e.source, e.start) for e in point.evidence}
    for index, difference in enumerate(differences):
        if keys & difference.evidence_keys() and own_claim(point.text, difference):
            return Certainty(DISPUTED, "disputed: see differences", len(reports), index)
    if len(reports) >= 2:
        return Certainty(CONFIRMED, known.label(reports), len(reports))
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


def own_claim(text: str, difference: Difference) -> bool:
    """Whether a point's text states one of the difference's values: then the difference is
    about what the point says. A change over time is no dispute, nor a name's spelling or a
    person's title (the point's claim is what the person did or said)."""
    if difference.kind == CHANGE or difference.kind in NAMING:
        return False
    for variant in difference.variants:
        if difference.kind == FIGURE:
            if figure_match(text, variant.value):
                return True
        elif re.search(rf"(?<!\w){re.escape(variant.value)}(?!\w)", text, re.I):
            return True
    return False


def quoting(sentences: Sequence[Sentence]) -> set[int]:
    """Sources whose sentences of a point quote, in quotation marks, what another source of
    the point writes as its own words: the article quoting a press release or a post, not a
    second report of it. Two outlets that both quote a statement each report it."""
    own = [(s.source, _words(s.text)) for s in sentences if not QUOTE_MARK.search(s.text)]
    found = set()
    for sentence in sentences:
        quoted = _words(" ".join(m.group(1) for m in QUOTED.finditer(sentence.text)))
        if len(quoted) < MIN_QUOTED:
            continue
        for source, words in own:
            if source != sentence.source and len(quoted & words) >= SAME_WORDS * len(
                quoted | words
            ):
                found.add(sentence.source)
    return found


def _words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}
