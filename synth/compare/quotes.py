"""Key direct quotes with their speakers.

Quotations are found in every newswire style (see `quotemarks`), in each outlet's paragraphs.
A quote carried by several outlets, punctuated or trimmed differently, is one entry citing all
of them (they share a run of words). Entries are ranked by how many outlets carry them and how
important their sentences are; only then is the speaker sought (see `speakers`), so the parser
runs on the few paragraphs that hold key quotes. An entry is kept only when a speaker is named
and every outlet that names one names the same person.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from synth.compare.speakers import SpeakerFinder
from synth.core import Evidence, Quote, Sentence, Source
from synth.read.quotemarks import QuoteSpan, quote_spans
from synth.understand.merge import quote_shingles

SHARED_WORDS = 6
KEY_QUOTES = 5


@dataclass(frozen=True)
class QuoteMention:
    """One outlet's quotation: its span among that source's spans, and its sentence."""

    source: int
    index: int
    span: QuoteSpan
    sentence: int


@dataclass(frozen=True)
class QuoteFinder:
    """Key quotes: direct quotes of several words whose speaker is named."""

    count: int = KEY_QUOTES
    speakers: SpeakerFinder = field(default_factory=SpeakerFinder, compare=False)

    def quotes(
        self,
        sentences: Sequence[Sentence],
        sources: Sequence[Source],
        importance: Mapping[int, float],
    ) -> list[Quote]:
        return key_quotes(sentences, sources, importance, self.speakers, self.count)


def quote_mentions(
    sentences: Sequence[Sentence], sources: Sequence[Source]
) -> tuple[list[QuoteMention], dict[int, list[QuoteSpan]]]:
    """Every quotation of every source that is read, and each source's spans."""
    starts: dict[int, list[tuple[int, int]]] = {}
    for sentence in sentences:
        starts.setdefault(sentence.source, []).append((sentence.start, sentence.id))
    mentions = []
    spans_of: dict[int, list[QuoteSpan]] = {}
    for source in sources:
        if source.skipped or source.id not in starts:
            continue
        spans = spans_of[source.id] = quote_spans(source.text, source.blocks)
        order = starts[source.id]
        for index, span in enumerate(spans):
            at = max(bisect.bisect_right(order, (span.start, 1 << 62)) - 1, 0)
            mentions.append(QuoteMention(source.id, index, span, order[at][1]))
    return mentions, spans_of


def key_quotes(
    sentences: Sequence[Sentence],
    sources: Sequence[Source],
    importance: Mapping[int, float],
    finder: SpeakerFinder | None = None,
    count: int = KEY_QUOTES,
) -> list[Quote]:
    """Quotes grouped across outlets, most widely carried and most important first, each
    with its speaker; quotes whose speaker is unknown or disputed are left out."""
    finder = finder or SpeakerFinder()
    mentions, spans_of = quote_mentions(sentences, sources)
    by_id = {s.id: s for s in sources}
    spans = {m: by_id[m.source].evidence(m.span.start, m.span.end) for m in mentions}
    groups = _groups(mentions, spans)
    ranked = sorted(
        groups,
        key=lambda g: (
            -len({m.source for m in g}),
            -max(importance.get(m.sentence, 0.0) for m in g),
            min(m.sentence for m in g),
        ),
    )
    quotes = []
    for group in ranked:
        speaker = _group_speaker(group, spans_of, by_id, finder)
        if speaker is not None:
            quotes.append(_quote(group, spans, speaker))
        if len(quotes) == count:
            break
    return quotes


def _groups(
    mentions: Sequence[QuoteMention], spans: Mapping[QuoteMention, Evidence]
) -> list[list[QuoteMention]]:
    """Mentions that share a run of words, joined into one quotation across outlets."""
    groups: list[list[QuoteMention]] = []
    group_of_run: dict[tuple[str, ...], int] = {}
    for mention in mentions:
        runs = quote_shingles(f"“{spans[mention].text}”", SHARED_WORDS)
        home = min((group_of_run[r] for r in runs if r in group_of_run), default=None)
        if home is None:
            home = len(groups)
            groups.append([])
        groups[home].append(mention)
        for run in runs:
            group_of_run.setdefault(run, home)
    return groups


def _group_speaker(
    group: Sequence[QuoteMention],
    spans_of: Mapping[int, list[QuoteSpan]],
    sources: Mapping[int, Source],
    finder: SpeakerFinder,
) -> str | None:
    """The speaker all outlets agree on (by surname), in its commonest full form."""
    named = []
    for mention in group:
        found = finder.speakers(sources[mention.source], spans_of[mention.source], [mention.index])
        if found[mention.index]:
            named.append(found[mention.index])
    if not named or len({n.split()[-1] for n in named}) != 1:
        return None
    return min(Counter(named).items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0]


def _quote(
    group: Sequence[QuoteMention], spans: Mapping[QuoteMention, Evidence], speaker: str
) -> Quote:
    runs = {m: quote_shingles(f"“{spans[m].text}”", SHARED_WORDS) for m in group}
    # The runs a mention shares with the group, counted over members (itself included): the
    # sum over its runs of how many members hold each, linear in the group's size.
    holders = Counter(run for m in group for run in runs[m])
    longest = max(
        group,
        key=lambda m: (sum(holders[r] for r in runs[m]), len(spans[m].text), -m.sentence),
    )
    evidence = tuple(sorted((spans[m] for m in group), key=lambda e: (e.source, e.start)))
    cited = tuple(sorted({e.source for e in evidence}))
    text = " ".join(spans[longest].text.split()).strip(" ,")
    return Quote(speaker, text, cited, evidence)
