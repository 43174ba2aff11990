"""Sentences cut in two by the cleaner: the first words were dropped as a line of their own.

A hard-wrapped article's first line can look like a headline (several words, no closing
punctuation) and be dropped as one; the sentence it began then opens on the second line
("Berg, who arrived on a three-day visit.") and reads as whole, though its subject
is gone. Such a sentence is no point: its first words are furniture to the cleaner, and a
repair would have to guess them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synth.core import Sentence, Source
from synth.read.reflow import SENTENCE_END

# How wide a wrapped line is against the widest line of the paragraph it belongs to.
WRAP_BAND = (0.8, 1.2)
HEADLINE = "headline"  # the cleaner's reason for a dropped headline line
BLANK_LINE = re.compile(r"\n[ \t]*\n")


def cut_sentences(sources: Sequence[Source], sentences: Sequence[Sentence]) -> frozenset[int]:
    """Ids of the sentences that go on from a dropped line: the line ends with no sentence
    closing, and only a line break (no blank line) stands between it and the sentence."""
    dropped = {s.id: [(d.start, d.end) for d in s.dropped] for s in sources}
    texts = {s.id: s.text for s in sources}
    cut = set()
    for sentence in sentences:
        text = texts.get(sentence.source, "")
        for start, end in dropped.get(sentence.source, ()):
            if end <= sentence.start and _goes_on(text, start, end, sentence.start):
                cut.add(sentence.id)
                break
    return frozenset(cut)


def wrapped_title(source: Source) -> bool:
    """Whether the source's title is the first line of its text wrapped off a sentence: a
    line the cleaner dropped as the headline, that the next line goes on from."""
    title = " ".join((source.title or "").split())
    for line in source.dropped:
        if line.reason != HEADLINE or " ".join(source.text[line.start : line.end].split()) != title:
            continue
        below = source.text.find("\n", line.end)
        following = len(source.text) if below < 0 else below + 1
        while following < len(source.text) and source.text[following] in " \t":
            following += 1
        if _goes_on(source.text, line.start, line.end, following):
            return True
    return False


def _goes_on(text: str, start: int, end: int, following: int) -> bool:
    """Whether the dropped line `text[start:end]` breaks off a sentence that `following`
    continues on the next line: it ends with no sentence closing and is about as wide as
    the lines of the paragraph under it (a wrapped line; a headline over a paragraph is
    narrower than its lines, or stands on a line of its own in a file that is not wrapped)."""
    line = text[start:end].strip().rsplit("\n", 1)[-1].strip()  # its last line as wrapped
    between = text[end:following]
    if not line or between.strip() or between.count("\n") != 1:
        return False
    if SENTENCE_END.search(line):
        return False
    paragraph = BLANK_LINE.split(text[following:], 1)[0].rstrip().split("\n")
    full = paragraph[:-1] or paragraph  # the last line of a paragraph may stop short
    width = max(len(row.strip()) for row in full)
    low, high = WRAP_BAND
    return low * width <= len(line) <= high * width
