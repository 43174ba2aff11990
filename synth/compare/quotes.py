"""Key direct quotes with their speakers, and key figures with what they count.

A quote carried by several outlets, punctuated or trimmed differently, is one entry citing all
of them (they share a run of words). A speaker is resolved from the sentence ("..., Olsen
said") or, for "he said", from the sentences before it, then given in full as the articles
name the person ("Maria Olsen").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from synth.compare.differences import FigureClaim, figure_claims
from synth.core import Evidence, Figure, Quote, Sentence, Source
from synth.lang.en import (
    DETERMINERS,
    NOT_A_NAME,
    PERCENT_WORDS,
    PRONOUN_SPEECH,
    SPEAKER_PRONOUN,
    stop_words,
)
from synth.understand.merge import quote_shingles
from synth.understand.standalone import find_speaker, last_named_speaker

QUOTE = re.compile(r"[\"“](?P<inner>[^\"“”]{10,}?)[\"”]")
MIN_QUOTE_WORDS = 6
SHARED_WORDS = 6
KEY_QUOTES = 5
KEY_FIGURES = 10
MIN_FIGURE = 10
FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


@dataclass(frozen=True)
class QuoteMention:
    sentence: int
    start: int
    end: int
    speaker: str


def quote_mentions(sentences: Sequence[Sentence], sources: Sequence[Source]) -> list[QuoteMention]:
    """Every direct quote of several words whose speaker can be named."""
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
        raw = sources[sentence.source - 1].text[sentence.start : sentence.end]
        for match in QUOTE.finditer(raw):
            if len(match.group("inner").split()) >= MIN_QUOTE_WORDS:
                start = sentence.start + match.start("inner")
                mentions.append(
                    QuoteMention(sentence.id, start, start + len(match.group("inner")), speaker)
                )
    return mentions


def key_quotes(
    sentences: Sequence[Sentence],
    sources: Sequence[Source],
    importance: dict[int, float],
) -> list[Quote]:
    """Quotes grouped across outlets, most widely carried and most important first."""
    mentions = quote_mentions(sentences, sources)
    texts = {m: sources[sentences[m.sentence].source - 1].text[m.start : m.end] for m in mentions}
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
        evidence = tuple(
            Evidence(sentences[m.sentence].source, m.start, m.end, texts[m])
            for m in sorted(group, key=lambda m: (sentences[m.sentence].source, m.start))
        )
        cited = tuple(sorted({e.source for e in evidence}))
        weight = max(importance.get(m.sentence, 0.0) for m in group)
        text = " ".join(texts[longest].split()).strip(" ,")
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


def key_figures(
    sentences: Sequence[Sentence], sources: Sequence[Source], importance: dict[int, float]
) -> list[Figure]:
    """Numbers with what they count, grouped across outlets, most widely reported first."""
    groups: dict[tuple[str, float, str], list[FigureClaim]] = defaultdict(list)
    for sentence in sentences:
        for claim in figure_claims(sentence):
            if claim.value < MIN_FIGURE:
                continue
            counted = "percent" if claim.unit == "percent" else min(claim.counted)
            groups[(claim.unit, claim.value, counted)].append(claim)
    figures = []
    for (unit, value, _), claims in groups.items():
        first = min(claims, key=lambda c: c.sentence)
        phrase, counts = figure_phrase(first.text)
        evidence = tuple(
            Evidence(s.source, s.start, s.end, sources[s.source - 1].text[s.start : s.end])
            for s in sorted(
                {sentences[c.sentence] for c in claims}, key=lambda s: (s.source, s.start)
            )
        )
        cited = tuple(sorted({e.source for e in evidence}))
        number = f"{value:,.0f}" if value == int(value) else f"{value:g}"
        weight = max(importance.get(c.sentence, 0.0) for c in claims)
        figure = Figure(
            f"{number}%" if unit == "percent" else number, counts, phrase, cited, evidence
        )
        figures.append((-len(cited), -weight, first.sentence, figure))
    return [f for *_, f in sorted(figures, key=lambda t: t[:3])][:KEY_FIGURES]


def figure_phrase(text: str) -> tuple[str, str]:
    """The figure with its qualifier and what it counts, and the counted words alone:
    ("up to 1,500 people", "people"), ("about 85 per cent of territory", "of territory").

    The counted words run from the number to the first function word; for a percentage they
    are the "of ..." phrase that says of what.
    """
    words = text.split()
    number = next(i for i, w in enumerate(words) if any(ch.isdigit() for ch in w))
    percent = PERCENT_WORDS.search(text)
    head = len(text[: percent.end()].split()) if percent else number + 1
    counted: list[str] = []
    rest = words[head:]
    if percent and rest[:1] == ["of"]:
        counted.append("of")
        rest = rest[1:]
        while rest and rest[0].lower() in DETERMINERS:
            counted.append(rest.pop(0))
    for word in rest:
        if re.sub(r"\W", "", word).lower() in stop_words():
            break
        counted.append(word)
    if counted and counted[-1].lower() in DETERMINERS | {"of"}:
        counted = []
    phrase = " ".join(words[:head] + counted).rstrip(",.;:")
    return phrase, " ".join(counted).rstrip(",.;:")
