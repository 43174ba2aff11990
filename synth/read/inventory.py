"""`synth sources`: what synth read from each input, what it dropped and why, and the share
of each article's words it kept (a source that loses most of its words is named in `synth
brief` too, so that a user learns it without asking)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from synth.core import Say, Source
from synth.read.clean import word_count
from synth.read.language import NOT_ENGLISH
from synth.read.segment import segment_sources
from synth.read.sources import load_sources
from synth.read.syndicate import mark_reports, wire_copies

# Reasons that drop a second copy of words the source keeps: no word of the article is lost.
REPEATS = frozenset({"repeated copy"})
LOW_RETENTION = 0.5


@dataclass(frozen=True)
class Retention:
    """How many of an article's words the cleaner kept, and what dropped most of the rest.

    `article_words` counts the body (front matter left out), less a second copy of the
    article's own text: dropping a repeat loses nothing.
    """

    kept_words: int
    article_words: int
    main_reason: str | None
    main_reason_words: int

    @property
    def share(self) -> float:
        return self.kept_words / self.article_words if self.article_words else 1.0


def retention(source: Source) -> Retention:
    """The share of `source`'s words kept as article text, and the costliest drop rule."""
    kept = sum(word_count(source.text[a:b]) for a, b in source.blocks)
    lost: Counter[str] = Counter()
    for line in source.dropped:
        lost[line.reason] += word_count(source.text[line.start : line.end])
    repeated = sum(lost.pop(reason, 0) for reason in REPEATS)
    total = max(word_count(source.text[source.body_start :]) - repeated, kept)
    if source.skipped:
        return Retention(0, total, source.skipped, total)
    reason, words = min(lost.items(), key=lambda kv: (-kv[1], kv[0]), default=(None, 0))
    return Retention(kept, total, reason, words)


def retention_note(source: Source) -> str | None:
    """A line for the user when cleaning took more than half of a source's words."""
    kept = retention(source)
    if kept.share > LOW_RETENTION or not kept.article_words:
        return None
    if source.skipped and source.skipped.startswith(NOT_ENGLISH):
        return None  # said as a warning when it was read (`synth.read.sources`)
    if source.skipped:
        return f"{source.path}: not used: {source.skipped}"
    return (
        f"{source.path}: kept {kept.kept_words} of its {kept.article_words} words "
        f"({kept.share:.0%}); most dropped as {kept.main_reason} ({kept.main_reason_words} "
        "words); `synth sources` shows what was dropped"
    )


@dataclass(frozen=True)
class SourceRow:
    id: int
    label: str
    title: str | None
    published: str | None
    words: int
    article_words: int
    kept_share: float
    sentences: int
    dropped: dict[str, int]
    status: str

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def inventory(
    paths: Sequence[str | os.PathLike[str]],
    warn: Say | None = None,
    allow_private: bool = False,
) -> list[SourceRow]:
    sources = load_sources(paths, warn=warn, allow_private=allow_private)
    sentences = segment_sources(sources)
    sources = mark_reports(sources, sentences)
    per_source = Counter(s.source for s in sentences)
    copies = wire_copies(sources)
    rows = []
    for source in sources:
        kept = retention(source)
        group = copies[source.id]
        if source.skipped:
            status = f"skipped: {source.skipped}"
        elif group:
            status = "syndicated with " + ", ".join(f"[{i}]" for i in group)
        else:
            status = "read"
        dropped = dict(sorted(Counter(d.reason for d in source.dropped).items()))
        rows.append(
            SourceRow(
                source.id,
                source.label,
                source.title,
                source.published,
                kept.kept_words,
                kept.article_words,
                round(kept.share, 3),
                per_source[source.id],
                dropped,
                status,
            )
        )
    return rows


def format_inventory(rows: Sequence[SourceRow]) -> str:
    """A plain-text table, one source a row, then the dropped paragraphs by reason."""
    header = ("id", "label", "date", "words", "kept", "sentences", "dropped", "status")
    table = [header] + [
        (
            str(r.id),
            _cut(r.label, 40),
            r.published or "",
            str(r.words),
            f"{r.kept_share:.0%}",
            str(r.sentences),
            str(sum(r.dropped.values())),
            r.status,
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    lines.append("")
    for r in rows:
        if r.title and r.title != r.label:
            lines.append(f"[{r.id}] title: {r.title}")
        if r.dropped:
            reasons = ", ".join(f"{reason} x{n}" for reason, n in r.dropped.items())
            lines.append(f"[{r.id}] dropped: {reasons}")
    return "\n".join(lines).rstrip() + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
