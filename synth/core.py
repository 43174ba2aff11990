"""Core types that flow one way through the pipeline.

Every type is a small frozen dataclass. Identity is always by id, never by text: two outlets
that carry the same wire sentence keep two `Sentence`s, and it is the merge stage, not a hash
of the text, that decides they make one `Point`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

# Says one line to the user: a warning, a note or progress. Every function that reports to the
# user takes one (`warn`, `note`, `progress`, `say`); the command line prints it on stderr.
Say = Callable[[str], None]


def plain_dict(record: Any) -> dict[str, Any]:
    """A dataclass as JSON-ready data, fields in declaration order, tuples as lists."""
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return plain_dict(value) if is_dataclass(value) else value


class Record:
    """Base of the result types that print as JSON exactly as declared."""

    def to_dict(self) -> dict[str, Any]:
        return plain_dict(self)


class SynthError(Exception):
    """An error the user can act on; the CLI prints it as one line, without a traceback."""

    exit_code = 1


class InputError(SynthError):
    """The input cannot be used: a missing path, an empty file, a folder with no articles."""

    exit_code = 2


@dataclass(frozen=True)
class DroppedLine:
    """A line the cleaner removed, with the rule that removed it (shown by `synth sources`)."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Source:
    """One article as read from disk; `text` is the decoded file, which evidence offsets index.

    `blocks` are the character ranges the cleaner kept as article text (one per paragraph; a
    hard-wrapped paragraph spans several lines), `dropped` the paragraphs it removed as page
    furniture and why.
    """

    id: int
    path: str
    text: str
    label: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    format: str = "text"
    skipped: str | None = None
    report: int = 0
    body_start: int = 0
    blocks: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
    dropped: tuple[DroppedLine, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "title": self.title,
            "path": self.path,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
            "author": self.author,
            "format": self.format,
            "skipped": self.skipped,
            "independent_report": self.report or self.id,
        }

    def evidence(self, start: int, end: int) -> Evidence:
        """The exact slice `text[start:end]` of this source, as evidence."""
        return Evidence(self.id, start, end, self.text[start:end])


@dataclass(frozen=True)
class Sentence:
    """One sentence of one source. `id` is its row in the embedding matrix."""

    id: int
    source: int
    start: int
    end: int
    text: str
    position: int


@dataclass(frozen=True)
class Evidence:
    """An exact slice of a source: `text == source.text[start:end]`."""

    source: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "start": self.start, "end": self.end, "text": self.text}


def sentence_evidence(
    sentences: Iterable[Sentence], sources: Mapping[int, Source]
) -> tuple[Evidence, ...]:
    """Evidence for whole sentences, in source then reading order; `sources` maps id to source."""
    ordered = sorted(set(sentences), key=lambda s: (s.source, s.start))
    return tuple(sources[s.source].evidence(s.start, s.end) for s in ordered)


@dataclass(frozen=True)
class Point:
    """One fact, said by one or more outlets.

    `sentences` are the ids of every sentence merged into it, representative first; `text` is the
    representative's text, whitespace normalized, with bracketed editorial repairs at most.
    """

    id: int
    sentences: tuple[int, ...]
    text: str
    sources: tuple[int, ...]
    evidence: tuple[Evidence, ...]
    standalone: bool = True


@dataclass(frozen=True)
class Variant(Record):
    """One value of a difference with every source that gives it; `wording` is the value as
    its first outlet wrote it; `when` places it in a change over time (a day, "before")."""

    value: str
    sources: tuple[int, ...]
    evidence: tuple[Evidence, ...]
    wording: str = ""
    when: str = ""


@dataclass(frozen=True)
class Difference(Record):
    """Several sources give different values for one figure, place, age, name or title.

    `kind` is "figure", "place", "age", "name" or "title" for a disagreement, "change" for a
    value that changed over time (its variants in time order). Variants come with the value most
    independent reports give first; `gives_both` holds the sources that give more than one.
    """

    kind: str
    about: str
    variants: tuple[Variant, ...]
    gives_both: tuple[int, ...] = ()

    def evidence_keys(self) -> set[tuple[int, int]]:
        """(source id, start offset) of every evidence sentence: how points find their dispute."""
        return {(e.source, e.start) for v in self.variants for e in v.evidence}


@dataclass(frozen=True)
class Quote(Record):
    speaker: str
    text: str
    sources: tuple[int, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Figure(Record):
    value: str
    counts: str
    text: str
    sources: tuple[int, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class SourceCoverage:
    """How many points of each section cite a source, and the points only it reports."""

    source: int
    points: tuple[int, ...]
    only_here: tuple[tuple[str, Evidence], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "points": list(self.points),
            "only_here": [{"text": t, "evidence": [e.to_dict()]} for t, e in self.only_here],
        }


@dataclass(frozen=True)
class Certainty:
    """How sure a point is: `key` for programs, `label` for readers, the independent reports
    that carry it, and for a disputed point the index of its difference in the briefing."""

    key: str = "single"
    label: str = "one report"
    reports: int = 1
    difference: int | None = None


@dataclass(frozen=True)
class RankedPoint:
    """A point chosen for the briefing, with its global rank (1 = most important)."""

    rank: int
    point: Point
    score: float
    certainty: Certainty = field(default_factory=Certainty)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "text": self.point.text,
            "sources": list(self.point.sources),
            "certainty": self.certainty.key,
            "certainty_label": self.certainty.label,
            "reports": self.certainty.reports,
            "difference": self.certainty.difference,
            "evidence": [e.to_dict() for e in self.point.evidence],
        }


@dataclass(frozen=True)
class Section:
    """A subtopic: a label and its chosen points in rank order."""

    label: str | None  # None: no heading fits; its points read on from the lede
    points: tuple[RankedPoint, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "points": [p.to_dict() for p in self.points]}


@dataclass(frozen=True)
class Briefing:
    """The finished briefing. `to_dict()` is exactly what `synth brief -f json` prints.

    `lede` holds the points the page opens with, `sections` the rest by subtopic: each point
    is in exactly one of them.
    """

    title: str
    sources: tuple[Source, ...]
    sections: tuple[Section, ...]
    omitted_points: int = 0
    differences: tuple[Difference, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    coverage: tuple[SourceCoverage, ...] = ()
    lede: tuple[RankedPoint, ...] = ()
    stats: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def ranked_points(self) -> list[RankedPoint]:
        """All chosen points, lede and sections, in global rank order."""
        placed = [*self.lede, *(p for s in self.sections for p in s.points)]
        return sorted(placed, key=lambda p: p.rank)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "sources": [s.to_dict() for s in self.sources],
            "lede": [p.to_dict() for p in self.lede],
            "sections": [s.to_dict() for s in self.sections],
            "omitted_points": self.omitted_points,
            "differences": [d.to_dict() for d in self.differences],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
            "coverage": {
                "sections": [s.label for s in self.sections],
                "sources": [c.to_dict() for c in self.coverage],
            },
        }


@dataclass(frozen=True)
class Story:
    """One story of a digest: its place (1 = carried by most independent outlets), the stem of
    its files (`story-001` for story-001.md, .html, .json) and its briefing."""

    rank: int
    stem: str
    briefing: Briefing
