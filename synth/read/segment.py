"""Split the kept text of each source into sentences, keeping exact character offsets.

pysbd ships its rules in its package (no download) and gets abbreviations such as "U.S.
Secretary" and "Dec. 8" right, where Punkt-style splitters break after "U.S.". Sentences never
cross a paragraph: the cleaner's blocks are paragraphs, a hard-wrapped one spanning several
lines. pysbd reads a paragraph's flat text (one line, single spaces), so a paragraph splits the
same however it was wrapped; spans are mapped back to the file as read. pysbd's time grows with
the square of a paragraph's length, so an overlong paragraph (a whole file on one line) is cut
at sentence ends into windows first; a stretch with no sentence end in a whole window is no
sentence and is left out. A sentence a source repeats word for word is counted once."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from synth.core import Sentence, Source
from synth.read.clean import sentence_furniture, word_count
from synth.read.reflow import flatten, segmenter

MIN_WORDS = 4
INNER_TERMINATOR = re.compile(r"[.!?…;:](?=.*\w)", re.S)
WINDOW_CHARS = 2_000
SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*\s+")


def paragraph_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of the sentences of a paragraph of any length (see `windows`)."""
    for start, end in windows(text):
        for a, b in split_sentences(text[start:end]):
            yield start + a, start + b


def windows(text: str, size: int = WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """Spans of at most about `size` characters, each cut after a sentence end; a stretch of
    `size` characters without one is skipped up to the next sentence end."""
    start = 0
    while len(text) - start > size:
        cut = None
        for match in SENTENCE_BREAK.finditer(text, start, start + size):
            cut = match.end()
        if cut is not None:
            yield start, cut
            start = cut
            continue
        following = SENTENCE_BREAK.search(text, start + size)
        if following is None:
            return
        start = following.end()
    if start < len(text):
        yield start, len(text)


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the sentences of one paragraph, whitespace trimmed.

    A paragraph with no sentence mark before its end is one sentence; pysbd, which is slow
    (it compiles regular expressions per call), only sees paragraphs that could split.
    """
    stripped = text.strip()
    if stripped and not INNER_TERMINATOR.search(stripped):
        start = text.find(stripped)
        return ((start, start + len(stripped)),)
    spans = []
    cursor = 0
    for piece in pysbd_sentences(text):
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:  # pysbd altered the text; fall back to the rest of the paragraph
            start = cursor + (len(text[cursor:]) - len(text[cursor:].lstrip()))
            piece = text[start:].strip()
        end = start + len(piece)
        spans.append((start, end))
        cursor = end
        if cursor >= len(text):
            break
    return tuple(spans)


def pysbd_sentences(text: str) -> list[str]:
    """What `pysbd.Segmenter.segment(text)` returns (clean=False): each sentence pysbd finds,
    with the whitespace after it, in order.

    pysbd locates its sentences in the text by compiling one regular expression per sentence,
    a third of its time; plain string search finds the same places.
    """
    splitter = segmenter()
    found = []
    reached = 0
    for sentence in splitter.processor(text).process():
        if not sentence:
            continue  # pysbd yields none; whatever its pattern matched, synth would drop
        start = text.find(sentence)
        while start >= 0:
            end = start + len(sentence)
            while end < len(text) and text[end].isspace():
                end += 1
            if end > reached:
                found.append(text[start:end])
                reached = end
                break
            start = text.find(sentence, end)
    return found


def segment_sources(sources: Sequence[Source]) -> tuple[Sentence, ...]:
    """Every usable sentence of every source, numbered in source then reading order."""
    sentences: list[Sentence] = []
    for source in sources:
        for position, (start, end, text) in enumerate(_source_spans(source)):
            sentences.append(Sentence(len(sentences), source.id, start, end, text, position))
    return tuple(sentences)


def _source_spans(source: Source) -> Iterator[tuple[int, int, str]]:
    """(start, end, flat text) of each usable sentence, offsets into the file as read."""
    seen: set[str] = set()
    for block_start, block_end in source.blocks:
        block = flatten(source.text[block_start:block_end])
        for start, end in paragraph_sentences(block.text):
            text = block.text[start:end]
            if word_count(text) < MIN_WORDS or sentence_furniture(text) or text in seen:
                continue
            seen.add(text)
            yield block_start + block.raw(start), block_start + block.raw_end(end), text
