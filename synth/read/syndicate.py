"""Find syndicated copies: outlets that ran the same wire story.

Two sources whose sentences are mostly the same text are one independent report: the
briefing still cites both, but counts them once where it weighs how many outlets said a thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from synth.core import Sentence, Source

SHARED_SHARE = 0.6
MIN_SENTENCES = 3
NON_WORD = re.compile(r"[\W_]+")


def sentence_key(text: str) -> str:
    """Sentence text with case, punctuation and spacing ignored (wire copy gets re-punctuated)."""
    return NON_WORD.sub(" ", text.casefold()).strip()


def mark_reports(sources: Sequence[Source], sentences: Sequence[Sentence]) -> tuple[Source, ...]:
    """Sources with `report` set: the lowest id of the group of copies each belongs to.

    Sources with exactly the same sentences are compared once, as one: a wire story run by
    hundreds of outlets would otherwise be counted pair by pair.
    """
    keys: dict[int, set[str]] = defaultdict(set)
    for sentence in sentences:
        keys[sentence.source].add(sentence_key(sentence.text))
    same_text: dict[frozenset[str], list[int]] = defaultdict(list)
    for source_id in sorted(keys):
        same_text[frozenset(keys[source_id])].append(source_id)
    parent = {s.id: s.id for s in sources}

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)

    for text, ids in same_text.items():
        if len(text) >= MIN_SENTENCES:
            for other in ids[1:]:
                join(ids[0], other)
    for a, b in _copies([ids[0] for ids in same_text.values()], keys):
        join(a, b)
    return tuple(replace(s, report=root(s.id)) for s in sources)


def _copies(source_ids: Sequence[int], keys: dict[int, set[str]]) -> list[tuple[int, int]]:
    """Pairs of these sources that share most of the smaller one's sentences."""
    holders: dict[str, list[int]] = defaultdict(list)
    for source_id in source_ids:
        for key in keys[source_id]:
            holders[key].append(source_id)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in holders.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared[(min(a, b), max(a, b))] += 1
    found = []
    for (a, b), count in sorted(shared.items()):
        smaller = min(len(keys[a]), len(keys[b]))
        if smaller >= MIN_SENTENCES and count >= SHARED_SHARE * smaller:
            found.append((a, b))
    return found


def report_count(sources: Sequence[Source]) -> int:
    """Independent reports among the sources that were read (skipped ones do not count)."""
    return len({s.report or s.id for s in sources if not s.skipped})


def wire_copies(sources: Sequence[Source]) -> dict[int, list[int]]:
    """For each source, the other sources that carry the same wire copy."""
    groups: dict[int, list[int]] = {}
    for source in sources:
        groups.setdefault(source.report or source.id, []).append(source.id)
    return {s.id: [o for o in groups[s.report or s.id] if o != s.id] for s in sources}
