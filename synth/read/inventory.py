"""`synth sources`: what synth read from each input, and what it dropped and why."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from synth.read.clean import word_count
from synth.read.segment import segment_sources
from synth.read.sources import load_sources
from synth.read.syndicate import mark_reports, wire_copies


@dataclass(frozen=True)
class SourceRow:
    id: int
    label: str
    title: str | None
    published: str | None
    words: int
    sentences: int
    dropped: dict[str, int]
    status: str

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def inventory(
    paths: Sequence[str | os.PathLike[str]],
    warn: Callable[[str], None] | None = None,
    allow_private: bool = False,
) -> list[SourceRow]:
    sources = load_sources(paths, warn=warn, allow_private=allow_private)
    sentences = segment_sources(sources)
    sources = mark_reports(sources, sentences)
    per_source = Counter(s.source for s in sentences)
    copies = wire_copies(sources)
    rows = []
    for source in sources:
        words = sum(word_count(source.text[a:b]) for a, b in source.blocks)
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
                words,
                per_source[source.id],
                dropped,
                status,
            )
        )
    return rows


def format_inventory(rows: Sequence[SourceRow]) -> str:
    """A plain-text table, one source a row, then the dropped lines by reason."""
    header = ("id", "label", "date", "words", "sentences", "dropped", "status")
    table = [header] + [
        (
            str(r.id),
            _cut(r.label, 40),
            r.published or "",
            str(r.words),
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
