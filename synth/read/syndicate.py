"""Find syndicated copies: outlets that ran the same wire story.

Two sources are one independent report when their sentences are mostly the same text (copies),
when they share paragraphs reworded only a little (versions of one story rewritten over the
day: the same agency, the same lead), or when their datelines name the same agency. The briefing
still cites both, but counts them once where it weighs how many outlets said a thing.

A sentence in quotation marks does not count as shared: two outlets quoting one statement
report it twice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from synth.core import Sentence, Source
from synth.lang.en import CREDIT_WORDS, CREDITED_NAME, DATELINE, RELAYED

SHARED_SHARE = 0.6
MIN_SENTENCES = 3
NON_WORD = re.compile(r"[\W_]+")
WORD = re.compile(r"[^\W_]+")
QUOTED = re.compile(r"[\"“”]|``|''")
# Two sentences are one reworded when their word sets overlap this much (Jaccard).
NEAR_SAME = 0.6
NEAR_MIN_WORDS = 8
# Versions of one story: this many shared unquoted paragraphs, or this share of the shorter.
VERSION_SENTENCES = 2
VERSION_SHARE = 0.5
# A word in more sentences than this says nothing about which two are one (an index cap).
COMMON_WORD = 50
DATELINE_REACH = 120  # a dateline opens an article's text


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
    firsts = [ids[0] for ids in same_text.values()]
    pairs = _copies(firsts, keys) + _versions(firsts, sentences) + _same_agency(sources)
    for a, b in pairs + _credited(sources, sentences):
        join(a, b)
    return tuple(replace(s, report=root(s.id)) for s in sources)


def _versions(source_ids: Sequence[int], sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Pairs of these sources that share reworded sentences: at least VERSION_SENTENCES not in
    quotation marks, or VERSION_SHARE of the shorter source's sentences."""
    wanted = set(source_ids)
    rows = [
        (
            s.source,
            frozenset(w.casefold() for w in WORD.findall(s.text)),
            bool(QUOTED.search(s.text)),
        )
        for s in sentences
        if s.source in wanted
    ]
    counts: dict[int, int] = defaultdict(int)
    for source, _, _ in rows:
        counts[source] += 1
    shared: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for i, j in _near_pairs([words for _, words, _ in rows]):
        (a, _, quoted_a), (b, _, quoted_b) = rows[i], rows[j]
        if a != b:
            tally = shared[(min(a, b), max(a, b))]
            tally[0] += 1
            tally[1] += not (quoted_a or quoted_b)
    found = []
    for (a, b), (near, unquoted) in sorted(shared.items()):
        smaller = min(counts[a], counts[b])
        if unquoted >= VERSION_SENTENCES or (smaller >= 2 and near >= VERSION_SHARE * smaller):
            found.append((a, b))
    return found


def _near_pairs(word_sets: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """Pairs (i < j) of long sentences whose word sets overlap at least NEAR_SAME, found
    through an index of their less common words."""
    holders: dict[str, list[int]] = defaultdict(list)
    for index, words in enumerate(word_sets):
        if len(words) >= NEAR_MIN_WORDS:
            for word in words:
                holders[word].append(index)
    common: dict[tuple[int, int], int] = defaultdict(int)
    for ids in holders.values():
        if len(ids) <= COMMON_WORD:
            for x, i in enumerate(ids):
                for j in ids[x + 1 :]:
                    common[(i, j)] += 1
    pairs = []
    for (i, j), count in common.items():
        if count < NEAR_SAME * NEAR_MIN_WORDS:
            continue  # too few words in common to overlap enough: no need to count them all
        union = len(word_sets[i] | word_sets[j])
        if len(word_sets[i] & word_sets[j]) >= NEAR_SAME * union:
            pairs.append((i, j))
    return sorted(pairs)


def agency(source: Source) -> str | None:
    """The news agency the source's dateline names ("KIEV (Reuters) - ..."), if any."""
    for start, end in source.blocks[:1]:
        match = DATELINE.match(source.text[start:end])
        if match and match.group("agency"):
            return match.group("agency").strip()
    return None


def _credited(sources: Sequence[Source], sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Pairs (source, credited source) where a sentence of one credits an outlet ("she told
    KXYZ Harbourton") whose own story is another source of the input (its dateline names
    "(KXYZ9)"; one name's words hold the other's): a story derived from another is not a
    second report."""
    names = {s.id: _name_words(name) - CREDIT_WORDS for s in sources if (name := _own_name(s))}
    found = []
    for sentence in sentences:
        for match in (RELAYED.search(sentence.text), CREDITED_NAME.search(sentence.text)):
            credited = _name_words(match.group(0)) - CREDIT_WORDS if match else set()
            for other, words in names.items():
                if (
                    other != sentence.source
                    and credited
                    and words
                    and (credited <= words or words <= credited)
                ):
                    found.append((sentence.source, other))
    return sorted(set(found))


def _own_name(source: Source) -> str | None:
    """The outlet a source is known by: the agency its opening dateline names, else its
    outlet name."""
    match = DATELINE.match(source.text[:DATELINE_REACH])
    if match and match.group("agency"):
        return match.group("agency")
    return agency(source) or source.outlet


def _name_words(text: str) -> set[str]:
    """An outlet's name as words, case and digits dropped ("CBS13" -> {"cbs"})."""
    return {w for w in (re.sub(r"\d+", "", w).casefold() for w in WORD.findall(text)) if w}


def _same_agency(sources: Sequence[Source]) -> list[tuple[int, int]]:
    """Pairs of sources whose datelines name the same agency: one newsroom, one report."""
    first: dict[str, int] = {}
    found = []
    for source in sources:
        name = agency(source)
        if name and not source.skipped:
            if name in first:
                found.append((first[name], source.id))
            else:
                first[name] = source.id
    return found


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


def relayed(sentences: Sequence[Sentence]) -> dict[int, str]:
    """Sentences that credit an outlet with what they say ("told the Washington Times",
    "according to the Fresno Bee"): sentence id -> the outlet's last word ("times")."""
    found = {}
    for sentence in sentences:
        match = RELAYED.search(sentence.text)
        if match:
            found[sentence.id] = (match.group("to") or match.group("by")).casefold()
    return found


def report_outlets(sources: Sequence[Source]) -> dict[int, str]:
    """Report id -> the outlet it is known by: a source's agency or outlet name, the agency
    first; none when no source of the report names one."""
    outlets: dict[int, str] = {}
    for source in sorted(sources, key=lambda s: agency(s) is None):
        name = agency(source) or source.outlet
        if name and not source.skipped:
            outlets.setdefault(source.report or source.id, name)
    return outlets
