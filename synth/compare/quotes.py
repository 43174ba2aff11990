"""Key direct quotes with their speakers, and key figures with what they count.

A quote carried by several outlets, punctuated or trimmed differently, is one entry citing all
of them (they share a run of words). A speaker is resolved from the sentence ("..., Olsen
said") or, for "he said", from the sentences before it, then given in full as the articles
name the person ("Maria Olsen").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from synth.core import Quote, Sentence, Source
from synth.lang.en import (
    NOT_A_NAME,
    PRONOUN_SPEECH,
    SPEAKER_PRONOUN,
)
from synth.read.reflow import flat_text
from synth.understand.merge import quote_shingles
from synth.understand.standalone import find_speaker, last_named_speaker

QUOTE = re.compile(r"[\"“](?P<inner>[^\"“”]{10,}?)[\"”]")
MIN_QUOTE_WORDS = 6
SHARED_WORDS = 6
KEY_QUOTES = 5
FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


@dataclass(frozen=True)
class QuoteMention:
    sentence: int
    start: int
    end: int
    speaker: str


def quote_mentions(sentences: Sequence[Sentence], sources: Sequence[Source]) -> list[QuoteMention]:
    """Every direct quote of several words whose speaker can be named."""
    by_id = {s.id: s for s in sources}
    mentions = []
    for sentence in sentences:
        text = sentence.text
        outside = QUOTE.sub(" ", text)
        speaker = last_named_speaker(outside)
        if speaker is None and (PRONOUN_SPEECH.search(outside) or SPEAKER_PRONOUN.match(outside)):
            speaker = find_speaker(sentence, sentences)
        if speaker is None and not outside.strip(" ,.") and sentence.id > 0:
            speaker = find_speaker(sentence, sentences)
        if speaker is None:
            continue
        raw = by_id[sentence.source].text[sentence.start : sentence.end]
        for match in QUOTE.finditer(raw):
            if len(match.group("inner").split()) >= MIN_QUOTE_WORDS:
                start = sentence.start + match.start("inner")
                mentions.append(
                    QuoteMention(sentence.id, start, start + len(match.group("inner")), speaker)
                )
    return mentions


@dataclass(frozen=True)
class QuoteFinder:
    """Key quotes: direct quotes of several words whose speaker is named."""

    count: int = KEY_QUOTES

    def quotes(
        self,
        sentences: Sequence[Sentence],
        sources: Sequence[Source],
        importance: Mapping[int, float],
    ) -> list[Quote]:
        return key_quotes(sentences, sources, importance)[: self.count]


def key_quotes(
    sentences: Sequence[Sentence],
    sources: Sequence[Source],
    importance: Mapping[int, float],
) -> list[Quote]:
    """Quotes grouped across outlets, most widely carried and most important first."""
    mentions = quote_mentions(sentences, sources)
    by_id = {s.id: s for s in sources}
    spans = {m: by_id[sentences[m.sentence].source].evidence(m.start, m.end) for m in mentions}
    texts = {m: span.text for m, span in spans.items()}
    groups: list[list[QuoteMention]] = []
    group_of_run: dict[tuple[str, ...], int] = {}
    for mention in mentions:
        runs = quote_shingles(f"“{texts[mention]}”", SHARED_WORDS)
        home = min((group_of_run[r] for r in runs if r in group_of_run), default=None)
        if home is None:
            home = len(groups)
            groups.append([])
        groups[home].append(mention)
        for run in runs:
            group_of_run.setdefault(run, home)
    names = full_names(sources)
    quotes = []
    for group in groups:
        runs = {m: quote_shingles(f"“{texts[m]}”", SHARED_WORDS) for m in group}
        longest = max(
            group,
            key=lambda m: (sum(len(runs[m] & runs[o]) for o in group), len(texts[m]), -m.sentence),
        )
        speaker = Counter(m.speaker for m in group).most_common(1)[0][0]
        evidence = tuple(sorted((spans[m] for m in group), key=lambda e: (e.source, e.start)))
        cited = tuple(sorted({e.source for e in evidence}))
        weight = max(importance.get(m.sentence, 0.0) for m in group)
        text = flat_text(texts[longest]).strip(" ,")
        quotes.append(
            (
                -len(cited),
                -weight,
                longest.sentence,
                Quote(names.get(speaker, speaker), text, cited, evidence),
            )
        )
    return [q for *_, q in sorted(quotes, key=lambda t: t[:3])][:KEY_QUOTES]


def full_names(sources: Sequence[Source]) -> dict[str, str]:
    """Surname -> the commonest "First Surname" form in the articles."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for source in sources:
        for first, last in FULL_NAME.findall(source.text):
            if first.casefold() not in NOT_A_NAME:
                counts[last][f"{first} {last}"] += 1
    return {
        last: min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        for last, forms in counts.items()
    }
